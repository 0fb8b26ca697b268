"""What the multivariable-regression chapter claims, checked against what its snippets print."""

from __future__ import annotations

import itertools

import pytest
import torch
from support.captured import drawn_figures, numbers, run_snippet, section_output


def test_matrix_product_equals_the_written_out_sum(rendered):
    assert (
        section_output(rendered, "multivariable-regression/train", "hypothesis")
        == "torch.Size([5, 1]) True\n"
    )


def test_the_matrix_check_can_fail(rendered):
    """ "for weights that are not zero (with zero weights, both sides would be just the bias whatever
    the formula)" """
    chapter = run_snippet(rendered, "multivariable-regression/train")
    x, W, b = chapter["x_train"], chapter["W"], chapter["b"]
    assert torch.equal(chapter["by_matrix"], x @ W + b) and W.abs().min() > 0
    broken = [
        x[:, :1] * W[0] + x[:, 1:2] * W[1] + x[:, 2:] * W[2],  # the bias forgotten
        x[:, :1] * W[0] + x[:, 1:2] * W[0] + x[:, 2:] * W[2] + b,  # a weight used twice
        x[:, :1] * W[2] + x[:, 1:2] * W[1] + x[:, 2:] * W[0] + b,  # weights in the wrong order
    ]
    for wrong in broken:  # the page's allclose would catch each
        assert not torch.allclose(chapter["by_matrix"], wrong)
    assert torch.allclose(chapter["by_matrix"], chapter["by_hand"])


def test_original_run(rendered):
    log = section_output(rendered, "multivariable-regression/train", "train")
    assert "Epoch    0/2000 Cost: 31667.597656" in log
    assert "Epoch 2000/2000 Cost: 0.199769" in log
    assert "Epoch 1000/2000 Cost: 0.210558" in log  # "creeps from 0.21 to 0.20 over the last thousand"
    assert (
        section_output(rendered, "multivariable-regression/train", "predict")
        == "prediction for [73, 80, 75]: tensor([[151.2305]])\n"
    )


def test_curvature_limits_the_learning_rate(rendered):
    lines = section_output(rendered, "multivariable-regression/train", "curvature").splitlines()
    curvatures = numbers(lines[0])
    assert 4.3e4 < curvatures[-1] < 4.5e4  # "about 44,000"
    assert 6e6 < curvatures[-1] / curvatures[0] < 8e6  # "seven million times"
    assert lines[1] == "descent diverges above lr = 4.54e-05"
    too_fast = section_output(rendered, "multivariable-regression/train", "too_fast").splitlines()
    costs = [numbers(line)[-1] for line in too_fast]
    assert len(costs) == 6 and all(b / a > 1000 for a, b in itertools.pairwise(costs))  # x1000 per 20


def test_slopes_and_curvature_grow_with_the_scores(rendered):
    """ "Each weight's slope is about 86 times the bias's"; "It is 2 for the bias and around 14,700
    for each weight, some 7,000 times more"; "adds up their curvatures, to about 44,000" (the
    largest eigenvalue of the box below, too)."""
    lines = section_output(rendered, "multivariable-regression/train", "slopes").splitlines()
    assert lines[1] == "slope of the bias: -353, about 1/86 of a weight's"
    slopes = numbers(lines[0])
    assert all(85 < g / -353 < 88 for g in slopes)
    each = numbers(lines[2])
    assert all(14_500 < c < 14_950 for c in each) and 7000 < sum(each) / 3 / 2 < 7500
    together = numbers(lines[3])[0]
    assert lines[3].endswith("for the bias alone: 2") and round(together, -3) == 44_000
    chapter = run_snippet(rendered, "multivariable-regression/train")
    assert together == pytest.approx(chapter["curvatures"].max().item(), rel=0.01)
    # the printed curvatures are autograd's second derivatives of the cost, one parameter at a time
    x, y = chapter["x_train"].double(), chapter["y_train"].double().squeeze(1)
    H = torch.autograd.functional.hessian(
        lambda p: torch.mean((x @ p[:3] + p[3] - y) ** 2), torch.zeros(4, dtype=torch.float64)
    )
    assert torch.allclose(H.diagonal()[:3].float(), chapter["each"]) and H[3, 3].item() == 2


