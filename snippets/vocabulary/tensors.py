"""Tensors of every rank, the (batch, ...) convention, and a three-way split.

Run it with `python snippets/vocabulary/tensors.py`.
"""

# --8<-- [start:ranks]
import torch

scalar = torch.tensor(3.5)
vector = torch.tensor([1.0, 2.0, 3.0])
matrix = torch.tensor([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])
tensor3 = torch.zeros(2, 3, 4)
for name, t in [
    ("scalar", scalar),
    ("vector", vector),
    ("matrix", matrix),
    ("3-D tensor", tensor3),
]:
    print(f"{name:10s} dim() = {t.dim()}  shape = {tuple(t.shape)}")
# --8<-- [end:ranks]

# --8<-- [start:batch]
# A batch of 3 examples with 5 features each: shape (batch size, dimension).
table = torch.arange(15.0).reshape(3, 5)
print(table.shape, "-> one example:", table[0])

# A batch of 2 small greyscale images (1 channel), each 3 pixels high and 4
# wide: (N, C, H, W).
images = torch.zeros(2, 1, 3, 4)
print(images.shape, "-> one image:", images[0].shape)
print("its grid of pixels:", images[0, 0].shape)
# --8<-- [end:batch]

# --8<-- [start:toolkit]
t = torch.arange(6.0)  # the numbers 0 to 5, as floats
table = t.reshape(2, 3)  # the same six numbers as 2 rows of 3
print(table)
column = t.reshape(6, 1)  # 6 rows of one number each
flat = column.squeeze(1)  # axis 1, of length 1, removed
print("squeeze:  ", column.shape, "->", flat.shape)
print("unsqueeze:", flat.shape, "->", flat.unsqueeze(1).shape)  # put back
# any shape to one flat axis
print("flatten:", table.flatten(), table.flatten().shape)
print("cat, stack:", torch.cat([t, t]).shape, torch.stack([t, t]).shape)
# the same, kept as a column
print("column 0:", table[:, 0], table[:, :1].shape)
# down each column; along each row
print("sums:", table.sum(dim=0), table.sum(dim=1))
print("mask:", t[t > 2.5])  # a mask of True and False keeps the True entries
# --8<-- [end:toolkit]

# --8<-- [start:seeds]
torch.manual_seed(0)
print(torch.rand(3))
torch.manual_seed(0)
print(torch.rand(3))  # the same seed: the same numbers again
print(torch.rand(3))  # and then the sequence goes on
generator = torch.Generator().manual_seed(0)  # a sequence of its own
print(torch.rand(3, generator=generator))
# --8<-- [end:seeds]

# --8<-- [start:split]
torch.manual_seed(0)
data = torch.arange(100)  # stand-ins for 100 examples
# shuffle first, so each part is a fair sample
order = torch.randperm(len(data))
train, validation, test = data[order[:60]], data[order[60:80]], data[order[80:]]
print(len(train), len(validation), len(test))
print("the first examples of the test set:", test[:5].tolist())
# --8<-- [end:split]

# --8<-- [start:figure_split]
import matplotlib.pyplot as plt

parts = {"training": train, "validation": validation, "test": test}
# each example's part: 0, 1 or 2
part_of = torch.empty(len(data), dtype=torch.long)
for number, members in enumerate(parts.values()):
    part_of[members] = number
colours = ["C0", "C1", "C2"]
fig, (sliced, spread) = plt.subplots(
    2, 1, num="split", figsize=(4.6, 2.6), layout="constrained"
)
# Above: the shuffled order, cut into three slices. Below: the same examples in
# their original order, each in the colour of the part it went to. (Each bar's
# edge in its own colour: no pale seams between neighbours.)
for ax, colour_of in ((sliced, part_of[order]), (spread, part_of)):
    shades = [colours[p] for p in colour_of]
    ax.bar(
        range(len(data)),
        1,
        width=1,
        color=shades,
        edgecolor=shades,
        linewidth=0.6,
    )
    ax.set_xlim(-0.5, len(data) - 0.5)
    ax.axis("off")
start = 0
for name, members in parts.items():
    label = (
        f"{name}: {len(members)}"
        if len(members) > 30
        else f"{name}\n{len(members)}"
    )
    sliced.text(
        start + len(members) / 2 - 0.5, -0.08, label, ha="center", va="top"
    )
    start += len(members)
sliced.set_title("the shuffled order, sliced", loc="left")
spread.set_title("the same examples in their original order", loc="left")
plt.show()
# --8<-- [end:figure_split]

# --8<-- [start:basics]
# .item(): a one-number tensor as a plain Python number.
cost = torch.tensor([1.0, 4.0, 16.0]).mean()
print(cost, "->", cost.item())

# .detach(): the same numbers, cut off from the record autograd keeps for
# gradients.
W = torch.tensor(2.0, requires_grad=True)
doubled = W * 2
print(doubled, "->", doubled.detach())

# Broadcasting: shapes that differ are stretched to match, without copying data.
hours = torch.tensor([[1.0], [2.0], [3.0]])  # shape (3, 1)
weight, bias = torch.tensor([2.0]), torch.tensor([0.5])  # shape (1,)
print((hours * weight + bias).shape, (hours * weight + bias).flatten())
# (3, 1) with (2,): a (3, 2) table
print((hours + torch.tensor([10.0, 20.0])).shape)
# --8<-- [end:basics]
