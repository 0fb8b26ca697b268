"""The same training on a GPU when there is one, and on the CPU otherwise.

Run it with `python snippets/what-next/device.py`.
"""

# --8<-- [start:device]
import torch

device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
print("running on", device)
# --8<-- [end:device]

# --8<-- [start:train]
import torch.nn.functional as F
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

# Made on the CPU, as data always starts: 200 points, class 1 above a line.
generator = torch.Generator().manual_seed(0)
x_train = torch.rand(200, 2, generator=generator) * 4
y_train = (x_train[:, 0] + x_train[:, 1] > 4).long()
dataset = TensorDataset(x_train, y_train)
shuffler = torch.Generator().manual_seed(0)  # the loader's own random order
loader = DataLoader(dataset, batch_size=20, shuffle=True, generator=shuffler)

torch.manual_seed(0)
model = nn.Linear(2, 2).to(device)  # moves the weights and the bias
optimizer = torch.optim.Adam(model.parameters(), lr=0.1)  # after .to()
for _ in range(10):  # ten epochs
    for x, y in loader:
        x, y = x.to(device), y.to(device)  # each batch joins the model
        loss = F.cross_entropy(model(x), y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
print("the model's weights are on", model.weight.device)
# --8<-- [end:train]

# --8<-- [start:back]
# 100 held-out points, made the same way, that the model never trained on
x_held = torch.rand(100, 2, generator=generator) * 4
y_held = (x_held[:, 0] + x_held[:, 1] > 4).long()
with torch.no_grad():
    predicted = model(x_held.to(device)).argmax(dim=1)
predicted = predicted.cpu().numpy()  # NumPy and matplotlib need the CPU
right = (predicted == y_held.numpy()).mean()
print(
    type(predicted).__name__, predicted[:10], f"held-out accuracy {right:.3f}"
)
# --8<-- [end:back]
