"""A model holds its parameters: list them, let an optimizer move them, save
them.

Run it with `python snippets/how-pytorch-learns/models.py`. It writes the file
line.pt into the folder you run it from.
"""

# --8<-- [start:parameters]
import torch
from torch import nn

torch.manual_seed(0)
model = nn.Linear(3, 1)  # three inputs, one output
for name, param in model.named_parameters():
    print(name, tuple(param.shape), "requires_grad:", param.requires_grad)

count = sum(param.numel() for param in model.parameters())
print(count, "numbers to learn")
# --8<-- [end:parameters]

# --8<-- [start:step]
# the model's own tensors
optimizer = torch.optim.SGD(model.parameters(), lr=0.01)

x = torch.tensor([[1.0, 2.0, 3.0]])  # one example: three inputs
y = torch.tensor([[2.0]])  # and its target
print("weight before:", model.weight.detach())
optimizer.zero_grad()
cost = torch.mean((model(x) - y) ** 2)
cost.backward()
optimizer.step()
print("weight after: ", model.weight.detach())  # the model itself has moved
# --8<-- [end:step]

# --8<-- [start:save]
for name, value in model.state_dict().items():
    print(name, value)
torch.save(model.state_dict(), "line.pt")  # a file in the current folder

fresh = nn.Linear(3, 1)  # another random start
print("same weights before loading:", torch.equal(fresh.weight, model.weight))
fresh.load_state_dict(torch.load("line.pt"))
print("same weights after loading: ", torch.equal(fresh.weight, model.weight))

x = torch.tensor([[1.0, 2.0, 3.0], [0.5, -1.0, 4.0]])
with torch.no_grad():
    print("saved model: ", model(x).flatten())
    print("loaded model:", fresh(x).flatten())
# --8<-- [end:save]
