"""What the binary cross-entropy chapter claims, checked against what its snippets print."""

from __future__ import annotations

import math

import pytest
import torch
from support.captured import drawn_figures, numbers, on_both_screens, run_snippet, section_output


@pytest.fixture(scope="module")
def chapter(rendered):
    return run_snippet(rendered, "binary-cross-entropy/likelihood")


def test_bce_is_the_negative_mean_log_likelihood(rendered):
    assert section_output(rendered, "binary-cross-entropy/likelihood", "likelihood") == (
        "BCE 0.506455   negative mean log-likelihood 0.506455\nthe same: True\n"
    )


def test_the_likelihood_check_can_fail(chapter):
    """ "a formula with its two terms swapped would agree just as well" at 0.5, but not here."""
    y, by_likelihood = chapter["y"], chapter["by_likelihood"]
    yhat = torch.sigmoid(0.5 + 2 * chapter["X"])  # the check's probabilities, as the snippet makes them
    assert torch.equal(chapter["bce_formula"](yhat, y), chapter["by_formula"])
    swapped = -torch.mean((1 - y) * torch.log(yhat) + y * torch.log(1 - yhat))
    assert not torch.allclose(swapped, by_likelihood)
    no_minus = torch.mean(y * torch.log(yhat) + (1 - y) * torch.log(1 - yhat))
    assert not torch.allclose(no_minus, by_likelihood)
    # At 0.5 everywhere the swapped formula would have passed: the reason the check does not use it.
    half = torch.full_like(y, 0.5)
    swapped_half = -torch.mean((1 - y) * torch.log(half) + y * torch.log(1 - half))
    assert torch.allclose(swapped_half, -torch.distributions.Bernoulli(probs=half).log_prob(y).mean())


def test_the_gradient_checks_can_fail(chapter):
    """yhat - y against autograd, and the weights' gradients by hand against autograd: a wrong
    formula would not match."""
    z, target = chapter["z"], torch.tensor([1.0, 0.0, 1.0])  # the snippet's three logits and labels
    right = torch.sigmoid(z).detach() - target
    assert torch.allclose(z.grad, right)
    assert not torch.allclose(z.grad, target - torch.sigmoid(z).detach())  # sign flipped
    sigmoid = torch.sigmoid(z).detach()
    assert not torch.allclose(z.grad, (sigmoid - target) * sigmoid * (1 - sigmoid))  # MSE-like factor
    w, error, X = chapter["w"], chapter["error"], chapter["X"]
    assert torch.allclose(w.grad, torch.stack([error.mean(), (error * X).mean()]))
    assert not torch.allclose(w.grad, torch.stack([(error * X).mean(), error.mean()]))  # swapped
    assert not torch.allclose(w.grad, torch.stack([error.mean(), error.mean()]))  # the x forgotten


def test_convexity_the_hessian_is_positive_semidefinite(chapter):
    """ "v^T H v = 1/n sum p_i (1 - p_i) (a_i . v)^2 >= 0 ... at every (w0, w1)" """
    A = chapter["A"]
    generator = torch.Generator().manual_seed(0)
    for _ in range(50):
        w = torch.randn(2, 1, generator=generator, dtype=torch.float64) * 10
        p = torch.sigmoid(A @ w)
        hessian = (A * (p * (1 - p))).T @ A / len(A)
        assert torch.linalg.eigvalsh(hessian).min() >= 0


def test_gradient_is_prediction_minus_label(rendered):
    autograd, by_hand, gradcheck = section_output(
        rendered, "binary-cross-entropy/likelihood", "gradient"
    ).splitlines()
    assert numbers(autograd) == numbers(by_hand) == [-0.8808, 0.6225, -0.0474]
    assert gradcheck == "gradcheck: True"
    autograd, by_hand = section_output(rendered, "binary-cross-entropy/likelihood", "weights").splitlines()
    assert numbers(autograd) == numbers(by_hand)


