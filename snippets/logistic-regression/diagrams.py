"""Diagrams of the two logistic-regression models: inputs, a linear layer, a
sigmoid. The one-feature model is this chapter's; the two-feature one, drawn
here so that both share one style, is shown in "Two features, three ways".

Run it with `python snippets/logistic-regression/diagrams.py`.
"""

import matplotlib.pyplot as plt
from matplotlib.patches import FancyBboxPatch

# Positions and sizes are in inches: the axes fill the figure, one data unit per
# inch. The model reads from the top down, its inputs above it and its output
# below: narrow enough for a phone's screen at full size (laid out from left to
# right, its text was about 9 px high there).
ARROW = {"arrowstyle": "->", "color": "black", "linewidth": 1}
DOTTED = {"boxstyle": "round,pad=0.05", "fill": False, "linestyle": ":"}
BOX_HEIGHT = 0.62  # room for two lines of text
WIDTH, HEIGHT = 3.5, 4.15
CENTRE = 1.75  # of the linear layer and the sigmoid


def box(ax, left, right, y, text):
    """A rounded box from x = left to x = right, centred on y, holding text."""
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
    """The inputs at the top, then the linear layer, the sigmoid, the output."""
    fig = plt.figure(num=name, figsize=(WIDTH, HEIGHT))
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, WIDTH)
    ax.set_ylim(0, HEIGHT)
    ax.axis("off")

    # the centre lines of the four rows
    top, linear, sigmoid, output = 3.8, 2.65, 1.55, 0.25
    # the inputs share the width above the linear layer
    span = 2.7 / len(inputs)
    for i, text in enumerate(inputs):
        middle = 0.4 + span * (i + 0.5)
        box(ax, middle - span / 2 + 0.08, middle + span / 2 - 0.08, top, text)
        end = CENTRE + (middle - CENTRE) / 3  # the arrows converge on the layer
        arrow(
            ax, (middle, top - BOX_HEIGHT / 2), (end, linear + BOX_HEIGHT / 2)
        )
    box(ax, 0.5, 3.0, linear, f"linear layer\n{logit}")
    arrow(
        ax,
        (CENTRE, linear - BOX_HEIGHT / 2),
        (CENTRE, sigmoid + BOX_HEIGHT / 2),
    )
    box(ax, CENTRE - 0.6, CENTRE + 0.6, sigmoid, "sigmoid\nσ(z)")
    arrow(ax, (CENTRE, sigmoid - BOX_HEIGHT / 2), (CENTRE, output + 0.16))
    ax.text(
        CENTRE, output, "ŷ = P(pass)", ha="center", va="center", fontsize=11
    )

    # The model: the linear layer and the sigmoid, in a dotted border named at
    # its foot.
    left, right = 0.33, 3.17
    bottom, above = (
        sigmoid - BOX_HEIGHT / 2 - 0.35,
        linear + BOX_HEIGHT / 2 + 0.2,
    )
    ax.add_patch(
        FancyBboxPatch((left, bottom), right - left, above - bottom, **DOTTED)
    )
    ax.text(left + 0.1, bottom + 0.1, "the model", fontsize=11)
    plt.show()


draw_model("one-feature", ["hours x"], "z = w·x + b")
draw_model(
    "two-features", ["self-study x₁", "tutoring x₂"], "z = w₁x₁ + w₂x₂ + b"
)
print("drew 2 diagrams")
