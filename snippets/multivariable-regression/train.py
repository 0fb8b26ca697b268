"""Multivariable linear regression: three quiz scores predict the final exam.

Run it with `python snippets/multivariable-regression/train.py`.
"""

# --8<-- [start:data]
import torch
import torch.nn.functional as F
from torch import nn

# Five students: scores in three quizzes (columns) and in the final exam.
x_train = torch.tensor(
    [
        [73.0, 80.0, 75.0],
        [93.0, 88.0, 93.0],
        [89.0, 91.0, 90.0],
        [96.0, 98.0, 100.0],
        [73.0, 66.0, 70.0],
    ]
)
y_train = torch.tensor([[152.0], [185.0], [180.0], [196.0], [142.0]])
print(x_train.shape, y_train.shape)
# --8<-- [end:data]

# --8<-- [start:figure_data]
import matplotlib.pyplot as plt

fig, ax = plt.subplots(num="data", figsize=(6, 3.4))
# Each student is one row of markers at the height of their final score, joined.
for quizzes, final in zip(x_train, y_train, strict=True):
    ax.plot([quizzes.min(), quizzes.max()], [final, final], color="C7", lw=0.8)
# A colour and a shape for each quiz, hollow: where two quizzes have the same
# score, both still show.
for quiz, marker in enumerate(["o", "s", "^"]):
    ax.plot(
        x_train[:, quiz],
        y_train,
        marker,
        color=f"C{quiz}",
        markerfacecolor="white",
        markersize=8,
        label=f"quiz {quiz + 1}",
    )
ax.set_xlabel("quiz score")
ax.set_ylabel("final exam score")
ax.legend(loc="upper left")
plt.show()
# --8<-- [end:figure_data]

# --8<-- [start:hypothesis]
# One weight per quiz; any values will do for the check
W = torch.tensor([[0.5], [-1.0], [2.0]])
b = torch.tensor([3.0])
by_matrix = x_train @ W + b  # (5, 3) @ (3, 1) -> (5, 1): every student at once
by_hand = (
    x_train[:, :1] * W[0] + x_train[:, 1:2] * W[1] + x_train[:, 2:] * W[2] + b
)
print(by_matrix.shape, torch.allclose(by_matrix, by_hand))
# --8<-- [end:hypothesis]

# --8<-- [start:train]
torch.manual_seed(1)
# Holds weight (1 x 3), the transpose of W, and b, randomly initialised
model = nn.Linear(3, 1)
print(list(model.parameters()))

optimizer = torch.optim.SGD(model.parameters(), lr=1e-5)
costs = []
nb_epochs = 2000
for epoch in range(nb_epochs + 1):
    prediction = model(x_train)
    cost = F.mse_loss(prediction, y_train)
    costs.append(cost.item())

    optimizer.zero_grad()
    cost.backward()
    optimizer.step()

    if epoch % 100 == 0:
        print(f"Epoch {epoch:4d}/{nb_epochs} Cost: {cost.item():.6f}")
# --8<-- [end:train]

# --8<-- [start:predict]
with torch.no_grad():
    print(
        "prediction for [73, 80, 75]:",
        model(torch.tensor([[73.0, 80.0, 75.0]])),
    )
# --8<-- [end:predict]

# --8<-- [start:slopes]
# The original run's first slopes, from seed 1: one per weight, one for the bias
torch.manual_seed(1)
start = nn.Linear(3, 1)
F.mse_loss(start(x_train), y_train).backward()
weight_slopes, bias_slope = start.weight.grad.flatten(), start.bias.grad.item()
print("slopes of the weights:", [round(g) for g in weight_slopes.tolist()])
ratio = weight_slopes.mean().item() / bias_slope
print(f"slope of the bias: {bias_slope:.0f}, about 1/{ratio:.0f} of a weight's")
# Curvature, how fast a slope changes: 2 * mean(x^2) for a weight, 2 * 1 for the
# bias
each = 2 * x_train.pow(2).mean(dim=0)
print("curvature for each weight alone:", [round(c) for c in each.tolist()])
print(f"the three together: {each.sum():.0f}; for the bias alone: 2")
# --8<-- [end:slopes]

# --8<-- [start:curvature]
# The Hessian (2/n) X^T X, with a column of ones in X for the bias, and its
# eigenvalues
X = torch.cat([x_train, torch.ones(len(x_train), 1)], dim=1)
curvatures = torch.linalg.eigvalsh(2 / len(X) * X.T @ X)
print("curvatures:", [f"{c:.4g}" for c in curvatures.tolist()])
print(f"descent diverges above lr = {2 / curvatures.max().item():.3g}")
# --8<-- [end:curvature]

