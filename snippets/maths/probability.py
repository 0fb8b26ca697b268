"""Independent events multiply; logarithms turn the product into a sum.

Run it with `python snippets/maths/probability.py`.
"""

# --8<-- [start:logs]
import math

import torch

a, b = torch.tensor(0.5), torch.tensor(0.8)
print(f"log(a * b)       {torch.log(a * b).item():.6f}")
print(f"log(a) + log(b)  {(torch.log(a) + torch.log(b)).item():.6f}")
print(f"ln(e) = {torch.log(torch.tensor(math.e)).item():.6f}")  # natural log
# --8<-- [end:logs]

# --8<-- [start:underflow]
torch.manual_seed(0)
p = 0.5 + 0.4 * torch.rand(2000)  # 2000 probabilities between 0.5 and 0.9

running = torch.cumprod(p, dim=0)  # p[0], p[0] * p[1], ...
first_zero = (running == 0).nonzero()[0].item()  # counted from 0
tiny = torch.nextafter(torch.tensor(0.0), torch.tensor(1.0)).item()
print(f"product of all 2000 in float32: {torch.prod(p).item()}")
print(f"the running product is exactly 0.0 from factor {first_zero + 1} on")
print(f"the smallest positive float32 is {tiny:.1e}")

log_sum = torch.log(p).sum()
in_float64 = math.fsum(math.log(v) for v in p.tolist())  # Python, one by one
print(f"sum of the logs: torch {log_sum.item():.2f}, Python {in_float64:.2f}")
print(f"so the product is about 10^{in_float64 / math.log(10):.1f}")
# --8<-- [end:underflow]
