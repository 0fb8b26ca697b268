"""A picture of how the axes of a (batch, height, width) tensor map onto a stack
of images: the chapter's two greyscale images, images[:, 0], without their
channel axis.

Run it with `python snippets/vocabulary/axes.py`.
"""

import matplotlib.pyplot as plt
from matplotlib.patches import Rectangle

# rows of pixels come before columns, as in a matrix
BATCH, HEIGHT, WIDTH = (2, 3, 4)

fig, ax = plt.subplots(num="axes", figsize=(6, 3.4))
for sample in reversed(range(BATCH)):
    # later samples sit behind, up and to the right
    dx, dy = (0.9 * sample, 0.7 * sample)
    shade = ("C0", "C9")[sample]
    for row in range(HEIGHT):
        for col in range(WIDTH):
            # row 0 is drawn at the top, as an image is stored
            top = HEIGHT - 1 - row
            ax.add_patch(
                Rectangle(
                    (col + dx, top + dy),
                    1,
                    1,
                    facecolor=shade,
                    edgecolor="white",
                    linewidth=1.5,
                )
            )
    ax.text(WIDTH + dx + 0.15, dy + 0.3, f"sample {sample}", fontsize=10)
ax.annotate(
    "",
    xy=(WIDTH, -0.35),
    xytext=(0, -0.35),
    arrowprops={"arrowstyle": "->", "color": "black"},
)
ax.text(WIDTH / 2, -0.85, "width: columns (dim 2)", ha="center", fontsize=10)
ax.annotate(
    "",
    xy=(-0.35, 0),
    xytext=(-0.35, HEIGHT),
    arrowprops={"arrowstyle": "->", "color": "black"},
)
ax.text(
    -0.6,
    HEIGHT / 2,
    "height: rows\n(dim 1)",
    ha="right",
    va="center",
    fontsize=10,
)
ax.annotate(
    "",
    xy=(1.5, HEIGHT + 0.95),
    xytext=(0.3, HEIGHT + 0.05),
    arrowprops={"arrowstyle": "->", "color": "black"},
)
ax.text(0.4, HEIGHT + 0.7, "batch (dim 0)", ha="right", fontsize=10)
ax.set_xlim(-3.2, 8.2)
ax.set_ylim(-1.2, 4.6)
ax.set_aspect("equal")
ax.axis("off")
plt.show()
print(
    f"a tensor of shape ({BATCH}, {HEIGHT}, {WIDTH}) "
    f"holds {BATCH * HEIGHT * WIDTH} numbers"
)
