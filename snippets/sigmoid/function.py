"""The sigmoid function: definition, properties, derivative, and float32 limits.

Run it with `python snippets/sigmoid/function.py`; it prints each check and
shows two figures.
"""

# --8<-- [start:definition]
import torch


def sigmoid(x):
    """The logistic sigmoid, written straight from its formula."""
    return 1 / (1 + torch.exp(-x))


x = torch.tensor([-5.0, -1.0, 0.0, 1.0, 5.0])
print(sigmoid(x))
print(torch.sigmoid(x))
# --8<-- [end:definition]

# --8<-- [start:properties]
# In float64: the checks below must see differences far smaller than float32 can
# show.
xs = torch.linspace(-10, 10, 2001, dtype=torch.float64)
s = torch.sigmoid(xs)
print("increasing:", bool((s.diff() > 0).all()))
asymmetry = (torch.sigmoid(-xs) - (1 - s)).abs().max().item()
print("symmetric, max |s(-x) - (1 - s(x))|:", asymmetry)

# Between 0 and 1 on paper. In a computer, 1 + e^-x rounds to exactly 1 once
# e^-x is small enough, and then σ(x) = 1 / 1 = 1.
for dtype in (torch.float32, torch.float64):
    x = torch.arange(0, 40, 0.01, dtype=dtype)
    first = x[torch.sigmoid(x) == 1][0].item()
    sum_is_1 = x[1 + torch.exp(-x) == 1][0].item()
    print(
        f"{dtype}: σ(x) = 1.0 from x = {first:.2f}, "
        f"1 + e^-x = 1 from {sum_is_1:.2f}"
    )
# --8<-- [end:properties]

# --8<-- [start:derivative]
# 2001 points from -10 to 10, in float64, as for the properties.
xs = torch.linspace(-10, 10, 2001, dtype=torch.float64, requires_grad=True)
# Each output depends on one input only, so one backward pass gives every slope.
torch.sigmoid(xs).sum().backward()
by_autograd = xs.grad
xs = xs.detach()
by_formula = torch.sigmoid(xs) * (1 - torch.sigmoid(xs))

# A finite difference knows neither: how much σ changes over a tiny step each
# way, per unit of x.
h = 1e-5
by_difference = (torch.sigmoid(xs + h) - torch.sigmoid(xs - h)) / (2 * h)
off_difference = (by_autograd - by_difference).abs().max().item()
print("max |autograd - finite difference|:", off_difference)
# Not a check: autograd computes s(1 - s) itself, so this is the same
# computation twice.
same = (by_autograd - by_formula).abs().max().item()
print("max |autograd - s(1 - s)|, the same computation:", same)
smallest, at_0 = by_autograd.min().item(), by_autograd[1000].item()
print("smallest slope:", smallest, " slope at 0:", at_0)

# The second derivative is the slope of the slope: a finite difference of the
# autograd slopes, at each point of the grid but the two ends.
inner = xs[1:-1]
second = (by_autograd[2:] - by_autograd[:-2]) / (xs[2:] - xs[:-2])
for name, where in (("upwards", second > 0), ("downwards", second < 0)):
    first, last = inner[where].min(), inner[where].max()
    print(
        f"bends {name} at {where.sum()} points, x = {first:.2f} to {last:.2f}"
    )
# --8<-- [end:derivative]

# --8<-- [start:figure]
import matplotlib.pyplot as plt

fig, ax = plt.subplots(num="sigmoid", figsize=(6, 3.6))
ax.plot(xs, torch.sigmoid(xs), label="σ(x)")
ax.plot(
    xs,
    torch.sigmoid(xs) * (1 - torch.sigmoid(xs)),
    label="σ′(x) = σ(x)(1 − σ(x))",
)
ax.axhline(0.5, color="grey", linewidth=0.6, linestyle=":")
ax.axvline(0, color="grey", linewidth=0.6, linestyle=":")
ax.set_xlabel("x")
ax.legend()
plt.show()
# --8<-- [end:figure]

# --8<-- [start:shape]
fig, (steep, shift) = plt.subplots(
    1, 2, num="shape", figsize=(7.5, 3.5), sharey=True
)
x_axis = torch.linspace(-6, 6, 241)
# A dash for each curve as well as a colour: told apart without telling red from
# green.
for W, dashes in zip((0.5, 1, 2, 5), (":", "-.", "--", "-"), strict=True):
    steep.plot(x_axis, torch.sigmoid(W * x_axis), dashes, label=f"W = {W}")
steep.set_title("σ(Wx): W sets the steepness")
steep.set_ylabel("σ(Wx)")
# b = 0 is the curve W = 1 of the left panel, drawn alike; the other two take
# colours of their own, not those of other W's.
for b, colour, dashes in ((-2, "C4", "--"), (0, "C1", "-."), (2, "C6", ":")):
    # "−2" with a minus sign, as the axes write their ticks; f"{b}" would give
    # "-2" with a hyphen.
    label = f"b = {b}".replace("-", "−")
    shift.plot(
        x_axis, torch.sigmoid(x_axis + b), dashes, color=colour, label=label
    )
shift.set_title("σ(x + b): b shifts the curve")
shift.set_ylabel("σ(x + b)")
# Sharey hides the right panel's tick labels; its y label needs them
shift.tick_params(labelleft=True)
for ax in (steep, shift):
    ax.set_xlabel("x")
    ax.legend()
plt.show()
# --8<-- [end:shape]

# --8<-- [start:float32]
big = torch.tensor([-100.0, -20.0, 20.0, 100.0], requires_grad=True)

naive = sigmoid(big)
naive.sum().backward()
naive_slope = big.grad

big.grad = None
theirs = torch.sigmoid(big)
theirs.sum().backward()
# One row for each input, one column for each value: read down a column to
# compare the inputs, across to compare the two sigmoids.
columns = (naive, naive_slope, theirs, big.grad)
print("    x     naive σ   its slope     torch σ   its slope")
for i in range(len(big)):
    row = "".join(f"{column[i]:12.4e}" for column in columns)
    print(f"{big[i]:5g}" + row)
# --8<-- [end:float32]