def test_newton_reaches_the_mle(rendered):
    last = section_output(rendered, "binary-cross-entropy/likelihood", "newton").splitlines()[-1]
    assert last == "step 7: w0 = -1.011604, w1 = 4.841670"


def test_entropy_and_kl(rendered):
    entropy, cross, kl = (
        numbers(line)
        for line in section_output(rendered, "binary-cross-entropy/likelihood", "entropy").splitlines()
    )
    assert entropy[-1] == pytest.approx(-(0.8 * math.log(0.8) + 0.2 * math.log(0.2)), abs=1e-4)
    assert cross[-1] == pytest.approx(-(0.8 * math.log(0.6) + 0.2 * math.log(0.4)), abs=1e-4)
    assert kl[-3] == pytest.approx(cross[-1] - entropy[-1], abs=1e-4) and kl[-3] > 0


def test_mse_aims_at_almost_the_mle(rendered):
    """ "On this data its own lowest point is almost the MLE": (-1.032, 4.837); "the two points are
    0.021 apart"."""
    line = section_output(rendered, "binary-cross-entropy/likelihood", "mse_minimum")
    w0, w1, distance = (numbers(line)[i] for i in (1, 3, 4))  # skipping the 0 of w0 and the 1 of w1
    assert (w0, w1, distance) == (-1.032, 4.837, 0.021)


def test_fair_comparison(rendered):
    """ "At the notes' rate of 0.05, neither arrives in 2000 epochs, and MSE is further behind. At a
    rate each can use, both get there: BCE from 0.5 on, MSE at 5." """
    lines = section_output(rendered, "binary-cross-entropy/likelihood", "compare").splitlines()
    assert lines[0] == "start (seed 1): w0 = -0.441, w1 = 0.515"  # "That start, w1 = 0.515"
    rows = {numbers(line)[0]: numbers(line)[1:] for line in lines[2:]}
    assert list(rows) == [0.05, 0.5, 5.0]
    bce, mse = rows[0.05]
    assert bce > 0.1 and mse > bce
    assert rows[0.5][0] < 1e-3 < 0.1 < rows[0.5][1]  # BCE there at 0.5, MSE not yet
    assert rows[5.0][0] < 1e-3 and rows[5.0][1] < 1e-3


def test_the_bad_start_strands_mse_on_a_flat_shoulder(rendered):
    """ "BCE climbs out and lands on the MLE. MSE does not ... the mean is 795 / 2000." """
    bce, mse, stuck = section_output(rendered, "binary-cross-entropy/likelihood", "bad_start").splitlines()
    pick = lambda line: [numbers(line)[i] for i in (1, 3, 4)]  # noqa: E731 (skip the 0 of w0, the 1 of w1)
    assert pick(bce) == [-1.012, 4.842, 0.0]
    w0, w1, far = pick(mse)
    assert w0 < -7 and w1 < 0 and far > 10
    loss, labelled, total, share = (numbers(stuck)[i] for i in (0, 2, 3, 4))  # skip the 0 of "answering 0"
    assert (labelled, total, share) == (795, 2000, 0.3975) and abs(loss - share) < 0.001
    # The exercise's trap uses the weights this run printed.
    trap = run_snippet(rendered, "binary-cross-entropy/exercise")
    assert (trap["w0"].item(), trap["w1"].item()) == pytest.approx((w0, w1), abs=1e-6)


def test_only_bce_is_convex(rendered):
    assert (
        section_output(rendered, "binary-cross-entropy/likelihood", "landscape")
        == "BCE bends down anywhere: False\nMSE bends down anywhere: True\n"
    )


def test_edges(rendered):
    by_hand, bce_loss, with_logits = section_output(
        rendered, "binary-cross-entropy/likelihood", "edges"
    ).splitlines()
    assert "nan" in by_hand and "inf" in by_hand
    assert numbers(bce_loss)[2] == 100.0  # the clamp, not the truth
    assert numbers(with_logits)[2] == 30.0  # the true loss of score -30 for label 1
    # The code comment: "in float32, sigmoid(30) rounds to 1 and sigmoid(-30) is 9.4e-14"
    assert torch.sigmoid(torch.tensor(30.0)).item() == 1.0
    assert torch.sigmoid(torch.tensor(-30.0)).item() == pytest.approx(9.4e-14, rel=0.01)


