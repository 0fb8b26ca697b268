"""Solutions to the vocabulary exercises.

Run it with `python snippets/vocabulary/exercise.py`.
"""

# --8<-- [start:images]
import torch

images = torch.zeros(4, 1, 28, 28)  # (N, C, H, W): 4 images, 1 grey channel, 28 x 28 pixels
print(images.dim(), images.numel(), images[0].shape)
# --8<-- [end:images]

# --8<-- [start:choose]
generator = torch.Generator().manual_seed(0)  # the same data as the chapter's figure


def noisy_samples(n):
    x = torch.rand(n, generator=generator, dtype=torch.float64) * 2 - 1
    return x, torch.sin(torch.pi * x) + 0.2 * torch.randn(n, generator=generator, dtype=torch.float64)


x_train, y_train = noisy_samples(12)
x_val, y_val = noisy_samples(40)


def errors(degree):
    """Training and validation MSE of the least-squares polynomial of this degree."""
    powers = lambda x: torch.stack([x**k for k in range(degree + 1)], dim=1)  # noqa: E731
    c = torch.linalg.lstsq(powers(x_train), y_train.unsqueeze(1)).solution
    return [
        ((powers(x) @ c).squeeze(1) - y).pow(2).mean().item() for x, y in ((x_train, y_train), (x_val, y_val))
    ]


table = {degree: errors(degree) for degree in range(10)}
print("lowest training error at degree", min(table, key=lambda d: table[d][0]))
print("lowest validation error at degree", min(table, key=lambda d: table[d][1]))
# --8<-- [end:choose]
