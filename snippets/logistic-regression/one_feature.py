"""Pass or fail from hours studied: one feature, an nn.Module class, BCELoss.

Run it with `python snippets/logistic-regression/one_feature.py`.
"""

# --8<-- [start:model]
import torch


class PassFail(torch.nn.Module):
    """Probability of passing: a sigmoid of a linear function of the hours."""

    def __init__(self):
        super().__init__()
        self.linear = torch.nn.Linear(1, 1)

    def forward(self, x):
        return torch.sigmoid(self.linear(x))


# --8<-- [end:model]

# --8<-- [start:train]
# the original sets no seed; this makes the page reproducible
torch.manual_seed(0)

x_data = torch.tensor([[1.0], [2.0], [3.0], [4.0]])  # hours studied
# failed, failed, passed, passed
y_data = torch.tensor([[0.0], [0.0], [1.0], [1.0]])

model = PassFail()
criterion = torch.nn.BCELoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.01)

for epoch in range(500):
    y_pred = model(x_data)
    loss = criterion(y_pred, y_data)
    if epoch % 100 == 0 or epoch == 499:
        print(epoch, f"{loss.item():.4f}")

    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
# --8<-- [end:train]

# --8<-- [start:predict]
with torch.no_grad():
    for hours in (1.0, 7.0):
        probability = model(torch.tensor([[hours]])).item()
        print(
            f"predict {hours:.0f} hour(s): "
            f"P(pass) = {probability:.3f} -> pass: {probability >= 0.5}"
        )
# --8<-- [end:predict]


# --8<-- [start:seeds]
def train(seed, lr, epochs):
    """Train PassFail from the random start `seed` picks; return the model."""
    torch.manual_seed(seed)
    model = PassFail()
    optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    for _ in range(epochs):
        loss = torch.nn.functional.binary_cross_entropy(model(x_data), y_data)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    return model


short_runs = [train(seed, lr=0.01, epochs=500) for seed in range(10)]
with torch.no_grad():
    one_hour = [m(torch.tensor([[1.0]])).item() for m in short_runs]
print("P(pass) for 1 h, seeds 0-9:")
print(" ".join(f"{p:.2f}" for p in one_hour))
print(
    f"{sum(p >= 0.5 for p in one_hour)} of 10 random starts say a 1-hour "
    "student passes"
)
ends = [-m.linear.bias.item() / m.linear.weight.item() for m in short_runs]
print(
    f"boundary (P = 0.5), seeds 0-9: {min(ends):.2f} to {max(ends):.2f} hours"
)
# --8<-- [end:seeds]

# --8<-- [start:proper]
model = train(seed=0, lr=1.0, epochs=2000)
w, b = model.linear.weight.item(), model.linear.bias.item()
with torch.no_grad():
    loss = torch.nn.functional.binary_cross_entropy(
        model(x_data), y_data
    ).item()
    p1, p7 = model(torch.tensor([[1.0], [7.0]])).flatten().tolist()
print(
    f"loss {loss:.4f}, w = {w:.2f}, b = {b:.2f}, boundary at {-b / w:.3f} hours"
)
print(f"P(pass) for 1 h = {p1:.5f}, for 7 h = {p7:.5f}")

# The ten random starts of the short runs, at lr 1 for a tenth of the epochs
boundaries = []
for seed in range(10):
    m = train(seed, lr=1.0, epochs=200)
    boundaries.append(-m.linear.bias.item() / m.linear.weight.item())
print(
    "boundary after 200 epochs, seeds 0-9: "
    f"{min(boundaries):.3f} to {max(boundaries):.3f} hours"
)
# --8<-- [end:proper]

# --8<-- [start:curvature]
# The curvature of BCE in (w, b): the largest eigenvalue of its matrix of second
# derivatives, (1/n) * sum of p(1 - p) [x, 1][x, 1]^T. Where every p is 0.5 it
# is largest.
A = torch.cat([x_data, torch.ones_like(x_data)], dim=1)


def largest_curvature(p):
    return (
        torch.linalg.eigvalsh((A * (p * (1 - p))).T @ A / len(A)).max().item()
    )


at_half = largest_curvature(torch.full_like(y_data, 0.5))
print(f"curvature where every p = 0.5: {at_half:.2f}")
print(f"so lr below 2 / {at_half:.2f} = {2 / at_half:.2f}")
# the run above, from seed 0, stopped after so many epochs
for epochs in (0, 10, 100, 2000):
    m = model if epochs == 2000 else train(seed=0, lr=1.0, epochs=epochs)
    with torch.no_grad():
        print(
            f"epoch {epochs:4d}: curvature {largest_curvature(m(x_data)):.3f}"
        )
# --8<-- [end:curvature]

# --8<-- [start:figure]
import matplotlib.pyplot as plt

grid = torch.linspace(0, 8, 161).unsqueeze(1)
fig, ax = plt.subplots(num="probability", figsize=(6, 3.8))
with torch.no_grad():
    for i, short in enumerate(short_runs):
        label = "lr 0.01, 500 epochs\n(10 random starts)" if i == 0 else None
        ax.plot(grid, short(grid), color="C7", linewidth=0.8, label=label)
    ax.plot(
        grid, model(grid), color="black", linewidth=2, label="lr 1, 2000 epochs"
    )
