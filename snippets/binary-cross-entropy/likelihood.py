"""Where binary cross-entropy comes from, and BCE against MSE on simulated data.

Run it with `python snippets/binary-cross-entropy/likelihood.py`.
"""

# --8<-- [start:simulate]
import torch

torch.manual_seed(43052)
# 2000 inputs on [-1, 1]; the true model: y ~ Bernoulli(sigmoid(w0 + w1 x)),
# with w0 = -1 and w1 = 5.
X = torch.linspace(-1, 1, 2000).reshape(2000, 1)
true_w0, true_w1 = -1.0, 5.0
true_p = torch.sigmoid(true_w0 + true_w1 * X)
y = torch.bernoulli(true_p)
print(f"{int(y.sum())} of {len(y)} labels are 1")
# --8<-- [end:simulate]

# --8<-- [start:likelihood]
# The probabilities of some model, not the true ones. (Not 0.5 everywhere: there
# both logarithms are log 0.5, and even a formula with its two terms swapped
# would pass the check.)
yhat = torch.sigmoid(0.5 + 2 * X)


def bce_formula(yhat, y):
    return -torch.mean(y * torch.log(yhat) + (1 - y) * torch.log(1 - yhat))


# The likelihood itself: P(y_i | x_i), the probability the model gives each
# observed label (yhat for a 1, 1 - yhat for a 0), multiplied over the data set.
p_label = yhat**y * (1 - yhat) ** (1 - y)
print("likelihood, the product of 2000 of them:", p_label.prod().item())
by_likelihood = -torch.log(
    p_label
).mean()  # the log of a product: a sum of logs
by_formula = bce_formula(yhat, y)
print(
    f"BCE {by_formula.item():.6f}   "
    f"negative mean log-likelihood {by_likelihood.item():.6f}"
)
print("the same:", torch.allclose(by_formula, by_likelihood))
# --8<-- [end:likelihood]

# --8<-- [start:gradient]
z = torch.tensor([-2.0, 0.5, 3.0], requires_grad=True)  # three logits
target = torch.tensor([1.0, 0.0, 1.0])
loss = torch.nn.functional.binary_cross_entropy_with_logits(
    z, target, reduction="sum"
)
loss.backward()
print("autograd:", z.grad)
print("yhat - y:", torch.sigmoid(z).detach() - target)
# --8<-- [end:gradient]

# --8<-- [start:figure_gradient]
import matplotlib.pyplot as plt

# The same autograd slope for every logit from -6 to 6, once with label 0 and
# once with label 1; the three logits above as markers on the lines.
fig, ax = plt.subplots(num="gradient", figsize=(6, 3.6))
curves = ((0.0, "C0", "o", "label 0: ŷ"), (1.0, "C1", "s", "label 1: ŷ − 1"))
for label, colour, marker, name in curves:
    grid = torch.linspace(-6, 6, 121, requires_grad=True)
    labels = torch.full_like(grid, label)
    torch.nn.functional.binary_cross_entropy_with_logits(
        grid, labels, reduction="sum"
    ).backward()
    ax.plot(grid.detach(), grid.grad, color=colour, label=name)
    ours = target == label
    ax.plot(z.detach()[ours], z.grad[ours], marker, color=colour, ms=8)
ax.axhline(0, color="C7", linewidth=0.8)
ax.set_xlabel("the logit z")
ax.set_ylabel("slope of the loss, ∂loss/∂z")
ax.legend(loc="upper left")
plt.show()
# --8<-- [end:figure_gradient]


# --8<-- [start:gradcheck]
# The same check done by torch.autograd.gradcheck against finite differences, in
# float64: a difference over a tiny step keeps only a few digits in float32, too
# few to check anything.
def per_example(logits):
    return torch.nn.functional.binary_cross_entropy_with_logits(
        logits, target.double(), reduction="sum"
    )


print(
    "gradcheck:",
    torch.autograd.gradcheck(per_example, z.detach().double().requires_grad_()),
)
# --8<-- [end:gradcheck]

# --8<-- [start:weights]
w = torch.tensor([0.3, -0.2], requires_grad=True)  # (w0, w1)
yhat = torch.sigmoid(w[0] + w[1] * X)
torch.nn.functional.binary_cross_entropy(yhat, y).backward()
error = (yhat - y).detach()
print("autograd:", w.grad)
print("by hand: ", torch.stack([error.mean(), (error * X).mean()]))
# --8<-- [end:weights]

