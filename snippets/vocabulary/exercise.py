"""Solutions to the vocabulary exercises.

Run it with `python snippets/vocabulary/exercise.py`.
"""

# --8<-- [start:images]
import torch

# (N, C, H, W): 4 images, 1 grey channel, 28 x 28 pixels
images = torch.zeros(4, 1, 28, 28)
print(images.dim(), images.numel(), images[0].shape)
# --8<-- [end:images]

# --8<-- [start:reduce]
numbers = torch.arange(24).reshape(2, 3, 4)
# the last axis summed away: shape (2, 3) is left
print(numbers.sum(dim=2).shape)
print(numbers.sum(dim=2))
print(numbers[numbers > 20])
# --8<-- [end:reduce]
