"""Diagrams of the two logistic-regression models: inputs, a linear layer, a sigmoid.

Run it with `python snippets/logistic-regression/diagrams.py`.
"""

import matplotlib.pyplot as plt
from matplotlib.patches import FancyBboxPatch

ARROW = {"arrowstyle": "->", "color": "black", "linewidth": 1}


def box(ax, left, right, y, text, fontsize=11):
    """A rounded box from x = left to x = right, centred on y, with the text in it."""
    pad = 0.05  # the rounded corners are drawn this far outside the rectangle
    corner = (left + pad, y - 0.4 + pad)
    width, height = right - left - 2 * pad, 0.8 - 2 * pad
    style = f"round,pad={pad}"
    outline = FancyBboxPatch(
        corner, width, height, boxstyle=style, fill=False, edgecolor="black"
    )
    ax.add_patch(outline)
    ax.text((left + right) / 2, y, text, ha="center", va="center", fontsize=fontsize)


def arrow(ax, start, end):
    ax.annotate("", xy=end, xytext=start, arrowprops=ARROW)


def draw_model(name, inputs, logit):
    """Inputs on the left, then the linear layer, the sigmoid and the output."""
    _, ax = plt.subplots(num=name, figsize=(7, 2.2))
    ax.set_xlim(0, 10)
    ax.set_ylim(0.2, 2.9)
    ax.axis("off")
    ys = [1.5] if len(inputs) == 1 else [2.1, 0.9]
    for y, text in zip(ys, inputs, strict=True):
        box(ax, 0.05, 2.0, y, text)
        arrow(ax, (2.0, y), (2.9, 1.5))
    box(ax, 2.9, 6.1, 1.5, f"linear layer\n{logit}")
    arrow(ax, (6.1, 1.5), (6.45, 1.5))
    box(ax, 6.45, 7.75, 1.5, "sigmoid\nσ(z)")
    arrow(ax, (7.75, 1.5), (8.6, 1.5))
    ax.text(9.3, 1.5, "ŷ =\nP(pass)", ha="center", va="center", fontsize=11)
    # The model: everything between the inputs and the output, inside a dotted border.
    ax.add_patch(
        FancyBboxPatch(
            (2.7, 0.45), 5.3, 2.1, boxstyle="round,pad=0.05", fill=False, linestyle=":"
        )
    )
    ax.text(5.35, 2.7, "the model", ha="center", fontsize=11)
    plt.show()


draw_model("one-feature", ["hours x"], "z = w·x + b")
draw_model("two-features", ["self-study x₁", "tutoring x₂"], "z = w₁x₁ + w₂x₂ + b")
print("drew 2 diagrams")
