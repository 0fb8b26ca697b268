"""What the sigmoid chapter claims, checked against what its snippets print."""

from __future__ import annotations

import math

import pytest
import torch
from support.captured import numbers, run_snippet, section_output


def test_own_formula_matches_torch(rendered):
    mine, theirs = section_output(rendered, "sigmoid/function", "definition").splitlines()
    assert mine == theirs == "tensor([0.0067, 0.2689, 0.5000, 0.7311, 0.9933])"


def test_properties(rendered):
    lines = section_output(rendered, "sigmoid/function", "properties").splitlines()
    assert lines[0] == "increasing: True"
    assert 0 <= numbers(lines[1])[-1] < 1e-15  # symmetric up to double rounding
    # "In float32 ... from x ≈ 16.6 on; in float64 from x ≈ 36.7"
    assert lines[2].startswith("torch.float32") and round(numbers(lines[2])[-1], 1) == 16.6
    assert lines[3].startswith("torch.float64") and round(numbers(lines[3])[-1], 1) == 36.7


def test_derivative(rendered):
    lines = section_output(rendered, "sigmoid/function", "derivative").splitlines()
    # "Both agree with it to about 10^-11"
    for line in lines[:2]:
        assert 1e-12 < numbers(line)[-1] < 1e-10, line
    smallest, at_zero = numbers(lines[2])[0], numbers(lines[2])[-1]
    assert 4.5e-5 < smallest < 4.6e-5  # "about 4.5 x 10^-5"
    assert at_zero == 0.25
    left, right = numbers(lines[3])
    assert left < 0 < right and right - left < 0.03  # one inflection point, at 0


def test_float32_limits(rendered):
    lines = section_output(rendered, "sigmoid/function", "float32").splitlines()
    assert "nan" in lines[1]  # the naive formula's slope at -100
    assert "nan" not in lines[3]  # torch.sigmoid's slope
    assert "1.0000e+00, 1.0000e+00]" in lines[0] and "1.0000e+00, 1.0000e+00]" in lines[2]
    log = section_output(rendered, "sigmoid/function", "log").splitlines()
    assert log[0] == "σ(20) in float32: 1.0  1 - σ(20): 0.0"
    assert numbers(log[1]) == [100.0]  # BCELoss clamps log at -100
    assert numbers(log[2]) == [20.0]  # the true loss, -log(1 - σ(20)) ≈ 20
    # "the slope that reaches the logit ... is 0" and BCEWithLogitsLoss's "is the right one, 1"
    assert numbers(log[3])[-1] == 0.0 and numbers(log[4])[-1] == 1.0


def test_exercises(rendered):
    assert section_output(rendered, "sigmoid/exercise", "inverse") == (
        "σ(x) = 0.9 at x = 2.1972 = ln 9;  check: σ(x) = 0.9000\n"
    )
    assert (
        section_output(rendered, "sigmoid/exercise", "midpoint")
        == "midpoint x = -b/W = 1.5, slope there 0.5 = W/4\n"
    )
    _, slopes, difference = section_output(rendered, "sigmoid/exercise", "stable").splitlines()
    assert "nan" not in slopes and "2.5000e-01" in slopes  # finite everywhere, 1/4 at 0
    assert slopes.count("2.0612e-09") == 2  # correct at -20 and at +20
    assert numbers(difference)[-1] < 1e-40  # only at -100, tiny


def test_where_torch_sigmoids_slope_is_zero(rendered):
    """ "At -20 both versions give the right slope, 2.1e-9. At +20 and at ±100, where
    torch.sigmoid's slope (printed above) is 0, this version still gives the right tiny value,
    2.1e-9 and 3.8e-44" """
    theirs = numbers(
        section_output(rendered, "sigmoid/function", "float32").splitlines()[3]
    )  # inputs -100, -20, 20, 100
    assert theirs == [0.0, 2.0612e-09, 0.0, 0.0]
    _, slopes, _ = section_output(rendered, "sigmoid/exercise", "stable").splitlines()
    ours = numbers(slopes)  # inputs -100, -20, 0, 20, 100
    assert ours[1] == ours[3] == 2.0612e-09 and ours[0] == ours[4] == 3.7835e-44
    assert abs(ours[4] - math.exp(-100)) / math.exp(-100) < 0.02  # right, to float32's last subnormal digit


