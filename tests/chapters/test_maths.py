"""What the maths page claims, checked against what its snippets print and compute.

Each check on the page compares two independent computations; the tests below also show that
those checks can fail: a wrong formula does not agree with what the page measured.
"""

from __future__ import annotations

import itertools
import math
import statistics

import numpy
import pytest
import torch
from support.captured import drawn_figures, numbers, run_snippet, section_output
from support.project import ROOT


def lines(rendered, snippet: str, section: str) -> list[str]:
    return section_output(rendered, f"maths/{snippet}", section).splitlines()


def last_numbers(rendered, snippet: str, section: str) -> list[float]:
    """The last number of each printed line."""
    return [numbers(line)[-1] for line in lines(rendered, snippet, section)]


@pytest.fixture(scope="module")
def calculus(rendered):
    return run_snippet(rendered, "maths/calculus")


# ---------------------------------------------------------------- slope and derivative


def test_one_sided_slopes_are_six_plus_h(rendered):
    """ "divided by h that is exactly 6 + h, the numbers in the table" """
    table = [numbers(line) for line in lines(rendered, "calculus", "slope")]
    assert [h for h, _ in table] == [1.0, 0.1, 0.01, 0.001]
    for h, slope in table:
        assert slope == pytest.approx(6 + h, abs=1e-6)
    # "taking one point on each side of x instead ... is far more accurate"
    h = 0.1
    assert abs(((3 + h) ** 2 - (3 - h) ** 2) / (2 * h) - 6) < 1e-9 < abs(table[1][1] - 6)


def test_the_secants_figure_draws_the_slopes_its_labels_and_caption_give(rendered):
    """Each straight line's slope, measured from its drawn ends, is the one in its label: 8 and 7
    through the points at 5 and 4, and 6 for the tangent, the derivative printed above."""
    ax = drawn_figures(rendered, "maths/calculus")["secants"].axes[0]
    drawn = {}
    for line in ax.get_lines():
        xs, ys = line.get_xdata(), line.get_ydata()
        if len(xs) == 2:
            drawn[line.get_label()] = (ys[1] - ys[0]) / (xs[1] - xs[0])
    assert drawn == {
        "through x = 3 and 5: slope 8": pytest.approx(8),
        "through x = 3 and 4: slope 7": pytest.approx(7),
        "the tangent at x = 3: slope 6": pytest.approx(6),
    }
    assert 6 == pytest.approx(last_numbers(rendered, "calculus", "derivative")[-1])


def test_derivative_of_x_squared_at_3_three_ways(rendered):
    """ "The three agree": by hand 2x, a finite difference and autograd, at x = 3."""
    assert last_numbers(rendered, "calculus", "derivative") == [6.0, 6.0, 6.0]


def test_the_finite_difference_catches_a_wrong_derivative(calculus):
    """The page's float64 central difference tells a right derivative from wrong ones."""
    slope_at, f, g = calculus["slope_at"], calculus["f"], calculus["g"]
    assert slope_at(f, 3.0) == pytest.approx(2 * 3.0, abs=1e-6)
    for wrong in (3.0, 3.0**2, 2 * 3.0 + 1):  # x, x^2 itself, an off-by-one
        assert abs(slope_at(f, 3.0) - wrong) > 0.5
    assert slope_at(torch.sin, 1.0) == pytest.approx(math.cos(1.0), abs=1e-8)  # not tuned to x^2
    assert abs(slope_at(g, 2.0) - 2 * 7) > 1  # the chain rule without the inner slope


def test_float64_is_what_makes_the_finite_difference_trustworthy(calculus):
    """ "subtracting them in float32 would leave too few digits to trust" """
    f, h = calculus["f"], 1e-6
    x = torch.tensor(3.0)  # float32
    in_float32 = ((f(x + h) - f(x - h)) / (2 * h)).item()
    assert abs(in_float32 - 6) > 1e-2
    assert abs(calculus["slope_at"](f, 3.0) - 6) < 1e-6


