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
    # "1 + e^-x rounds to exactly 1, and σ(x) = 1/1 = 1. That happens from x = 24 ln 2 ≈ 16.64 on;
    # in float64 ... from 53 ln 2 ≈ 36.74": on the grid of 0.01, the first point at or past each
    assert lines[2] == "torch.float32: σ(x) = 1.0 from x = 16.64, 1 + e^-x = 1 from 16.64"
    assert lines[3] == "torch.float64: σ(x) = 1.0 from x = 36.74, 1 + e^-x = 1 from 36.74"
    assert math.ceil(24 * math.log(2) * 100) / 100 == 16.64 and f"{24 * math.log(2):.2f}" == "16.64"
    assert math.ceil(53 * math.log(2) * 100) / 100 == 36.74 and f"{53 * math.log(2):.2f}" == "36.74"


def test_one_plus_a_tiny_number_rounds_to_one():
    """ "In float32 ... the next number above 1 is 1 + 2^-23. Once e^-x is less than half that gap,
    2^-24, 1 + e^-x rounds to exactly 1 ... in float64, where the gap is 2^-52" and "A sigmoid rounded
    only once, at the end, would hold out a little longer, to about 17.3 in float32: below 1 the
    numbers are twice as close together." """
    for dtype, bits in ((torch.float32, 23), (torch.float64, 52)):
        assert torch.finfo(dtype).eps == 2**-bits
        one = torch.tensor(1.0, dtype=dtype)
        assert one + 0.99 * 2 ** -(bits + 1) == 1 and one + 1.01 * 2 ** -(bits + 1) > 1
        below = torch.nextafter(one, torch.tensor(0.0, dtype=dtype))
        assert one - below == 2 ** -(bits + 1)  # twice as close below 1
    # The true σ, computed in float64 and rounded once to float32, is 1.0 only from about 17.3
    x = torch.arange(0, 40, 0.01, dtype=torch.float64)
    rounded_once = torch.sigmoid(x).float()
    first = x[rounded_once == 1][0].item()
    assert round(first, 1) == 17.3 and first == pytest.approx(25 * math.log(2), abs=0.01)


def test_derivative(rendered):
    lines = section_output(rendered, "sigmoid/function", "derivative").splitlines()
    # "Autograd agrees with it to about 10^-11"; "they differ by exactly 0"
    assert 1e-12 < numbers(lines[0])[-1] < 1e-10, lines[0]
    assert lines[1] == "max |autograd - s(1 - s)|, the same computation: 0.0"
    chapter = run_snippet(rendered, "sigmoid/function")
    assert torch.equal(chapter["by_autograd"], chapter["by_formula"])
    smallest, at_zero = numbers(lines[2])[0], numbers(lines[2])[-1]
    assert 4.5e-5 < smallest < 4.6e-5  # "about 4.5 x 10^-5"
    assert at_zero == 0.25
    # "positive at all 999 points left of 0 and negative at all 999 right of it"
    assert lines[3:] == [
        "bends upwards at 999 points, x = -9.99 to -0.01",
        "bends downwards at 999 points, x = 0.01 to 9.99",
    ]


