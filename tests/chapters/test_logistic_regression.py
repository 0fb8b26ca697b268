"""What the logistic-regression chapter claims, checked against what its snippets print and draw."""

from __future__ import annotations

import itertools
import math

import pytest
import torch
from support.captured import (
    display_points,
    drawn_figures,
    numbers,
    on_both_screens,
    run_snippet,
    section_output,
)


def test_a_line_leaves_zero_to_one(rendered):
    assert (
        section_output(rendered, "logistic-regression/why", "line")
        == "line at 1 h: -0.10\nline at 7 h: 2.30\n"
    )


def test_original_one_feature_run_stops_short(rendered):
    log = section_output(rendered, "logistic-regression/one_feature", "train").splitlines()
    assert log[0] == "0 0.7300" and log[-1] == "499 0.5887"  # four decimals on every line
    assert numbers(log[-1])[1] > 0.58  # barely below ln 2 = 0.693
    predict = section_output(rendered, "logistic-regression/one_feature", "predict")
    assert predict == (
        "predict 1 hour(s): P(pass) = 0.527 -> pass: True\npredict 7 hour(s): P(pass) = 0.890 -> pass: True\n"
    )
    seeds = section_output(rendered, "logistic-regression/one_feature", "seeds").splitlines()
    assert seeds[1] == "2 of 10 random starts say a 1-hour student passes"  # "two of them say"
    # "All ten short runs put their boundary ... somewhere between 0.51 and 1.84 hours"
    assert seeds[2] == "boundary (P = 0.5), seeds 0-9: 0.51 to 1.84 hours"


def test_proper_training_puts_the_boundary_between_the_classes(rendered):
    first, second, seeds = section_output(rendered, "logistic-regression/one_feature", "proper").splitlines()
    assert first == "loss 0.0143, w = 7.11, b = -17.60, boundary at 2.475 hours"
    assert second == "P(pass) for 1 h = 0.00003, for 7 h = 1.00000"
    # "seed 0's full 2000 epochs put it at -b/w ≈ 2.5 hours, halfway between"
    assert round(numbers(first)[-1], 1) == 2.5
    # "After only 200 epochs at this learning rate, the ten random starts that gave ten different
    # short runs all put the boundary between 2.429 and 2.431 hours"
    assert seeds == "boundary after 200 epochs, seeds 0-9: 2.429 to 2.431 hours"
    short = numbers(section_output(rendered, "logistic-regression/one_feature", "seeds").splitlines()[0])
    assert len(set(short[2:])) > 5  # "ten different short runs" (after "1 h, seeds 0-9")


def test_learning_rate_1_is_over_the_limit_at_one_half_and_works_anyway(rendered):
    """ "by the rule a learning rate of 1 is slightly too large ... the run starts just under the
    limit (1.96 rather than 2.09 ...)" and "the curvature falls" as predictions leave 0.5."""
    lines = section_output(rendered, "logistic-regression/one_feature", "curvature").splitlines()
    at_half, limit = numbers(lines[0])[1], numbers(lines[0])[-1]
    assert at_half == 2.09 and limit == 0.96 and limit < 1
    curvatures = [numbers(line)[-1] for line in lines[1:]]
    assert curvatures[0] == pytest.approx(1.96, abs=0.005) and curvatures[0] < 2  # lr 1 within 2 / curvature
    assert curvatures == sorted(curvatures, reverse=True) and curvatures[-1] < 0.1


def test_each_hour_adds_w_to_the_log_odds(rendered, one_feature):
    """ "Each extra hour adds w ≈ 7.1 to the log-odds ... multiplies the odds of passing by e^7.1,
    about 1200" """
    _, steps = section_output(rendered, "logistic-regression/one_feature", "log_odds").splitlines()
    *added, w = numbers(steps)
    assert round(w, 1) == 7.1 and added == [w, w, w]
    assert 1150 < math.exp(one_feature["w"]) < 1250


@pytest.fixture(scope="module")
def one_feature(rendered):
    return run_snippet(rendered, "logistic-regression/one_feature")