def test_float64_keeps_more_digits():
    """ "float64, which keeps more digits than torch's usual float32" """
    assert torch.finfo(torch.float64).eps < torch.finfo(torch.float32).eps
    assert torch.get_default_dtype() == torch.float32


# ---------------------------------------------------------------- the chain rule


def test_chain_rule_by_hand_autograd_and_finite_difference(rendered):
    assert last_numbers(rendered, "calculus", "chain") == [42.0, 42.0, 42.0]  # 2 * 7 * 3
    sigmoid = last_numbers(rendered, "calculus", "sigmoid")
    assert sigmoid == [0.393224] * 3
    assert round(sigmoid[0], 4) == 0.3932  # "the slope is about 0.3932"


def test_forgetting_the_inner_slope_would_show(rendered):
    """ "A by-hand answer that forgot the inner slope (14 instead of 42, 0.1966 instead of
    0.3932) would disagree with both other columns." """
    measured = last_numbers(rendered, "calculus", "chain")[2]
    assert 2 * (3 * 2 + 1) == 14 and abs(14 - measured) > 1
    s = torch.sigmoid(torch.tensor(1.0)).item()
    outer_only = s * (1 - s)
    assert round(outer_only, 4) == 0.1966
    assert abs(outer_only - last_numbers(rendered, "calculus", "sigmoid")[2]) > 0.1


# ---------------------------------------------------------------- partial derivatives, gradient


def test_partial_derivatives_of_the_cost(rendered):
    """ "The errors are -1 and -5 and n = 2, so the formulas give 2/2 (-1 x 0 - 5 x 2) = -10 and
    2/2 (-1 - 5) = -6" """
    dW, db = (numbers(line)[-2:] for line in lines(rendered, "calculus", "partial"))
    assert dW == [-10.0, -10.0] and db == [-6.0, -6.0]
    x, y = [0, 2], [1, 5]
    errors = [0 * xi + 0 - yi for xi, yi in zip(x, y, strict=True)]
    assert errors == [-1, -5]
    assert 2 / 2 * sum(e * xi for e, xi in zip(errors, x, strict=True)) == -10
    assert 2 / 2 * sum(errors) == -6
    # The nudges would notice a formula with the 2 forgotten, or dW and db swapped.
    assert abs(1 / 2 * sum(e * xi for e, xi in zip(errors, x, strict=True)) - dW[1]) > 1
    assert abs(2 / 2 * sum(errors) - dW[1]) > 1


def test_the_example_is_not_the_linear_regression_chapters(rendered, calculus):
    """The step from W = b = 0 is worked out once, in the linear-regression chapter; this page
    uses other points."""
    assert calculus["x_data"].tolist() == [0.0, 2.0] and calculus["y_data"].tolist() == [1.0, 5.0]
    chapter = section_output(rendered, "linear-regression/steps", "gradient")
    assert not set(numbers(chapter)) & set(numbers(section_output(rendered, "maths/calculus", "partial")))


def test_the_chapter_takes_the_step_2001_times(rendered):
    """ "Training is this step, repeated; the linear-regression chapter takes it 2001 times", as
    that chapter says: "2001 updates, numbered 0 to 2000"."""
    assert "the\nlinear-regression chapter takes it 2001 times." in (ROOT / "docs/maths.md").read_text()
    assert "2001 updates, numbered 0 to 2000" in (ROOT / "docs/linear-regression.md").read_text()
    assert len(run_snippet(rendered, "linear-regression/train")["history"]) == 2001


def test_one_step_of_gradient_descent(rendered):
    """ "one step moves W to 1 and b to 0.6, and the cost falls from 13 to 2.96" """
    step, before, after = lines(rendered, "calculus", "descent")
    assert step == "W = 1.0000, b = 0.6000"
    assert numbers(before) == [13.0] and numbers(after) == [2.96]
    # The same step and cost by plain arithmetic: W = 0 - 0.1 * (-10), b = 0 - 0.1 * (-6).
    W, b = 0.1 * 10, 0.1 * 6
    cost = sum((W * x + b - y) ** 2 for x, y in [(0, 1), (2, 5)]) / 2
    assert cost == pytest.approx(2.96)
    assert sum(y**2 for y in (1, 5)) / 2 == 13


