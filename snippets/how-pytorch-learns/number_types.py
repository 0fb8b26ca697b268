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

# --8<-- [start:figure_float64]
import matplotlib.pyplot as plt


def central_slope(w, h):
    """The estimate above, in w's own type."""
    return ((w + h) ** 2 - (w - h) ** 2) / (2 * h)


# The same estimate for steps h from 0.1 down to 1e-10, in both types: how far
# is it from 6? (In exact arithmetic, not at all.)
steps = torch.logspace(-1, -10, 19, dtype=torch.float64).tolist()
fig, ax = plt.subplots(num="float64", figsize=(6, 3.6))
for dtype, colour in ((torch.float32, "C3"), (torch.float64, "C0")):
    w = torch.tensor(3.0, dtype=dtype)
    errors = [abs(central_slope(w, h).item() - 6) for h in steps]
    ax.plot(steps, errors, "o-", color=colour, label=str(dtype))
ax.axvline(1e-4, color="C7", linestyle=":", label="h = 10⁻⁴, as above")
ax.set_xscale("log")
ax.set_yscale("log")
ax.invert_xaxis()  # smaller steps to the right
ax.set_xlabel("the step h")
ax.set_ylabel("error of the slope")
ax.legend(loc="lower left", bbox_to_anchor=(0, 1), ncols=2)  # above the plot
plt.show()
# --8<-- [end:figure_float64]