def test_short_runs_cross_one_half_between_0_51_and_1_84_hours(one_feature):
    """The prose and the figure's alt text: "between 0.51 and 1.84 hours", the printed range; and the
    curves drawn do cross 0.5 there."""
    boundaries = [-m.linear.bias.item() / m.linear.weight.item() for m in one_feature["short_runs"]]
    assert len(boundaries) == 10
    assert round(min(boundaries), 2) == 0.51 and round(max(boundaries), 2) == 1.84
    assert 0.505 <= min(boundaries) and max(boundaries) < 1.845
    with torch.no_grad():
        for model, boundary in zip(one_feature["short_runs"], boundaries, strict=True):
            below, above = model(torch.tensor([[boundary - 0.01], [boundary + 0.01]])).flatten().tolist()
            assert below < 0.5 < above


def test_two_features_raw_tensors_end_at_five_of_six(rendered):
    lines = section_output(rendered, "logistic-regression/two_features", "raw").splitlines()
    assert lines[-2] == "accuracy 0.833"
    # "Tutoring gets a negative weight" ... "a more negative bias, which this short run has not
    # learned yet (-1.03 here, against -14.5 after training at lr 1 below)"
    assert lines[-1] == "weights 0.7763 (self-study), -0.5157 (tutoring), bias -1.0282"
    probabilities = numbers(lines[-3])
    assert probabilities[2] == pytest.approx(0.6868, abs=1e-4)  # the third student, who failed


def test_sequential_reaches_all_six_and_the_originals_weights(rendered):
    text = section_output(rendered, "logistic-regression/two_features", "sequential")
    assert "Epoch  100/1000 Cost: 0.134272 Accuracy 100%" in text
    assert "Epoch 1000/1000 Cost: 0.019843 Accuracy 100%" in text
    assert "tensor([[3.2534, 1.5181]]" in text and "tensor([-14.4839]" in text


def longer_rows(rendered, name):
    """(P([2, 2]), P([5, 4]), size of the weights) at epochs 2000 and 3000, for one of the copies."""
    lines = section_output(rendered, "logistic-regression/two_features", "longer").splitlines()
    rows = [numbers(line.split(":", 1)[1]) for line in lines if name in line]  # after "epoch N, name:"
    return [(row[2], row[5], row[6]) for row in rows]  # skipping the 2, 2 and 5, 4 of the inputs


def test_confidence_grows_without_limit_on_separable_data(rendered):
    """ "Without the penalty the weights keep growing and the probabilities creep towards 0 and 1" """
    for (p22, p54, size), (q22, q54, bigger) in itertools.pairwise(
        [(0.0071, 0.9996, 0), *longer_rows(rendered, "no penalty")]
    ):
        assert q22 < p22 and q54 > p54 and bigger > size


def test_an_l2_penalty_keeps_the_weights_finite(rendered):
    """ "each copy is trained for another 2000 epochs ... With it, the weights shrink a little and then
    settle near 3.0" """
    lines = section_output(rendered, "logistic-regression/two_features", "longer").splitlines()[:4]
    assert [line.split(",")[0] for line in lines] == ["epoch 2000", "epoch 2000", "epoch 3000", "epoch 3000"]
    (_, _, free_2000), (_, _, free_3000) = longer_rows(rendered, "no penalty")
    (p22, p54, at_2000), (_, _, at_3000) = longer_rows(rendered, "L2 penalty")
    trained = run_snippet(rendered, "logistic-regression/two_features")["classifier"].linear.weight.norm()
    assert at_2000 < trained.item()  # "shrink a little"
    assert round(at_3000, 1) == 3.0 and at_2000 - at_3000 < 0.1 < free_3000 - free_2000
    assert 0.01 < p22 and p54 < 0.999  # less extreme than without the penalty


def test_weight_decay_on_the_weights_is_the_written_out_penalty(rendered):
    """ "torch.optim.SGD(params, lr=1.0, weight_decay=0.01) adds lambda w to each parameter's gradient,
    which is the gradient of this penalty": on the weights alone, the two give the same numbers."""
    import torch.nn.functional as F

    two = run_snippet(rendered, "logistic-regression/two_features")
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


