"""Slopes, derivatives, the chain rule and the gradient, each checked twice.

Run it with `python snippets/maths/calculus.py`. Each section is shown on its
own on the site, with what it prints underneath.
"""


# --8<-- [start:slope]
def f(x):
    return x**2


# The slope of the straight line through (3, f(3)) and a point h further on.
for h in (1.0, 0.1, 0.01, 0.001):
    rise = f(3 + h) - f(3)
    print(f"h = {h:<5}  slope = {rise / h:.6f}")
# --8<-- [end:slope]

# --8<-- [start:figure_slope]
import matplotlib.pyplot as plt

xs = [i / 20 for i in range(0, 111)]  # x from 0 to 5.5
ends = (1.0, 5.5)  # where each straight line is drawn from and to
fig, ax = plt.subplots(num="secants", figsize=(6, 3.6))
ax.plot(xs, [f(x) for x in xs], color="C0", linewidth=2, label="f(x) = x²")
for h, colour, style in ((2.0, "C1", "--"), (1.0, "C2", "-.")):
    slope = (f(3 + h) - f(3)) / h
    line = [f(3) + slope * (x - 3) for x in ends]
    ax.plot(
        ends,
        line,
        style,
        color=colour,
        label=f"through x = 3 and {3 + h:g}: slope {slope:g}",
    )
    ax.plot([3 + h], [f(3 + h)], "o", color=colour)
ax.plot(
    ends,
    [f(3) + 6 * (x - 3) for x in ends],
    ":",
    color="C3",
    label="the tangent at x = 3: slope 6",
)
ax.plot([3], [f(3)], "o", color="black")
ax.set_xlim(0, 5.5)
ax.set_ylim(0, 30)
ax.set_xlabel("x")
ax.set_ylabel("f(x)")
ax.legend(loc="upper left")
plt.show()
# --8<-- [end:figure_slope]

# --8<-- [start:derivative]
import torch


def slope_at(function, x, h=1e-6):
    """The slope of function at x, from two points h either side of it."""
    # float64: f(x + h) and f(x - h) agree in their first digits, and the
    # subtraction would leave float32 (about 7 digits) almost nothing.
    x = torch.tensor(x, dtype=torch.float64)
    return ((function(x + h) - function(x - h)) / (2 * h)).item()


x = torch.tensor(3.0, requires_grad=True)  # float32, torch's default
y = f(x)
y.backward()  # autograd: the next page explains these two lines
print(f"by hand, 2x: {2 * 3.0:.6f}")
print(f"central difference: {slope_at(f, 3.0):.6f}")
print(f"autograd: {x.grad.item():.6f}")
# --8<-- [end:derivative]


# --8<-- [start:chain]
def g(x):
    return (3 * x + 1) ** 2  # outer: u squared; inner: u = 3x + 1


x = torch.tensor(2.0, requires_grad=True)
g(x).backward()
u = 3 * 2.0 + 1  # the inner function at x = 2
# The outer slope 2u times the inner slope 3:
print(f"by hand: {2 * u * 3:.6f}")
print(f"autograd: {x.grad.item():.6f}")
print(f"central difference: {slope_at(g, 2.0):.6f}")
# --8<-- [end:chain]


# --8<-- [start:sigmoid]
def s(x):
    return torch.sigmoid(2 * x - 1)  # the sigmoid of the line 2x - 1


x = torch.tensor(1.0, requires_grad=True)
s(x).backward()
z = 2 * 1.0 - 1  # the inner line at x = 1
sig = torch.sigmoid(torch.tensor(z)).item()
# The outer slope sigma(z)(1 - sigma(z)) times the inner slope 2:
print(f"by hand: {sig * (1 - sig) * 2:.6f}")
print(f"autograd: {x.grad.item():.6f}")
print(f"central difference: {slope_at(s, 1.0):.6f}")
# --8<-- [end:sigmoid]

# --8<-- [start:partial]
x_data = torch.tensor([0.0, 2.0])  # two points: (0, 1) and (2, 5)
y_data = torch.tensor([1.0, 5.0])


def cost(W, b, x=x_data, y=y_data):
    """Mean squared error of the line W * x + b on the points (x, y)."""
    return torch.mean((W * x + b - y) ** 2)


W = torch.tensor(0.0, requires_grad=True)
b = torch.tensor(0.0, requires_grad=True)
cost(W, b).backward()

# Nudge one variable, hold the other still; float64 as in slope_at.
x64, y64, h = x_data.double(), y_data.double(), 1e-6
dW = (cost(h, 0, x64, y64) - cost(-h, 0, x64, y64)) / (2 * h)
db = (cost(0, h, x64, y64) - cost(0, -h, x64, y64)) / (2 * h)
print(f"d cost/dW: autograd {W.grad:.4f}, central difference {dW:.4f}")
print(f"d cost/db: autograd {b.grad:.4f}, central difference {db:.4f}")
# --8<-- [end:partial]

# --8<-- [start:descent]
lr = 0.1  # the learning rate
W_new = W.item() - lr * W.grad.item()  # a step against the gradient
b_new = b.item() - lr * b.grad.item()
print(f"W = {W_new:.4f}, b = {b_new:.4f}")
print(f"cost before the step {cost(W, b).item():.4f}")
print(f"cost after the step  {cost(W_new, b_new).item():.4f}")
# --8<-- [end:descent]

# --8<-- [start:figure_descent]
# Twenty steps of the same descent, over the contour lines of the cost.
path = [(0.0, 0.0)]
for _ in range(20):
    w_t = torch.tensor(path[-1][0], requires_grad=True)
    b_t = torch.tensor(path[-1][1], requires_grad=True)
    cost(w_t, b_t).backward()
    path.append(
        (w_t.item() - lr * w_t.grad.item(), b_t.item() - lr * b_t.grad.item())
    )

# The cost at every point of a grid of (W, b): broadcasting over the two data
# points.
grid_W, grid_b = torch.meshgrid(
    torch.linspace(-0.5, 3, 200), torch.linspace(-1, 3, 200), indexing="xy"
)
lines = grid_W[..., None] * x_data + grid_b[..., None]  # (200, 200, 2)
costs = torch.mean((lines - y_data) ** 2, dim=-1)

fig, ax = plt.subplots(num="descent", figsize=(6, 4))
levels = [0.25, 1, 2, 4, 8, 13]
contours = ax.contour(
    grid_W, grid_b, costs, levels=levels, colors="C7", linewidths=0.8
)
ax.clabel(contours, fmt="%g", colors="black")  # each line's cost: 8, not 8.00
steps_W, steps_b = [w for w, _ in path], [b for _, b in path]
ax.plot(
    steps_W,
    steps_b,
    "o-",
    color="C0",
    markersize=3,
    label="20 steps, learning rate 0.1",
)
ax.plot(
    [2],
    [1],
    "*",
    color="C3",
    markersize=12,
    label="lowest cost, W = 2 and b = 1",
)
ax.set_xlabel("W")
ax.set_ylabel("b")
ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncols=2)
plt.show()
# --8<-- [end:figure_descent]