# --8<-- [start:newton]
# Newton's method on the log-likelihood: the exact maximum-likelihood estimate.
# In float64, as a reference answer should be, to more digits than any float32
# training run can reach.
A = torch.cat([torch.ones_like(X), X], dim=1).double()  # ones: w0's column
target64 = y.double()
w_mle = torch.zeros(2, 1, dtype=torch.float64)
for step in range(8):
    p = torch.sigmoid(A @ w_mle)
    gradient = A.T @ (p - target64) / len(A)
    hessian = (A * (p * (1 - p))).T @ A / len(A)
    w_mle = w_mle - torch.linalg.solve(hessian, gradient)
    print(
        f"step {step}: w0 = {w_mle[0].item():.6f}, w1 = {w_mle[1].item():.6f}"
    )
# --8<-- [end:newton]


# --8<-- [start:mse_minimum]
# Where is MSE lowest? Newton's method once more, now on the MSE, started at the
# MLE, in float64 for the same reason: a reference answer, to all its digits.


def mse_of(w):
    return ((torch.sigmoid(A @ w) - target64.flatten()) ** 2).mean()


w_mse = w_mle.flatten()
for _ in range(6):
    gradient = torch.autograd.functional.jacobian(mse_of, w_mse)
    w_mse = w_mse - torch.linalg.solve(
        torch.autograd.functional.hessian(mse_of, w_mse), gradient
    )
distance = (w_mse - w_mle.flatten()).norm().item()
print(f"lowest MSE: w0 = {w_mse[0].item():.3f}, w1 = {w_mse[1].item():.3f}")
print(f"its distance to the MLE: {distance:.3f}")
# --8<-- [end:mse_minimum]


# --8<-- [start:trainer]
# Each loss of the logit: BCE's applies the sigmoid itself; MSE's is written
# out.
loss_of = {
    "BCE": torch.nn.functional.binary_cross_entropy_with_logits,
    "MSE": lambda logits, y: torch.mean((torch.sigmoid(logits) - y) ** 2),
}