def test_logits_train_where_a_sigmoid_layer_is_stuck(rendered):
    """The logits section: the same loss, 35; a slope of +5.15e-10 through BCELoss, -1.75 with
    logits; after 200 epochs w has not moved, and the logit model works."""
    import torch.nn.functional as F

    stuck, works, reading = section_output(rendered, "logistic-regression/one_feature", "logits").splitlines()
    assert stuck == "sigmoid + BCELoss:         slope +5.15e-10; after 200 epochs w = -20.00, loss 35.0000"
    assert works.startswith("logit + BCEWithLogitsLoss: slope -1.75; after 200 epochs w = 2.99")
    assert numbers(works)[-1] < 0.2  # "after 200 epochs the model works"
    p1, p7 = numbers(reading)[1], numbers(reading)[3]  # after "1 h" and "7 h"
    assert p1 < 0.05 and p7 > 0.99
    # "Both start from the same loss, 35": the logit version starts from it too
    x = torch.tensor([[1.0], [2.0], [3.0], [4.0]])
    y = torch.tensor([[0.0], [0.0], [1.0], [1.0]])
    assert F.binary_cross_entropy_with_logits(-20 * x, y).item() == 35.0
    # "in float32, -20 minus a step that small is still exactly -20" (a step of 1.75 is not)
    w = torch.tensor(-20.0)
    assert (w - 5.15e-10).item() == -20.0 and (w + 1.75).item() != -20.0


def test_the_logits_figure_draws_both_runs(rendered):
    """ "The sigmoid and BCELoss version is a flat line at 35 all the way. The logit and
    BCEWithLogitsLoss version starts at 35 too, falls steeply within the first ten or so epochs
    and ends near 0.11", the loss it printed."""
    ax = drawn_figures(rendered, "logistic-regression/one_feature")["logits"].axes[0]
    stuck, works = ax.get_lines()
    assert [line.get_label() for line in (stuck, works)] == ["sigmoid + BCELoss", "logit + BCEWithLogitsLoss"]
    assert len(stuck.get_ydata()) == len(works.get_ydata()) == 200
    assert set(stuck.get_ydata()) == {35.0} and works.get_ydata()[0] == 35.0
    assert works.get_ydata()[10] < 3 < works.get_ydata()[9]
    # "falls in a straight line, by about 3.3 an epoch, for its first eight epochs"
    drops = [a - b for a, b in itertools.pairwise(works.get_ydata()[:10])]
    assert all(3.25 < drop < 3.35 for drop in drops[:8]) and drops[8] < 3.25, drops
    printed = section_output(rendered, "logistic-regression/one_feature", "logits").splitlines()[1]
    # The figure draws the loss before each step; the printed loss is that of the last.
    assert round(works.get_ydata()[-1], 4) == numbers(printed)[-1] == 0.1097


def test_the_only_slope_left_through_bceloss_points_the_wrong_way(rendered):
    """The shares: the passed students give ~-6.6e-15 and less through BCELoss (-0.75 and -1 with
    logits); the +5.15e-10 comes almost all from the failed student at 1 hour, whom the model gets
    right; BCELoss's floor at 1e-12 is what keeps the two slopes from cancelling."""
    header, *rows, total = section_output(rendered, "logistic-regression/one_feature", "shares").splitlines()
    assert header.split() == ["hours", "passed", "P(pass)", "BCELoss", "BCEWithLogitsLoss"]
    hours, passed, p_pass, bce, logits = zip(*(numbers(row) for row in rows), strict=True)
    assert hours == (1, 2, 3, 4) and passed == (0, 0, 1, 1)
    assert [round(math.log10(p)) for p in p_pass[2:]] == [-26, -35]  # "about 10^-26 and 10^-35"
    assert total.split()[0] == "sum" and numbers(total) == [5.15e-10, -1.75]
    # "comes almost all from the student at 1 hour, who failed and whom the model already gets right"
    assert passed[0] == 0 and p_pass[0] < 0.5 and bce[0] == 5.15e-10 > 0
    assert abs(sum(bce[1:])) < 1e-4 * bce[0]
    # "the two mistakes give -0.75 and -1" with logits; through BCELoss "-6.6e-15" and less
    assert logits[2:] == (-0.75, -1.0) and sum(logits) == pytest.approx(-1.75)
    assert bce[2] == -6.57e-15 and abs(bce[3]) < 1e-20
    assert -8.8e-27 / 1e-12 * 3 / 4 == pytest.approx(-6.6e-15, rel=0.01)
    assert p_pass[2] == 8.8e-27
    # The page's account of BCELoss's slope: divided by p(1 - p) floored at 1e-12, then multiplied
    # by the sigmoid's slope p(1 - p); without the floor they cancel and leave (p - y) x / 4.
    x = torch.tensor([[1.0], [2.0], [3.0], [4.0]])
    y = torch.tensor([[0.0], [0.0], [1.0], [1.0]])
    p = torch.sigmoid(-20 * x)
    floored = (p - y) / torch.clamp(p * (1 - p), min=1e-12) * p * (1 - p) * x / 4
    assert torch.allclose(floored.flatten(), torch.tensor(bce), rtol=0.01, atol=0)
    assert torch.allclose(((p - y) * x / 4).flatten(), torch.tensor(logits), rtol=0.01, atol=0)


