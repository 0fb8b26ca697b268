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
p = 0.2 + 0.7 * torch.rand(2000)  # 2000 probabilities between 0.2 and 0.9

product = torch.tensor(1.0)  # the product so far, in float32 like p
products = []  # after each factor, for the figure below
for step, value in enumerate(p, start=1):
    product = product * value
    products.append(product.item())
    if product < 1e-43:  # close to the bottom of float32: show every step
        print(f"after {step} factors: {product.item():.2g}")
    if product == 0:
        break

log_sum = torch.log(p).sum().item()
print(f"sum of the logs of all 2000: {log_sum:.2f}")
power = log_sum / math.log(10)  # the logarithm to base 10: log(x) / log(10)
print(f"so their product is about 10^{power:.0f}")
# --8<-- [end:underflow]

# --8<-- [start:figure_underflow]
import matplotlib.pyplot as plt

# Both as powers of 10 (log10 x = log x / log 10): the loop's products but the
# last, 0, which has no logarithm; and the sum of the logs after each factor.
nonzero = products[:-1]
log_sums = torch.cumsum(torch.log(p), dim=0)
# float32's smallest number (below 2^-126 it keeps fewer digits)
smallest = 2.0**-149
fig, (whole, start) = plt.subplots(
    1, 2, num="underflow", figsize=(7.5, 3.8), layout="constrained"
)
for ax in (whole, start):
    ax.plot(
        range(1, len(p) + 1),
        log_sums / math.log(10),
        color="C0",
        label="from the sum of the logs: down to 10⁻⁵⁹⁰",
    )
    ax.plot(
        range(1, len(nonzero) + 1),
        [math.log10(x) for x in nonzero],
        color="C3",
        linewidth=4,
        label=f"the float32 product: 0 from factor {len(products)} on (×)",
    )
    ax.plot(
        [len(products)], [math.log10(smallest)], "x", color="C3", ms=10, mew=2
    )
    ax.axhline(
        math.log10(smallest),
        color="C7",
        linestyle=":",
        label="float32's smallest number, 1.4 × 10⁻⁴⁵",
    )
    ax.set_xlabel("factors multiplied so far")
whole.set_xlim(0, len(p))
whole.set_title("all 2000 factors", loc="left")
start.set_xlim(0, 200)
start.set_ylim(-70, 2)
start.set_title("the first 200", loc="left")
whole.set_ylabel("the product, as a power of 10")
fig.legend(*whole.get_legend_handles_labels(), loc="outside upper left")
plt.show()
# --8<-- [end:figure_underflow]
