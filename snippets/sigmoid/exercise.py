"""Solutions to the sigmoid exercises.

Run it with `python snippets/sigmoid/exercise.py`.
"""

# --8<-- [start:inverse]
import torch

# The inverse of the sigmoid is the logit, log(p / (1 - p)).
x = torch.logit(torch.tensor(0.9))
print(
    f"σ(x) = 0.9 at x = {x.item():.4f} = ln 9;  "
    f"check: σ(x) = {torch.sigmoid(x).item():.4f}"
)
# --8<-- [end:inverse]

# --8<-- [start:midpoint]
W, b = 2.0, -3.0
midpoint = torch.tensor(-b / W, requires_grad=True)
torch.sigmoid(W * midpoint + b).backward()
print(
    f"midpoint x = -b/W = {midpoint.item()}, "
    f"slope there {midpoint.grad.item()} = W/4"
)
# --8<-- [end:midpoint]


# --8<-- [start:stable]
def stable_sigmoid(x):
    """Never takes exp of a large positive number: exp(-|x|) is at most 1."""
    # -|x|, written by branch (see below)
    e = torch.exp(torch.where(x >= 0, -x, x))
    return torch.where(x >= 0, 1 / (1 + e), e / (1 + e))


x = torch.tensor([-100.0, -20.0, 0.0, 20.0, 100.0], requires_grad=True)
stable_sigmoid(x).sum().backward()
print("values:", stable_sigmoid(x).detach())
print("slopes:", x.grad)
print(
    "largest difference from torch.sigmoid:",
    (stable_sigmoid(x) - torch.sigmoid(x)).abs().max().item(),
)
# --8<-- [end:stable]
