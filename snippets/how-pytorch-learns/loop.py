"""A diagram of one pass of a training loop: predict, measure, gradients,
update.

Run it with `python snippets/how-pytorch-learns/loop.py`.
"""

import matplotlib.pyplot as plt
from matplotlib.patches import FancyBboxPatch

# Positions and sizes are in inches: the axes fill the figure, one data unit per
# inch.
# narrow enough that its text stays readable on a phone
WIDTH, HEIGHT = (4.6, 2.75)
BOX_WIDTH, BOX_HEIGHT = 1.95, 0.85
STEPS = [  # (centre x, centre y, code, what it does)
    (1.1, 2.05, "prediction = model(x)", "1. predict"),
    (3.5, 2.05, "cost = F.mse_loss(...)", "2. measure how wrong"),
    (3.5, 0.5, "optimizer.zero_grad()\ncost.backward()", "3. fresh gradients"),
    (1.1, 0.5, "optimizer.step()", "4. step downhill"),
]
ARROW = {"arrowstyle": "->", "color": "black", "linewidth": 1}

fig = plt.figure(num="loop", figsize=(WIDTH, HEIGHT))
ax = fig.add_axes((0, 0, 1, 1))
ax.set_xlim(0, WIDTH)
ax.set_ylim(0, HEIGHT)
ax.axis("off")
for x, y, code, what in STEPS:
    left, bottom = x - BOX_WIDTH / 2, y - BOX_HEIGHT / 2
    ax.add_patch(
        FancyBboxPatch(
            (left, bottom),
            BOX_WIDTH,
            BOX_HEIGHT,
            boxstyle="round,pad=0.04",
            fill=False,
        )
    )
    ax.text(
        x, y + BOX_HEIGHT / 2 - 0.08, what, ha="center", va="top", fontsize=10
    )
    ax.text(
        x,
        y - 0.1,
        code,
        ha="center",
        va="center",
        family="monospace",
        fontsize=9,
    )
# Each step's arrow to the next, around the square: right, down, left, up.
for (x0, y0, *_), (x1, y1, *_) in zip(
    STEPS, STEPS[1:] + STEPS[:1], strict=True
):
    if y0 == y1:  # side by side: from one box's edge to the other's
        step = BOX_WIDTH / 2 if x1 > x0 else -BOX_WIDTH / 2
        start, end = (x0 + step, y0), (x1 - step, y1)
    else:  # one above the other
        step = BOX_HEIGHT / 2 if y1 > y0 else -BOX_HEIGHT / 2
        start, end = (x0, y0 + step), (x1, y1 - step)
    ax.annotate("", xy=end, xytext=start, arrowprops=ARROW)
ax.text(
    1.2, 1.27, "the next pass", va="center", fontsize=10, fontstyle="italic"
)
plt.show()
print(f"one pass in {len(STEPS)} steps")
