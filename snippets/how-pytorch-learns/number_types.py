"""Number types: float32 by default, int64 for integers, float64 for precision.

Run it with `python snippets/how-pytorch-learns/number_types.py`.
"""

# --8<-- [start:dtypes]
import torch
from torch import nn

print(torch.tensor([1.0]).dtype)  # a decimal point: float32
hours = torch.tensor([[1], [2]])  # whole numbers only: int64
print(hours.dtype)

torch.manual_seed(0)
layer = nn.Linear(1, 1)
print(layer.weight.dtype)
try:
    layer(hours)
except RuntimeError as error:
    print("RuntimeError:", error)

with torch.no_grad():
    print(layer(hours.float()))  # the fix; or write [[1.0], [2.0]]
# --8<-- [end:dtypes]

# --8<-- [start:float64]
print("float32 spacing at 1:", torch.finfo(torch.float32).eps)
print("float64 spacing at 1:", torch.finfo(torch.float64).eps)

one = torch.tensor(1.0)
print("float32: 1 + 1e-8 == 1 is", (one + 1e-8 == one).item())
one = torch.tensor(1.0, dtype=torch.float64)
print("float64: 1 + 1e-8 == 1 is", (one + 1e-8 == one).item())

# The slope of w**2 at w = 3 is 6. Estimate it from two nearby values.
h = 1e-4
for dtype in (torch.float32, torch.float64):
    w = torch.tensor(3.0, dtype=dtype)
    slope = ((w + h) ** 2 - (w - h) ** 2) / (2 * h)
    print(f"{dtype}: slope {slope.item():.6f}")
# --8<-- [end:float64]
