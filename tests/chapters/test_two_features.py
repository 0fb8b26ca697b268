"""What the chapter "Two features, three ways" claims, checked against what its snippets print and draw."""

from __future__ import annotations

import itertools

import pytest
import torch
from support.captured import (
    display_points,
    drawn_figures,
    numbers,
    run_snippet,
    section_output,
)


def test_two_features_raw_tensors_end_at_five_of_six(rendered):
    lines = section_output(rendered, "two-features/three_ways", "raw").splitlines()
    assert lines[-2] == "accuracy 0.833"
    # "Tutoring gets a negative weight" ... "a more negative bias, which this short run has not
    # learned yet (-1.03 here, against -14.5 after training at lr 1 below)"
    assert lines[-1] == "weights 0.7763 (self-study), -0.5157 (tutoring), bias -1.0282"
    probabilities = numbers(lines[-3])
    assert probabilities[2] == pytest.approx(0.6868, abs=1e-4)  # the third student, who failed


def test_sequential_reaches_all_six_and_the_originals_weights(rendered):
    text = section_output(rendered, "two-features/three_ways", "sequential")
    assert "Epoch  100/1000 Cost: 0.134272 Accuracy 100%" in text
    assert "Epoch 1000/1000 Cost: 0.019843 Accuracy 100%" in text
    assert "tensor([[3.2534, 1.5181]]" in text and "tensor([-14.4839]" in text


def longer_table(rendered):
    """The table of the copies trained for longer: (epoch, penalty, P([2, 2]), P([5, 4]), size)."""
    lines = section_output(rendered, "two-features/three_ways", "longer").splitlines()
    assert lines[0] == "epoch  penalty  P([2, 2])  P([5, 4])  size"
    return [
        (int(e), name, float(p22), float(p54), float(size))
        for e, name, p22, p54, size in map(str.split, lines[1:])
    ]


def longer_rows(rendered, name):
    """(P([2, 2]), P([5, 4]), size of the weights) at epochs 2000 and 3000, for one of the copies."""
    return [row[2:] for row in longer_table(rendered) if row[1] == name]


def test_confidence_grows_without_limit_on_separable_data(rendered):
    """ "Without the penalty the weights keep growing and the probabilities creep towards 0 and 1" """
    for (p22, p54, size), (q22, q54, bigger) in itertools.pairwise(
        [(0.0071, 0.9996, 0), *longer_rows(rendered, "none")]
    ):
        assert q22 < p22 and q54 > p54 and bigger > size


def test_an_l2_penalty_keeps_the_weights_finite(rendered):
    """ "each copy is trained for another 2000 epochs ... With it, the weights shrink a little and then
    settle near 3.0" """
    assert [row[:2] for row in longer_table(rendered)] == [
        (2000, "none"),
        (2000, "L2"),
        (3000, "none"),
        (3000, "L2"),
    ]
    (_, _, free_2000), (_, _, free_3000) = longer_rows(rendered, "none")
    (p22, p54, at_2000), (_, _, at_3000) = longer_rows(rendered, "L2")
    trained = run_snippet(rendered, "two-features/three_ways")["classifier"].linear.weight.norm()
    assert at_2000 < trained.item()  # "shrink a little"
    assert round(at_3000, 1) == 3.0 and at_2000 - at_3000 < 0.1 < free_3000 - free_2000
    assert 0.01 < p22 and p54 < 0.999  # less extreme than without the penalty


