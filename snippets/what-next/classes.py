"""More than two classes: logits, softmax and cross-entropy on three groups.

Run it with `python snippets/what-next/classes.py`; it prints a log and shows
a figure.
"""

# --8<-- [start:data]
import torch

generator = torch.Generator().manual_seed(0)
# 20 made-up points around each of three centres: classes 0, 1 and 2.
centres = torch.tensor([[1.0, 1.0], [4.0, 1.5], [2.5, 4.0]])
groups = [c + 0.9 * torch.randn(20, 2, generator=generator) for c in centres]
x_train = torch.cat(groups)  # (60, 2): two features per point
y_train = torch.arange(3).repeat_interleave(20)  # 0 twenty times, then 1, 2
print(x_train.shape, y_train.shape, y_train.dtype)
print(y_train[::10])  # every tenth label
# --8<-- [end:data]

# --8<-- [start:data_figure]
import matplotlib.pyplot as plt

fig, ax = plt.subplots(num="data", figsize=(4.6, 3.4))
for k, marker in zip(range(3), "os^", strict=True):
    points = x_train[y_train == k]
    ax.scatter(*points.T, color=f"C{k}", marker=marker, label=f"class {k}")
ax.set_xlabel("first feature")
ax.set_ylabel("second feature")
# over the plot
ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncols=3)
plt.show()
# --8<-- [end:data_figure]

# --8<-- [start:softmax]
from torch import nn

torch.manual_seed(0)
model = nn.Linear(2, 3)  # three outputs: one logit per class
some = x_train[[0, 20, 40]]  # one point of each class
with torch.no_grad():
    logits = model(some)
probabilities = torch.softmax(logits, dim=1)  # across each row's 3 logits
print(logits)
print(probabilities)
print(probabilities.sum(dim=1))
# --8<-- [end:softmax]

# --8<-- [start:loss]
criterion = nn.CrossEntropyLoss()  # takes logits and class numbers
labels = y_train[[0, 20, 40]]  # tensor([0, 1, 2]), int64
loss = criterion(logits, labels)
# By hand: minus the log of the probability given to the right class.
right = probabilities[torch.arange(3), labels]
print(right)
print(f"{loss.item():.4f} {-torch.log(right).mean().item():.4f}")
# --8<-- [end:loss]

# --8<-- [start:stable]
sure_and_wrong = torch.tensor([[0.0, 200.0, 0.0]])  # says 1; the label is 0
label = torch.tensor([0])
by_hand = -torch.log(torch.softmax(sure_and_wrong, dim=1)[0, 0])
print(by_hand, criterion(sure_and_wrong, label))
# --8<-- [end:stable]

# --8<-- [start:train]
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
for epoch in range(1001):
    logits = model(x_train)
    loss = criterion(logits, y_train)

    optimizer.zero_grad()
    loss.backward()
    optimizer.step()

    if epoch % 250 == 0:
        predicted = logits.argmax(dim=1)  # the class with the largest logit
        accuracy = (predicted == y_train).float().mean()
        print(f"epoch {epoch:4d}: loss {loss.item():.4f},", end=" ")
        print(f"training accuracy {accuracy:.3f}")
# --8<-- [end:train]

# --8<-- [start:predict]
# Held out: 20 new points around each centre, drawn after the training points,
# never trained on.
x_held = torch.cat(
    [c + 0.9 * torch.randn(20, 2, generator=generator) for c in centres]
)
y_held = torch.arange(3).repeat_interleave(20)
new_points = torch.tensor([[1.0, 1.0], [4.0, 1.5], [2.5, 2.2]])
with torch.no_grad():
    right = (model(x_train).argmax(dim=1) == y_train).sum().item()
    right_held = (model(x_held).argmax(dim=1) == y_held).sum().item()
    new_probabilities = torch.softmax(model(new_points), dim=1)
print(f"{right} of {len(y_train)} training points classified right")
print(f"{right_held} of {len(y_held)} held-out points classified right")
print(new_probabilities)
print(new_probabilities.argmax(dim=1))
# --8<-- [end:predict]

# --8<-- [start:two_classes]
import torch.nn.functional as F

two_logits = torch.randn(5, 2, generator=torch.Generator().manual_seed(1))
two_labels = torch.tensor([0, 1, 1, 0, 1])
z = two_logits[:, 1] - two_logits[:, 0]  # one logit: class 1 against class 0
print(torch.softmax(two_logits, dim=1)[:, 1])
print(torch.sigmoid(z))
ce = F.cross_entropy(two_logits, two_labels)
bce = F.binary_cross_entropy_with_logits(z, two_labels.float())
print(f"cross-entropy {ce.item():.6f}, BCE with logits {bce.item():.6f}")
# --8<-- [end:two_classes]

# --8<-- [start:figure]
import matplotlib.pyplot as plt
from matplotlib.colors import ListedColormap

fig, ax = plt.subplots(num="regions", figsize=(6, 4))
# Colour every point of a fine grid by the class the model picks there.
ticks = torch.linspace(-1.5, 6.5, 400)
x1, x2 = torch.meshgrid(ticks, ticks, indexing="xy")
with torch.no_grad():
    grid = torch.stack([x1.flatten(), x2.flatten()], dim=1)
    regions = model(grid).argmax(dim=1).reshape(x1.shape)
colours = ["C0", "C1", "C2"]
ax.imshow(
    regions.numpy(),
    cmap=ListedColormap(colours),
    alpha=0.25,
    interpolation="nearest",  # sharp borders between the regions
    origin="lower",  # row 0 of the grid at the bottom
    extent=(-1.5, 6.5, -1.5, 6.5),
)
for k, marker in zip(range(3), "os^", strict=True):
    points = x_train[y_train == k]
    ax.scatter(
        *points.T,
        color=colours[k],
        marker=marker,
        edgecolors="black",  # an outline, to stand out from its region
        linewidths=0.5,
        label=f"class {k}",
    )
ax.set_xlabel("first feature")
ax.set_ylabel("second feature")
ax.legend(
    loc="lower center", bbox_to_anchor=(0.5, 1.0), ncols=3
)  # above the plot
plt.show()
# --8<-- [end:figure]
