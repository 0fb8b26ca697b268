"""What the vocabulary chapter claims, checked against what its snippets print."""

from __future__ import annotations

from itertools import groupby

from matplotlib.colors import to_hex
from support.captured import drawn_figures, numbers, section_output
from support.project import ROOT


def test_ranks_and_shapes(rendered):
    assert section_output(rendered, "vocabulary/tensors", "ranks") == (
        "scalar     dim() = 0  shape = ()\n"
        "vector     dim() = 1  shape = (3,)\n"
        "matrix     dim() = 2  shape = (3, 2)\n"
        "3-D tensor dim() = 3  shape = (2, 3, 4)\n"
    )
    batch = section_output(rendered, "vocabulary/tensors", "batch").splitlines()
    # (N, C, H, W): "2 small greyscale images, each 3 pixels high and 4 wide"
    assert batch[1:] == [
        "torch.Size([2, 1, 3, 4]) -> one image: torch.Size([1, 3, 4])",
        "its grid of pixels: torch.Size([3, 4])",
    ]


def test_tensor_habits(rendered):
    lines = section_output(rendered, "vocabulary/tensors", "basics").splitlines()
    assert lines[0] == "tensor(7.) -> 7.0"  # .item(): the tensor's one number, as a Python float
    assert lines[1] == "tensor(4., grad_fn=<MulBackward0>) -> tensor(4.)"
    assert lines[2] == "torch.Size([3, 1]) tensor([2.5000, 4.5000, 6.5000])"  # a column of 3 predictions
    assert lines[3] == "torch.Size([3, 2])"  # "a (3, 2) table, not an error"


def test_split(rendered):
    sizes, first = section_output(rendered, "vocabulary/tensors", "split").splitlines()
    assert sizes == "60 20 20"
    assert first.startswith("the first examples of the test set: [")


def test_exercises(rendered):
    assert section_output(rendered, "vocabulary/exercise", "images") == "4 3136 torch.Size([1, 28, 28])\n"
    shape, sums, _, picked = section_output(rendered, "vocabulary/exercise", "reduce").splitlines()
    assert shape == "torch.Size([2, 3])"  # "(2, 3) is left"
    assert picked == "tensor([21, 22, 23])"  # "three entries, 21, 22 and 23"
    assert numbers(sums)[:3] == [6, 22, 38]  # 0+1+2+3, 4+...+7, 8+...+11


def test_toolkit_and_seeds(rendered):
    lines = section_output(rendered, "vocabulary/tensors", "toolkit").splitlines()
    assert "squeeze:   torch.Size([6, 1]) -> torch.Size([6])" in lines
    assert "unsqueeze: torch.Size([6]) -> torch.Size([6, 1])" in lines
    assert "cat, stack: torch.Size([12]) torch.Size([2, 6])" in lines  # cat joins, stack adds an axis
    # "flatten lays any shape out as a flat vector of shape (6,): one axis, not a row of shape (1, 6)"
    assert "flatten: tensor([0., 1., 2., 3., 4., 5.]) torch.Size([6])" in lines
    assert "mask: tensor([3., 4., 5.])" in lines  # the mask t > 2.5
    # "on the (2, 3) table, sum(dim=0) adds down each column and leaves 3 numbers, sum(dim=1)
    # adds along each row and leaves 2"
    assert "sums: tensor([3., 5., 7.]) tensor([ 3., 12.])" in lines
    first, again, on, own = section_output(rendered, "vocabulary/tensors", "seeds").splitlines()
    assert first == again != on  # "the same seed: the same numbers again", then new ones
    assert own == first  # a generator seeded with 0 starts the same sequence


def test_what_differs_box_names_the_change_of_axis_order():
    """ "PyTorch 입문" writes images as (batch size, width, height); this site uses (N, C, H, W),
    whose channel axis and height-before-width the batch section's output shows."""
    page = (ROOT / "docs" / "vocabulary.md").read_text()
    box = page.split('??? note "What differs from the original"')[1].split("## Try it")[0]
    assert "(batch size, width,\n      height)" in box and "(N, C, H, W)" in box


def test_the_split_figure_draws_the_split_the_code_made(rendered):
    """Slices of one shuffled order (60, 20, 20) above; below, the same examples in their own
    order, the three parts mixed all along it."""
    sliced, spread = drawn_figures(rendered, "vocabulary/tensors")["split"].axes
    colours = [[to_hex(bar.get_facecolor()) for bar in ax.patches] for ax in (sliced, spread)]
    assert [(colour, len(list(run))) for colour, run in groupby(colours[0])] == [
        ("#1f77b4", 60),
        ("#d95f02", 20),
        ("#2ca02c", 20),
    ]
    assert sorted(colours[1]) == sorted(colours[0]) and len(list(groupby(colours[1]))) > 30
    assert [text.get_text() for text in sliced.texts] == ["training: 60", "validation\n20", "test\n20"]