def test_the_curvatures_are_the_eigenvalues_of_the_hessian(rendered):
    """ "Its Hessian is 2/n X^T X, as for the line on the maths page, with a column of ones in X for
    the bias": autograd's second derivatives of the chapter's cost agree, and a formula without the
    2 would not."""
    chapter = run_snippet(rendered, "multivariable-regression/train")
    x, y, X = chapter["x_train"].double(), chapter["y_train"].double().squeeze(1), chapter["X"].double()

    def cost(params):
        return torch.mean((x @ params[:3] + params[3] - y) ** 2)

    H = torch.autograd.functional.hessian(cost, torch.zeros(4, dtype=torch.float64))
    assert torch.allclose(H, 2 / 5 * X.T @ X)
    assert not torch.allclose(H, 1 / 5 * X.T @ X)
    eigenvalues = torch.linalg.eigvalsh(H)
    assert torch.allclose(eigenvalues.float(), chapter["curvatures"], rtol=1e-3, atol=1e-2)


def test_the_slow_creep_comes_from_the_middle_curvatures(rendered):
    """ "along the flattest direction practically nothing moves at all ... leaves 99.99% of the error
    where it was. The slow creep
    in the log comes from the two directions in between, with curvatures 27.1 and 2.43, which lose
    about 40% and 5% of their error" """
    rows = [
        numbers(line)
        for line in section_output(rendered, "multivariable-regression/train", "creep").splitlines()
    ]
    curvature, left = [r[0] for r in rows], [r[-1] for r in rows]
    assert curvature[1:3] == [2.426, 27.1]
    assert left[0] >= 0.9999 and left[3] == 0.0
    assert left[1] == pytest.approx(0.95, abs=0.01) and left[2] == pytest.approx(0.60, abs=0.01)


def test_the_data_figure_puts_each_student_in_a_row_at_their_final_score(rendered):
    """ "Each student is a short horizontal row of three open markers ... the rows climb from the
    lower left to the upper right": quiz scores 66 to 100, final scores 142 to 196."""
    ax = drawn_figures(rendered, "multivariable-regression/train")["data"].axes[0]
    *rows, quiz1, quiz2, quiz3 = ax.get_lines()
    students = run_snippet(rendered, "multivariable-regression/train")
    x, y = students["x_train"], students["y_train"][:, 0]
    for quiz, line in enumerate((quiz1, quiz2, quiz3)):
        assert list(line.get_xdata()) == x[:, quiz].tolist()
        assert list(line.get_ydata()) == y.tolist() and line.get_markerfacecolor() == "white"
    # "a blue circle, an orange square and a green triangle": a colour as well as a shape each
    assert [(line.get_color(), line.get_marker()) for line in (quiz1, quiz2, quiz3)] == [
        ("C0", "o"),
        ("C1", "s"),
        ("C2", "^"),
    ]
    for row, final, scores in zip(rows, y, x, strict=True):
        assert list(row.get_ydata()) == [final] * 2
        assert list(row.get_xdata()) == [scores.min(), scores.max()]
    assert (x.min(), x.max(), y.min(), y.max()) == (66, 100, 142, 196)
    order = y.argsort()  # climbing: a higher final score comes with higher quiz scores
    assert all(b > a for a, b in itertools.pairwise(x.mean(dim=1)[order].tolist()))


def test_cost_figure_alt_text(rendered):
    """ "Both start near 30,000 and fall below 1 within a few dozen epochs ... from epoch 100 ...
    the raw-score run is still creeping down, from 0.226 to 0.200, while the standardised run has
    settled near 0.105, below it throughout" """
    chapter = run_snippet(rendered, "multivariable-regression/train")
    raw, scaled = chapter["costs"], chapter["scaled_costs"]
    assert 25_000 < raw[0] < 35_000 and 25_000 < scaled[0] < 35_000
    assert max(raw[50], scaled[50]) < 1
    assert (round(raw[100], 3), round(raw[-1], 3)) == (0.226, 0.2)
    assert all(b < a for a, b in itertools.pairwise(raw[100::100]))  # still creeping down
    assert all(s < r for s, r in zip(scaled[100:], raw[100:], strict=True))
    assert scaled[-1] == pytest.approx(0.105, abs=0.001) and scaled[200] - scaled[-1] < 0.005
    whole, tail = drawn_figures(rendered, "multivariable-regression/train")["cost"].axes
    assert whole.get_yscale() == "log" and tail.get_yscale() == "linear"
    assert [line.get_xdata()[0] for line in tail.get_lines()] == [100, 100]