def test_one_inflection_point_and_the_check_would_catch_another_curve(rendered):
    """The second derivative is a finite difference of the autograd slopes, not a formula the page
    does not derive: "positive at all 999 points left of 0 and negative at all 999 right of it (at
    0 itself it is 0)". 999 points from -9.99 to -0.01 are every point of the grid there, so the
    sign changes once. The same lines print something else for a curve whose bend is elsewhere,
    that bends several times, or that never changes its bend."""
    chapter = run_snippet(rendered, "sigmoid/function")
    xs, inner, second = chapter["xs"], chapter["inner"], chapter["second"]
    assert len(inner) == 1999 and (inner < -0.005).sum() == 999 == (inner > 0.005).sum()
    [at_zero] = inner[second == 0].tolist()  # the grid's 0, up to rounding, and nowhere else
    assert abs(at_zero) < 1e-12
    # The finite difference agrees with the second derivative worked out by hand, s'(1 - 2s).
    s = torch.sigmoid(inner)
    assert torch.allclose(second, s * (1 - s) * (1 - 2 * s), atol=1e-5, rtol=0)

    def printed(curve):
        """What the page's lines print for the curve's slope (its autograd slope, as on the page)."""
        x = xs.clone().requires_grad_(True)
        curve(x).sum().backward()
        slope = x.grad
        second = (slope[2:] - slope[:-2]) / (xs[2:] - xs[:-2])
        lines = []
        for name, where in (("upwards", second > 0), ("downwards", second < 0)):
            if where.any():
                first, last = inner[where].min(), inner[where].max()
                lines.append(f"bends {name} at {where.sum()} points, x = {first:.2f} to {last:.2f}")
        return lines

    page = section_output(rendered, "sigmoid/function", "derivative").splitlines()[3:]
    assert printed(torch.sigmoid) == page
    shifted, wavy, convex = (printed(f) for f in (lambda x: torch.sigmoid(x - 1), torch.sin, torch.exp))
    assert shifted == [
        "bends upwards at 1099 points, x = -9.99 to 0.99",
        "bends downwards at 899 points, x = 1.01 to 9.99",
    ]
    assert convex == ["bends upwards at 1999 points, x = -9.99 to 9.99"]  # no sign change at all
    for line in wavy:  # several bends: fewer points than the printed span holds
        count, first, last = numbers(line)
        assert count < round((last - first) / 0.01) + 1 - 50, line


def test_four_students_at_one_W_and_b(rendered):
    """ "With W = 2 and b = -5 the midpoint -b/W sits at 2.5 hours, between the two who failed and the
    two who passed", written with the page's W, as in its formula and its explorer."""
    assert section_output(rendered, "sigmoid/students", "students").splitlines() == [
        "W = 2.0, b = -5.0",
        "P(pass): 0.0474 0.2689 0.7311 0.9526",
        "BCE loss: 0.1809",
    ]
    code = rendered["sigmoid/students"].snippet.read_text()
    assert "W, b = 2.0, -5.0" in code and "w * hours" not in code


def float32_table(rendered) -> dict[str, list[str]]:
    """The printed table of both sigmoids and their slopes, a row for each input."""
    header, *rows = section_output(rendered, "sigmoid/function", "float32").splitlines()
    assert header.split() == ["x", "naive", "σ", "its", "slope", "torch", "σ", "its", "slope"]
    # Each column sits under its heading, the σ of a value under the σ of its name.
    assert {len(row) for row in rows} == {len(header)}
    return {row.split()[0]: row.split()[1:] for row in rows}


def test_float32_limits(rendered):
    table = float32_table(rendered)
    assert table["-100"] == ["0.0000e+00", "nan", "0.0000e+00", "0.0000e+00"]
    # "Both versions give exactly 1.0 for x = 20 and x = 100", and there the naive slope is
    # "as right as float32 allows, 2.06e-9 and 3.78e-44, where torch.sigmoid's rounds to 0"
    assert table["20"] == ["1.0000e+00", "2.0612e-09", "1.0000e+00", "0.0000e+00"]
    assert table["100"] == ["1.0000e+00", "3.7835e-44", "1.0000e+00", "0.0000e+00"]
    # "the 1.0000e+00 there is not the printout rounding, as torch.sigmoid(big) == 1 shows (True
    # for both)"
    function = run_snippet(rendered, "sigmoid/function")
    big, naive = function["big"], function["naive"]
    assert (torch.sigmoid(big) == 1).tolist() == (naive == 1).tolist() == [False, False, True, True]


def test_a_sure_wrong_logit_is_corrected_only_through_the_logits_loss():
    """ "a logit of 20, say, for an example whose label is 0 ... a loss handed only the rounded
    probability, nn.BCELoss, cannot pass it back, while one handed the logit itself,
    nn.BCEWithLogitsLoss, can" """
    target = torch.tensor([0.0])
    slopes = []
    for loss, through_sigmoid in ((torch.nn.BCELoss(), True), (torch.nn.BCEWithLogitsLoss(), False)):
        logit = torch.tensor([20.0], requires_grad=True)
        loss(torch.sigmoid(logit) if through_sigmoid else logit, target).backward()
        slopes.append(logit.grad.item())
    assert torch.sigmoid(torch.tensor(20.0)).item() == 1.0
    assert slopes == [0.0, 1.0]


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
    theirs = [float(row[3]) for row in float32_table(rendered).values()]  # -100, -20, 20, 100
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
