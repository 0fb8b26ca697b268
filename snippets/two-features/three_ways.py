"""Pass or fail from two features, written three ways: raw tensors,
nn.Sequential, an nn.Module class.

Run it with `python snippets/two-features/three_ways.py`.
"""

# --8<-- [start:data]
import torch
import torch.nn.functional as F
from torch import nn

# Each row is a student: [hours of self-study, hours of tutoring]; label 1 =
# passed.
x_train = torch.tensor(
    [[1.0, 2.0], [2.0, 3.0], [3.0, 1.0], [4.0, 3.0], [5.0, 3.0], [6.0, 2.0]]
)
y_train = torch.tensor([[0.0], [0.0], [0.0], [1.0], [1.0], [1.0]])
print(x_train.shape, y_train.shape)


def accuracy(probabilities, labels):
    """Share of examples whose probability lands on the right side of 0.5."""
    predictions = (probabilities >= 0.5).float()
    return (predictions == labels).float().mean().item()


# --8<-- [end:data]


# --8<-- [start:raw]
W = torch.zeros((2, 1), requires_grad=True)  # one weight per feature
b = torch.zeros(1, requires_grad=True)
optimizer = torch.optim.SGD([W, b], lr=0.01)

for epoch in range(1, 1001):
    H = torch.sigmoid(x_train @ W + b)
    cost = F.binary_cross_entropy(H, y_train)
    optimizer.zero_grad()
    cost.backward()
    optimizer.step()
    if epoch % 200 == 0:
        print(f"Epoch {epoch:4d}/1000 Cost: {cost.item():.6f}")

with torch.no_grad():
    H = torch.sigmoid(x_train @ W + b)
print(H.flatten())
print(f"accuracy {accuracy(H, y_train):.3f}")
w_study, w_tutoring = W.flatten().tolist()
print(
    f"weights {w_study:.4f} (self-study), {w_tutoring:.4f} (tutoring), "
    f"bias {b.item():.4f}"
)
# --8<-- [end:raw]


# --8<-- [start:sequential]
torch.manual_seed(1)
model = nn.Sequential(nn.Linear(2, 1), nn.Sigmoid())
optimizer = torch.optim.SGD(model.parameters(), lr=1.0)

for epoch in range(1001):
    H = model(x_train)
    cost = F.binary_cross_entropy(H, y_train)
    optimizer.zero_grad()
    cost.backward()
    optimizer.step()
    if epoch % 100 == 0:
        print(
            f"Epoch {epoch:4d}/1000 Cost: {cost.item():.6f} "
            f"Accuracy {accuracy(H, y_train):.0%}"
        )

print(model)
print(list(model.parameters()))
# --8<-- [end:sequential]

# --8<-- [start:limit]
# The curvature of BCE at the Sequential model's start (seed 1), as in the
# one-feature box: the largest eigenvalue of (1/n) * sum of p(1 - p) [x1, x2,
# 1][x1, x2, 1]^T.
torch.manual_seed(1)
start = nn.Sequential(nn.Linear(2, 1), nn.Sigmoid())
with_ones = torch.cat([x_train, torch.ones(6, 1)], dim=1)
with torch.no_grad():
    p_start = start(x_train)
hessian = (with_ones * (p_start * (1 - p_start))).T @ with_ones / 6
curvature = torch.linalg.eigvalsh(hessian).max().item()
print(
    f"curvature at the start: {curvature:.2f}, so lr below {2 / curvature:.2f}"
)
# --8<-- [end:limit]


# --8<-- [start:module]
class LogisticModel(nn.Module):
    """The logit of passing for each row of a batch: a weighted sum of the
    hours, plus a bias. torch.sigmoid of it is P(pass)."""

    def __init__(self, n_features=2):
        super().__init__()  # sets up the bookkeeping that finds the parameters
        # a layer made here is part of the model
        self.linear = nn.Linear(n_features, 1)

    def forward(self, hours):
        # the logit; the loss below applies the sigmoid
        return self.linear(hours)


torch.manual_seed(1)  # the same random start as the Sequential model
classifier = LogisticModel()
optimizer = torch.optim.SGD(classifier.parameters(), lr=1.0)
for _ in range(1001):
    cost = F.binary_cross_entropy_with_logits(classifier(x_train), y_train)
    optimizer.zero_grad()
    cost.backward()
    optimizer.step()

pairs = zip(classifier.parameters(), model.parameters(), strict=True)
difference = max((p - q).abs().max().item() for p, q in pairs)
print(
    "largest difference from the Sequential model's parameters: "
    f"{difference:.1e}"
)
with torch.no_grad():
    print(
        f"accuracy {accuracy(torch.sigmoid(classifier(x_train)), y_train):.3f}"
    )