def test_weight_decay_on_the_weights_is_the_written_out_penalty(rendered):
    """ "torch.optim.SGD(params, lr=1.0, weight_decay=0.01) adds s w to each parameter's gradient,
    which is the gradient of this penalty": on the weights alone, the two give the same numbers."""
    import torch.nn.functional as F

    two = run_snippet(rendered, "two-features/three_ways")
    x, y, start = two["x_train"], two["y_train"], two["classifier"].state_dict()
    by_loss, by_decay = two["LogisticModel"](), two["LogisticModel"]()
    for model in (by_loss, by_decay):
        model.load_state_dict(start)
    loss_optimizer = torch.optim.SGD(by_loss.parameters(), lr=1.0)
    decay_optimizer = torch.optim.SGD(
        [
            {"params": [by_decay.linear.weight], "weight_decay": 0.01},
            {"params": [by_decay.linear.bias]},
        ],
        lr=1.0,
    )
    for _ in range(50):
        loss = (
            F.binary_cross_entropy_with_logits(by_loss(x), y) + 0.01 / 2 * by_loss.linear.weight.pow(2).sum()
        )
        loss_optimizer.zero_grad()
        loss.backward()
        loss_optimizer.step()
        loss = F.binary_cross_entropy_with_logits(by_decay(x), y)
        decay_optimizer.zero_grad()
        loss.backward()
        decay_optimizer.step()
    assert torch.allclose(by_loss.linear.weight, by_decay.linear.weight, atol=1e-5)
    assert not torch.allclose(by_loss.linear.weight, start["linear.weight"], atol=1e-3)  # they did move


def test_the_class_is_not_the_originals_line_for_line(rendered):
    """Credits: the class is written in this site's own way."""
    code = rendered["two-features/three_ways"].snippet.read_text()
    assert "class BinaryClassifier" not in code and "self.sigmoid = nn.Sigmoid()" not in code


def test_class_on_logits_is_the_sequential_model_up_to_rounding(rendered):
    """Section 3: "It learns the same model as section 2, and gets all six right. Not to the last
    digit ... their parameters differ by up to 2.9e-6, far below the four decimals section 2 prints";
    and "The class returns logits, so torch.sigmoid turns them into probabilities"."""
    module = section_output(rendered, "two-features/three_ways", "module").splitlines()
    assert module == ["largest difference from the Sequential model's parameters: 2.9e-06", "accuracy 1.000"]
    two = run_snippet(rendered, "two-features/three_ways")
    classifier, sequential = two["classifier"], two["model"]
    assert 0 < two["difference"] < 0.5e-4  # not to the last digit, below the printed fourth decimal
    for p, q in zip(classifier.parameters(), sequential.parameters(), strict=True):
        assert torch.equal(p.detach().mul(1e4).round(), q.detach().mul(1e4).round())
    predict = section_output(rendered, "two-features/three_ways", "predict")
    assert predict == "tensor([[0.0071],\n        [0.9996]])\ntorch.Size([1, 1]) torch.Size([1])\n"
    with torch.no_grad():
        logits = classifier(two["new_students"])
    assert logits.min() < 0 and logits.max() > 1  # the class returns logits, not probabilities


def test_exercises(rendered):
    boundary = section_output(rendered, "two-features/exercise", "boundary").splitlines()
    assert boundary[1] == "tensor([0.5000, 0.5000, 0.5000])"
    assert boundary[2] == "largest distance from 0.5: 2.4e-07"  # "up to 2.4e-7 away from 0.5"
    # "The student needs 3.11 hours of tutoring; with 2 they get 0.156."
    assert boundary[3:] == [
        "with 3 h of self-study, P = 0.5 at 3.11 h of tutoring",
        "P(pass) at (3, 2): 0.156; at (3, 3.11): 0.500",
    ]
    # "Strength 0.01 gives the page's result again, weights of size 3.01. Ten times the strength
    # shrinks them to 1.38 ... 0.054 and 0.885 instead of 0.013 and 0.998. All six are still right"
    assert section_output(rendered, "two-features/exercise", "stronger").splitlines() == [
        "strength  size  right  P([2, 2])  P([5, 4])",
        "    0.01  3.01    6/6      0.013      0.998",
        "     0.1  1.38    6/6      0.054      0.885",
    ]
    assert longer_rows(rendered, "L2")[-1][2] == 3.01  # the page's L2 copy, the same size
    assert section_output(rendered, "two-features/exercise", "epochs").splitlines() == [
        "all six right for the first time after 56 epochs",
        "wrong again after [57, 59, 61, 63, 65, 67] epochs",
        "loss after 56 to 59 epochs: [0.2381, 0.2631, 0.2292, 0.2492]",
    ]


