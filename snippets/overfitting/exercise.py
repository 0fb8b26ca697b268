"""Solutions to the overfitting exercises.

Run it with `python snippets/overfitting/exercise.py`.
"""

# --8<-- [start:setup]
import torch
import torch.nn.functional as F
from torch import nn

generator = torch.Generator().manual_seed(0)  # the same data as the chapter's


def noisy_samples(n):
    """n points of y = sin(pi x) plus noise, x uniform on [-1, 1]."""
    x = torch.rand(n, generator=generator, dtype=torch.float64) * 2 - 1
    noise = 0.2 * torch.randn(n, generator=generator, dtype=torch.float64)
    return x, torch.sin(torch.pi * x) + noise


def powers(x, degree):
    return torch.stack([x**k for k in range(degree + 1)], dim=1)


def fit(x, y, degree):
    return torch.linalg.lstsq(powers(x, degree), y.unsqueeze(1)).solution


def mse(coefficients, x, y):
    degree = len(coefficients) - 1
    return (
        ((powers(x, degree) @ coefficients).squeeze(1) - y).pow(2).mean().item()
    )


x_train, y_train = noisy_samples(12)
x_val, y_val = noisy_samples(40)
x_test, y_test = noisy_samples(40)
# --8<-- [end:setup]

# --8<-- [start:descent]
print(f"{'error on the':20s}{'training':>9}{'validation':>12}")
for degree in (3, 9):
    columns = powers(x_train, degree)
    curvatures = torch.linalg.eigvalsh(2 / 12 * columns.T @ columns)
    print(
        f"degree {degree}: curvatures from {curvatures.min().item():.2g}",
        end=" ",
    )
    print(f"to {curvatures.max().item():.2g}")

    # As in the multivariable chapter: x, x^2, ... are the features, and the
    # coefficient of the column of ones is nn.Linear's bias.
    torch.manual_seed(1)
    model = nn.Linear(degree, 1)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.5)
    features, targets = columns[:, 1:].float(), y_train.float().unsqueeze(1)
    for _ in range(2001):
        cost = F.mse_loss(model(features), targets)
        optimizer.zero_grad()
        cost.backward()
        optimizer.step()

    coefficients = torch.cat([model.bias, model.weight.flatten()]).detach()
    runs = {"gradient descent": coefficients.double().unsqueeze(1)}
    runs["least squares"] = fit(x_train, y_train, degree)
    for name, c in runs.items():
        train_error, val_error = mse(c, x_train, y_train), mse(c, x_val, y_val)
        print(f"  {name:18s}{train_error:9.4f}{val_error:12.4f}")
# --8<-- [end:descent]

# --8<-- [start:more]
x_more, y_more = noisy_samples(36)  # 36 new points from the same curve
x_48, y_48 = torch.cat([x_train, x_more]), torch.cat([y_train, y_more])

for name, x, y in (("12 points", x_train, y_train), ("48 points", x_48, y_48)):
    print(f"{name}, inputs from {x.min().item():.2f} to {x.max().item():.2f}:")
    for degree in (3, 9):
        error = mse(fit(x, y, degree), x_val, y_val)
        print(f"  degree {degree}: validation error {error:.4f}")
# --8<-- [end:more]

# --8<-- [start:draws]
# noisy_samples draws from this one now
generator = torch.Generator().manual_seed(1)
chosen, validation, test = [], [], []
for _ in range(1000):
    x_train, y_train = noisy_samples(12)
    x_val, y_val = noisy_samples(40)
    x_test, y_test = noisy_samples(40)
    fits = [fit(x_train, y_train, degree) for degree in range(10)]
    val_errors = [mse(c, x_val, y_val) for c in fits]
    best = min(range(10), key=lambda degree: val_errors[degree])
    chosen.append(best)
    validation.append(val_errors[best])
    test.append(mse(fits[best], x_test, y_test))

print(f"degree 3 chosen in {chosen.count(3)} of 1000 draws")
print(
    f"the winner's validation error, on average: {sum(validation) / 1000:.4f}"
)
print(f"its test error, on average:                {sum(test) / 1000:.4f}")
# --8<-- [end:draws]
