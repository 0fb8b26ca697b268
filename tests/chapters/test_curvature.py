"""What the curvature chapter claims, checked against what its snippets print and compute."""

from __future__ import annotations

import itertools
import math

import pytest
import torch
from support.captured import drawn_figures, numbers, run_snippet, section_output
from support.project import ROOT


def lines(rendered, section: str) -> list[str]:
    return section_output(rendered, "curvature/hessian", section).splitlines()


def last_numbers(rendered, section: str) -> list[float]:
    """The last number of each printed line."""
    return [numbers(line)[-1] for line in lines(rendered, section)]


def test_second_derivative_three_ways(rendered):
    """ "the second derivative is 6x, which is 12 at x = 2" """
    assert last_numbers(rendered, "second") == [12.0, 12.0, 12.0]


def test_the_sums_in_the_hessian(rendered):
    """ "For the two points, x = 0 and x = 2, the sum of x_i^2 is 4, the sum of x_i is 2 and n = 2" """
    x = run_snippet(rendered, "curvature/hessian")["x_data"].tolist()
    assert (sum(v**2 for v in x), sum(x), len(x)) == (4, 2, 2)


def test_hessian_matches_the_formula(rendered):
    *printed, verdict = lines(rendered, "hessian")
    assert numbers("\n".join(printed)) == [4.0, 2.0, 2.0, 2.0]  # 2/2 * [[4, 2], [2, 2]]
    assert verdict == "autograd matches (2/n) X^T X: True"


def test_the_hessian_check_can_fail(rendered):
    """Autograd's Hessian tells the right formula from wrong ones, and is the same everywhere."""
    curvature = run_snippet(rendered, "curvature/hessian")
    H, X, cost, hessian = curvature["H"], curvature["X"], curvature["cost"], curvature["hessian"]
    assert torch.allclose(H, 2 / 2 * X.T @ X)
    assert not torch.allclose(H, 1 / 2 * X.T @ X)  # the 2 forgotten
    assert not torch.allclose(H, 2 * X.T @ X)  # a sum where the cost takes a mean
    # "The Hessian does not depend on W or b"
    assert torch.allclose(hessian(cost, torch.tensor([1.5, -0.7])), H)


def test_eigenvalues_are_the_curvatures(rendered):
    curvatures, limit = lines(rendered, "eigenvalues")
    flattest, steepest = numbers(curvatures)
    assert (flattest, steepest) == (0.764, 5.236)
    # "exactly 3 -/+ sqrt(5)": the eigenvalues of [[4, 2], [2, 2]] by the quadratic formula
    assert round(3 - math.sqrt(5), 3) == flattest and round(3 + math.sqrt(5), 3) == steepest
    assert round(steepest / flattest) == 7  # "differ by a factor of about 7"
    assert numbers(limit) == [2.0, 5.236, 0.382]


def test_descent_diverges_just_over_the_limit(rendered):
    """ "Just under the limit and just over it", and "the learning rate of 0.1 above was safely
    under the limit" """
    under, over = lines(rendered, "limit")
    (lr_under, cost_under), (lr_over, cost_over) = numbers(under)[::2], numbers(over)[::2]
    limit = numbers(lines(rendered, "eigenvalues")[1])[-1]
    assert lr_under < limit < lr_over
    assert cost_under < 1e-3 < 1e6 < cost_over
    assert run_snippet(rendered, "maths/calculus")["lr"] == 0.1 < limit / 2


def test_the_limit_check_can_fail(rendered):
    """Descent below the limit converges and above it explodes, wherever the limit is: a limit
    of 2 / (smallest curvature) would be wrong, and the run shows it."""
    curvature = run_snippet(rendered, "curvature/hessian")
    cost_after = curvature["cost_after"]
    wrong_limit = 2 / curvature["flattest"]  # 2.6, far over the real one
    assert not cost_after(0.9 * wrong_limit) < 1  # it blows up, to inf or nan


def test_the_page_does_not_answer_the_linear_regression_exercise(rendered):
    """Exercise 2 of linear regression asks for its learning-rate limit before you try; this page
    teaches the method on other data, and the method gives the exercise's answer."""
    exercise = section_output(rendered, "linear-regression/exercise", "learning_rate").splitlines()
    here = lines(rendered, "eigenvalues")
    shared = set(numbers(exercise[0] + exercise[1])) & set(numbers(here[0] + here[1]))
    assert shared == {2.0}  # only the 2 of "2 / largest curvature"
    x = torch.tensor([1.0, 2.0, 3.0])  # the chapter's hours
    X = torch.stack([x, torch.ones(3)], dim=1)
    flattest, steepest = torch.linalg.eigvalsh(2 / 3 * X.T @ X).tolist()
    assert exercise[0] == f"curvatures: {flattest:.3f} and {steepest:.3f}"


