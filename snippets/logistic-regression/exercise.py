"""Solutions to the logistic-regression exercises.

Run it with `python snippets/logistic-regression/exercise.py`.
"""

# --8<-- [start:setup]
import torch
import torch.nn.functional as F
from torch import nn

x_train = torch.tensor(
    [[1.0, 2.0], [2.0, 3.0], [3.0, 1.0], [4.0, 3.0], [5.0, 3.0], [6.0, 2.0]]
)
y_train = torch.tensor([[0.0], [0.0], [0.0], [1.0], [1.0], [1.0]])


def fit(model, loss_fn, lr=1.0, epochs=1001):
    """The training loop of the chapter, for any model and loss."""
    optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    for _ in range(epochs):
        loss = loss_fn(model(x_train), y_train)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    return model


torch.manual_seed(1)
model = fit(nn.Sequential(nn.Linear(2, 1), nn.Sigmoid()), F.binary_cross_entropy)
# --8<-- [end:setup]

# --8<-- [start:boundary]
(w1, w2), b = model[0].weight.flatten().tolist(), model[0].bias.item()
m, c = -w1 / w2, -b / w2
print(f"boundary: x2 = {m:.3f} * x1 + {c:.3f}")
x1 = torch.tensor([3.0, 4.0, 5.0])
on_the_line = torch.stack([x1, m * x1 + c], dim=1)  # points built from m and c
with torch.no_grad():
    print(model(on_the_line).flatten())
# --8<-- [end:boundary]

# --8<-- [start:logits]
torch.manual_seed(1)  # the same start as above
# No Sigmoid layer
logit_model = fit(nn.Linear(2, 1), F.binary_cross_entropy_with_logits)
difference = (logit_model.weight - model[0].weight).abs().max().item()
print(f"largest difference in the weights: {difference:.1e}")
with torch.no_grad():
    passes = torch.sigmoid(logit_model(x_train)) >= 0.5
print("accuracy:", (passes.float() == y_train).float().mean().item())
# --8<-- [end:logits]

# --8<-- [start:epochs]
torch.manual_seed(1)  # the Sequential model's start
early = nn.Sequential(nn.Linear(2, 1), nn.Sigmoid())
optimizer = torch.optim.SGD(early.parameters(), lr=1.0)
all_right, losses = [], []  # after 0, 1, 2, ... epochs
for _ in range(101):
    probabilities = early(x_train)
    loss = F.binary_cross_entropy(probabilities, y_train)
    all_right.append(((probabilities >= 0.5).float() == y_train).all().item())
    losses.append(loss.item())
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()

first = all_right.index(True)
print(f"all six right for the first time after {first} epochs")
again = [n for n in range(first, 101) if not all_right[n]]
print("wrong again after", again, "epochs")
zigzag = [round(v, 4) for v in losses[first : first + 4]]
print(f"loss after {first} to {first + 3} epochs:", zigzag)
# --8<-- [end:epochs]
