"""What the maths page claims, checked against what its snippets print and compute.

Each check on the page compares two independent computations; the tests below also show that
those checks can fail: a wrong formula does not agree with what the page measured.
"""

from __future__ import annotations

import math
import statistics

import numpy
import pytest
import torch
from support.captured import numbers, run_snippet, section_output
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


def test_the_digits_each_float_keeps():
    """ "float64, which keeps about 16 digits where torch's usual float32 keeps 7" """
    assert round(-math.log10(torch.finfo(torch.float64).eps)) == 16
    assert round(-math.log10(torch.finfo(torch.float32).eps)) == 7
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
    """ "the formulas give 2/3 (-2 - 8 - 18) ≈ -18.67 and 2/3 (-12) = -8" """
    dW, db = (numbers(line)[-2:] for line in lines(rendered, "calculus", "partial"))
    assert dW == [-18.6667, -18.6667] and db == [-8.0, -8.0]
    x, y = [1, 2, 3], [2, 4, 6]
    errors = [0 * xi + 0 - yi for xi, yi in zip(x, y, strict=True)]
    assert errors == [-2, -4, -6]
    assert 2 / 3 * sum(e * xi for e, xi in zip(errors, x, strict=True)) == pytest.approx(-18.6667, abs=1e-4)
    assert 2 / 3 * sum(errors) == pytest.approx(-8)
    # The nudges would notice a formula with the 2 forgotten, or dW and db swapped.
    assert abs(1 / 3 * sum(e * xi for e, xi in zip(errors, x, strict=True)) - dW[1]) > 1
    assert abs(2 / 3 * sum(errors) - dW[1]) > 1


def test_one_step_of_gradient_descent(rendered):
    """ "one step moves W to 0.1867 and b to 0.08, and the cost falls from 18.67 to 14.77" """
    step, before, after = lines(rendered, "calculus", "descent")
    assert step == "W = 0.1867, b = 0.0800"
    assert numbers(before) == [18.6667] and numbers(after) == [14.771]
    # The same step and cost by plain arithmetic: W = 0 - 0.01 * (-56/3), b = 0 - 0.01 * (-8).
    W, b = 0.01 * 56 / 3, 0.08
    cost = sum((W * x + b - y) ** 2 for x, y in [(1, 2), (2, 4), (3, 6)]) / 3
    assert cost == pytest.approx(14.771, abs=1e-4)


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
    product, running, tiny, logs, power = lines(rendered, "probability", "underflow")
    assert product == "product of all 2000 in float32: 0.0"
    assert numbers(running) == [0.0, 272.0]  # "from factor 272 on it is exactly 0.0"
    assert numbers(tiny) == [32.0, 1.4e-45]  # "float32", "1.4 x 10^-45"
    assert numbers(logs) == [-743.78, -743.78]  # torch's float32 sum agrees with Python's float64
    assert numbers(power) == [10.0, -323.0]  # "the true product is about 10^-323"


def test_the_probabilities_are_as_described_and_the_crossing_is_real(rendered):
    """ "2000 probabilities, each between 0.5 and 0.9"; the product, kept in float64 by Python,
    falls below the smallest positive float32 (2^-149) around factor 272, as the run says."""
    probability = run_snippet(rendered, "maths/probability")
    p = probability["p"].tolist()
    assert len(p) == 2000 and 0.5 <= min(p) and max(p) <= 0.9
    running, crossing = 1.0, None
    for index, value in enumerate(p, start=1):
        running *= value
        if running < 2**-149 and crossing is None:
            crossing = index
    assert crossing is not None and abs(crossing - 272) <= 3
    assert probability["tiny"] == 2**-149


# ---------------------------------------------------------------- curvature


def test_second_derivative_three_ways(rendered):
    """ "the second derivative is 6x, which is 12 at x = 2" """
    assert last_numbers(rendered, "curvature", "second") == [12.0, 12.0, 12.0]


def test_the_sums_in_the_hessian(rendered):
    """ "For x = 1, 2, 3, the sum of x_i^2 is 14, the sum of x_i is 6 and n = 3" """
    x = run_snippet(rendered, "maths/curvature")["x_data"].tolist()
    assert (sum(v**2 for v in x), sum(x), len(x)) == (14, 6, 3)
    assert [round(2 / 3 * v, 4) for v in (14, 6, 3)] == [9.3333, 4.0, 2.0]


def test_hessian_matches_the_formula(rendered):
    *printed, verdict = lines(rendered, "curvature", "hessian")
    assert numbers("\n".join(printed)) == [9.3333, 4.0, 4.0, 2.0]  # 2/3 * [[14, 6], [6, 3]]
    assert verdict == "autograd matches (2/n) X^T X: True"


def test_the_hessian_check_can_fail(rendered):
    """Autograd's Hessian tells the right formula from wrong ones, and is the same everywhere."""
    curvature = run_snippet(rendered, "maths/curvature")
    H, X, cost, hessian = curvature["H"], curvature["X"], curvature["cost"], curvature["hessian"]
    assert torch.allclose(H, 2 / 3 * X.T @ X)
    assert not torch.allclose(H, 1 / 3 * X.T @ X)  # the 2 forgotten
    assert not torch.allclose(H, 2 * X.T @ X)  # a sum where the cost takes a mean
    # "The Hessian does not depend on W or b"
    assert torch.allclose(hessian(cost, torch.tensor([1.5, -0.7])), H)


def test_eigenvalues_are_the_curvatures(rendered):
    curvatures, limit = lines(rendered, "curvature", "eigenvalues")
    flattest, steepest = numbers(curvatures)
    assert (flattest, steepest) == (0.24, 11.093)
    # Independently: the eigenvalues of [[a, c], [c, d]] from the quadratic formula.
    a, c, d = 28 / 3, 4, 2
    middle, half_gap = (a + d) / 2, math.sqrt(((a - d) / 2) ** 2 + c**2)
    assert round(middle - half_gap, 3) == flattest and round(middle + half_gap, 3) == steepest
    assert round(steepest / flattest) == 46  # "differ by a factor of about 46"
    assert numbers(limit) == [2.0, 11.093, 0.1803]  # "2 divided by the largest curvature, here 0.1803"


def test_linear_regression_uses_the_same_numbers(rendered):
    """The linear-regression exercise that the page sends the reader to finds the same limit."""
    exercise = section_output(rendered, "linear-regression/exercise", "learning_rate").splitlines()
    assert exercise[0] == lines(rendered, "curvature", "eigenvalues")[0]
    assert exercise[1] == lines(rendered, "curvature", "eigenvalues")[1]


def test_the_curvature_heading_keeps_its_anchor():
    """Other chapters link to #curvature-the-hessian-and-its-eigenvalues."""
    page = (ROOT / "docs/maths.md").read_text()
    assert "\n## Curvature: the Hessian and its eigenvalues\n" in page


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