# ---------------------------------------------------------------- matrices


def test_matrix_product_is_the_weighted_average(rendered):
    shapes, by_product, by_loop, same = lines(rendered, "matrices", "product")
    assert shapes == "torch.Size([5, 3]) @ torch.Size([3, 1]) -> torch.Size([5, 1])"
    assert by_product == by_loop == "tensor([76.1000, 91.5000, 90.1000, 98.6000, 69.4000])"
    assert same == "the same up to rounding: True"
    scores = [[73, 80, 75], [93, 88, 93], [89, 91, 90], [96, 98, 100], [73, 66, 70]]
    by_hand = [0.2 * a + 0.3 * b + 0.5 * c for a, b, c in scores]
    assert numbers(by_product) == pytest.approx(by_hand, abs=1e-4)
    assert by_hand[0] == pytest.approx(76.1)  # "0.2 x 73 + 0.3 x 80 + 0.5 x 75 = 76.1"


def test_the_loop_check_can_fail(rendered):
    """A loop that pairs the wrong numbers does not pass torch.allclose against X @ W."""
    matrices = run_snippet(rendered, "maths/matrices")
    X, W = matrices["X"], matrices["W"]
    wrong = torch.zeros(5, 1)
    for i in range(5):
        for k in range(3):
            wrong[i, 0] += X[i, k] * W[2 - k, 0]  # the weights in reverse order
    assert not torch.allclose(X @ W, wrong)
    assert torch.allclose(X @ W, matrices["by_loop"])


def test_a_row_does_not_fit(rendered):
    row, error = lines(rendered, "matrices", "mismatch")
    assert row == "tensor([[0.2000, 0.3000, 0.5000]]) torch.Size([1, 3])"
    # '"5x3 and 1x3" their shapes; the inner sizes, 3 and 1'
    assert error == "RuntimeError: mat1 and mat2 shapes cannot be multiplied (5x3 and 1x3)"


# ---------------------------------------------------------------- mean and variance


def test_mean_variance_and_standard_deviation(rendered):
    header, *rows = lines(rendered, "averages", "spread")
    assert header.split() == ["formula", "torch"]
    table = {row.split()[0]: numbers(row)[-2:] for row in rows}
    assert list(table) == ["t.mean()", "t.var()", "t.var(correction=0)", "t.std()", "t.std(correction=0)"]
    for call, (by_formula, by_torch) in table.items():
        assert by_formula == by_torch, call
    # "the mean is 84.8 and the variance is 122.2 dividing by n - 1, or 97.76 dividing by n"
    scores = [73, 93, 89, 96, 73]
    assert table["t.mean()"][1] == 84.8 == statistics.mean(scores)
    assert table["t.var()"][1] == 122.2 == pytest.approx(statistics.variance(scores))
    assert table["t.var(correction=0)"][1] == 97.76 == pytest.approx(statistics.pvariance(scores))
    # "The two standard deviations, 11.05 and 9.89, differ by about 12%"
    sample, population = table["t.std()"][1], table["t.std(correction=0)"][1]
    assert round(sample, 2) == 11.05 and round(population, 2) == 9.89
    assert round(100 * (sample / population - 1)) == 12


def test_the_variance_check_can_fail(rendered):
    """torch.var's default is not the divide-by-n formula: the page's table tells them apart."""
    table = {row.split()[0]: numbers(row)[-1] for row in lines(rendered, "averages", "spread")[1:]}
    assert table["t.var()"] != pytest.approx(table["t.var(correction=0)"], abs=1)


def test_the_libraries_divide_as_the_page_says(rendered):
    """ "It uses torch.std, which divides by n - 1; NumPy's np.std divides by n" """
    population = numbers(lines(rendered, "averages", "spread")[-1])[-1]
    assert round(float(numpy.std([73, 93, 89, 96, 73])), 4) == population
    multivariable = (ROOT / "snippets/multivariable-regression/train.py").read_text()
    assert "x_train.std(dim=0)" in multivariable  # torch's default, correction=1


