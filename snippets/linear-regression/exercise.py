"""Solutions to the linear-regression exercises.

Run it with `python snippets/linear-regression/exercise.py`.
"""

# --8<-- [start:modules]
import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(1)
x_train = torch.tensor([[1.0], [2.0], [3.0]])
y_train = torch.tensor([[2.0], [4.0], [6.0]])


def train(lr, epochs):
    """The chapter's loop: W and b from zero; returns them and the last cost."""
    W = torch.zeros(1, requires_grad=True)
    b = torch.zeros(1, requires_grad=True)
    optimizer = torch.optim.SGD([W, b], lr=lr)
    for _ in range(epochs):
        cost = torch.mean((x_train * W + b - y_train) ** 2)
        optimizer.zero_grad()
        cost.backward()
        optimizer.step()
    return W.detach(), b.detach(), cost.item()


model = nn.Linear(1, 1)  # holds W (model.weight) and b (model.bias)
# it starts from random numbers: start from 0 instead
nn.init.zeros_(model.weight)
nn.init.zeros_(model.bias)
optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
for _ in range(2001):  # epochs 0 to 2000, as in the chapter
    cost = F.mse_loss(model(x_train), y_train)  # the mean of the squared errors
    optimizer.zero_grad()
    cost.backward()
    optimizer.step()

W, b, _ = train(lr=0.01, epochs=2001)
W_nn, b_nn = model.weight.detach().flatten(), model.bias.detach()
print(f"by hand:   W = {W.item():.6f}, b = {b.item():.6f}")
print(f"nn.Linear: W = {W_nn.item():.6f}, b = {b_nn.item():.6f}")
print("the same:", torch.allclose(W, W_nn) and torch.allclose(b, b_nn))
# --8<-- [end:modules]

# --8<-- [start:learning_rate]
# The cost is a quadratic bowl in (W, b); its curvature is the Hessian matrix.
X = torch.cat([x_train, torch.ones_like(x_train)], dim=1)  # columns: x and 1
hessian = 2 / len(X) * X.T @ X
flattest, steepest = torch.linalg.eigvalsh(hessian).tolist()  # ascending order
print(f"curvatures: {flattest:.3f} and {steepest:.3f}")
print(f"descent diverges above lr = 2 / {steepest:.3f} = {2 / steepest:.4f}")

for lr in (0.17, 0.19):
    *_, cost = train(lr=lr, epochs=200)
    print(f"lr = {lr}: cost after 200 epochs = {cost:.3g}")
# --8<-- [end:learning_rate]

# --8<-- [start:explorer]
# The numbers the page's gradient-descent stepper starts from, saved as plain
# JSON.
import json

with open("steps.explorer.json", "w") as file:
    data = {
        "x": x_train.flatten().tolist(),
        "y": y_train.flatten().tolist(),
        "lr": 0.01,
        "epochs": 2000,
    }
    json.dump({**data, "limit": 2 / steepest}, file)
# --8<-- [end:explorer]
