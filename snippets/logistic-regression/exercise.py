"""Solutions to the logistic-regression exercises.

Run it with `python snippets/logistic-regression/exercise.py`.
"""

# --8<-- [start:setup]
import math

import torch
import torch.nn.functional as F
from torch import nn

hours = torch.tensor([[1.0], [2.0], [3.0], [4.0]])
passed = torch.tensor([[0.0], [0.0], [1.0], [1.0]])


def fit(x, y, lr=1.0, epochs=2000, seed=0):
    """The chapter's model on logits, trained from the start `seed` picks."""
    torch.manual_seed(seed)
    model = nn.Linear(1, 1)
    optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    for _ in range(epochs):
        loss = F.binary_cross_entropy_with_logits(model(x), y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    return model


model = fit(hours, passed)  # trained as the chapter's model was, on logits
w, b = model.weight.item(), model.bias.item()
print(f"w = {w:.2f}, b = {b:.2f}, boundary at {-b / w:.3f} hours")
# --8<-- [end:setup]

# --8<-- [start:ninety]
log_odds = math.log(0.9 / 0.1)  # P = 0.9 is odds of 9 to 1
needed = (log_odds - b) / w  # solve w x + b = log_odds for x
with torch.no_grad():
    p = torch.sigmoid(model(torch.tensor([[needed]]))).item()
print(f"log-odds {log_odds:.3f} at {needed:.2f} hours; the model: P = {p:.3f}")
print(f"past the boundary by ln 9 / w = {log_odds / w:.2f} hours")
# --8<-- [end:ninety]


# --8<-- [start:keen]
def line_crossing(x, y):
    """Where the least-squares line through (x, y) crosses 0.5 (in float64)."""
    X = torch.cat([x, torch.ones_like(x)], dim=1).double()
    slope, intercept = torch.linalg.lstsq(X, y.double()).solution.flatten()
    return ((0.5 - intercept) / slope).item()


def boundary(x, y):
    """Where the trained logistic model crosses 0.5: its logit is 0."""
    model = fit(x, y)
    return -model.bias.item() / model.weight.item()


keen_hours = torch.cat([hours, torch.tensor([[40.0]])])  # a fifth student
keen_passed = torch.cat([passed, torch.tensor([[1.0]])])
print("students      line crosses 0.5  boundary")
for name, x, y in [
    ("four", hours, passed),
    ("and the keen one", keen_hours, keen_passed),
]:
    crossing, at = line_crossing(x, y), boundary(x, y)
    print(f"{name:18s}{crossing:10.2f} h{at:8.3f} h")
# --8<-- [end:keen]


# --8<-- [start:same]
class PassFail(nn.Module):
    """The original's model: the sigmoid inside, trained with BCELoss."""

    def __init__(self):
        super().__init__()
        self.linear = nn.Linear(1, 1)

    def forward(self, x):
        return torch.sigmoid(self.linear(x))


torch.manual_seed(0)
original = PassFail()
optimizer = torch.optim.SGD(original.parameters(), lr=0.01)
for _ in range(500):
    loss = nn.BCELoss()(original(hours), passed)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()

on_logits = fit(hours, passed, lr=0.01, epochs=500)  # the same seed, 0
for name, layer in [
    ("sigmoid + BCELoss", original.linear),
    ("logits", on_logits),
]:
    weight, bias = layer.weight.item(), layer.bias.item()
    print(f"{name + ':':19s}w = {weight:.4f}, b = {bias:.4f}")
pairs = zip(original.linear.parameters(), on_logits.parameters(), strict=True)
print(
    "the same to 6 decimals:",
    all(torch.allclose(p, q, rtol=0, atol=1e-6) for p, q in pairs),
)
# --8<-- [end:same]