def test_the_chapter_is_the_one_derivation():
    """The chapters that use the (1 - alpha lambda) derivation link to this chapter rather than
    derive it again; inside, the Hessian and its eigenvalues are in the open (multivariable's main
    text builds on them), not in a closed box."""
    page = (ROOT / "docs/curvature.md").read_text()
    lesson = page.split("\n## Try it")[0]
    assert r"(1 - \alpha\lambda)" in lesson and "??? going-further" not in lesson and "eigvalsh" in lesson
    assert "multivariable-regression.md#why-the-learning-rate-must-be-so-small" in lesson
    for chapter in ("multivariable-regression", "linear-regression", "overfitting", "logistic-regression"):
        text = (ROOT / f"docs/{chapter}.md").read_text()
        assert "(curvature.md" in text, chapter
        assert "Why does the curvature set the learning rate" not in text, chapter


def steps_to_a_thousandth(exercise, lr, steps) -> list[int]:
    """After how many steps of the exercise's descent each direction, flattest then steepest, is
    1000 times closer to the best line than at the start (as solution 1 measures it)."""
    path, start = exercise["descend"](lr, steps), exercise["start"]
    return [((path[:, i] / start[i]).abs() <= 1e-3).nonzero()[0].item() + 1 for i in (0, 1)]


def test_exercises(rendered):
    """Solution 1: "The steep direction is done in 10 steps; the flat one takes 87", as predicted;
    solution 2: "At alpha = 1/3 the distance shrinks by 0.745 a step, which is
    (lambda_max - lambda_min) / (lambda_max + lambda_min)"."""
    crawl = section_output(rendered, "curvature/exercise", "crawl").splitlines()
    assert crawl == [
        "direction  factor  predicted  measured",
        "flattest    0.924         87        87",
        "steepest    0.476         10        10",
    ]
    fastest = section_output(rendered, "curvature/exercise", "fastest").splitlines()
    assert fastest[0] == "2 / (flattest + steepest) = 0.333"
    rates = {numbers(line)[0]: numbers(line)[-1] for line in fastest[1:]}
    assert rates == {0.1: 0.924, 0.2: 0.847, 0.3: 0.771, 0.333: 0.745, 0.36: 0.885}
    assert min(rates, key=rates.get) == 0.333
    low, high = 3 - math.sqrt(5), 3 + math.sqrt(5)  # the chapter's curvatures
    assert round((high - low) / (high + low), 3) == rates[0.333]
    # "At 1/3, coming 1000 times closer takes ceil(ln 1000 / -ln 0.745) = 24 steps along both"
    counts = steps_to_a_thousandth(run_snippet(rendered, "curvature/exercise"), 1 / 3, 30)
    assert math.ceil(math.log(1000) / -math.log(0.745)) == 24 and max(counts) == 24
    # the measured rate is the slower factor: each of the others is |1 - lr * lambda| at its worst
    for lr, rate in zip((0.1, 0.2, 0.3, 1 / 3, 0.36), rates.values(), strict=True):
        assert rate == round(max(abs(1 - lr * low), abs(1 - lr * high)), 3), lr


def test_the_crawl_check_can_fail(rendered):
    """The measured step count is read off the run: a wrong step or a wrong direction changes it."""
    # another learning rate: other counts
    counts = steps_to_a_thousandth(run_snippet(rendered, "curvature/exercise"), 0.2, 200)
    assert counts != [87, 10] and counts[0] < 87


def test_the_steps_figure_draws_what_its_caption_says(rendered):
    """Five steps from w = 2 multiply w by 1 - alpha lambda: halving on one side at 0.5, closing
    in from alternate sides at 1.5 ("to -1, 0.5, -0.25"), landing further out at 2.1 ("beyond
    w = 3"), and every point on the parabola."""
    fig = drawn_figures(rendered, "curvature/steps")["steps"]
    paths = {}
    for ax in fig.axes:
        _parabola, steps, start = ax.get_lines()
        alpha_lambda = float(ax.get_title().split("=")[1].split(":")[0])
        paths[alpha_lambda] = list(steps.get_xdata())
        assert list(start.get_xdata()) == [2.0]
        assert all(
            c == pytest.approx(w**2 / 2) for w, c in zip(steps.get_xdata(), steps.get_ydata(), strict=True)
        )
        assert ax.get_title().endswith(f"factor {1 - alpha_lambda:.1f}".replace("-", "\u2212"))
    assert paths[0.5] == [2.0, 1.0, 0.5, 0.25, 0.125, 0.0625]
    assert paths[1.5][1:4] == [-1.0, 0.5, -0.25]
    assert abs(paths[2.1][-1]) > 3 and all(abs(b) > abs(a) for a, b in itertools.pairwise(paths[2.1]))
