"""Autograd on one number: what requires_grad records, what backward() fills in.

Run it with `python snippets/how-pytorch-learns/gradients.py`. Each section is
shown on its own on the site, with what it prints underneath.
"""

# --8<-- [start:remember]
import torch

x = torch.tensor(3.0)  # an input: we want no gradient for it
w = torch.tensor(2.0, requires_grad=True)  # a weight: record how it is used
b = torch.tensor(1.0, requires_grad=True)  # a bias: the same

y = w * x + b
print(y)
print("y.requires_grad:", y.requires_grad, " x.requires_grad:", x.requires_grad)
print("leaves? w:", w.is_leaf, " y:", y.is_leaf)
# --8<-- [end:remember]

# --8<-- [start:backward]
y.backward()  # walk back from y and fill .grad of the leaves w and b

print("w.grad =", w.grad, "  by hand: dy/dw = x =", x.item())
print("b.grad =", b.grad, "  by hand: dy/db = 1")
print("x.grad =", x.grad)
# --8<-- [end:backward]

# --8<-- [start:figure_graph]
import matplotlib.pyplot as plt
from matplotlib.patches import FancyBboxPatch

# The record autograd kept for y, read from y itself: its grad_fn and the one
# before it.
add = y.grad_fn
multiply = add.next_functions[0][0]
# name: (centre x, centre y, width, text), in inches; every box 0.7 tall
BOXES = {
    "x": (0.6, 2.75, 1.1, f"x = {x.item():g}"),
    "w": (0.6, 1.35, 1.1, f"w = {w.item():g}\nrequires_grad"),
    "multiply": (
        2.3,
        2.05,
        1.3,
        f"w · x = {(w * x).item():g}\n{multiply.name()}",
    ),
    "b": (2.3, 0.55, 1.3, f"b = {b.item():g}\nrequires_grad"),
    "add": (3.95, 1.25, 1.2, f"y = {y.item():g}\n{add.name()}"),
}
fig = plt.figure(num="graph", figsize=(4.6, 3.4))
ax = fig.add_axes((0, 0, 1, 1))
ax.set_xlim(0, 4.6)
ax.set_ylim(0, 3.4)
ax.axis("off")
for cx, cy, width, text in BOXES.values():
    corner = (cx - width / 2 + 0.05, cy - 0.3)
    ax.add_patch(
        FancyBboxPatch(
            corner, width - 0.1, 0.6, boxstyle="round,pad=0.05", fill=False
        )
    )
    ax.text(cx, cy, text, ha="center", va="center", fontsize=10)


def edge(start, end, **style):
    """An arrow from the right side of one box to the left side of another."""
    (x0, y0, w0, _), (x1, y1, w1, _) = BOXES[start], BOXES[end]
    ax.annotate(
        "",
        xy=(x1 - w1 / 2, y1),
        xytext=(x0 + w0 / 2, y0),
        arrowprops={"arrowstyle": "->", "color": "black", **style},
    )


for start, end in (
    ("x", "multiply"),
    ("w", "multiply"),
    ("multiply", "add"),
    ("b", "add"),
):
    edge(start, end)
# What backward() stored in each leaf, in italics.
ax.text(
    0.6,
    0.85,
    f"w.grad = {w.grad.item():g}",
    ha="center",
    fontstyle="italic",
    fontsize=10,
)
ax.text(
    2.3,
    0.05,
    f"b.grad = {b.grad.item():g}",
    ha="center",
    fontstyle="italic",
    fontsize=10,
)
ax.text(
    0.6,
    2.25,  # under its own box, like the others (nearer w's, it read as w's)
    f"x.grad = {x.grad}",
    ha="center",
    fontstyle="italic",
    fontsize=10,
)
plt.show()
# --8<-- [end:figure_graph]

# --8<-- [start:accumulate]
y = w * x + b  # build y again: backward() let go of the old record
y.backward()
print("after a second backward:")
print("  w.grad =", w.grad, " b.grad =", b.grad)
# --8<-- [end:accumulate]

# --8<-- [start:why_add]
# One backward call per example: their gradients add up ...
w.grad = None  # start from nothing
b.grad = None
for x_i in (1.0, 2.0):
    (w * x_i + b).backward()
print("one call per example:")
print("  w.grad =", w.grad, " b.grad =", b.grad)

# ... to the gradient of their sum, taken in a single call.
w.grad = None
b.grad = None
((w * 1.0 + b) + (w * 2.0 + b)).backward()
print("one call for the sum:")
print("  w.grad =", w.grad, " b.grad =", b.grad)
# --8<-- [end:why_add]

# --8<-- [start:no_grad]
try:
    w -= 0.1 * w.grad  # an update while autograd is recording
except RuntimeError as error:
    print(error)

with torch.no_grad():  # nothing inside this block is recorded
    prediction = w * 4.0 + b
print(prediction, "requires_grad:", prediction.requires_grad)
# --8<-- [end:no_grad]

# --8<-- [start:detach]
y = w * x + b
print(y.detach())  # the same number, without the record
try:
    y.numpy()  # what plotting a tensor does behind the scenes
except RuntimeError as error:
    print(str(error).replace(". ", ".\n"))  # a sentence to a line
print(y.detach().numpy())
# --8<-- [end:detach]

# --8<-- [start:data]
# exp is its own derivative: at z = 1 the slope is e = 2.718...
z = torch.tensor(1.0, requires_grad=True)
e = torch.exp(z)
e.data += 1  # a change that autograd does not see
e.backward()
print("through .data: z.grad =", z.grad, "(wrong, and no warning)")

z = torch.tensor(1.0, requires_grad=True)
e = torch.exp(z)
e.detach().add_(1)  # the same change through .detach(): autograd notices
try:
    e.backward()
except RuntimeError as error:
    print("through .detach(): backward() stops with a RuntimeError")
    print(str(error).split(":")[0])  # the start of a long message
# --8<-- [end:data]
