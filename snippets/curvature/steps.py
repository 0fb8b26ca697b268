"""Gradient descent on a parabola of curvature lambda: three learning rates,
three fates.

Run it with `python snippets/curvature/steps.py`.
"""

# --8<-- [start:figure]
import matplotlib.pyplot as plt

# The cost C(w) = (lambda / 2) w^2, lowest at w = 0, with lambda = 1: one step
# of descent multiplies w by 1 - alpha * lambda.
curvature, start, steps = 1.0, 2.0, 5
ws = [i / 50 for i in range(-175, 176)]  # w from -3.5 to 3.5, for the curve
fig, axes = plt.subplots(1, 3, num="steps", figsize=(8, 3), sharey=True)
for ax, alpha_lambda in zip(axes, (0.5, 1.5, 2.1), strict=True):
    factor = 1 - alpha_lambda
    path = [start * factor**k for k in range(steps + 1)]
    print(f"alpha * lambda = {alpha_lambda}: w =", [round(w, 3) for w in path])
    ax.plot(ws, [curvature / 2 * w**2 for w in ws], color="C7", linewidth=1)
    costs = [curvature / 2 * w**2 for w in path]
    ax.plot(path, costs, "-o", color="C0", markersize=5, linewidth=1)
    ax.plot(path[:1], costs[:1], "o", color="C1", markersize=7, label="start")
    shown = f"{factor:.1f}".replace("-", "\u2212")  # a minus sign, not a hyphen
    ax.set_title(f"$\\alpha\\lambda$ = {alpha_lambda}: factor {shown}")
    ax.set_xlim(-3.5, 3.5)
    ax.set_xlabel("w")
axes[0].set_ylim(0, 6.5)
axes[0].set_ylabel("cost")
axes[0].legend(loc="upper center")
plt.show()
# --8<-- [end:figure]
