"""What the vocabulary chapter claims, checked against what its snippets print."""

from __future__ import annotations

import itertools

from captured import numbers, section_output


def test_ranks_and_shapes(rendered):
    assert section_output(rendered, "vocabulary_tensors", "ranks") == (
        "scalar     dim() = 0  shape = ()\n"
        "vector     dim() = 1  shape = (3,)\n"
        "matrix     dim() = 2  shape = (3, 2)\n"
        "3-D tensor dim() = 3  shape = (2, 3, 4)\n"
    )
    batch = section_output(rendered, "vocabulary_tensors", "batch").splitlines()
    assert batch[1] == "torch.Size([2, 4, 3]) -> one image: torch.Size([4, 3])"


def test_split_is_disjoint(rendered):
    assert (
        section_output(rendered, "vocabulary_tensors", "split") == "60 20 20\nno example in two parts: True\n"
    )


def test_fitting_errors_show_under_and_overfitting(rendered):
    lines = section_output(rendered, "vocabulary_fitting", "fit").splitlines()
    train, val = zip(*(numbers(line)[1:] for line in lines), strict=True)
    assert all(b <= a + 1e-9 for a, b in itertools.pairwise(train))  # only ever goes down
    assert min(range(10), key=val.__getitem__) == 4  # validation is lowest at degree 4
    assert train[1] > 0.2 and val[1] > 0.3  # degree 1: both high
    assert val[3] < 0.11 and val[4] < 0.1  # degrees 3 and 4: both low
    assert all(b > a for a, b in itertools.pairwise(val[4:]))  # from 5 on, worse and worse
    assert train[9] < 0.01 and 3e4 < val[9] < 5e4  # "about 40,000"


def test_exercises(rendered):
    assert section_output(rendered, "vocabulary_exercise", "images") == "3 3136 torch.Size([28, 28])\n"
    assert section_output(rendered, "vocabulary_exercise", "choose") == (
        "lowest training error at degree 9\nlowest validation error at degree 4\n"
    )
