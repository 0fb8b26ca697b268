"""Judging a classifier: the confusion matrix, accuracy, precision, recall
and F1.

Run it with `python snippets/judging-a-classifier/metrics.py`.
"""

# --8<-- [start:counts]
import torch


def confusion_counts(predicted, actual):
    """TP, FP, FN, TN for two boolean tensors of the same shape."""
    predicted, actual = predicted.bool(), actual.bool()
    return {
        "TP": int((predicted & actual).sum()),
        "FP": int((predicted & ~actual).sum()),
        "FN": int((~predicted & actual).sum()),
        "TN": int((~predicted & ~actual).sum()),
    }


# --8<-- [end:counts]


# --8<-- [start:functions]
def accuracy(c):
    return (c["TP"] + c["TN"]) / (c["TP"] + c["FP"] + c["FN"] + c["TN"])


def precision(c):
    """Of the examples called positive, the share that are (0.0 if none)."""
    called = c["TP"] + c["FP"]
    return c["TP"] / called if called else 0.0


def recall(c):
    """Of the positive examples, the share that were found (0.0 if none)."""
    positives = c["TP"] + c["FN"]
    return c["TP"] / positives if positives else 0.0


def f1(c):
    """The harmonic mean of precision and recall; 0.0 when TP + FP + FN = 0."""
    denominator = 2 * c["TP"] + c["FP"] + c["FN"]
    return 2 * c["TP"] / denominator if denominator else 0.0


# --8<-- [end:functions]


# --8<-- [start:students]
# The model of the chapter "Two features, three ways", trained like
# "딥러닝 로지스틱 회귀": lr 0.01.
x_train = torch.tensor(
    [[1.0, 2.0], [2.0, 3.0], [3.0, 1.0], [4.0, 3.0], [5.0, 3.0], [6.0, 2.0]]
)
y_train = torch.tensor([[0.0], [0.0], [0.0], [1.0], [1.0], [1.0]])
W = torch.zeros((2, 1), requires_grad=True)
b = torch.zeros(1, requires_grad=True)
optimizer = torch.optim.SGD([W, b], lr=0.01)
for _ in range(1000):
    cost = torch.nn.functional.binary_cross_entropy(
        torch.sigmoid(x_train @ W + b), y_train
    )
    optimizer.zero_grad()
    cost.backward()
    optimizer.step()

with torch.no_grad():
    passed = torch.sigmoid(x_train @ W + b) >= 0.5
c = confusion_counts(passed, y_train)
print(c)
print(
    f"accuracy {accuracy(c):.3f}  precision {precision(c):.3f}  "
    f"recall {recall(c):.3f}  F1 {f1(c):.3f}"
)
# --8<-- [end:students]

# --8<-- [start:simulated]
# The simulated data of the cross-entropy chapter, with the maximum-likelihood
# model fitted to it there.
torch.manual_seed(43052)
X = torch.linspace(-1, 1, 2000).reshape(2000, 1)
y = torch.bernoulli(torch.sigmoid(-1 + 5 * X))
# found there by Newton's method, from these 2000 examples
w0, w1 = (-1.0116, 4.8417)


def model(x):
    return torch.sigmoid(w0 + w1 * x)


# 2000 new examples the model never saw, the held-out data: labels from the same
# true model, at inputs drawn at random over the same interval (the training
# inputs were evenly spaced).
generator = torch.Generator().manual_seed(1)
X_new = torch.rand(2000, 1, generator=generator) * 2 - 1
y_new = torch.bernoulli(torch.sigmoid(-1 + 5 * X_new), generator=generator)
probability = model(X_new)

c_train = confusion_counts(model(X) >= 0.5, y)
c = confusion_counts(probability >= 0.5, y_new)
for name, counts in [("training data", c_train), ("held-out data", c)]:
    print(f"{name}: {counts}")
    a, p, r = accuracy(counts), precision(counts), recall(counts)
    print(f"  accuracy {a:.3f}  precision {p:.3f}  recall {r:.3f}")
# --8<-- [end:simulated]

# --8<-- [start:f1]
p, r = precision(c), recall(c)
print(f"2PR / (P + R)          = {2 * p * r / (p + r):.6f}")
print(f"2TP / (2TP + FP + FN)  = {f1(c):.6f}")
lecture = c["TP"] / (2 * c["TP"] + c["FN"] + c["FP"])  # the lecture's formula
print(f"TP / (2TP + FN + FP)   = {lecture:.6f}   (PyTorch 입문's form)")
# --8<-- [end:f1]

