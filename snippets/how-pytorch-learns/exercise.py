"""Solutions to the exercises of "How PyTorch learns".

Run it with `python snippets/how-pytorch-learns/exercise.py`. It writes the
file hours.pt into the folder you run it from.
"""

# --8<-- [start:twice]
import torch

x, target = 2.0, 5.0
w = torch.tensor(1.0, requires_grad=True)
by_hand = 2 * (w.item() * x - target) * x  # d/dw of (w x - target)^2

for call in (1, 2):
    loss = (w * x - target) ** 2
    loss.backward()
    print(f"after call {call}: w.grad = {w.grad.item()}")
print("by hand, one call:", by_hand)
# --8<-- [end:twice]

# --8<-- [start:two_parameters]
from torch import nn

x_train = torch.tensor([[1.0], [2.0], [3.0]])
y_train = torch.tensor([[2.0], [4.0], [6.0]])

torch.manual_seed(0)
model = nn.Linear(1, 1)  # two parameters: weight and bias
twin = nn.Linear(1, 1)
twin.load_state_dict(model.state_dict())  # the same start

lr = 0.1
optimizer = torch.optim.SGD(twin.parameters(), lr=lr)
for step in range(1, 4):
    cost = torch.mean((model(x_train) - y_train) ** 2)
    cost.backward()
    with torch.no_grad():
        for parameter in model.parameters():  # the weight, then the bias
            parameter -= lr * parameter.grad
            parameter.grad = None

    optimizer.zero_grad()
    torch.mean((twin(x_train) - y_train) ** 2).backward()
    optimizer.step()

    pairs = zip(model.parameters(), twin.parameters(), strict=True)
    same = all(torch.allclose(mine, theirs) for mine, theirs in pairs)
    print(f"step {step}: cost {cost.item():.4f}, same as SGD: {same}")
# --8<-- [end:two_parameters]

# --8<-- [start:save]
optimizer = torch.optim.SGD(model.parameters(), lr=lr)
for _ in range(500):
    optimizer.zero_grad()
    torch.mean((model(x_train) - y_train) ** 2).backward()
    optimizer.step()
torch.save(model.state_dict(), "hours.pt")  # a file in the current folder

reloaded = nn.Linear(1, 1)
reloaded.load_state_dict(torch.load("hours.pt"))
four_hours = torch.tensor([[4.0]])
with torch.no_grad():
    trained, again = model(four_hours), reloaded(four_hours)
print(f"4 hours: trained {trained.item():.6f}, reloaded {again.item():.6f}")
# --8<-- [end:save]