ax.axhline(0.5, color="grey", linestyle=":", linewidth=0.8)
for outcome, colour, marker, name in (
    (0, "C0", "o", "failed"),
    (1, "C1", "s", "passed"),
):
    rows = y_data.flatten() == outcome
    ax.scatter(
        x_data[rows],
        y_data[rows],
        color=colour,
        marker=marker,
        zorder=3,
        label=name,
    )
ax.set_xlabel("hours studied")
ax.set_ylabel("P(pass)")
ax.legend(
    loc="lower center", bbox_to_anchor=(0.5, 1.0), ncols=2
)  # off the curves
plt.show()
# --8<-- [end:figure]

# --8<-- [start:log_odds]
# The trained model's probabilities, read as log-odds: log(p / (1 - p)).
hours = torch.tensor([[1.0], [2.0], [3.0], [4.0]])
with torch.no_grad():
    p = model(hours)
    log_odds = torch.log(p / (1 - p))
print(
    "log-odds at 1, 2, 3, 4 hours:",
    [round(v, 3) for v in log_odds.flatten().tolist()],
)
steps = log_odds.diff(dim=0).flatten().tolist()
print("each hour adds:", [round(v, 3) for v in steps], f" w = {w:.3f}")
# --8<-- [end:log_odds]


# --8<-- [start:logits_model]
class PassFailLogits(torch.nn.Module):
    """The same model, but forward returns the logit; the loss applies the
    sigmoid."""

    def __init__(self):
        super().__init__()
        self.linear = torch.nn.Linear(1, 1)

    def forward(self, x):
        return self.linear(x)


# --8<-- [end:logits_model]


# --8<-- [start:logits]
# A start that is sure and wrong: w = -20 says "fail" most firmly to the
# students who passed.
history = {}  # each version's loss, epoch by epoch, for the figure below
for name, net, criterion in [
    ("sigmoid + BCELoss", PassFail(), torch.nn.BCELoss()),
    (
        "logit + BCEWithLogitsLoss",
        PassFailLogits(),
        torch.nn.BCEWithLogitsLoss(),
    ),
]:
    with torch.no_grad():
        net.linear.weight.fill_(-20.0)
        net.linear.bias.fill_(0.0)
    optimizer = torch.optim.SGD(net.parameters(), lr=1.0)
    history[name] = []
    for epoch in range(200):
        loss = criterion(net(x_data), y_data)
        history[name].append(loss.item())
        optimizer.zero_grad()
        loss.backward()
        if epoch == 0:
            slope = net.linear.weight.grad.item()
        optimizer.step()
    w_end, end = net.linear.weight.item(), loss.item()
    print(f"{name}: first slope {slope:+.3g}")
    print(f"  after 200 epochs w = {w_end:.2f}, loss {end:.4f}")
# --8<-- [end:logits]

# --8<-- [start:read]
# Probabilities, when you want them, are the sigmoid of the logit.
with torch.no_grad():
    p1, p7 = torch.sigmoid(net(torch.tensor([[1.0], [7.0]]))).flatten().tolist()
print(f"P(pass) for 1 h = {p1:.3f}, for 7 h = {p7:.3f}")
# --8<-- [end:read]

# --8<-- [start:figure_logits]
colours = {"sigmoid + BCELoss": "C3", "logit + BCEWithLogitsLoss": "C0"}
fig, ax = plt.subplots(num="logits", figsize=(6, 3.4))
for name, losses in history.items():
    ax.plot(losses, color=colours[name], linewidth=2, label=name)
ax.margins(y=0.12)  # room above the flat line, which lies at the top
ax.set_xlabel("epoch")
ax.set_ylabel("loss (BCE)")
ax.legend()
plt.show()
# --8<-- [end:figure_logits]

# --8<-- [start:shares]
# Each student's share of the slope at w = -20, b = 0: give each student a copy
# of w of its own, and the slope of a copy is that student's share (b = 0 adds
# nothing).
w_each = torch.full((4, 1), -20.0, requires_grad=True)
p_pass = torch.sigmoid(w_each * x_data)
torch.nn.BCELoss()(p_pass, y_data).backward()
bce = w_each.grad.flatten().tolist()
w_each.grad = None
torch.nn.BCEWithLogitsLoss()(w_each * x_data, y_data).backward()
bce_logits = w_each.grad.flatten().tolist()

print("hours passed  P(pass)    BCELoss  BCEWithLogitsLoss")
for i in range(4):
    hours, passed, p = x_data[i].item(), y_data[i].item(), p_pass[i].item()
    print(
        f"{hours:5.0f} {passed:6.0f} {p:8.1e} {bce[i]:+10.3g} "
        f"{bce_logits[i]:+18.3g}"
    )
print(f"  sum {sum(bce):+26.3g} {sum(bce_logits):+18.3g}")
# --8<-- [end:shares]
