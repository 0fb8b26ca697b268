"""Solutions to the linear-regression exercises.

Run it with `python snippets/linear-regression/exercise.py`.
"""

# --8<-- [start:predict]
import torch

torch.manual_seed(1)
x_train = torch.tensor([[1.0], [2.0], [3.0]])
y_train = torch.tensor([[2.0], [4.0], [6.0]])


def train(lr, epochs):
    """Fit W and b by gradient descent from zero; return them and the final cost."""
    W = torch.zeros(1, requires_grad=True)
    b = torch.zeros(1, requires_grad=True)
    optimizer = torch.optim.SGD([W, b], lr=lr)
    for _ in range(epochs):
        cost = torch.mean((x_train * W + b - y_train) ** 2)
        optimizer.zero_grad()
        cost.backward()
        optimizer.step()
    return W.detach(), b.detach(), cost.item()


W, b, _ = train(lr=0.01, epochs=2001)  # the chapter's 2001 updates, epochs 0 to 2000
print(f"4 hours of study -> predicted score {(W * 4 + b).item():.3f}")
# --8<-- [end:predict]

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
# The numbers the page's gradient-descent stepper starts from, saved as plain JSON.
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