# --8<-- [start:too_fast]
torch.manual_seed(1)
too_fast = nn.Linear(3, 1)
optimizer = torch.optim.SGD(too_fast.parameters(), lr=5e-5)
for epoch in range(101):
    cost = F.mse_loss(too_fast(x_train), y_train)
    optimizer.zero_grad()
    cost.backward()
    optimizer.step()
    if epoch % 20 == 0:
        print(f"lr 5e-5, epoch {epoch:3d}: cost {cost.item():.4g}")
# --8<-- [end:too_fast]

# --8<-- [start:creep]
# One step at lr 1e-5 multiplies the error along each direction by 1 - lr *
# curvature
for c in curvatures.tolist():
    left = (1 - 1e-5 * c) ** 1900  # after 1900 epochs
    print(f"curvature {c:9.4g}: {left:.4f} of the error along it left")
# --8<-- [end:creep]

# --8<-- [start:standardize]
# Each quiz's mean and standard deviation, from the training data only
mean, std = x_train.mean(dim=0), x_train.std(dim=0)
x_scaled = (x_train - mean) / std
X_scaled = torch.cat([x_scaled, torch.ones(len(x_scaled), 1)], dim=1)
scaled_curvatures = torch.linalg.eigvalsh(2 / 5 * X_scaled.T @ X_scaled)
print(
    "curvatures after scaling:",
    [f"{c:.4g}" for c in scaled_curvatures.tolist()],
)
# --8<-- [end:standardize]

# --8<-- [start:scaled_training]
torch.manual_seed(1)
scaled_model = nn.Linear(3, 1)
optimizer = torch.optim.SGD(scaled_model.parameters(), lr=0.1)
scaled_costs = []
for epoch in range(nb_epochs + 1):
    cost = F.mse_loss(scaled_model(x_scaled), y_train)
    scaled_costs.append(cost.item())
    optimizer.zero_grad()
    cost.backward()
    optimizer.step()
    if epoch in (0, 100, 500, 2000):
        print(f"scaled, lr 0.1, epoch {epoch:4d}: cost {cost.item():.6f}")
# --8<-- [end:scaled_training]

# --8<-- [start:least_squares]
# The exact least-squares answer, for reference. In float64: this matrix is
# badly conditioned, and in float32 the last digits would depend on which CPU
# kernel happens to run.
ones = torch.ones(len(x_train), 1)  # a column of ones: the bias
X64, y64 = torch.cat([x_train, ones], dim=1).double(), y_train.double()
best = torch.linalg.lstsq(X64, y64).solution
print(f"lowest possible cost: {F.mse_loss(X64 @ best, y64).item():.6f}")
with torch.no_grad():
    # A new input is scaled with the training data's mean and standard deviation
    new_student = (torch.tensor([[73.0, 80.0, 75.0]]) - mean) / std
    print("prediction for [73, 80, 75]:", scaled_model(new_student))
# --8<-- [end:least_squares]

# --8<-- [start:figures]
import matplotlib.pyplot as plt

fig, (whole, tail) = plt.subplots(1, 2, num="cost", figsize=(7.5, 3.6))
# Left, every epoch on a log scale: both costs fall from about 30,000 at once.
whole.plot(costs, label="raw scores, lr 1e-5")
whole.plot(scaled_costs, label="standardised, lr 0.1")
whole.set_yscale("log")
whole.set_title("every epoch (log scale)")
whole.set_ylabel("cost (MSE)")
whole.legend()
# Right, from epoch 100 on an ordinary scale: where the two runs differ.
later = range(100, len(costs))
tail.plot(later, costs[100:])
tail.plot(later, scaled_costs[100:])
tail.set_title("from epoch 100")
for ax in (whole, tail):
    ax.set_xlabel("epoch")
plt.show()

fig, ax = plt.subplots(num="predicted", figsize=(4.5, 4.5))
with torch.no_grad():
    # rings, so that the crosses, almost on the same points, show inside them
    ax.scatter(
        y_train,
        model(x_train),
        s=90,
        facecolors="none",
        edgecolors="C0",
        label="raw scores, 2000 epochs",
    )
    ax.scatter(
        y_train,
        scaled_model(x_scaled),
        marker="x",
        color="C1",
        label="standardised",
    )
ax.plot(
    [140, 200],
    [140, 200],
    color="grey",
    linewidth=0.8,
    label="perfect prediction",
)
ax.margins(0.1)
ax.set_xlabel("actual final score")
ax.set_ylabel("predicted final score")
ax.legend()
plt.show()
# --8<-- [end:figures]