def test_naive_gradient_is_minus_zero_times_infinity():
    """ "the slope of 1/u is -1/u², which at u = ∞ is -0, and the slope of the exponential, e^t at
    t = -x = 100, is e^100 = ∞. Their product, (-0)·∞, is nan"; and "At +20 and +100 ... our formula's
    slope is as right as float32 allows, 2.06e-9 and 3.78e-44" (test above)."""
    u = torch.tensor(math.inf)
    assert str(-1 / u**2) == "tensor(-0.)"
    assert torch.exp(torch.tensor(100.0)).isinf() and (-1 / u**2 * torch.exp(torch.tensor(100.0))).isnan()


def test_the_slope_at_100_is_float32s_nearest_to_the_true_one():
    """ "The true slope at 100 is 3.72e-44; float32's smallest numbers are 1.4e-45 apart, and the
    nearest of them is 27 x 2^-149 ≈ 3.78e-44." """
    true = math.exp(-100) / (1 + math.exp(-100)) ** 2
    assert f"{true:.2e}" == "3.72e-44" and f"{2**-149:.1e}" == "1.4e-45"
    nearest = torch.tensor(true, dtype=torch.float64).float().item()
    assert nearest == 27 * 2**-149 and f"{nearest:.2e}" == "3.78e-44"


def test_abs_has_no_slope_at_zero_so_the_exercise_writes_it_by_branch(rendered):
    """The "Going further" box under exercise 3: exp(-x.abs()) would give the sigmoid a slope of 0 at
    0, where the branches give 1/4."""
    x = torch.tensor(0.0, requires_grad=True)
    e = torch.exp(-x.abs())
    (1 / (1 + e)).backward()
    assert x.grad.item() == 0.0
    x.grad = None
    run_snippet(rendered, "sigmoid/exercise")["stable_sigmoid"](x).backward()
    assert x.grad.item() == 0.25


def test_the_pages_checks_can_fail(rendered):
    """The page's checks (our formula against torch.sigmoid, the derivative against a finite
    difference) would print something else for a wrong formula: "a wrong formula, such as
    s(1 + s), would be off by more than 0.1"."""
    chapter = run_snippet(rendered, "sigmoid/function")
    x = torch.tensor([-5.0, -1.0, 0.0, 1.0, 5.0])
    assert torch.equal(chapter["sigmoid"](x), torch.sigmoid(x))
    assert not torch.equal(1 / (1 + torch.exp(x)), torch.sigmoid(x))  # sign of the exponent flipped
    xs, difference = chapter["xs"], chapter["by_difference"]
    s = torch.sigmoid(xs)
    assert (difference - s * (1 - s)).abs().max().item() < 1e-10
    assert (difference - s * (1 + s)).abs().max().item() > 0.1  # a wrong derivative is caught
    assert (difference - (1 - s)).abs().max().item() > 0.1


def test_the_exercises_checks_can_fail(rendered):
    """The inverse (sigma(logit(0.9)) = 0.9) and the stable sigmoid's agreement with torch.sigmoid."""
    exercise = run_snippet(rendered, "sigmoid/exercise")
    p = torch.tensor(0.9)
    assert torch.sigmoid(torch.logit(p)).item() == pytest.approx(0.9, abs=1e-6)
    assert torch.sigmoid(torch.log(p)).item() != pytest.approx(0.9, abs=1e-2)  # log p is not the inverse
    x = torch.tensor([-100.0, -20.0, 0.0, 20.0, 100.0])
    assert (exercise["stable_sigmoid"](x) - torch.sigmoid(x)).abs().max() < 1e-40
    e = torch.exp(-x.abs())
    swapped = torch.where(x >= 0, e / (1 + e), 1 / (1 + e))  # the two branches swapped
    assert (swapped - torch.sigmoid(x)).abs().max() > 0.9
    xs = torch.linspace(-10, 10, 2001, dtype=torch.float64)
    assert (torch.sigmoid(-xs) - (1 - torch.sigmoid(xs))).abs().max() < 1e-15
    assert (torch.sigmoid(xs) - (1 - torch.sigmoid(xs))).abs().max() > 0.9  # symmetry check can fail
