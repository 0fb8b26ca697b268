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
    """ "On this data its own minimum is almost the MLE": (-1.032, 4.837), 0.02 away."""
    line = section_output(rendered, "binary-cross-entropy/likelihood", "mse_minimum")
    w0, w1, distance = (numbers(line)[i] for i in (1, 3, 4))  # skipping the 0 of w0 and the 1 of w1
    assert (w0, w1) == (-1.032, 4.837) and 0.015 < distance < 0.025
    mse_run = numbers(section_output(rendered, "binary-cross-entropy/likelihood", "compare").splitlines()[2])[
        -1
    ]
    assert mse_run > 20 * distance  # the 10,000-epoch MSE run is far from its own minimum


def test_fair_comparison(rendered):
    lines = section_output(rendered, "binary-cross-entropy/likelihood", "compare").splitlines()
    bce, mse = numbers(lines[1])[-1], numbers(lines[2])[-1]
    assert bce < 0.0075  # "within 0.007 of the MLE"
    assert mse == pytest.approx(0.59, abs=0.005)  # "still 0.59 away"
    assert lines[3] == "maximum likelihood: w0 = -1.012, w1 = 4.842;  truth: w0 = -1.0, w1 = 5.0"


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
    bce, mse = (
        numbers(line)[-1]
        for line in section_output(rendered, "binary-cross-entropy/exercise", "slopes").splitlines()
    )
    assert bce == -0.9975 and 190 < bce / mse < 210  # "about two hundred times more weakly"
    yhat = torch.sigmoid(torch.tensor(-6.0)).item()
    assert yhat == pytest.approx(0.0025, abs=5e-5)  # "yhat = sigma(-6) ~ 0.0025"
    assert 2 * yhat * (1 - yhat) == pytest.approx(
        0.0049, abs=5e-5
    )  # "the extra factor 2yhat(1 - yhat) ~ 0.0049"
    assert mse / bce == pytest.approx(2 * yhat * (1 - yhat), rel=0.02)
    bce, mse = section_output(rendered, "binary-cross-entropy/exercise", "wrong_start").splitlines()
    assert numbers(bce)[-1] > 3  # recovered towards w1 = 4.8
    assert numbers(mse)[-1] < -8  # still on the wrong side


def test_the_concavity_check_can_fail(chapter):
    """ "MSE bends down anywhere: True" comes from a test that can also say False."""
    bends_down = chapter["bends_down"]
    axis = torch.linspace(-3, 3, 61, dtype=torch.float64)
    assert bends_down(-(axis**2)) and not bends_down(axis**2) and bends_down(torch.sigmoid(axis))


def test_the_learning_figures_y_label_is_no_taller_than_its_axes_on_both_screens(rendered):
    """The one-line label once ran below the plot on the page, and past both its ends on a phone."""
    fig = drawn_figures(rendered, "binary-cross-entropy/likelihood")["learning"]
    for figure in on_both_screens(fig):
        [ax] = figure.axes
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