def test_edge_gradients(rendered):
    """ "At a score of -30 the clamp turns it into -0.09; at -100 ... the gradient is 0";
    the gradient with respect to yhat "is huge", -1e12."""
    wrt_yhat, at_30, at_100 = section_output(
        rendered, "binary-cross-entropy/likelihood", "edge_gradients"
    ).splitlines()
    assert numbers(wrt_yhat)[-1] == -1e12
    assert numbers(at_30)[1:] == [-0.0936, -1.0]
    assert numbers(at_100)[1:] == [-0.0, -1.0]


def test_argument_order(rendered):
    """MSELoss is symmetric; BCELoss swapped "turns a small loss into a large one"."""
    mse, bce = section_output(rendered, "binary-cross-entropy/likelihood", "order").splitlines()
    assert numbers(mse)[0] == numbers(mse)[1]
    right, swapped = numbers(bce)
    assert right < 0.3 and swapped > 20


def test_exercises(rendered):
    bce, mse, ratio = (
        numbers(line)[-1]
        for line in section_output(rendered, "binary-cross-entropy/exercise", "slopes").splitlines()
    )
    assert bce == -0.9975 and mse == -0.0049 and ratio == 203  # "about two hundred times more weakly"
    yhat = torch.sigmoid(torch.tensor(-6.0)).item()
    assert yhat == pytest.approx(0.0025, abs=5e-5)  # "yhat = sigma(-6) ~ 0.0025"
    assert 2 * yhat * (1 - yhat) == pytest.approx(0.0049, abs=5e-5)  # "the extra factor ~ 0.0049"
    bce, mse = section_output(rendered, "binary-cross-entropy/exercise", "trap").splitlines()
    assert 4000 < numbers(bce)[-1] / numbers(mse)[-1] < 6000  # "about five thousand times smaller"


def test_the_concavity_check_can_fail(chapter):
    """ "MSE bends down anywhere: True" comes from a test that can also say False."""
    bends_down = chapter["bends_down"]
    axis = torch.linspace(-3, 3, 61, dtype=torch.float64)
    assert bends_down(-(axis**2)) and not bends_down(axis**2) and bends_down(torch.sigmoid(axis))


def test_the_learning_figures_y_label_is_no_taller_than_its_axes_on_both_screens(rendered):
    """The one-line label once ran below the plot on the page, and past both its ends on a phone."""
    fig = drawn_figures(rendered, "binary-cross-entropy/likelihood")["learning"]
    for figure in on_both_screens(fig):
        ax = figure.axes[0]
        label, axes = ax.yaxis.label.get_window_extent(), ax.get_window_extent()
        assert axes.y0 <= label.y0 and label.y1 <= axes.y1, figure.get_size_inches()


def test_simulated_labels_stay_visible_on_both_pages(rendered):
    """The scatter's most visible colour (its fill or its edge, with its alpha) against each page: 3:1."""
    from matplotlib.collections import PathCollection
    from support import svg

    fig = drawn_figures(rendered, "binary-cross-entropy/likelihood")["data"]
    [dots] = [c for c in fig.axes[0].collections if isinstance(c, PathCollection)]
    colours = [*dots.get_facecolors(), *(dots.get_edgecolors() if max(dots.get_linewidths()) > 0 else [])]
    for page in (svg.LIGHT_PAGE, svg.DARK_PAGE):
        drawn = [[a * c + (1 - a) * p for c, p in zip(rgb, page, strict=True)] for *rgb, a in colours]
        ratios = [svg.contrast(colour, page) for colour in drawn]
        assert max(ratios) >= 3, (page, ratios)
