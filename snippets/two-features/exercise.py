"""Solutions to the exercises of "Two features, three ways".

Run it with `python snippets/two-features/exercise.py`.
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


def right(probabilities):
    """How many of the six students land on the right side of 0.5."""
    return ((probabilities >= 0.5).float() == y_train).sum().item()


# The trained two-feature model, on logits: torch.sigmoid(model(x)) is P(pass)
torch.manual_seed(1)
model = fit(nn.Linear(2, 1), F.binary_cross_entropy_with_logits)
# --8<-- [end:setup]

# --8<-- [start:boundary]
(w1, w2), b = model.weight.flatten().tolist(), model.bias.item()
m, c = -w1 / w2, -b / w2
print(f"boundary: x2 = {m:.3f} * x1 + {c:.3f}")
x1 = torch.tensor([3.0, 4.0, 5.0])
on_the_line = torch.stack([x1, m * x1 + c], dim=1)  # points built from m and c
with torch.no_grad():
    p = torch.sigmoid(model(on_the_line)).flatten()
print(p)
print(f"largest distance from 0.5: {(p - 0.5).abs().max().item():.1e}")

# The new student: 3 hours of self-study. On the line, x2 = m * 3 + c.
needed = m * 3 + c
with torch.no_grad():
    p_new = torch.sigmoid(
        model(torch.tensor([[3.0, 2.0], [3.0, needed]]))
    ).flatten()
print(f"with 3 h of self-study, P = 0.5 at {needed:.2f} h of tutoring")
print(
    f"P(pass) at (3, 2): {p_new[0]:.3f}; at (3, {needed:.2f}): {p_new[1]:.3f}"
)
# --8<-- [end:boundary]

# --8<-- [start:stronger]
new_students = torch.tensor([[2.0, 2.0], [5.0, 4.0]])


def penalised(strength, epochs=2000):
    """The trained model, trained on with an L2 penalty of this strength."""
    copy = nn.Linear(2, 1)
    copy.load_state_dict(model.state_dict())

    def loss_fn(logits, labels):
        bce = F.binary_cross_entropy_with_logits(logits, labels)
        return bce + strength / 2 * copy.weight.pow(2).sum()

    return fit(copy, loss_fn, epochs=epochs)


print("strength  size  right  P([2, 2])  P([5, 4])")
for strength in (0.01, 0.1):
    copy = penalised(strength)
    with torch.no_grad():
        p22, p54 = torch.sigmoid(copy(new_students)).flatten().tolist()
        n_right = right(torch.sigmoid(copy(x_train)))
    size = copy.weight.norm().item()
    print(f"{strength:8}  {size:4.2f}  {n_right:3d}/6  {p22:9.3f}  {p54:9.3f}")
# --8<-- [end:stronger]

# --8<-- [start:epochs]
torch.manual_seed(1)  # the Sequential model's start
early = nn.Linear(2, 1)
optimizer = torch.optim.SGD(early.parameters(), lr=1.0)
all_right, losses = [], []  # after 0, 1, 2, ... epochs
for _ in range(101):
    logits = early(x_train)
    loss = F.binary_cross_entropy_with_logits(logits, y_train)
    all_right.append(right(torch.sigmoid(logits)) == 6)
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
