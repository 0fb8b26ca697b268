"""Why a straight line is the wrong model for a yes/no outcome.

Run it with `python snippets/logistic-regression/why.py`.
"""

# --8<-- [start:line]
import torch

torch.manual_seed(0)
# Hours studied, and whether the student passed (1) or failed (0).
hours = torch.tensor([[1.0], [2.0], [3.0], [4.0]])
passed = torch.tensor([[0.0], [0.0], [1.0], [1.0]])

# The best straight line in the least-squares sense, solved exactly. In float64:
# a float32 solve once differed in its last bit between two machines, and the
# figure too.
X = torch.cat([hours, torch.ones_like(hours)], dim=1).double()
slope, intercept = (
    torch.linalg.lstsq(X, passed.double()).solution.flatten().tolist()
)
for h in (1.0, 7.0):
    print(f"line at {h:.0f} h: {slope * h + intercept:.2f}")
# --8<-- [end:line]

# --8<-- [start:figure]
import matplotlib.pyplot as plt

# For the picture, a sigmoid of a line too, fitted with binary cross-entropy.
model = torch.nn.Linear(1, 1)
optimizer = torch.optim.SGD(model.parameters(), lr=1.0)
for _ in range(2000):
    loss = torch.nn.functional.binary_cross_entropy_with_logits(
        model(hours), passed
    )
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()

grid = torch.linspace(0, 8, 161).unsqueeze(1)
fig, ax = plt.subplots(num="line-vs-sigmoid", figsize=(6, 3.8))
ax.axhspan(0, 1, color="0.87", zorder=0, label="probabilities")
ax.plot(grid, slope * grid + intercept, "--", color="C7", label="straight line")
with torch.no_grad():
    ax.plot(
        grid,
        torch.sigmoid(model(grid)),
        color="black",
        label="sigmoid of a line",
    )
# The site's key for classes: failed, blue circles; passed, orange squares.
for outcome, colour, marker, name in (
    (0, "C0", "o", "failed"),
    (1, "C1", "s", "passed"),
):
    rows = passed.flatten() == outcome
    ax.scatter(
        hours[rows],
        passed[rows],
        color=colour,
        marker=marker,
        zorder=3,
        label=name,
    )
ax.set_xlabel("hours studied")
ax.set_ylabel("pass (1) or fail (0)")
# over the plot, off the line
ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncols=3)
plt.show()
# --8<-- [end:figure]
