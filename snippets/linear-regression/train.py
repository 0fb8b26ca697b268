"""Linear regression, trained end to end: study hours in, exam score out.

Run it with `python snippets/linear-regression/train.py`; it prints a training
log and then shows three figures.
"""

# --8<-- [start:train]
import torch

# The original fixes the seed; nothing here is random, but it costs nothing
torch.manual_seed(1)

# Three students: hours studied (x) and the score they got (y), one row each.
x_train = torch.tensor([[1.0], [2.0], [3.0]])
y_train = torch.tensor([[2.0], [4.0], [6.0]])

# The parameters start at zero and ask autograd to track them.
W = torch.zeros(1, requires_grad=True)
b = torch.zeros(1, requires_grad=True)

optimizer = torch.optim.SGD([W, b], lr=0.01)

history = []  # (W, b, cost) before each update, kept for the figures below
nb_epochs = 2000
for epoch in range(nb_epochs + 1):
    hypothesis = x_train * W + b
    cost = torch.mean((hypothesis - y_train) ** 2)
    history.append((W.item(), b.item(), cost.item()))

    optimizer.zero_grad()
    cost.backward()
    optimizer.step()

    if epoch % 100 == 0:
        print(
            f"Epoch {epoch:4d}/{nb_epochs} W: {W.item():.3f}, "
            f"b: {b.item():.3f} Cost: {cost.item():.6f}"
        )
# --8<-- [end:train]

# --8<-- [start:new_students]
x_new = torch.tensor([[4.0], [5.0]])  # two students the line has never seen
y_new = torch.tensor([[8.0], [10.0]])  # and what they scored
with torch.no_grad():  # only numbers: nothing here is to be differentiated
    train_cost = torch.mean((x_train * W + b - y_train) ** 2)
    new_cost = torch.mean((x_new * W + b - y_new) ** 2)
print(f"cost on the training data {train_cost.item():.6f}")
print(f"cost on the new students  {new_cost.item():.6f}")
# --8<-- [end:new_students]

# --8<-- [start:fit]
import matplotlib.pyplot as plt

# The epochs in order, from light grey to dark: the site draws a grey for the
# dark page with its lightness swapped, so there the later lines are the
# brighter ones. Each is 3:1 or more on both pages (3.5 and 3.4 the faintest,
# WCAG's minimum for lines); the last line is the model's blue. Each line is
# named at its right end rather than in a legend, in the text's colour (a
# name in its line's grey was under 4.5:1).
colours = {0: "#8a8a8a", 5: "#6e6e6e", 10: "#555555", 20: "#333333"}
dashes = {0: ":", 5: "-.", 10: (0, (5, 2)), 20: (0, (9, 2))}  # each its own
fig, ax = plt.subplots(num="fit", figsize=(6, 4))
xs = torch.linspace(0, 4, 50)
for epoch, colour in colours.items():
    w_e, b_e, _ = history[epoch]
    ax.plot(xs, w_e * xs + b_e, color=colour, linestyle=dashes[epoch])
    ax.text(4.1, 4 * w_e + b_e, f"epoch {epoch}", va="center")
final = W.item() * xs + b.item()
ax.plot(xs, final, color="#1f77b4", linewidth=2)
ax.text(4.1, final[-1], f"epoch {nb_epochs}", color="#1f77b4", va="center")
# the data on top of the lines, ringed so that the blue line does not hide it
ax.scatter(
    x_train, y_train, s=60, c="black", ec="white", zorder=3, label="data"
)
ax.set_xlim(0, 5.2)  # room for the names
ax.spines["bottom"].set_bounds(0, 4)  # the axis ends at 4 hours
ax.set_xticks(range(5))  # whole hours: room between the labels on a phone
ax.set_xlabel("hours studied")
ax.set_ylabel("score")
ax.legend(loc="upper left")
plt.show()
# --8<-- [end:fit]

# --8<-- [start:cost]
costs = [c for _, _, c in history]
fig, ax = plt.subplots(num="cost", figsize=(6, 4))
ax.plot(costs)
ax.set_yscale("log")
# Every other power of ten: room between the labels on a phone.
ax.set_yticks([1e-5, 1e-3, 1e-1, 1e1])
ax.set_xticks(range(0, nb_epochs + 1, 500))
ax.set_xlabel("epoch")
ax.set_ylabel("cost (MSE, log scale)")
plt.show()
# --8<-- [end:cost]

# --8<-- [start:landscape]
# The early steps are the big ones: mark epochs spaced evenly on a log scale.
marked = sorted({0, *torch.logspace(0, 3.3, 30).long().tolist()})
path_W = torch.tensor([history[e][0] for e in marked])
path_b = torch.tensor([history[e][1] for e in marked])
path_cost = [costs[e] for e in marked]


def mse(w, b_):
    """Cost of the line w*x + b_ on the training data, for grids of w and b_."""
    return (
        (w[..., None] * x_train.squeeze() + b_[..., None] - y_train.squeeze())
        ** 2
    ).mean(-1)


fig, (left, right) = plt.subplots(1, 2, num="landscape", figsize=(7.5, 3.8))
ws = torch.linspace(-0.5, 4.5, 101)
left.plot(ws, mse(ws, torch.zeros_like(ws)), label="cost(W) with b = 0")
orange = "#d95f02"  # the path: 3.8:1 on the light page, 4.3:1 on the dark one
left.plot(
    path_W, path_cost, "o", ms=3, color=orange, label="where descent went"
)
left.set_xlabel("W")
left.set_ylabel("cost")
left.set_yticks([0, 10, 20, 30])  # room between the labels on a phone
left.legend()

grid_W, grid_b = torch.meshgrid(ws, torch.linspace(-2, 2, 81), indexing="ij")
contours = right.contour(
    grid_W,
    grid_b,
    mse(grid_W, grid_b),
    levels=torch.logspace(-2, 1.5, 12),
    colors="C0",
    linewidths=0.8,
)
# Every other outer level labelled where it crosses the line b = -0.4, to the
# right of the valley floor: below the end of the descent path and away from it.
ray_W = torch.linspace(2.2, 4.5, 231)
ray_b = torch.full_like(ray_W, -0.4)
# the inner ellipses are too close together to label
labelled = contours.levels[6::2]
crossings = (
    (mse(ray_W, ray_b)[None, :] - torch.as_tensor(labelled)[:, None])
    .abs()
    .argmin(1)
)
right.clabel(
    contours,
    labelled,
    fontsize=9,
    fmt="%.2g",
    colors="black",
    manual=[(ray_W[i], ray_b[i]) for i in crossings],
)
right.plot(path_W, path_b, "o-", markersize=2, color=orange)
right.plot([2], [0], "*", markersize=11, color="black")  # the lowest point
right.set_xlabel("W")
right.set_ylabel("b")
# whole numbers: room between them on a phone
right.set_yticks([-2, -1, 0, 1, 2])
plt.show()
# --8<-- [end:landscape]
