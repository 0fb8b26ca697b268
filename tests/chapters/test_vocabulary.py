"""What the vocabulary chapter claims, checked against what its snippets print."""

from __future__ import annotations

import itertools

from support.captured import numbers, section_output


def test_ranks_and_shapes(rendered):
    assert section_output(rendered, "vocabulary/tensors", "ranks") == (
        "scalar     dim() = 0  shape = ()\n"
        "vector     dim() = 1  shape = (3,)\n"
        "matrix     dim() = 2  shape = (3, 2)\n"
        "3-D tensor dim() = 3  shape = (2, 3, 4)\n"
    )
    batch = section_output(rendered, "vocabulary/tensors", "batch").splitlines()
    # (N, C, H, W): "2 small greyscale images, each 3 pixels high and 4 wide"
    assert (
        batch[1]
        == "torch.Size([2, 1, 3, 4]) -> one image: torch.Size([1, 3, 4]) -> its pixels: torch.Size([3, 4])"
    )


def test_tensor_habits(rendered):
    lines = section_output(rendered, "vocabulary/tensors", "basics").splitlines()
    assert lines[0] == "tensor(18.6667) -> 18.66666603088379"  # float32's rounding of 56/3
    assert abs(numbers(lines[0])[-1] - 56 / 3) < 1e-6
    assert lines[1] == "tensor(4., grad_fn=<MulBackward0>) -> tensor(4.)"
    assert lines[2] == "torch.Size([3, 1]) tensor([2.5000, 4.5000, 6.5000])"  # a column of 3 predictions
    assert lines[3] == "torch.Size([3, 2])"  # "a (3, 2) table, not an error"


def test_split_is_disjoint(rendered):
    assert (
        section_output(rendered, "vocabulary/tensors", "split") == "60 20 20\nno example in two parts: True\n"
    )


def test_fitting_errors_show_under_and_overfitting(rendered):
    lines = section_output(rendered, "vocabulary/fitting", "fit").splitlines()
    train, val = zip(*(numbers(line)[1:] for line in lines), strict=True)
    assert all(b <= a + 1e-9 for a, b in itertools.pairwise(train))  # only ever goes down
    # "It falls from degree 0 to 1, rises again at degree 2, drops at degree 3 to its lowest
    # values at degrees 3 and 4, and from degree 5 on climbs steeply."
    assert val[1] < val[0] and val[2] > val[1] and val[3] < val[1]
    assert min(range(10), key=val.__getitem__) == 4  # validation is lowest at degree 4
    assert train[1] > 0.2 and val[1] > 0.3  # degree 1: both high
    assert val[3] < 0.11 and val[4] < 0.1  # degrees 3 and 4: both low
    assert all(b > a for a, b in itertools.pairwise(val[4:]))  # from 5 on, worse and worse
    assert train[9] < 0.01 and 3e4 < val[9] < 5e4  # "about 40,000"


def test_degree_9_does_not_pass_through_every_point(rendered):
    """ "its largest miss is still larger than the noise's standard deviation of 0.2" """
    line = section_output(rendered, "vocabulary/fitting", "residual")
    assert line.startswith("degree 9: 12 points, 10 coefficients")
    assert numbers(line)[-1] > 0.2


def test_exercises(rendered):
    assert section_output(rendered, "vocabulary/exercise", "images") == "4 3136 torch.Size([1, 28, 28])\n"
    assert section_output(rendered, "vocabulary/exercise", "choose") == (
        "lowest training error at degree 9\nlowest validation error at degree 4\n"
    )


def test_the_split_check_can_fail():
    """ "no example in two parts: True" would print False for parts of the same sizes that overlap."""
    import torch

    torch.manual_seed(0)
    order = torch.randperm(100)

    def check(parts):  # the snippet's check: 100 different examples in parts of 60, 20 and 20
        return len(set().union(*(part.tolist() for part in parts))) == 100

    assert check([order[:60], order[60:80], order[80:]])
    assert not check([order[:60], order[59:79], order[80:]])  # one example in two parts, one in none