def test_standardising(rendered):
    [curvatures] = section_output(rendered, "multivariable-regression/train", "standardize").splitlines()
    assert 4.5 < numbers(curvatures)[-1] < 4.7  # largest curvature 4.6
    log = section_output(rendered, "multivariable-regression/train", "scaled_training").splitlines()
    at_100, at_2000 = numbers(log[1])[-1], numbers(log[3])[-1]
    assert at_100 < 0.199769  # below what the original reached in 2000 epochs
    lowest, predicted = section_output(
        rendered, "multivariable-regression/train", "least_squares"
    ).splitlines()
    assert 1.0 < at_2000 / numbers(lowest)[-1] < 1.011  # "within about 1%"
    assert predicted == "prediction for [73, 80, 75]: tensor([[151.7262]])"


def test_exercises(rendered):
    scaled, raw = section_output(rendered, "multivariable-regression/exercise", "new_student").splitlines()
    assert numbers(scaled) == [180.7]
    assert numbers(raw)[0] > 1000  # impossible: the input was not scaled
    mine, exact = section_output(rendered, "multivariable-regression/exercise", "unscale").splitlines()
    difference = max(abs(a - b) for a, b in zip(numbers(mine)[:3], numbers(exact)[:3], strict=True))
    assert 0.03 < difference < 0.05 + 1e-9  # "differ by up to 0.05"


def test_the_lines_do_about_as_well_on_new_students(rendered):
    """ "Both models do about as well on the new students as on their own ... The minibatch run,
    closer to the best line, is also better on the new students." """
    header, *rows = section_output(rendered, "multivariable-regression/minibatch", "held_out").splitlines()
    assert header == "cost of         its 100 students  50 new ones"
    assert [row.split("  ")[0] for row in rows] == ["full batch", "minibatches"]
    full, mini = (numbers(row) for row in rows)  # own cost, new cost
    assert all(abs(new - own) < 0.05 for own, new in (full, mini))
    assert mini[1] < full[1]


def test_full_batch_at_its_own_rate_keeps_pace(rendered):
    """ "A learning rate of 0.01 is far below what full batch can take here ... At a rate it can
    use, full batch keeps pace epoch for epoch." """
    largest, limit, _, fast = section_output(
        rendered, "multivariable-regression/minibatch", "fair"
    ).splitlines()
    [curvature], [stable] = numbers(largest), numbers(limit)
    assert (curvature, stable) == (11.92, 0.168) and 0.01 < 0.1 < stable
    mini = numbers(section_output(rendered, "multivariable-regression/minibatch", "train").splitlines()[1])
    assert numbers(fast)[-3:] == [0.709, 0.198, 0.198] and numbers(fast)[-2] == mini[2]


def test_minibatches(rendered):
    """ "Per epoch, the minibatch run learns much faster" ... "stops falling at about 0.2, the lowest
    cost any line can reach"; and the alt text: "The minibatch run drops to its floor within a few
    epochs; the full-batch run ... is still above it after 20 epochs"."""
    text = section_output(rendered, "multivariable-regression/minibatch", "data")
    assert text == "100 examples, 10 minibatches per epoch, each of shape (10, 1)\n"
    lines = section_output(rendered, "multivariable-regression/minibatch", "train").splitlines()
    rows = [numbers(line) for line in lines[:3]]  # epoch, full-batch cost, minibatch cost
    assert [r[0] for r in rows] == [1, 5, 20] and all(r[2] < r[1] for r in rows)
    lowest = numbers(lines[3])[-1]
    assert lowest == pytest.approx(0.2, abs=0.01)
    assert rows[1][2] == pytest.approx(lowest, abs=0.002) and rows[2][1] > lowest + 0.05
    mini = run_snippet(rendered, "multivariable-regression/minibatch")
    assert len(mini["mini_steps"]) == 200 and len(mini["full_steps"]) == 20
    assert mini["mini_costs"][3] < lowest + 0.01  # at its floor within a few epochs
    jumps = [b > a for a, b in itertools.pairwise(mini["mini_steps"][50:])]
    assert 0.3 < sum(jumps) / len(jumps) < 0.7  # jagged: up and down from step to step
    assert all(b < a for a, b in itertools.pairwise(mini["full_steps"]))  # smooth
