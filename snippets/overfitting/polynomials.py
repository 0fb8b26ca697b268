"""Underfitting, overfitting and extrapolation: polynomials of growing degree
on the same noisy data, chosen on a validation set and judged on a test set.

Run it with `python snippets/overfitting/polynomials.py`.
"""

# --8<-- [start:features]
import torch


def powers(x, degree):
    """Columns 1, x, x^2, ..., x^degree: a polynomial is linear in these."""
    return torch.stack([x**k for k in range(degree + 1)], dim=1)


print(powers(torch.tensor([0.5, -1.0, 2.0]), 3))
# --8<-- [end:features]

# --8<-- [start:data]
generator = torch.Generator().manual_seed(0)


def noisy_samples(n):
    """n points of y = sin(pi x) plus noise, x uniform on [-1, 1]."""
    # float64: a polynomial of degree 9 has columns from 1 to x^9, and least
    # squares on columns of such different sizes loses too many digits in
    # float32.
    x = torch.rand(n, generator=generator, dtype=torch.float64) * 2 - 1
    noise = 0.2 * torch.randn(n, generator=generator, dtype=torch.float64)
    return x, torch.sin(torch.pi * x) + noise


x_train, y_train = noisy_samples(12)
x_val, y_val = noisy_samples(40)
x_test, y_test = noisy_samples(40)  # kept apart until the very end
# --8<-- [end:data]

# --8<-- [start:data_figure]
import matplotlib.pyplot as plt

fig, ax = plt.subplots(num="data", figsize=(6, 3.4))
curve = torch.linspace(-1, 1, 200)
ax.plot(curve, torch.sin(torch.pi * curve), color="C7", label="the true curve")
ax.scatter(x_val, y_val, s=14, color="C1", label="validation")
ax.scatter(x_train, y_train, s=40, color="C0", zorder=3, label="training")
# five labels: room between them on a phone
ax.set_xticks([-1, -0.5, 0, 0.5, 1])
ax.set_xlabel("x")
ax.set_ylabel("y")
# over the plot
ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncols=3)
# the test points stay out of sight, as they stay out of every choice
plt.show()
# --8<-- [end:data_figure]


# --8<-- [start:alike]
columns = powers(x_train, 9)
# A correlation of 1: two columns that are the same up to a scale and a shift.
for j, k in ((5, 7), (7, 9), (5, 9)):
    r = torch.corrcoef(torch.stack([columns[:, j], columns[:, k]]))[0, 1]
    print(f"columns x^{j} and x^{k}: correlation {r:.3f}")
# --8<-- [end:alike]


# --8<-- [start:fit]
def fit(x, y, degree):
    """The least-squares polynomial of this degree through the points (x, y)."""
    return torch.linalg.lstsq(powers(x, degree), y.unsqueeze(1)).solution


def mse(coefficients, x, y):
    degree = len(coefficients) - 1
    return (
        ((powers(x, degree) @ coefficients).squeeze(1) - y).pow(2).mean().item()
    )


errors = {}
for degree in range(10):
    c = fit(x_train, y_train, degree)
    errors[degree] = (mse(c, x_train, y_train), mse(c, x_val, y_val))
    train_error, val_error = errors[degree]
    print(
        f"degree {degree}: training {train_error:.4f}   "
        f"validation {val_error:10.4f}"
    )
# --8<-- [end:fit]

# --8<-- [start:range]
low, high = x_train.min().item(), x_train.max().item()
inside = (x_val >= low) & (x_val <= high)
outside = (~inside).sum().item()
print(f"training inputs from {low:.2f} to {high:.2f}")
print(f"{outside} of 40 validation points outside them")
for degree in (1, 2, 3, 4, 9):
    c = fit(x_train, y_train, degree)
    within = mse(c, x_val[inside], y_val[inside])
    beyond = mse(c, x_val[~inside], y_val[~inside])
    print(f"degree {degree}: inside {within:6.3f}   outside {beyond:10.2f}")
# --8<-- [end:range]

# --8<-- [start:residual]
fitted = (powers(x_train, 9) @ fit(x_train, y_train, 9)).squeeze(1)
truth = torch.sin(torch.pi * x_train)  # the curve the points were drawn from
print(f"{'misses of':14s}  {'largest':>7}  {'mean squared':>12}")
for name, curve in (("degree 9", fitted), ("the true curve", truth)):
    miss = (curve - y_train).abs()
    largest, mean_squared = miss.max().item(), miss.pow(2).mean().item()
    print(f"{name:14s}  {largest:7.3f}  {mean_squared:12.4f}")
# --8<-- [end:residual]

# --8<-- [start:choose]
# the lowest validation error
best = min(errors, key=lambda degree: errors[degree][1])
test_error = mse(fit(x_train, y_train, best), x_test, y_test)
print(f"chosen on the validation set: degree {best}")
print(f"its test error, measured once at the end: {test_error:.4f}")
# --8<-- [end:choose]

# --8<-- [start:figure]
import matplotlib.pyplot as plt

fig, axes = plt.subplots(
    2, 2, num="fitting", figsize=(7.2, 6), layout="constrained"
)
axes = axes.flatten()
grid = torch.linspace(-1, 1, 200, dtype=torch.float64)
verdicts = {1: "underfit", 3: "about right", 9: "overfit"}
for ax, (degree, verdict) in zip(axes, verdicts.items(), strict=False):
    ax.axvspan(low, high, color="0.87", zorder=0, label="training range")
    ax.scatter(x_train, y_train, color="C0", s=18, zorder=3, label="training")
    ax.scatter(x_val, y_val, color="C1", s=8, label="validation")
    curve = powers(grid, degree) @ fit(x_train, y_train, degree)
    ax.plot(grid, curve.squeeze(1), color="black", label="fit")
    # five labels: room between them on a phone
    ax.set_xticks([-1, -0.5, 0, 0.5, 1])
    ax.set_ylim(-2, 2)
    ax.set_title(f"degree {degree}: {verdict}")
# One key for the three fits, above them all: in a panel it covered points.
fig.legend(
    *axes[0].get_legend_handles_labels(),
    loc="outside upper center",
    ncols=4,
    columnspacing=1.2,
)

degrees = list(errors)
parts = {"validation, inside": inside, "validation, outside": ~inside}
axes[3].plot(degrees, [errors[d][0] for d in degrees], "o-", label="training")
for (label, where), marker in zip(parts.items(), "s^", strict=True):
    fits = [fit(x_train, y_train, d) for d in degrees]
    values = [mse(c, x_val[where], y_val[where]) for c in fits]
    axes[3].plot(degrees, values, marker + "-", label=label)
axes[3].set_yscale("log")
axes[3].set_xlabel("degree")
axes[3].set_title("error (MSE, log scale)")
axes[3].legend(fontsize=9)
plt.show()
# --8<-- [end:figure]