# --8<-- [end:module]

# --8<-- [start:figure]
import matplotlib.pyplot as plt

fig, ax = plt.subplots(num="boundary", figsize=(6, 4))
for label, colour, marker, name in (
    (0, "C0", "o", "failed"),
    (1, "C1", "s", "passed"),
):
    rows = y_train.flatten() == label
    ax.scatter(
        x_train[rows, 0],
        x_train[rows, 1],
        color=colour,
        marker=marker,
        s=60,
        zorder=3,
        label=name,
    )

# The boundary is where the logit is 0: w1*x1 + w2*x2 + b = 0, that is
# x2 = -(w1*x1 + b) / w2.
x1 = torch.linspace(0, 7, 2)


def boundary(weight, bias):
    """x2 on the boundary line, at each x1."""
    w1, w2 = weight.flatten().tolist()
    return -(w1 * x1 + bias.item()) / w2


raw_line = boundary(W, b)
ax.plot(x1, raw_line, "--", color="C7", label="raw tensors, learning rate 0.01")
trained_line = boundary(classifier.linear.weight, classifier.linear.bias)
ax.plot(
    x1, trained_line, "-", color="black", linewidth=2, label="learning rate 1"
)
# Each side of the trained boundary tinted with the class the model predicts
# there (as what-next's regions are: a tint that shows on the dark page too).
tint = {"alpha": 0.25, "linewidth": 0}
ax.fill_between(
    x1, trained_line, 0, color="C0", label="predicted: fail", **tint
)
ax.fill_between(
    x1, trained_line, 4.5, color="C1", label="predicted: pass", **tint
)
ax.set_xlim(0, 7)
ax.set_ylim(0, 4.5)
ax.set_xlabel("self-study (hours)")
ax.set_ylabel("tutoring (hours)")
# Above the plot, off the lines
ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncols=2, fontsize=9)
plt.show()
# --8<-- [end:figure]

# --8<-- [start:predict]
# Shape (2, 2): a batch of two rows
new_students = torch.tensor([[2.0, 2.0], [5.0, 4.0]])
with torch.no_grad():
    print(torch.sigmoid(classifier(new_students)))  # P(pass) for each row
    print(
        classifier(torch.tensor([[2.0, 2.0]])).shape,
        classifier(torch.tensor([2.0, 2.0])).shape,
    )
# --8<-- [end:predict]

# --8<-- [start:copies]
# Keep training two copies of the class model: one as before, one with an L2
# penalty on its weights, (strength / 2) * (w1^2 + w2^2), added to the loss.
strength = 0.01
longer, penalised = LogisticModel(), LogisticModel()
optimizers = {}
for copy in (longer, penalised):
    copy.load_state_dict(classifier.state_dict())
    optimizers[copy] = torch.optim.SGD(copy.parameters(), lr=1.0)


def train_step(copy, penalty):
    """One step of descent on BCE plus an L2 penalty of this strength."""
    cost = F.binary_cross_entropy_with_logits(copy(x_train), y_train)
    cost = cost + penalty / 2 * copy.linear.weight.pow(2).sum()
    optimizers[copy].zero_grad()
    cost.backward()
    optimizers[copy].step()


# --8<-- [end:copies]


# --8<-- [start:longer]
# size: the weights' length, the square root of w1^2 + w2^2
print("epoch  penalty  P([2, 2])  P([5, 4])  size")
for epoch in range(1001, 3001):
    train_step(longer, 0.0)
    train_step(penalised, strength)
    if epoch in (2000, 3000):
        for name, copy in (("none", longer), ("L2", penalised)):
            with torch.no_grad():
                p22, p54 = torch.sigmoid(copy(new_students)).flatten().tolist()
            size = copy.linear.weight.norm().item()
            print(f"{epoch:5d}  {name:7s}  {p22:9.5f}  {p54:9.6f}  {size:.2f}")
# --8<-- [end:longer]


# --8<-- [start:boundary]
def line(model):
    """The boundary's slope (x2 per x1), and the x1 where it crosses x2 = 0."""
    (w1, w2), b = (
        model.linear.weight.flatten().tolist(),
        model.linear.bias.item(),
    )
    return -w1 / w2, -b / w1


ends = {"trained": classifier, "without": longer, "with L2": penalised}
print("boundary  slope   crosses x2 = 0 at x1")
for name, copy in ends.items():
    slope, cross = line(copy)
    print(f"{name:8s}  {slope:.3f}  {cross:.2f}")
# --8<-- [end:boundary]
