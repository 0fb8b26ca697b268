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

# --8<-- [start:figure_product]
import matplotlib.pyplot as plt
from matplotlib.patches import Rectangle

# Positions are in inches: the axes fill the figure, one data unit per inch.
WIDTH, HEIGHT, TOP, ROW, GAP = 4.6, 3.0, 2.6, 0.34, 0.5
SHAPES = (
    TOP - 5 * ROW - 0.25
)  # the line of the shapes, under the tallest matrix


def draw_matrix(ax, name, matrix, left, cell_width, shaded):
    """The matrix as a grid of numbers under its name, its shape on the line of
    shapes; the cells in `shaded` are tinted. Returns its right edge."""
    rows, columns = matrix.shape
    for i in range(rows):
        for j in range(columns):
            x, y = left + j * cell_width, TOP - (i + 1) * ROW
            face = ("C1", 0.3) if (i, j) in shaded else "none"
            box = Rectangle(
                (x, y), cell_width, ROW, fc=face, ec="black", lw=0.6
            )
            ax.add_patch(box)
            centre = (x + cell_width / 2, y + ROW / 2)
            ax.text(*centre, f"{matrix[i, j]:g}", ha="center", va="center")
    middle = left + columns * cell_width / 2
    ax.text(middle, TOP + 0.1, name, ha="center", fontsize=11)
    ax.text(middle, SHAPES, f"({rows}, {columns})", ha="center", va="center")
    return left + columns * cell_width


def sign(ax, x, text):
    """An operator between two matrices, level with their first rows and with
    their shapes."""
    for y in (TOP - 1.5 * ROW, SHAPES):
        ax.text(x, y, text, ha="center", va="center", fontsize=13)


fig = plt.figure(num="product", figsize=(WIDTH, HEIGHT))
ax = fig.add_axes((0, 0, 1, 1))
ax.set_xlim(0, WIDTH)
ax.set_ylim(0, HEIGHT)
ax.axis("off")
# Row 1 of X, the column W and the one number they make are shaded.
right = draw_matrix(ax, "X", X, 0.3, 0.5, {(0, 0), (0, 1), (0, 2)})
sign(ax, right + GAP / 2, "@")
right = draw_matrix(ax, "W", W, right + GAP, 0.5, {(0, 0), (1, 0), (2, 0)})
sign(ax, right + GAP / 2, "=")
draw_matrix(ax, "X @ W", X @ W, right + GAP, 0.7, {(0, 0)})
terms = " + ".join(f"{W[k, 0]:g} × {X[0, k]:g}" for k in range(3))
ax.text(WIDTH / 2, 0.15, f"{terms} = {(X @ W)[0, 0]:g}", ha="center")
plt.show()
# --8<-- [end:figure_product]

# --8<-- [start:mismatch]
print(W.T, W.T.shape)  # the transpose: the column laid down as a row
try:
    X @ W.T  # (5, 3) @ (1, 3): 3 columns meet 1 row
except RuntimeError as error:
    print("RuntimeError:", error)
# --8<-- [end:mismatch]
