"""What the binary cross-entropy chapter claims, checked against what its snippets print."""

from __future__ import annotations

import pytest
from captured import numbers, section_output


def out(rendered, section, snippet="bce"):
    return section_output(rendered, snippet, section)


def test_bce_is_the_negative_mean_log_likelihood(rendered):
    assert out(rendered, "likelihood") == "BCE 0.693147   negative mean log-likelihood 0.693147\n"


def test_gradient_is_prediction_minus_label(rendered):
    autograd, by_hand, gradcheck = out(rendered, "gradient").splitlines()
    assert numbers(autograd) == numbers(by_hand) == [-0.8808, 0.6225, -0.0474]
    assert gradcheck == "gradcheck: True"
    autograd, by_hand = out(rendered, "weights").splitlines()
    assert numbers(autograd) == numbers(by_hand)


def test_newton_reaches_the_mle(rendered):
    last = out(rendered, "newton").splitlines()[-1]
    assert last == "step 7: w0 = -1.011604, w1 = 4.841670"


def test_fair_comparison(rendered):
    lines = out(rendered, "compare").splitlines()
    bce, mse = numbers(lines[1])[-1], numbers(lines[2])[-1]
    assert bce < 0.0075  # "within 0.007 of the MLE"
    assert mse == pytest.approx(0.59, abs=0.005)  # "still 0.59 away"
    assert lines[3] == "maximum likelihood: w0 = -1.012, w1 = 4.842;  truth: w0 = -1.0, w1 = 5.0"


def test_only_bce_is_convex(rendered):
    assert out(rendered, "landscape") == "BCE bends down anywhere: False\nMSE bends down anywhere: True\n"


def test_edges(rendered):
    by_hand, bce_loss, with_logits = out(rendered, "edges").splitlines()
    assert "nan" in by_hand and "inf" in by_hand
    assert numbers(bce_loss)[2] == 100.0  # the clamp, not the truth
    assert numbers(with_logits)[2] == 30.0  # the true loss of score -30 for label 1


def test_exercises(rendered):
    bce, mse = (numbers(line)[-1] for line in out(rendered, "slopes", "bce_exercise").splitlines())
    assert bce == -0.9975 and 190 < bce / mse < 210  # "about two hundred times weaker"
    bce, mse = out(rendered, "wrong_start", "bce_exercise").splitlines()
    assert numbers(bce)[-1] > 3  # recovered towards w1 = 4.8
    assert numbers(mse)[-1] < -8  # still on the wrong side
