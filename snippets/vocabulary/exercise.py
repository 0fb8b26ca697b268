"""Solutions to the vocabulary exercises.

Run it with `python snippets/vocabulary/exercise.py`.
"""

# --8<-- [start:images]
import torch

images = torch.zeros(4, 1, 28, 28)  # (N, C, H, W): 4 images, 1 grey channel, 28 x 28 pixels
print(images.dim(), images.numel(), images[0].shape)
# --8<-- [end:images]

# --8<-- [start:more]
generator = torch.Generator().manual_seed(0)  # the same data as the chapter's


def noisy_samples(n):
    # float64, as in the chapter: least squares on columns 1 to x^9
    x = torch.rand(n, generator=generator, dtype=torch.float64) * 2 - 1
    return x, torch.sin(torch.pi * x) + 0.2 * torch.randn(n, generator=generator, dtype=torch.float64)


x_train, y_train = noisy_samples(12)
x_val, y_val = noisy_samples(40)
x_test, y_test = noisy_samples(40)
x_more, y_more = noisy_samples(36)  # 36 new points from the same curve
x_48, y_48 = torch.cat([x_train, x_more]), torch.cat([y_train, y_more])


def validation_error(x, y, degree):
    """Validation MSE of the least-squares polynomial of this degree through (x, y)."""
    powers = lambda t: torch.stack([t**k for k in range(degree + 1)], dim=1)  # noqa: E731
    c = torch.linalg.lstsq(powers(x), y.unsqueeze(1)).solution
    return ((powers(x_val) @ c).squeeze(1) - y_val).pow(2).mean().item()


for name, x, y in (("12 points", x_train, y_train), ("48 points", x_48, y_48)):
    span = f"inputs from {x.min().item():.2f} to {x.max().item():.2f}"
    errors = "   ".join(f"degree {d}: {validation_error(x, y, d):.4f}" for d in (3, 9))
    print(f"{name}, {span}: validation error {errors}")
# --8<-- [end:more]
