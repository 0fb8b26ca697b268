"""Solutions to the curvature exercises.

Run it with `python snippets/curvature/exercise.py`.
"""

# --8<-- [start:setup]
import math

import torch

# The chapter's two points, (0, 1) and (2, 5), in float64: the distances below
# shrink far past float32's seven digits. The best line is W = 2, b = 1.
x_data = torch.tensor([0.0, 2.0], dtype=torch.float64)
y_data = torch.tensor([1.0, 5.0], dtype=torch.float64)
X = torch.stack([x_data, torch.ones(2, dtype=torch.float64)], dim=1)
best = torch.tensor([2.0, 1.0], dtype=torch.float64)

H = 2 / len(X) * X.T @ X
# eigh: the eigenvalues, smallest first, and their directions as columns
curvatures, directions = torch.linalg.eigh(H)


def descend(lr, steps):
    """(W, b) - best after each step of gradient descent from W = b = 0,
    measured along the flattest and the steepest direction."""
    params, path = torch.zeros(2, dtype=torch.float64), []
    for _ in range(steps):
        gradient = 2 / len(X) * X.T @ (X @ params - y_data)
        params = params - lr * gradient
        path.append((params - best) @ directions)
    return torch.stack(path)


# --8<-- [end:setup]

# --8<-- [start:crawl]
lr, start = 0.1, (torch.zeros(2, dtype=torch.float64) - best) @ directions
path = descend(lr, 200)
# each step multiplies the distance by the factor; steps to come 1000 times
# closer, predicted from it and measured on the path
print("direction  factor  predicted  measured")
for name, i in [("flattest", 0), ("steepest", 1)]:
    factor = 1 - lr * curvatures[i].item()
    predicted = math.ceil(math.log(1000) / -math.log(abs(factor)))
    shrunk = (path[:, i] / start[i]).abs() <= 1e-3
    measured = shrunk.nonzero()[0].item() + 1  # the first step it holds
    print(f"{name:9s}  {factor:6.3f}  {predicted:9d}  {measured:8d}")
# --8<-- [end:crawl]

# --8<-- [start:fastest]
flattest, steepest = curvatures.tolist()
print(f"2 / (flattest + steepest) = {2 / (flattest + steepest):.3f}")
for lr in (0.1, 0.2, 0.3, 1 / 3, 0.36):
    distance = descend(lr, 60).norm(dim=1)  # after each step
    rate = (distance[59] / distance[49]).item() ** (1 / 10)  # per step
    print(f"lr {lr:.3f}: the distance shrinks by {rate:.3f} a step")
# --8<-- [end:fastest]