def test_standardised_column(rendered):
    values, summary = lines(rendered, "averages", "standardise")
    assert values == "['-1.067', '0.742', '0.380', '1.013', '-1.067']"
    mean, std = numbers(summary)
    assert abs(mean) < 1e-6 and std == 1.0  # "0 up to float32's rounding, and the standard deviation 1"


# ---------------------------------------------------------------- probability and logarithms


def test_log_of_a_product_is_the_sum_of_the_logs(rendered):
    assert round(math.e, 3) == 2.718  # "where e ≈ 2.718"
    assert 0.5 * 0.5 == 0.25  # "Two fair coins both land heads with probability 0.25"
    product, total, ln_e = lines(rendered, "probability", "logs")
    assert numbers(product)[-1] == numbers(total)[-1] == round(math.log(0.4), 6)
    assert ln_e == "ln(e) = 1.000000"  # torch.log is the natural logarithm


def test_the_product_underflows_and_the_sum_of_logs_does_not(rendered):
    """ "After 149 factors the product is 1.4 x 10^-45, the smallest positive number float32 can
    hold; one factor more and it is exactly 0 ... The sum of the logarithms, about -1358.89 ...
    the true product is about 10^-590, far too small even for float64." """
    *steps, logs, power = lines(rendered, "probability", "underflow")
    counts, values = zip(*(numbers(line) for line in steps), strict=True)
    assert counts == tuple(range(int(counts[0]), 151))  # every step near the bottom, to 150
    assert values[-2:] == (1.4e-45, 0.0) and steps[-1] == "after 150 factors: 0"
    assert all(b <= a for a, b in itertools.pairwise(values))
    assert torch.finfo(torch.float32).smallest_normal > 2**-149 == pytest.approx(1.4e-45, rel=0.01)
    assert numpy.float32(2**-149) > 0 and numpy.float32(2**-149) / 2 == 0  # nothing below it
    assert numbers(logs) == [2000.0, -1358.89]
    assert numbers(power) == [10.0, -590.0]
    assert 10.0**-590 == 0.0 and 10.0**-300 > 0  # "far too small even for float64"


def test_the_product_figure_shows_the_printed_product(rendered):
    """The figure's grids hold X, W and the result the code printed, with their shapes; the
    shaded cells are row 1 of X, the column W and the one number they make."""
    (ax,) = drawn_figures(rendered, "maths/matrices")["product"].axes
    product = [f"{value:g}" for value in numbers(lines(rendered, "matrices", "product")[1])]
    assert [text.get_text() for text in ax.texts] == [
        *"73 80 75 93 88 93 89 91 90 96 98 100 73 66 70".split(),
        *("X", "(5, 3)", "@", "@", "0.2", "0.3", "0.5", "W", "(3, 1)", "=", "="),
        *product,
        *("X @ W", "(5, 1)", "0.2 × 73 + 0.3 × 80 + 0.5 × 75 = 76.1"),
    ]
    shapes = [text.get_position()[1] for text in ax.texts if text.get_text().startswith("(")]
    assert len(shapes) == 3 and len(set(shapes)) == 1  # on one line: (5, 3) @ (3, 1) = (5, 1)
    at = {tuple(round(v, 3) for v in text.get_position()): text.get_text() for text in ax.texts}
    shaded = [box for box in ax.patches if box.get_facecolor()[3] > 0]
    centres = [(round(box.get_center()[0], 3), round(box.get_center()[1], 3)) for box in shaded]
    assert [at[centre] for centre in centres] == ["73", "80", "75", "0.2", "0.3", "0.5", "76.1"]