def train(loss_name, lr, start=None, epochs=1000):
    """Fit sigmoid(w0 + w1 x) with one loss; return (w0, w1) every 20 epochs."""
    torch.manual_seed(1)  # the same initial weights for every run
    net = torch.nn.Linear(1, 1)
    if start is not None:
        with torch.no_grad():
            net.bias.fill_(start[0])
            net.weight.fill_(start[1])
    optimizer = torch.optim.SGD(net.parameters(), lr=lr)
    path = []
    for epoch in range(epochs + 1):
        if epoch % 20 == 0:
            path.append((net.bias.item(), net.weight.item()))
        loss = loss_of[loss_name](net(X), y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    return path


# --8<-- [end:trainer]


# --8<-- [start:compare]
minimum = {"BCE": w_mle.flatten().tolist(), "MSE": w_mse.tolist()}


def distance_to_minimum(name, w):
    """How far (w0, w1) is from the lowest point of its own loss."""
    return (
        (w[0] - minimum[name][0]) ** 2 + (w[1] - minimum[name][1]) ** 2
    ) ** 0.5


runs = {
    (name, lr): train(name, lr)
    for lr in (0.05, 0.5, 5.0)
    for name in ("BCE", "MSE")
}
print(
    f"start (seed 1): w0 = {runs['BCE', 0.05][0][0]:.3f}, "
    f"w1 = {runs['BCE', 0.05][0][1]:.3f}"
)
print("after 1000 epochs, distance to each loss's")
print("own lowest point:")
for lr in (0.05, 0.5, 5.0):
    bce, mse = (
        distance_to_minimum(name, runs[name, lr][-1]) for name in ("BCE", "MSE")
    )
    print(f"  lr {lr:<4}  BCE {bce:.4f}   MSE {mse:.4f}")
# --8<-- [end:compare]

# --8<-- [start:bad_start]
# A start that predicts the opposite of the data, w0 = 0 and w1 = -10, and the
# rate of 5 that took both losses to their lowest points from the start above.
# Where each stops, and how far that is from the loss's own lowest point.
print(f"{'loss':4}{'w0':>8}{'w1':>8}{'distance':>10}")
for name in ("BCE", "MSE"):
    runs[name, "bad start"] = train(name, lr=5.0, start=(0.0, -10.0))
    w0, w1 = runs[name, "bad start"][-1]
    far = distance_to_minimum(name, (w0, w1))
    print(f"{name:4}{w0:8.3f}{w1:8.3f}{far:10.3f}")
stuck = torch.mean((torch.sigmoid(w0 + w1 * X) - y) ** 2).item()
print(f"MSE there: {stuck:.4f}")
print(f"answering 0 for everyone: {int(y.sum())} / {len(y)} = {y.mean():.4f}")
# --8<-- [end:bad_start]

# --8<-- [start:edges]
# Four predictions and their labels; the third is exactly, confidently wrong.
yhat = torch.tensor([0.0, 1.0, 0.0, 0.7])
target = torch.tensor([0.0, 1.0, 1.0, 1.0])
# Logits for about the same predictions: in float32, sigmoid(30) rounds to 1 and
# sigmoid(-30) is 9.4e-14.
logits = torch.tensor([-30.0, 30.0, -30.0, 0.8473])
losses = {
    "by hand": -(target * torch.log(yhat) + (1 - target) * torch.log(1 - yhat)),
    "BCELoss": torch.nn.BCELoss(reduction="none")(yhat, target),
    "with logits": torch.nn.BCEWithLogitsLoss(reduction="none")(logits, target),
}
# One row for each prediction, as a probability and as a logit, and its label;
# one column for each way of computing its loss.
print("    ŷ       z  y" + "".join(f"{name:>13}" for name in losses))
for i in range(len(target)):
    row = "".join(f"{loss[i]:13.4g}" for loss in losses.values())
    print(f"{yhat[i]:5g}{logits[i]:8.4g}{target[i]:3g}" + row)
# --8<-- [end:edges]

# --8<-- [start:order]
# PyTorch's losses take (prediction, target). Which ones care if the two are
# swapped?
yhat, labels = torch.tensor([0.8, 0.3]), torch.tensor([1.0, 0.0])
mse_loss, bce_loss = torch.nn.MSELoss(), torch.nn.BCELoss()
print(
    f"MSELoss: (yhat, y) {mse_loss(yhat, labels).item():.4f}   (y, yhat) "
    f"{mse_loss(labels, yhat).item():.4f}"
)
print(
    f"BCELoss: (yhat, y) {bce_loss(yhat, labels).item():.4f}   (y, yhat) "
    f"{bce_loss(labels, yhat).item():.4f}"
)
# --8<-- [end:order]

# --8<-- [start:entropy]
# One example whose true probability of a 1 is 0.8, and a model that says 0.6.
p, q = torch.tensor(0.8), torch.tensor(0.6)
entropy = -(p * torch.log(p) + (1 - p) * torch.log(1 - p))
# The model's BCE, on average
cross_entropy = -(p * torch.log(q) + (1 - p) * torch.log(1 - q))
kl = p * torch.log(p / q) + (1 - p) * torch.log((1 - p) / (1 - q))
print(f"entropy H(0.8) = {entropy.item():.4f}")
print(f"cross-entropy H(0.8, 0.6) = {cross_entropy.item():.4f}")
print(
    f"KL divergence = {kl.item():.4f} = {cross_entropy.item():.4f} - "
    f"{entropy.item():.4f}"
)
# --8<-- [end:entropy]

# --8<-- [start:landscape]
# A slice through both losses: w1 varies, w0 is held at its maximum-likelihood
# value. In float64: the check below compares second differences, which
# float32's rounding would swamp.
w0_mle, w1_mle = minimum["BCE"]
w1_axis = torch.linspace(-10, 15, 251, dtype=torch.float64)
# One row per value of w1
yhat_grid = torch.sigmoid(w0_mle + w1_axis[:, None] * X.T.double())
labels = y.T.double()
bce_curve = -(
    labels * torch.log(yhat_grid) + (1 - labels) * torch.log(1 - yhat_grid)
).mean(dim=1)
mse_curve = ((yhat_grid - labels) ** 2).mean(dim=1)


def bends_down(curve):
    """Whether the curve is anywhere concave: a negative second difference."""
    return bool((curve[2:] - 2 * curve[1:-1] + curve[:-2] < -1e-12).any())


print("BCE bends down anywhere:", bends_down(bce_curve))
print("MSE bends down anywhere:", bends_down(mse_curve))
# How steeply each falls at the slice's left end, w1 = -10 (per unit of w1)
step = (w1_axis[1] - w1_axis[0]).item()
bce_slope = (bce_curve[1] - bce_curve[0]).item() / step
mse_slope = (mse_curve[1] - mse_curve[0]).item() / step
print(f"slope at w1 = -10: BCE {bce_slope:.3f}   MSE {mse_slope:.4f}")
# --8<-- [end:landscape]

# --8<-- [start:figure_data]
import matplotlib.pyplot as plt

fig, ax = plt.subplots(num="data", figsize=(6, 3.6))
# 2000 labels as an image inside the SVG (rasterized): as vectors they would
# weigh 300 KB. Open rings stay visible on a light and a dark page; where they
# crowd they merge into a bar, so the dots below show how many of them are 1s.
ax.scatter(
    X,
    y,
    s=12,
    facecolors="none",
    edgecolors="C0",
    linewidths=0.6,
    label="labels",
    rasterized=True,
)
# The share of 1s among each 100 neighbouring labels follows the true curve.
share = y.reshape(20, 100).mean(dim=1)
middle = X.reshape(20, 100).mean(dim=1)
ax.plot(middle, share, "o", color="black", markersize=4.5, label="share of 1s")
ax.plot(X, true_p, "--", color="C3", label="true P(y = 1)")
# five labels: room between them on a phone too
ax.set_xticks([-1, -0.5, 0, 0.5, 1])
ax.set_xlabel("x")
ax.set_ylabel("label y, and P(y = 1)")
ax.legend(loc="center left")  # where the plot is empty
plt.show()
# --8<-- [end:figure_data]

# --8<-- [start:figure_cases]
fig, ax = plt.subplots(num="cases", figsize=(6, 3.6))
p_axis = torch.linspace(0.001, 0.999, 500)
# The site's colours for the classes: 1 orange, 0 blue.
ax.plot(p_axis, -torch.log(p_axis), color="C1", label="y = 1:  −log ŷ")
ax.plot(p_axis, -torch.log(1 - p_axis), color="C0", label="y = 0:  −log(1 − ŷ)")
ax.set_xlabel("predicted probability ŷ")
ax.set_ylabel("loss")
ax.set_ylim(0, 5)
ax.legend()
plt.show()
# --8<-- [end:figure_cases]

# --8<-- [start:figure_landscape]
fig, (bce_ax, mse_ax) = plt.subplots(1, 2, num="landscape", figsize=(7.5, 3.5))
bce_ax.plot(w1_axis, bce_curve)
bce_ax.set_title("BCE: convex, one valley")
bce_ax.set_ylabel("BCE")
mse_ax.plot(w1_axis, mse_curve, color="C1")
mse_ax.set_title("MSE after a sigmoid: flat shoulders")
mse_ax.set_ylabel("MSE")
for ax in (bce_ax, mse_ax):
    ax.axvline(w1_mle, color="grey", linestyle=":", linewidth=0.8)
    ax.set_xlabel("w1 (w0 at its MLE)")
plt.show()
# --8<-- [end:figure_landscape]

# --8<-- [start:figure_learning]
fig, (fair, bad) = plt.subplots(
    1, 2, num="learning", figsize=(7.5, 3.5), sharey=True
)
epochs = range(0, 1001, 20)
for (name, lr), colour, style in [
    (("BCE", 0.5), "C0", ":"),
    (("BCE", 5.0), "C0", "-"),
    (("MSE", 0.5), "C1", ":"),
    (("MSE", 5.0), "C1", "-"),
]:
    distances = [distance_to_minimum(name, w) for w in runs[name, lr]]
    fair.plot(
        epochs, distances, style, color=colour, label=f"{name}, lr {lr:g}"
    )
for name, colour in (("BCE", "C0"), ("MSE", "C1")):
    distances = [distance_to_minimum(name, w) for w in runs[name, "bad start"]]
    bad.plot(epochs, distances, color=colour, label=f"{name}, lr 5")
fair.set_title("from the seed-1 start")
bad.set_title("from w0 = 0, w1 = −10")
fair.set_ylabel("distance to its lowest point")
bad.tick_params(labelleft=True)  # sharey hides the right panel's labels
for ax in (fair, bad):
    ax.set_yscale("log")
    ax.set_xlabel("epoch")
    ax.legend(loc="upper right", ncols=2)
# room above the curves for the legends (the panels share it)
fair.set_ylim(top=1e4)
plt.show()
# --8<-- [end:figure_learning]
