"""A matrix product, checked against the sum it stands for, and a shape error.

Run it with `python snippets/maths/matrices.py`.
"""

# --8<-- [start:product]
import torch

# Five students (rows) and their scores in three quizzes (columns).
X = torch.tensor(
    [
        [73.0, 80.0, 75.0],
        [93.0, 88.0, 93.0],
        [89.0, 91.0, 90.0],
        [96.0, 98.0, 100.0],
        [73.0, 66.0, 70.0],
    ]
)
W = torch.tensor([[0.2], [0.3], [0.5]])  # One weight per quiz, as a column
print(X.shape, "@", W.shape, "->", (X @ W).shape)

# The same product as a double loop: row i of X times the column W.
by_loop = torch.zeros(5, 1)
for i in range(5):
    for k in range(3):
        by_loop[i, 0] += X[i, k] * W[k, 0]
print((X @ W).flatten())
print(by_loop.flatten())
print("the same up to rounding:", torch.allclose(X @ W, by_loop))
# --8<-- [end:product]

# --8<-- [start:mismatch]
print(W.T, W.T.shape)  # the transpose: the column laid down as a row
try:
    X @ W.T  # (5, 3) @ (1, 3): 3 columns meet 1 row
except RuntimeError as error:
    print("RuntimeError:", error)
# --8<-- [end:mismatch]
