"""Solutions to the multivariable-regression exercises.

Run it with `python snippets/multivariable-regression/exercise.py`.
"""

# --8<-- [start:setup]
import torch
import torch.nn.functional as F
from torch import nn

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
mean, std = x_train.mean(dim=0), x_train.std(dim=0)

torch.manual_seed(1)
model = nn.Linear(3, 1)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
for _ in range(2001):
    cost = F.mse_loss(model((x_train - mean) / std), y_train)
    optimizer.zero_grad()
    cost.backward()
    optimizer.step()
# --8<-- [end:setup]

# --8<-- [start:new_student]
student = torch.tensor([[90.0, 90.0, 90.0]])
with torch.no_grad():
    print(
        "scaled like the training data: "
        f"{model((student - mean) / std).item():.1f}"
    )
    print(f"fed raw scores by mistake:     {model(student).item():.1f}")
# --8<-- [end:new_student]

# --8<-- [start:unscale]
# w * (x - mean) / std + b  ==  (w / std) * x + (b - sum(w * mean / std))
w_scaled, b_scaled = model.weight.detach().flatten(), model.bias.item()
w_raw = w_scaled / std
b_raw = b_scaled - (w_scaled * mean / std).sum().item()
raw = [round(w, 3) for w in w_raw.tolist()]
print("weights on raw scores:", raw, f"bias {b_raw:.2f}")

X = torch.cat([x_train, torch.ones(5, 1)], dim=1)
# In float64, as in the chapter: these columns are so alike that float32 would
# lose digits.
exact = torch.linalg.lstsq(X.double(), y_train.double()).solution.flatten()
best = [round(w, 3) for w in exact[:3].tolist()]
print("least squares, exact: ", best, f"bias {exact[3].item():.2f}")
# --8<-- [end:unscale]