def test_the_log_odds_ratio_keeps_growing_with_training(rendered, one_feature):
    """ "no finite w gives the lowest loss ... 7.1 is simply where 2000 epochs stopped. Train longer and
    the odds ratio grows with it": the page's model, trained on for 2000 more epochs (plain SGD keeps no
    state, so this is 4000 epochs from the start)."""
    import copy

    import torch.nn.functional as F

    model = copy.deepcopy(one_feature["model"])
    x, y = one_feature["x_data"], one_feature["y_data"]
    w_2000 = model.linear.weight.item()
    optimizer = torch.optim.SGD(model.parameters(), lr=1.0)
    for _ in range(2000):
        loss = F.binary_cross_entropy(model(x), y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    assert round(w_2000, 1) == 7.1 and model.linear.weight.item() > w_2000 + 1


def test_the_class_is_not_the_originals_line_for_line(rendered):
    """Credits: the class is written in this site's own way."""
    code = rendered["logistic-regression/two_features"].snippet.read_text()
    assert "class BinaryClassifier" not in code and "self.sigmoid = nn.Sigmoid()" not in code


def test_class_on_logits_is_the_sequential_model_up_to_rounding(rendered):
    """Section 3: "It learns the same model as section 2, and gets all six right. Not to the last
    digit ... their parameters differ by up to 2.9e-6, far below the four decimals section 2 prints";
    and "The class returns logits, so torch.sigmoid turns them into probabilities"."""
    module = section_output(rendered, "logistic-regression/two_features", "module").splitlines()
    assert module == ["largest difference from the Sequential model's parameters: 2.9e-06", "accuracy 1.000"]
    two = run_snippet(rendered, "logistic-regression/two_features")
    classifier, sequential = two["classifier"], two["model"]
    assert 0 < two["difference"] < 0.5e-4  # not to the last digit, below the printed fourth decimal
    for p, q in zip(classifier.parameters(), sequential.parameters(), strict=True):
        assert torch.equal(p.detach().mul(1e4).round(), q.detach().mul(1e4).round())
    predict = section_output(rendered, "logistic-regression/two_features", "predict")
    assert predict == "tensor([[0.0071],\n        [0.9996]])\ntorch.Size([1, 1]) torch.Size([1])\n"
    with torch.no_grad():
        logits = classifier(two["new_students"])
    assert logits.min() < 0 and logits.max() > 1  # the class returns logits, not probabilities


def test_the_programs_after_logits_in_training_train_on_logits(rendered):
    """ "From here on, the programs this course adds train on logits, except where one compares the
    two forms on purpose; the originals' programs are reproduced as they wrote them": on this page,
    the class, the L2 copies and the exercises' training."""

    def section(snippet, name):
        code = rendered[f"logistic-regression/{snippet}"].snippet.read_text()
        return code.split(f"# --8<-- [start:{name}]")[1].split(f"# --8<-- [end:{name}]")[0]

    for snippet, name in (
        ("two_features", "module"),
        ("two_features", "longer"),
        ("exercise", "setup"),
        ("exercise", "epochs"),
        ("exercise", "stronger"),
    ):
        code = section(snippet, name)
        assert "binary_cross_entropy_with_logits" in code and "F.binary_cross_entropy(" not in code, name
        assert "Sigmoid()" not in code, name
    for name in ("raw", "sequential"):  # the originals, as they wrote them
        assert "F.binary_cross_entropy(" in section("two_features", name)


def test_exercises(rendered):
    boundary = section_output(rendered, "logistic-regression/exercise", "boundary").splitlines()
    assert boundary[1] == "tensor([0.5000, 0.5000, 0.5000])"
    assert boundary[2] == "largest distance from 0.5: 2.4e-07"  # "up to 2.4e-7 away from 0.5"
    # "The student needs 3.11 hours of tutoring; with 2 they get 0.156."
    assert boundary[3:] == [
        "with 3 h of self-study, P = 0.5 at 3.11 h of tutoring",
        "P(pass) at (3, 2): 0.156; at (3, 3.11): 0.500",
    ]
    # "Strength 0.01 gives the page's result again, weights of size 3.01. Ten times the strength
    # shrinks them to 1.38 ... 0.054 and 0.885 instead of 0.013 and 0.998. All six are still right"
    assert section_output(rendered, "logistic-regression/exercise", "stronger").splitlines() == [
        "strength 0.01: size 3.01, 6 of 6 right; P([2, 2]) = 0.013, P([5, 4]) = 0.998",
        "strength 0.1: size 1.38, 6 of 6 right; P([2, 2]) = 0.054, P([5, 4]) = 0.885",
    ]
    assert longer_rows(rendered, "L2 penalty")[-1][2] == 3.01  # the page's L2 copy, the same size
    assert section_output(rendered, "logistic-regression/exercise", "epochs").splitlines() == [
        "all six right for the first time after 56 epochs",
        "wrong again after [57, 59, 61, 63, 65, 67] epochs",
        "loss after 56 to 59 epochs: [0.2381, 0.2631, 0.2292, 0.2492]",
    ]


def test_a_stronger_penalty_changes_certainty_not_answers(rendered):
    """Solution 2's checks can fail: the penalty does shrink the weights, and "6 of 6 right" counts."""
    exercise = run_snippet(rendered, "logistic-regression/exercise")
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

    exercise = run_snippet(rendered, "logistic-regression/exercise")
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


def test_diagrams_and_figures_are_drawn(rendered):
    assert rendered["logistic-regression/diagrams"].figures == ("one-feature", "two-features")
    assert rendered["logistic-regression/two_features"].figures == ("boundary",)
    assert rendered["logistic-regression/one_feature"].figures == ("probability", "logits")
    assert rendered["logistic-regression/why"].figures == ("line-vs-sigmoid",)


def test_variable_returns_a_new_tensor_sharing_the_data():
    """Errata: "`Variable(t)` returns a new plain tensor that shares `t`'s data (change one and
    the other changes too)"."""
    import torch
    from torch.autograd import Variable

    t = torch.tensor([1.0, 2.0])
    v = Variable(t)
    assert v is not t and type(v) is torch.Tensor
    v[0] = 5.0
    assert t[0].item() == 5.0


def test_the_pages_other_checks_can_fail(rendered):
    """Section 3's "largest difference from the Sequential model's parameters" would be large for a
    different model, and "the model gives 0.5, up to rounding, to points on" the boundary would not
    hold for a wrong formula."""
    two = run_snippet(rendered, "logistic-regression/two_features")

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
    exercise = run_snippet(rendered, "logistic-regression/exercise")
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
    lines = section_output(rendered, "logistic-regression/two_features", "longer").splitlines()[4:]
    assert lines == [
        "boundary trained: slope -2.143, crosses x2 = 0 at x1 = 4.45",
        "boundary without: slope -2.084, crosses x2 = 0 at x1 = 4.48",
        "boundary with L2: slope -1.866, crosses x2 = 0 at x1 = 4.71",
    ]
    two = run_snippet(rendered, "logistic-regression/two_features")
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
    limit = section_output(rendered, "logistic-regression/two_features", "limit")
    assert limit == "curvature at the start: 4.35, so lr below 0.46\n"
    two = run_snippet(rendered, "logistic-regression/two_features")
    one = section_output(rendered, "logistic-regression/one_feature", "curvature").splitlines()
    assert 1.8 < two["curvature"] / numbers(one[1])[-1] < 2.5  # against the one-feature start, 1.957
    flat = torch.full((6, 1), 0.5)  # the check can fail: at p = 0.5 everywhere it would be larger
    rows = two["with_ones"]
    assert torch.linalg.eigvalsh((rows * flat * (1 - flat)).T @ rows / 6).max() > two["curvature"]
    exercise = run_snippet(rendered, "logistic-regression/exercise")
    right = exercise["all_right"]
    assert right.index(True) == 56 and [n for n in range(56, 101) if not right[n]] == list(range(57, 68, 2))
    assert all(right[68:])


def test_diagram_boxes_hold_their_text_and_arrows_start_at_their_edges(rendered):
    """No box crosses the dotted model border, no text leaves its box, no arrow starts inside a box."""
    from matplotlib.patches import FancyBboxPatch
    from matplotlib.text import Annotation

    for fig in drawn_figures(rendered, "logistic-regression/diagrams").values():
        [ax] = fig.axes
        renderer = fig.canvas.get_renderer()
        patches = [p for p in ax.patches if isinstance(p, FancyBboxPatch)]
        patches += [t.get_bbox_patch() for t in ax.texts if t.get_bbox_patch()]  # text(..., bbox=...)
        [border] = [p for p in patches if p.get_linestyle() == ":"]
        boxes = [p.get_window_extent(renderer) for p in patches if p is not border]
        outer = border.get_window_extent(renderer)
        assert len(boxes) >= 3  # the inputs, the linear layer, the sigmoid
        for box in boxes:
            inside = outer.x0 < box.x0 and box.x1 < outer.x1 and outer.y0 < box.y0 and box.y1 < outer.y1
            assert inside or not box.overlaps(outer), (fig.get_label(), box, outer)
        for text in ax.texts:
            if isinstance(text, Annotation) or text.get_text() in ("", "the model"):
                continue
            ink = text.get_window_extent(renderer)
            holders = [box for box in boxes if box.contains(*ink.get_points().mean(axis=0))]
            for box in holders:  # 4 px of room on each side at 100 dpi
                assert box.x0 + 4 <= ink.x0 and ink.x1 <= box.x1 - 4, (fig.get_label(), text.get_text())
        for arrow in [t for t in ax.texts if isinstance(t, Annotation)]:
            start = ax.transData.transform(arrow.xyann)
            for box in boxes:
                strictly_inside = box.x0 + 1 < start[0] < box.x1 - 1 and box.y0 + 1 < start[1] < box.y1 - 1
                assert not strictly_inside, (fig.get_label(), arrow.xyann)


def test_probability_legend_sits_off_the_students_on_both_screens(rendered):
    """The legend sits in the empty lower right, on the figure and on its phone variant (there a
    one-line label once made it as wide as the plot, over the students at 1 and 2 hours)."""
    fig = drawn_figures(rendered, "logistic-regression/one_feature")["probability"]
    for figure in on_both_screens(fig):
        [ax] = figure.axes
        legend = ax.get_legend().get_window_extent()
        students = [ax.transData.transform(c.get_offsets()) for c in ax.collections]  # failed, passed
        students = [point for points in students for point in points]
        assert len(students) == 4
        assert not [point for point in students if legend.padded(5).contains(*point)], (
            figure.get_size_inches()
        )


def test_boundary_legend_sits_off_the_lines(rendered):
    fig = drawn_figures(rendered, "logistic-regression/two_features")["boundary"]
    [ax] = fig.axes
    legend = ax.get_legend().get_window_extent()
    lines = [line for line in ax.get_lines() if line.get_linestyle() in ("--", "-")]
    assert len(lines) == 2
    for line in lines:
        inside = [p for p in display_points(line) if legend.contains(*p)]
        assert not inside, f"{line.get_label()} runs into the legend"