def test_the_underflow_figure_draws_what_the_loop_printed(rendered):
    """The float32 product's line is the loop's own products, to the last non-zero one it printed,
    at float32's smallest number; a cross marks the factor that made it 0; the sum of the logs
    runs on to the printed power of 10, as the labels say."""
    figure = drawn_figures(rendered, "maths/probability")["underflow"]
    whole, start = figure.axes
    assert (whole.get_xlim(), start.get_xlim()) == ((0, 2000), (0, 200))  # the start, enlarged
    assert [len(ax.get_lines()) for ax in (whole, start)] == [4, 4]
    sum_of_logs, product, zero, floor = whole.get_lines()
    *steps, _, power = lines(rendered, "probability", "underflow")
    last_nonzero, first_zero = numbers(steps[-2]), numbers(steps[-1])
    assert first_zero == [150.0, 0.0]
    assert list(product.get_xdata()) == list(range(1, int(last_nonzero[0]) + 1))
    assert 10 ** product.get_ydata()[-1] == pytest.approx(last_nonzero[1], rel=0.05)
    assert (zero.get_xdata()[0], zero.get_marker()) == (first_zero[0], "x")
    assert floor.get_ydata()[0] == pytest.approx(product.get_ydata()[-1], abs=0.1)
    assert sum_of_logs.get_xdata()[-1] == 2000
    assert round(sum_of_logs.get_ydata()[-1]) == numbers(power)[-1] == -590
    labels = [text.get_text() for text in figure.legends[0].get_texts()]
    assert labels == [
        "from the sum of the logs: down to 10⁻⁵⁹⁰",
        "the float32 product: 0 from factor 150 on (×)",
        "float32's smallest number, 1.4 × 10⁻⁴⁵",
    ]


def test_the_probabilities_are_as_described_and_the_logs_are_right(rendered):
    """ "2000 probabilities, each between 0.2 and 0.9"; it stays 0 "whatever the other 1850
    factors are"; the float32 sum of logs agrees with Python's float64 one, and a product kept in
    float64 by Python falls below half of 2^-149, where float32 rounds to 0, at the same step."""
    probability = run_snippet(rendered, "maths/probability")
    p = probability["p"].tolist()
    assert len(p) == 2000 and 0.2 <= min(p) and max(p) <= 0.9
    assert probability["step"] == 150 and 2000 - 150 == 1850
    assert math.fsum(math.log(v) for v in p) == pytest.approx(probability["log_sum"], abs=0.01)
    running = 1.0
    for index, value in enumerate(p[:150], start=1):
        running *= value
        assert (running < 2**-150) == (index == 150), index  # below half of it, float32 rounds to 0
    # "A likelihood of 0 cannot tell good parameters from bad ones": a model that gives every
    # example a higher probability gets the same float32 product, 0, and a larger sum of logs.
    better = [min(v + 0.05, 0.95) for v in p]
    product = torch.tensor(1.0)
    for value in better:
        product = product * value
    assert product.item() == probability["product"].item() == 0.0
    assert math.fsum(math.log(v) for v in better) > probability["log_sum"] + 50


def test_one_name_for_the_two_sided_slope(rendered):
    """The page names the estimate once, "a central difference (one kind of finite difference)",
    and calls it a central difference from then on, in its prose and in what its code prints (the
    curvature chapter's too, which takes the name from it)."""
    page = (ROOT / "docs/maths.md").read_text()
    assert page.count("finite difference") == 1 and "**central difference**" in page
    assert "finite difference" not in (ROOT / "docs/curvature.md").read_text()
    maths = [result for key, result in rendered.items() if key.startswith(("maths/", "curvature/"))]
    printed = "".join(result.output.read_text() for result in maths)
    assert "finite" not in printed and printed.count("central difference") == 7


# ---------------------------------------------------------------- exercises


def test_exercise_answers(rendered):
    assert last_numbers(rendered, "exercise", "exp") == [2.0, 2.0, 2.0]  # 2 e^0
    shape, error = lines(rendered, "exercise", "shapes")
    assert shape == "torch.Size([4, 2])"
    assert error.endswith("(3x2 and 4x3)")  # "the inner sizes are 2 and 4"
    values = [2, 4, 4, 4, 5, 5, 7, 9]
    assert last_numbers(rendered, "exercise", "spread") == [
        statistics.mean(values),  # 5
        statistics.pvariance(values),  # 4
        round(statistics.variance(values), 4),  # "about 4.571"
        statistics.pstdev(values),  # 2
        round(statistics.stdev(values), 4),
    ]
    assert sum(values) == 40 and sum((v - 5) ** 2 for v in values) == 32
