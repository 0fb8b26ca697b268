"""Diagrams of the two logistic-regression models: inputs, a linear layer, a sigmoid.

Run it with `python snippets/logistic-regression/diagrams.py`.
"""

import matplotlib.pyplot as plt
from matplotlib.patches import FancyBboxPatch

# Positions and sizes are in inches: the axes fill the figure, one data unit per inch.
ARROW = {"arrowstyle": "->", "color": "black", "linewidth": 1}
DOTTED = {"boxstyle": "round,pad=0.05", "fill": False, "linestyle": ":"}
BOX_HEIGHT = 0.62  # room for two lines of text
WIDTH = 5.65  # narrow enough that its text stays readable on a phone


def box(ax, left, right, y, text):
    """A rounded box from x = left to x = right, centred on y, with the text in it."""
    pad = 0.06  # the rounded corners are drawn this far outside the rectangle
    corner = (left + pad, y - BOX_HEIGHT / 2 + pad)
    width, height = right - left - 2 * pad, BOX_HEIGHT - 2 * pad
    style = f"round,pad={pad}"
    outline = FancyBboxPatch(
        corner, width, height, boxstyle=style, fill=False, edgecolor="black"
    )
    ax.add_patch(outline)
    ax.text((left + right) / 2, y, text, ha="center", va="center", fontsize=11)


def arrow(ax, start, end):
    ax.annotate("", xy=end, xytext=start, arrowprops=ARROW)


def draw_model(name, inputs, logit):
    """Inputs on the left, then the linear layer, the sigmoid and the output."""
    gap = 0.35  # between two input boxes
    inputs_height = len(inputs) * BOX_HEIGHT + (len(inputs) - 1) * gap
    model_height = BOX_HEIGHT + 0.5  # the dotted border around the layers
    height = max(inputs_height, model_height) + 0.5  # and "the model" above it
    middle = (height - 0.3) / 2  # the layers' centre line
    fig = plt.figure(num=name, figsize=(WIDTH, height))
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, WIDTH)
    ax.set_ylim(0, height)
    ax.axis("off")

    top = middle + inputs_height / 2 - BOX_HEIGHT / 2
    for i, text in enumerate(inputs):
        y = top - i * (BOX_HEIGHT + gap)
        box(ax, 0.02, 1.15, y, text)
        arrow(ax, (1.15, y), (1.55, middle))
    box(ax, 1.55, 3.35, middle, f"linear layer\n{logit}")
    arrow(ax, (3.35, middle), (3.65, middle))
    box(ax, 3.65, 4.5, middle, "sigmoid\nσ(z)")
    arrow(ax, (4.5, middle), (5.05, middle))
    ax.text(5.37, middle, "ŷ =\nP(pass)", ha="center", va="center", fontsize=11)

    # The model: everything between the inputs and the output, inside a dotted border.
    left, right, bottom = 1.36, 4.69, middle - model_height / 2
    ax.add_patch(FancyBboxPatch((left, bottom), right - left, model_height, **DOTTED))
    above = bottom + model_height + 0.12
    ax.text((left + right) / 2, above, "the model", ha="center", fontsize=11)
    plt.show()


draw_model("one-feature", ["hours x"], "z = w·x + b")
draw_model("two-features", ["self-study x₁", "tutoring x₂"], "z = w₁x₁ + w₂x₂ + b")
print("drew 2 diagrams")
