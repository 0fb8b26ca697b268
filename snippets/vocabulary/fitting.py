"""Underfitting and overfitting: polynomials of growing degree on the same noisy data.

Run it with `python snippets/vocabulary/fitting.py`.
"""

# --8<-- [start:data]
import torch

generator = torch.Generator().manual_seed(0)


def noisy_samples(n):
    """n points of y = sin(pi x) plus noise, x uniform on [-1, 1]."""
    x = torch.rand(n, generator=generator, dtype=torch.float64) * 2 - 1
    return x, torch.sin(torch.pi * x) + 0.2 * torch.randn(n, generator=generator, dtype=torch.float64)


x_train, y_train = noisy_samples(12)
x_val, y_val = noisy_samples(40)
# --8<-- [end:data]


# --8<-- [start:fit]
def powers(x, degree):
    """Columns 1, x, x^2, ..., x^degree: a polynomial is a linear model of these."""
    return torch.stack([x**k for k in range(degree + 1)], dim=1)


def fit(degree):
    """The least-squares polynomial of this degree through the training points."""
    return torch.linalg.lstsq(powers(x_train, degree), y_train.unsqueeze(1)).solution


def mse(coefficients, x, y):
    degree = len(coefficients) - 1
    return ((powers(x, degree) @ coefficients).squeeze(1) - y).pow(2).mean().item()


errors = {}
for degree in range(10):
    c = fit(degree)
    errors[degree] = (mse(c, x_train, y_train), mse(c, x_val, y_val))
    train_error, val_error = errors[degree]
    print(f"degree {degree}: training error {train_error:8.4f}   validation error {val_error:10.4f}")
# --8<-- [end:fit]

# --8<-- [start:residual]
c = fit(9)
miss = ((powers(x_train, 9) @ c).squeeze(1) - y_train).abs().max().item()
print(f"degree 9: {len(x_train)} points, {len(c)} coefficients, largest training miss {miss:.3f}")
# --8<-- [end:residual]

# --8<-- [start:figure]
import matplotlib.pyplot as plt

fig, axes = plt.subplots(2, 2, num="fitting", figsize=(7.2, 6), layout="constrained")
axes = axes.flatten()
grid = torch.linspace(-1, 1, 200, dtype=torch.float64)
for ax, degree, verdict in zip(axes, (1, 3, 9), ("underfit", "about right", "overfit"), strict=False):
    ax.scatter(x_train, y_train, color="black", s=14, zorder=3, label="training")
    ax.scatter(x_val, y_val, color="C1", s=8, alpha=0.6, label="validation")
    ax.plot(grid, (powers(grid, degree) @ fit(degree)).squeeze(1), color="C0")
    ax.set_ylim(-2, 2)
    ax.set_title(f"degree {degree}: {verdict}")
axes[0].legend(loc="lower right", fontsize=9)

degrees = list(errors)
axes[3].plot(degrees, [errors[d][0] for d in degrees], "o-", label="training")
axes[3].plot(degrees, [errors[d][1] for d in degrees], "s-", label="validation")
axes[3].set_yscale("log")
axes[3].set_xlabel("degree")
axes[3].set_title("error (MSE, log scale)")
axes[3].legend(fontsize=9)
plt.show()
# --8<-- [end:figure]
