"""Diagrams of the two logistic-regression models: inputs, a linear layer, a sigmoid.

Run it with `python snippets/logistic-regression/diagrams.py`.
"""

import matplotlib.pyplot as plt
from matplotlib.patches import FancyBboxPatch

BOX = {"boxstyle": "round,pad=0.3", "facecolor": "none", "edgecolor": "black"}
ARROW = {"arrowstyle": "->", "color": "black", "linewidth": 1}


def draw_model(name, inputs, logit):
    """Inputs on the left, then the linear layer, the sigmoid and the output."""
    _, ax = plt.subplots(num=name, figsize=(7, 2.4))
    ax.set_xlim(0, 10)
    ax.set_ylim(0, 3)
    ax.axis("off")
    ys = [1.5] if len(inputs) == 1 else [2.2, 0.8]
    for y, text in zip(ys, inputs, strict=True):
        ax.text(0.8, y, text, ha="center", va="center", fontsize=11, bbox=BOX)
        ax.annotate("", xy=(3.0, 1.5), xytext=(1.6, y), arrowprops=ARROW)
    ax.text(4.5, 1.5, f"linear layer\n{logit}", ha="center", va="center", fontsize=10, bbox=BOX)
    ax.annotate("", xy=(6.6, 1.5), xytext=(6.0, 1.5), arrowprops=ARROW)
    ax.text(7.3, 1.5, "sigmoid\nσ(z)", ha="center", va="center", fontsize=10, bbox=BOX)
    ax.annotate("", xy=(8.6, 1.5), xytext=(8.0, 1.5), arrowprops=ARROW)
    ax.text(9.3, 1.5, "ŷ =\nP(pass)", ha="center", va="center", fontsize=10)
    ax.add_patch(FancyBboxPatch((2.95, 0.35), 4.9, 2.3, boxstyle="round,pad=0.05", fill=False, linestyle=":"))
    ax.text(5.4, 2.85, "the model", ha="center", fontsize=9)
    plt.show()


draw_model("one-feature", ["hours x"], "z = w·x + b")
draw_model("two-features", ["self-study x₁", "tutoring x₂"], "z = w₁x₁ + w₂x₂ + b")
print("drew 2 diagrams")
