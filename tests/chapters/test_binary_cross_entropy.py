"""What the binary cross-entropy chapter claims, checked against what its snippets print."""

from __future__ import annotations

import math

import pytest
import torch
from support.captured import (
    drawn_figures,
    numbers,
    on_both_screens,
    run_snippet,
    section_output,
    tick_label_gaps,
)


@pytest.fixture(scope="module")
def chapter(rendered):
    return run_snippet(rendered, "binary-cross-entropy/likelihood")


def test_bce_is_the_negative_mean_log_likelihood(rendered):
    """ "The product itself prints as 0.0. Its true value is e^(-2000 x 0.506455) ~ e^(-1013), far
    below the smallest number a float32, or even a float64, can hold" """
    shown = section_output(rendered, "binary-cross-entropy/likelihood", "likelihood")
    assert shown == (
        "likelihood, the product of 2000 of them: 0.0\n"
        "BCE 0.506455   negative mean log-likelihood 0.506455\nthe same: True\n"
    )
    mean = numbers(shown.splitlines()[1])[0]
    assert round(2000 * mean) == 1013 and math.exp(-2000 * mean) == 0.0  # a Python float is a float64


def test_the_likelihood_check_can_fail(chapter):
    """The likelihood is computed from its definition, the product of P(y_i | x_i) =
    yhat^y (1 - yhat)^(1 - y), not from PyTorch's BCE (which Bernoulli.log_prob is): a wrong BCE
    formula fails it. "a formula with its two terms swapped would agree just as well" at 0.5, but
    not here."""
    y, by_likelihood = chapter["y"], chapter["by_likelihood"]
    yhat = torch.sigmoid(0.5 + 2 * chapter["X"])  # the check's probabilities, as the snippet makes them
    assert torch.equal(chapter["bce_formula"](yhat, y), chapter["by_formula"])
    # The factors are the probabilities of the labels seen: yhat where y = 1, 1 - yhat where y = 0.
    assert torch.equal(chapter["p_label"], torch.where(y == 1, yhat, 1 - yhat))
    swapped = -torch.mean((1 - y) * torch.log(yhat) + y * torch.log(1 - yhat))
    assert not torch.allclose(swapped, by_likelihood)
    no_minus = torch.mean(y * torch.log(yhat) + (1 - y) * torch.log(1 - yhat))
    assert not torch.allclose(no_minus, by_likelihood)
    # At 0.5 everywhere the swapped formula would have passed: the reason the check does not use it.
    half = torch.full_like(y, 0.5)
    swapped_half = -torch.mean((1 - y) * torch.log(half) + y * torch.log(1 - half))
    assert torch.allclose(swapped_half, -torch.log(half**y * (1 - half) ** (1 - y)).mean())


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
    autograd, by_hand = section_output(rendered, "binary-cross-entropy/likelihood", "gradient").splitlines()
    assert numbers(autograd) == numbers(by_hand) == [-0.8808, 0.6225, -0.0474]
    assert section_output(rendered, "binary-cross-entropy/likelihood", "gradcheck") == "gradcheck: True\n"
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
    """ "train for 1000 epochs ... At the notes' rate of 0.05, neither gets close in 1000 epochs, and
    MSE is further behind. At 0.5, BCE is within 0.01 of its lowest point while MSE is still 0.59
    away; at 5, both arrive ... a ten times larger rate makes up for it." """
    lines = section_output(rendered, "binary-cross-entropy/likelihood", "compare").splitlines()
    assert lines[0] == "start (seed 1): w0 = -0.441, w1 = 0.515"  # "That start, w1 = 0.515"
    assert lines[1:3] == ["after 1000 epochs, distance to each loss's", "own lowest point:"]
    rows = {numbers(line)[0]: numbers(line)[1:] for line in lines[3:]}
    assert list(rows) == [0.05, 0.5, 5.0]
    bce, mse = rows[0.05]
    assert bce > 1 and mse > bce
    assert rows[0.5][0] < 0.01 and rows[0.5][1] == 0.5909
    assert rows[5.0][0] < 1e-3 and rows[5.0][1] < 1e-3
    assert rows[5.0][1] < rows[0.5][0]  # MSE at 5 ends nearer than BCE at 0.5


