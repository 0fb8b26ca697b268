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


def test_split(rendered):
    sizes, first = section_output(rendered, "vocabulary/tensors", "split").splitlines()
    assert sizes == "60 20 20"
    assert first.startswith("the first examples of the test set: [")


def test_fitting_errors_show_under_and_overfitting(rendered):
    lines = section_output(rendered, "vocabulary/fitting", "fit").splitlines()
    train, val = zip(*(numbers(line)[1:] for line in lines), strict=True)
    assert all(b <= a + 1e-9 for a, b in itertools.pairwise(train))  # only ever goes down
    # "It falls from degree 0 to 1, rises at degree 2, drops to its lowest values at degrees 3
    # and 4, and from degree 5 on climbs steeply, to about 38,000 at degree 9."
    assert val[1] < val[0] and val[2] > val[1] and val[3] < val[1]
    assert min(range(10), key=val.__getitem__) == 4  # validation is lowest at degree 4
    assert sorted(range(10), key=val.__getitem__)[:2] == [4, 3]
    assert all(b > a for a, b in itertools.pairwise(val[4:]))  # from 5 on, worse and worse
    assert train[9] < 0.01 and round(val[9], -3) == 38000


def test_inside_the_training_range_overfitting_outside_it_extrapolation(rendered):
    first, *rows = section_output(rendered, "vocabulary/fitting", "range").splitlines()
    low, high, outside, total = numbers(first)
    assert (low, high, outside, total) == (-0.65, 0.94, 9, 40)  # "Nine of the forty"
    within = {int(numbers(row)[0]): numbers(row)[1] for row in rows}
    beyond = {int(numbers(row)[0]): numbers(row)[2] for row in rows}
    assert within[1] == 0.187 and within[3] == 0.057 and within[4] == 0.058  # the prose's numbers
    assert 0.04 < within[3] < 0.06  # "not far above the noise's variance of 0.04"
    assert round(within[9] / within[3]) == 6  # "six times that of degree 3"
    assert within[2] < within[1] and beyond[2] > beyond[1]  # degree 2: better inside, worse outside
    assert round(beyond[9], -4) == 170000 and 300 < beyond[9] ** 0.5 < 500  # "a typical miss of some 400"


def test_degree_2_fits_real_curvature():
    """ "on this lopsided stretch of the wave the x^2 term fits real curvature": fitted to the
    noise-free wave at the same twelve inputs, degree 2's x^2 coefficient is far from zero."""
    import torch

    generator = torch.Generator().manual_seed(0)
    x = torch.rand(12, generator=generator, dtype=torch.float64) * 2 - 1
    columns = torch.stack([x**k for k in range(3)], dim=1)
    exact = torch.linalg.lstsq(columns, torch.sin(torch.pi * x).unsqueeze(1)).solution.flatten()
    assert exact[2] < -1  # -1.09
    symmetric = torch.linspace(-1, 1, 12, dtype=torch.float64)  # on a symmetric range it would vanish
    columns = torch.stack([symmetric**k for k in range(3)], dim=1)
    even = torch.linalg.lstsq(columns, torch.sin(torch.pi * symmetric).unsqueeze(1)).solution.flatten()
    assert abs(even[2]) < 1e-12


def test_degree_9_does_not_pass_through_every_point(rendered):
    """ "its largest miss is still larger than the noise's standard deviation of 0.2" """
    line = section_output(rendered, "vocabulary/fitting", "residual")
    assert line.startswith("degree 9: 12 points, 10 coefficients")
    assert numbers(line)[-1] > 0.2


def test_the_degree_is_chosen_on_validation_and_tested_once(rendered):
    chosen, tested = section_output(rendered, "vocabulary/fitting", "choose").splitlines()
    assert chosen == "chosen on the validation set: degree 4"
    validation = numbers(section_output(rendered, "vocabulary/fitting", "fit").splitlines()[4])[-1]
    assert numbers(tested)[-1] == 0.0645 and validation == 0.0964  # "lower than ... 0.0964"


def test_exercises(rendered):
    assert section_output(rendered, "vocabulary/exercise", "images") == "4 3136 torch.Size([1, 28, 28])\n"
    few, many = section_output(rendered, "vocabulary/exercise", "more").splitlines()
    assert numbers(few)[1:3] == [-0.65, 0.94] and numbers(many)[1:3] == [-0.99, 0.97]
    assert round(numbers(few)[-1], -3) == 38000 and round(numbers(many)[-1], 3) == 0.053
    assert numbers(many)[-1] < numbers(many)[-3]  # "as low as degree 3's"