def test_a_stronger_penalty_changes_certainty_not_answers(rendered):
    """Solution 2's checks can fail: the penalty does shrink the weights, and "6 of 6 right" counts."""
    exercise = run_snippet(rendered, "two-features/exercise")
    weak, strong = exercise["penalised"](0.01, epochs=200), exercise["penalised"](0.1, epochs=200)
    assert strong.weight.norm() < weak.weight.norm() < exercise["model"].weight.norm()
    assert exercise["right"](torch.ones_like(exercise["y_train"])) == 3  # "right" can say fewer than 6
    with torch.no_grad():  # where the needed tutoring is, the model gives 0.5; an hour less, less
        model, needed = exercise["model"], exercise["needed"]
        p = torch.sigmoid(model(torch.tensor([[3.0, needed], [3.0, needed - 1]]))).flatten()
    assert p[0].item() == pytest.approx(0.5, abs=1e-6) and p[1] < 0.4


def test_all_six_right_comes_and_goes_while_lr_1_overshoots(rendered):
    """Solution 3: "wrong again after the epochs listed, and from 68 on all six stay right. The loss
    zig-zags too: it rises after 57 and 59 epochs and falls after 58" (the student it gets wrong
    is the third, (3, 1), each time; the loss rises after every odd epoch from 9 to 71). And "a
    learning rate of 1 starts above the limit of 2 divided by the largest curvature ... the
    curvature falls"."""
    import torch.nn.functional as F
    from torch import nn

    exercise = run_snippet(rendered, "two-features/exercise")
    right, losses = exercise["all_right"], exercise["losses"]
    assert False in right  # the page's check can fail
    assert all(right[68:]) and len(right) == 101
    assert [n for n in range(9, 101) if losses[n] > losses[n - 1]] == list(range(9, 72, 2))
    x, y = exercise["x_train"], exercise["y_train"]
    torch.manual_seed(1)
    model = nn.Linear(2, 1)
    optimizer = torch.optim.SGD(model.parameters(), lr=1.0)
    rows = torch.cat([x, torch.ones(6, 1)], dim=1)

    def largest_curvature(p):
        return torch.linalg.eigvalsh((rows * (p * (1 - p))).T @ rows / 6).max().item()

    for epoch in range(68):
        logits = model(x)
        p = torch.sigmoid(logits)
        if epoch == 0:
            assert 2 / largest_curvature(p.detach()) < 1  # lr 1 starts above the limit
        if epoch in range(57, 68, 2):
            wrong = ((p >= 0.5).float() != y).flatten().nonzero().flatten().tolist()
            assert wrong == [2], epoch  # the third student, (3, 1)
        loss = F.binary_cross_entropy_with_logits(logits, y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    with torch.no_grad():
        assert largest_curvature(torch.sigmoid(exercise["early"](x))) < 2  # after 101 epochs: lr 1 is within


def test_the_boundary_figure_is_drawn(rendered):
    assert rendered["two-features/three_ways"].figures == ("boundary",)


def test_the_pages_other_checks_can_fail(rendered):
    """Section 3's "largest difference from the Sequential model's parameters" would be large for a
    different model, and "the model gives 0.5, up to rounding, to points on" the boundary would not
    hold for a wrong formula."""
    two = run_snippet(rendered, "two-features/three_ways")

    def largest_difference(a, b):
        return max((p - q).abs().max().item() for p, q in zip(a.parameters(), b.parameters(), strict=True))

    assert largest_difference(two["classifier"], two["model"]) == two["difference"] < 1e-5
    assert largest_difference(two["longer"], two["model"]) > 0.5  # trained for longer: different numbers
    torch.manual_seed(2)  # another start, trained as in section 3, for a tenth of the epochs
    other = two["LogisticModel"]()
    optimizer = torch.optim.SGD(other.parameters(), lr=1.0)
    for _ in range(100):
        loss = torch.nn.functional.binary_cross_entropy_with_logits(other(two["x_train"]), two["y_train"])
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    assert largest_difference(other, two["model"]) > 0.5
    exercise = run_snippet(rendered, "two-features/exercise")
    model, x1, m, c = (exercise[name] for name in ("model", "x1", "m", "c"))
    with torch.no_grad():
        right = torch.sigmoid(model(torch.stack([x1, m * x1 + c], dim=1))).flatten()
        wrong = torch.sigmoid(model(torch.stack([x1, -m * x1 + c], dim=1))).flatten()  # slope's sign flipped
        shifted = torch.sigmoid(model(torch.stack([x1, m * x1 - c], dim=1))).flatten()  # the intercept's
    distance = (right - 0.5).abs().max().item()
    assert 0 < distance < 1e-6  # 0.5 only up to rounding
    assert torch.equal(right, exercise["p"])
    for mistake in (wrong, shifted):  # the page's check would catch a sign error in m or c
        assert (mistake - 0.5).abs().max().item() > 1e-3


def test_the_boundary_moves_much_less_than_the_certainty(rendered):
    """ "Without the penalty its slope goes from -2.143 to -2.084 and the point where it crosses
    x2 = 0 from 4.45 to 4.48 hours of self-study; with it ... a slope of -1.866, crossing at 4.71.
    All three lines still separate the six students." """
    lines = section_output(rendered, "two-features/three_ways", "boundary").splitlines()
    assert lines == [
        "boundary  slope   crosses x2 = 0 at x1",
        "trained   -2.143  4.45",
        "without   -2.084  4.48",
        "with L2   -1.866  4.71",
    ]
    two = run_snippet(rendered, "two-features/three_ways")
    x, y = two["x_train"], two["y_train"]
    for model in (two["classifier"], two["longer"], two["penalised"]):
        with torch.no_grad():
            assert ((model(x) >= 0) == (y == 1)).all()
        (w1, w2), b = model.linear.weight.flatten().tolist(), model.linear.bias.item()
        slope, cross = two["line"](model)
        assert w1 * cross + b == pytest.approx(0, abs=1e-4)  # the crossing is on the line
        assert w1 * 0 + w2 * (-b / w2) + b == pytest.approx(0, abs=1e-4)
        assert slope * w2 == pytest.approx(-w1)  # "slope" is x2 per x1 along the line
    assert two["longer"].linear.weight.norm() > 1.3 * two["classifier"].linear.weight.norm()


def test_lr_1_starts_above_the_limit_for_the_six_students(rendered):
    """Section 2: "a learning rate of 1 starts above the limit for these six students (the box below
    puts it at 0.46)"; "the curvature about twice the one-feature model's, and the limit half of it";
    "All six are right for the first time after 56 epochs, wrong again after every odd number of
    epochs up to 67, and right for good from 68 on" (exercise 3's run)."""
    limit = section_output(rendered, "two-features/three_ways", "limit")
    assert limit == "curvature at the start: 4.35, so lr below 0.46\n"
    two = run_snippet(rendered, "two-features/three_ways")
    one = section_output(rendered, "logistic-regression/one_feature", "curvature").splitlines()
    assert 1.8 < two["curvature"] / numbers(one[2])[-1] < 2.5  # against the one-feature start, 1.957
    flat = torch.full((6, 1), 0.5)  # the check can fail: at p = 0.5 everywhere it would be larger
    rows = two["with_ones"]
    assert torch.linalg.eigvalsh((rows * flat * (1 - flat)).T @ rows / 6).max() > two["curvature"]
    exercise = run_snippet(rendered, "two-features/exercise")
    right = exercise["all_right"]
    assert right.index(True) == 56 and [n for n in range(56, 101) if not right[n]] == list(range(57, 68, 2))
    assert all(right[68:])


def test_boundary_legend_sits_off_the_lines(rendered):
    fig = drawn_figures(rendered, "two-features/three_ways")["boundary"]
    [ax] = fig.axes
    legend = ax.get_legend().get_window_extent()
    lines = [line for line in ax.get_lines() if line.get_linestyle() in ("--", "-")]
    assert len(lines) == 2
    for line in lines:
        inside = [p for p in display_points(line) if legend.contains(*p)]
        assert not inside, f"{line.get_label()} runs into the legend"