def test_the_learning_figures_alt_text(chapter):
    """ "at lr 5 the BCE curve drops to the lowest point within about 250 epochs and the MSE curve
    follows more slowly, within 0.001 of it after about 800 epochs; at lr 0.5 both fall more slowly, BCE to
    below 0.01 and MSE to about 0.6 ... from w0 = 0 and w1 = -10 ... the BCE curve drops to the
    lowest point within about 250 epochs, while the MSE curve falls to about 12 in the first 50
    epochs and then stays nearly flat, ending at 11.6" (a point every 20 epochs)."""
    runs, distance = chapter["runs"], chapter["distance_to_minimum"]
    path = {key: [distance(key[0], w) for w in runs[key]] for key in runs}
    assert len(path["BCE", 5.0]) == 1000 // 20 + 1  # epochs 0 to 1000
    for key in (("BCE", 5.0), ("BCE", "bad start")):
        floor = path[key][-1]
        settled = next(i for i, d in enumerate(path[key]) if d <= floor) * 20
        assert 200 <= settled <= 300 and floor < 1e-5, (key, settled)
    within = next(i for i, d in enumerate(path["MSE", 5.0]) if d < 1e-3) * 20
    assert 750 <= within <= 850 and path["MSE", 5.0][-1] < 1e-3  # "after about 800 epochs"
    assert path["BCE", 0.5][-1] < 0.01 and round(path["MSE", 0.5][-1], 1) == 0.6
    stranded = path["MSE", "bad start"]
    assert stranded[0] > 14 and all(11.5 < d < 12.5 for d in stranded[50 // 20 + 1 :])
    assert round(stranded[-1], 1) == 11.6


def test_the_bad_start_strands_mse_on_a_flat_shoulder(rendered):
    """ "BCE climbs out and lands on the MLE. MSE does not ... It has pushed w0 far down, to -7.9 ...
    the mean is 795 / 2000." """
    header, bce, mse, there, zero = section_output(
        rendered, "binary-cross-entropy/likelihood", "bad_start"
    ).splitlines()
    assert header.split() == ["loss", "w0", "w1", "distance"]
    assert bce.split()[0] == "BCE" and numbers(bce) == [-1.012, 4.842, 0.0]
    w0, w1, far = numbers(mse)
    assert mse.split()[0] == "MSE" and round(w0, 1) == -7.9 and w1 < 0 and far > 10
    [loss] = numbers(there)
    labelled, total, share = numbers(zero)[1:]  # skip the 0 of "answering 0"
    assert (labelled, total, share) == (795, 2000, 0.3975) and abs(loss - share) < 0.001
    # The exercise's trap uses the weights this run printed.
    trap = run_snippet(rendered, "binary-cross-entropy/exercise")
    assert (trap["w0"].item(), trap["w1"].item()) == pytest.approx((w0, w1), abs=1e-6)


def test_only_bce_is_convex(rendered):
    convex, not_convex, slopes = section_output(
        rendered, "binary-cross-entropy/likelihood", "landscape"
    ).splitlines()
    assert (convex, not_convex) == ("BCE bends down anywhere: False", "MSE bends down anywhere: True")
    # "At the slice's left end, w1 = -10, BCE still falls by 0.45 for each unit of w1, and MSE by
    # 0.010, over forty times less."
    bce, mse = numbers(slopes)[-2:]
    assert (bce, mse) == (-0.446, -0.0103) and 40 < bce / mse < 50


def test_the_slice_is_not_where_mse_stopped(chapter, rendered):
    """ "This slice does not pass through the point where MSE stopped (w0 there is -7.9, not -1.0)";
    the alt text: each curve has its lowest point at the maximum-likelihood w1."""
    w0_held, w1_mle = chapter["minimum"]["BCE"]
    assert round(w0_held, 1) == -1.0
    bad_start = section_output(rendered, "binary-cross-entropy/likelihood", "bad_start")
    stopped_w0 = numbers(bad_start.splitlines()[2])[0]  # the MSE row
    assert abs(stopped_w0 - w0_held) > 6
    axis = chapter["w1_axis"]
    for curve in (chapter["bce_curve"], chapter["mse_curve"]):
        assert abs(axis[curve.argmin()].item() - w1_mle) < 0.1  # the grid's step


def edge_losses(rendered) -> list[list[str]]:
    """The printed table of losses at the edges, a column for each way of computing them."""
    header, *rows = section_output(rendered, "binary-cross-entropy/likelihood", "edges").splitlines()
    assert header.split() == ["ŷ", "z", "y", "by", "hand", "BCELoss", "with", "logits"]
    assert {len(row) for row in rows} == {len(header)}  # each column under its name
    assert [row.split()[:3] for row in rows] == [
        ["0", "-30", "0"],
        ["1", "30", "1"],
        ["0", "-30", "1"],
        ["0.7", "0.8473", "1"],
    ]
    return [list(column) for column in zip(*(row.split()[3:] for row in rows), strict=True)]


def test_edges(rendered):
    by_hand, bce_loss, with_logits = edge_losses(rendered)
    assert by_hand == ["nan", "nan", "inf", "0.3567"]
    assert bce_loss == ["0", "-0", "100", "0.3567"]  # 100: the clamp, not the truth
    assert with_logits[2] == "30"  # the true loss of score -30 for label 1
    # The code comment: "in float32, sigmoid(30) rounds to 1 and sigmoid(-30) is 9.4e-14"
    assert torch.sigmoid(torch.tensor(30.0)).item() == 1.0
    assert torch.sigmoid(torch.tensor(-30.0)).item() == pytest.approx(9.4e-14, rel=0.01)


def test_the_mirror_cases_differ_only_by_float32_cancellation(rendered):
    """ "The first two logits are mirror images, -30 with label 0 and +30 with label 1, and both
    truly cost log(1 + e^-30) ~ 9.4e-14. Yet the first prints 0: PyTorch computes it as
    -30 - log sigma(-30), and in float32 log sigma(-30) rounds to exactly -30, so the two cancel.
    A loss that small changes nothing in training." """
    mirror, straight = map(float, edge_losses(rendered)[2][:2])
    assert mirror == 0.0 and straight == pytest.approx(9.4e-14, rel=0.01)
    assert math.log1p(math.exp(-30)) == pytest.approx(9.4e-14, rel=0.01)  # the true value of both
    z, y = torch.tensor(-30.0), torch.tensor(0.0)
    log_sigmoid = torch.nn.functional.logsigmoid(z)
    assert log_sigmoid.item() == -30.0  # rounds to exactly -30 in float32
    cancelled = (1 - y) * z - log_sigmoid
    assert cancelled.item() == 0.0
    assert torch.nn.functional.binary_cross_entropy_with_logits(z, y).item() == cancelled.item()
    # "changes nothing in training": the gradient, sigma(z) - y, is below 1e-13 in both cases.
    logits = torch.tensor([-30.0, 30.0], requires_grad=True)
    torch.nn.functional.binary_cross_entropy_with_logits(
        logits, torch.tensor([0.0, 1.0]), reduction="sum"
    ).backward()
    assert logits.grad.abs().max().item() < 1e-13


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
    assert 5000 < numbers(bce)[-1] / numbers(mse)[-1] < 6000  # "over five thousand times smaller"


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
        drawn = [svg.over(rgb, a, page) for *rgb, a in colours]
        ratios = [svg.contrast(colour, page) for colour in drawn]
        assert max(ratios) >= 3, (page, ratios)


def test_the_share_of_1s_in_the_data_figure_follows_the_true_probability(rendered, chapter):
    """ "The share of 1s among each 100 of them follows the true probability": within 0.1 of the
    true probability's mean over the same 100 inputs, from about 0 to about 0.97."""
    from matplotlib.lines import Line2D

    ax = drawn_figures(rendered, "binary-cross-entropy/likelihood")["data"].axes[0]
    [share] = [
        line for line in ax.get_lines() if isinstance(line, Line2D) and line.get_label() == "share of 1s"
    ]
    expected = chapter["true_p"].reshape(20, 100).mean(dim=1)
    shown = torch.tensor(share.get_ydata(), dtype=expected.dtype)
    assert (shown - expected).abs().max() < 0.1
    assert shown[0] < 0.05 and shown[-1] > 0.95


def test_the_gradient_figure_is_the_error_and_holds_the_three_printed_slopes(rendered):
    """ "For label 0 the slope is ŷ ... for label 1 it is ŷ - 1"; the markers are the three logits
    whose slopes autograd printed: 0.5 at about 0.62 on the first, -2 and 3 at about -0.88 and
    -0.05 on the second."""
    ax = drawn_figures(rendered, "binary-cross-entropy/likelihood")["gradient"].axes[0]
    label0, ours0, label1, ours1, _ = ax.get_lines()
    z = torch.tensor(label0.get_xdata())
    assert (z[0].item(), z[-1].item()) == (-6, 6)
    assert torch.allclose(torch.tensor(label0.get_ydata()), torch.sigmoid(z), atol=1e-6)
    assert torch.allclose(torch.tensor(label1.get_ydata()), torch.sigmoid(z) - 1, atol=1e-6)
    printed = numbers(section_output(rendered, "binary-cross-entropy/likelihood", "gradient").splitlines()[0])
    assert printed == [-0.8808, 0.6225, -0.0474]
    assert (list(ours0.get_xdata()), [round(v, 4) for v in ours0.get_ydata()]) == ([0.5], [0.6225])
    assert (list(ours1.get_xdata()), [round(v, 4) for v in ours1.get_ydata()]) == (
        [-2, 3],
        [-0.8808, -0.0474],
    )


def test_the_notes_loop_and_their_sum(chapter):
    """The "What differs" box: the notes' `net.zero_grad()` after `step()` gives the same run as
    `optimizer.zero_grad()` before `backward()` (and never clearing would not); "the sum's gradient
    is n = 2000 times the mean's"."""
    X, y = chapter["X"], chapter["y"]

    def run(clear):
        torch.manual_seed(1)
        net = torch.nn.Sequential(torch.nn.Linear(1, 1), torch.nn.Sigmoid())
        optimizer = torch.optim.SGD(net.parameters(), lr=0.05)
        for _ in range(20):
            yhat = net(X)
            loss = -torch.mean(y * torch.log(yhat) + (1 - y) * torch.log(1 - yhat))
            if clear == "before":
                optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            if clear == "after":
                net.zero_grad()
        return torch.cat([p.detach().flatten() for p in net.parameters()])

    assert torch.equal(run("before"), run("after"))
    assert not torch.allclose(run("before"), run("never"))
    w = torch.tensor([0.3, -0.2], requires_grad=True)
    yhat = torch.sigmoid(w[0] + w[1] * X)
    terms = y * torch.log(yhat) + (1 - y) * torch.log(1 - yhat)
    (of_sum,) = torch.autograd.grad(-terms.sum(), w, retain_graph=True)
    (of_mean,) = torch.autograd.grad(-terms.mean(), w)
    assert len(y) == 2000 and torch.allclose(of_sum, 2000 * of_mean)


def test_tick_labels_have_room_on_both_screens(rendered):
    """At least half a font size between neighbouring tick labels, on the page and on a phone: the
    data figure's nine x labels once stood 2.5 px apart in its narrow variant."""
    for name, fig in drawn_figures(rendered, "binary-cross-entropy/likelihood").items():
        for figure in on_both_screens(fig):
            for axis, gaps, em in tick_label_gaps(figure):
                assert min(gaps) >= em / 2, (name, axis, figure.get_size_inches(), gaps)