# --8<-- [start:imbalanced]
# 1000 card payments, 10 of them fraud, and a "model" that always says "not
# fraud".
fraud = torch.zeros(1000, dtype=torch.bool)
fraud[:10] = True
says_fraud = torch.zeros(1000, dtype=torch.bool)
c_lazy = confusion_counts(says_fraud, fraud)
print(c_lazy)
print(
    f"accuracy {accuracy(c_lazy):.3f}  precision {precision(c_lazy):.3f}  "
    f"recall {recall(c_lazy):.3f}"
)
# --8<-- [end:imbalanced]

# --8<-- [start:edges]
nothing_predicted = confusion_counts(
    torch.tensor([False, False]), torch.tensor([True, False])
)
nothing_to_find = confusion_counts(
    torch.tensor([True, False]), torch.tensor([False, False])
)
all_negative = confusion_counts(
    torch.tensor([False, False]), torch.tensor([False, False])
)
print("positives              precision  recall  F1")
for name, counts in [
    ("none predicted", nothing_predicted),
    ("none to find", nothing_to_find),
    ("neither", all_negative),
]:
    print(f"{name:22s} {precision(counts):9}  {recall(counts):6}  {f1(counts)}")
# --8<-- [end:edges]

# --8<-- [start:threshold]
thresholds = torch.linspace(0.05, 0.95, 19)
table = []
for t in thresholds.tolist():
    counts = confusion_counts(probability >= t, y_new)
    table.append((t, precision(counts), recall(counts), f1(counts)))
print("threshold  precision  recall     F1")
for t, p, r, f in table[::3]:
    print(f"{t:9.2f}  {p:9.3f}  {r:6.3f}  {f:5.3f}")
# --8<-- [end:threshold]

# --8<-- [start:figures]
import matplotlib.pyplot as plt
from matplotlib.colors import ListedColormap

fig, ax = plt.subplots(num="confusion", figsize=(4.2, 3.6))
grid = torch.tensor([[c["TP"], c["FN"]], [c["FP"], c["TN"]]])
# Darker cells for larger counts, in the darker 60% of the "Blues" colours: no
# cell is near-white, which would glare on a dark page.
blues = ListedColormap(
    plt.colormaps["Blues"](torch.linspace(0.4, 1, 256).numpy())
)
image = ax.imshow(grid.numpy(), cmap=blues, vmin=0, vmax=grid.max().item())
for (row, col), name in zip(
    [(0, 0), (0, 1), (1, 0), (1, 1)], ["TP", "FN", "FP", "TN"], strict=True
):
    count = grid[row, col].item()
    label = f"{name}\n{count}"
    # on dark, on light
    text_colour = "white" if image.norm(count) > 0.5 else "black"
    ax.text(
        col,
        row,
        label,
        ha="center",
        va="center",
        color=text_colour,
        fontsize=11,
    )
ax.set_xticks([0, 1], ["predicted 1", "predicted 0"])
ax.set_yticks([0, 1], ["actual 1", "actual 0"])
plt.show()

fig, (sweep, curve) = plt.subplots(1, 2, num="threshold", figsize=(7.5, 3.6))
ts, ps, rs, fs = zip(*table, strict=True)
sweep.plot(ts, ps, "o-", markersize=3, label="precision")
sweep.plot(ts, rs, "s-", markersize=3, label="recall")
sweep.plot(ts, fs, "^-", markersize=3, label="F1")
sweep.set_xlabel("threshold")
sweep.set_ylabel("precision, recall, F1")
sweep.legend()
curve.plot(rs, ps, "o-", markersize=3)
curve.set_xlabel("recall")
curve.set_ylabel("precision")
curve.set(xlim=(0, 1), ylim=(0.5, 1))  # the explorer's axes, below the figure
sweep.set_title("against the threshold")
curve.set_title("precision-recall curve")
plt.show()
# --8<-- [end:figures]

# --8<-- [start:explorer]
# What the page's threshold explorer shows: the held-out counts at every
# threshold from 0 to 1.
import json

steps = [i / 100 for i in range(101)]
counts = [confusion_counts(probability >= t, y_new) for t in steps]
with open("threshold.explorer.json", "w") as file:
    json.dump({"thresholds": steps, "counts": counts, "threshold": 0.5}, file)
# --8<-- [end:explorer]
