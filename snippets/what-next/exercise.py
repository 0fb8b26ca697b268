"""Solutions to the exercises of the closing page.

Run it with `python snippets/what-next/exercise.py`.
"""

# --8<-- [start:fourth_class]
import torch
import torch.nn.functional as F
from torch import nn

generator = torch.Generator().manual_seed(0)
# The three centres of the page, and a fourth, top left.
centres = torch.tensor([[1.0, 1.0], [4.0, 1.5], [2.5, 4.0], [0.0, 4.5]])
groups = [c + 0.9 * torch.randn(20, 2, generator=generator) for c in centres]
x_train = torch.cat(groups)  # (80, 2)
y_train = torch.arange(4).repeat_interleave(20)  # labels 0 to 3

torch.manual_seed(0)
model = nn.Linear(2, 4)  # one logit per class: the only change to the model
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
for _ in range(1001):
    loss = F.cross_entropy(model(x_train), y_train)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()

with torch.no_grad():
    probabilities = torch.softmax(model(x_train), dim=1)
right = (probabilities.argmax(dim=1) == y_train).sum().item()
print(probabilities.shape, f"loss {loss.item():.4f}")
print(f"{right} of {len(y_train)} training points classified right")
# --8<-- [end:fourth_class]

# --8<-- [start:adam_scaled]
x_quiz = torch.tensor(
    [
        [73.0, 80.0, 75.0],
        [93.0, 88.0, 93.0],
        [89.0, 91.0, 90.0],
        [96.0, 98.0, 100.0],
        [73.0, 66.0, 70.0],
    ]
)
y_final = torch.tensor([[152.0], [185.0], [180.0], [196.0], [142.0]])
x_scaled = (x_quiz - x_quiz.mean(dim=0)) / x_quiz.std(dim=0)
print(f"mean final score: {y_final.mean():.2f}")

for lr in (0.1, 1.0):
    torch.manual_seed(1)
    model = nn.Linear(3, 1)
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    for epoch in range(1001):
        cost = F.mse_loss(model(x_scaled), y_final)
        if epoch in (100, 500, 1000):
            print(f"Adam, lr {lr}, epoch {epoch:4d}: cost {cost.item():.4f}")
        optimizer.zero_grad()
        cost.backward()
        optimizer.step()
    print(f"  bias after 1000 epochs: {model.bias.item():.2f}")
# --8<-- [end:adam_scaled]
