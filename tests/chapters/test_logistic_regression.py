"""What the logistic-regression chapter claims, checked against what its snippets print and draw."""

from __future__ import annotations

import itertools
import math

import pytest
import torch
from support.captured import (
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
    assert seeds[0] == "P(pass) for 1 h, seeds 0-9:"
    assert seeds[2] == "2 of 10 random starts say a 1-hour student passes"  # "two of them say"
    # "All ten short runs put their boundary ... somewhere between 0.51 and 1.84 hours"
    assert seeds[3] == "boundary (P = 0.5), seeds 0-9: 0.51 to 1.84 hours"


def test_proper_training_puts_the_boundary_between_the_classes(rendered):
    first, second, seeds = section_output(rendered, "logistic-regression/one_feature", "proper").splitlines()
    assert first == "loss 0.0143, w = 7.11, b = -17.60, boundary at 2.475 hours"
    assert second == "P(pass) for 1 h = 0.00003, for 7 h = 1.00000"
    # "seed 0's full 2000 epochs put it at -b/w ≈ 2.5 hours, halfway between"
    assert round(numbers(first)[-1], 1) == 2.5
    # "After only 200 epochs at this learning rate, the ten random starts that gave ten different
    # short runs all put the boundary between 2.429 and 2.431 hours"
    assert seeds == "boundary after 200 epochs, seeds 0-9: 2.429 to 2.431 hours"
    short = numbers(section_output(rendered, "logistic-regression/one_feature", "seeds").splitlines()[1])
    assert len(short) == 10 and len(set(short)) > 5  # "ten different short runs"


def test_learning_rate_1_is_over_the_limit_at_one_half_and_works_anyway(rendered):
    """ "by the rule a learning rate of 1 is slightly too large ... the run starts just under the
    limit (1.96 rather than 2.09 ...)" and "the curvature falls" as predictions leave 0.5."""
    lines = section_output(rendered, "logistic-regression/one_feature", "curvature").splitlines()
    at_half, limit = numbers(lines[0])[-1], numbers(lines[1])[-1]
    assert at_half == 2.09 and limit == 0.96 and limit < 1
    curvatures = [numbers(line)[-1] for line in lines[2:]]
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


def test_logits_train_where_a_sigmoid_layer_is_stuck(rendered):
    """The logits section: the same loss, 35; a slope of +5.15e-10 through BCELoss, -1.75 with
    logits; after 200 epochs w has not moved, and the logit model works."""
    import torch.nn.functional as F

    lines = section_output(rendered, "logistic-regression/one_feature", "logits").splitlines()
    stuck, works = "\n".join(lines[:2]), "\n".join(lines[2:])
    reading = section_output(rendered, "logistic-regression/one_feature", "read")
    assert stuck == "sigmoid + BCELoss: first slope +5.15e-10\n  after 200 epochs w = -20.00, loss 35.0000"
    assert works.startswith("logit + BCEWithLogitsLoss: first slope -1.75\n  after 200 epochs w = 2.99")
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
    printed = section_output(rendered, "logistic-regression/one_feature", "logits").splitlines()[3]
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


def test_the_programs_after_logits_in_training_train_on_logits(rendered):
    """ "From here on, the programs this course adds train on logits, except where one compares the
    two forms on purpose; the originals' programs are reproduced as they wrote them": the exercises
    of this chapter, and in the next the class, the L2 copies and the exercises' training."""

    def section(snippet, name):
        code = rendered[snippet].snippet.read_text()
        return code.split(f"# --8<-- [start:{name}]")[1].split(f"# --8<-- [end:{name}]")[0]

    for snippet, name in (
        ("logistic-regression/exercise", "setup"),
        ("two-features/three_ways", "module"),
        ("two-features/three_ways", "copies"),
        ("two-features/exercise", "setup"),
        ("two-features/exercise", "epochs"),
        ("two-features/exercise", "stronger"),
    ):
        code = section(snippet, name)
        assert "binary_cross_entropy_with_logits" in code and "F.binary_cross_entropy(" not in code, name
        assert "Sigmoid()" not in code, name
    for name in ("raw", "sequential"):  # the originals, as they wrote them
        assert "F.binary_cross_entropy(" in section("two-features/three_ways", name)


def test_diagrams_and_figures_are_drawn(rendered):
    assert rendered["logistic-regression/diagrams"].figures == ("one-feature", "two-features")
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


def test_exercises(rendered):
    """The setup "ends where the chapter's model did"; solution 1: "2.78 hours ... only 0.31 hours
    past the boundary at 2.475"; solution 2: "drags the line's crossing from 2.50 to 3.35 hours ...
    The logistic boundary moves by two thousandths of an hour"; solution 3: "They agree to every
    printed digit ... These are the weights of the chapter's short run, the one that gave the
    1-hour student 0.527"."""
    setup = section_output(rendered, "logistic-regression/exercise", "setup")
    proper = section_output(rendered, "logistic-regression/one_feature", "proper").splitlines()[0]
    assert setup == "w = 7.11, b = -17.60, boundary at 2.475 hours\n" and setup.strip() in proper
    assert section_output(rendered, "logistic-regression/exercise", "ninety").splitlines() == [
        "log-odds 2.197 at 2.78 hours; the model: P = 0.900",
        "past the boundary by ln 9 / w = 0.31 hours",
    ]
    assert section_output(rendered, "logistic-regression/exercise", "keen").splitlines() == [
        "students      line crosses 0.5  boundary",
        "four                    2.50 h   2.475 h",
        "and the keen one        3.35 h   2.473 h",
    ]
    assert section_output(rendered, "logistic-regression/exercise", "same").splitlines() == [
        "sigmoid + BCELoss: w = 0.3308, b = -0.2209",
        "logits:            w = 0.3308, b = -0.2209",
        "the same to 6 decimals: True",
    ]
    exercise = run_snippet(rendered, "logistic-regression/exercise")
    w, b = exercise["w"], exercise["b"]
    assert exercise["needed"] - -b / w == pytest.approx(math.log(9) / w)
    with torch.no_grad():  # the short run's weights give the short run's answer for 1 hour
        assert round(exercise["original"](torch.tensor([[1.0]])).item(), 3) == 0.527


def test_the_keen_students_first_step_overshoots_and_the_run_settles(rendered):
    """Solution 2: the 40-hour student "raises the largest curvature at the start from 2 to about
    80, and the limit ... to about 0.025. The first step overshoots: w leaps from 0 to 3.7, and the
    loss rises from 0.70 to 2.41. But that student's prediction is then 1"."""
    import torch.nn.functional as F

    exercise = run_snippet(rendered, "logistic-regression/exercise")
    x, y = exercise["keen_hours"], exercise["keen_passed"]
    rows = torch.cat([x, torch.ones_like(x)], dim=1)

    def largest_curvature(p):
        return torch.linalg.eigvalsh((rows * (p * (1 - p))).T @ rows / len(rows)).max().item()

    torch.manual_seed(0)  # the setup's start
    model = torch.nn.Linear(1, 1)
    optimizer = torch.optim.SGD(model.parameters(), lr=1.0)
    losses = []
    for step in range(2):
        logits = model(x)
        if step == 0:
            start = largest_curvature(torch.sigmoid(logits).detach())
            assert round(start) == 80 and round(2 / start, 3) == 0.025
            assert abs(model.weight.item()) < 0.01
        loss = F.binary_cross_entropy_with_logits(logits, y)
        losses.append(round(loss.item(), 2))
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        if step == 0:
            assert round(model.weight.item(), 1) == 3.7
            with torch.no_grad():
                assert torch.sigmoid(model(x))[4].item() == 1.0
    assert losses == [0.70, 2.41]
    four = torch.cat([exercise["hours"], torch.ones(4, 1)], dim=1)
    assert round(torch.linalg.eigvalsh(four.T @ four / 4 / 4).max().item()) == 2  # "from 2"


def test_the_keen_students_checks_can_fail(rendered):
    """Solution 2: the 3-hour student, who passed, is on the line's fail side only with the keen
    student; the keen student adds almost nothing to the logistic model's slope (y-hat - y is almost
    0 there), while the four do. Solution 1: "a longer run would ask for even less". Solution 3: from
    w = -20 the two forms do not agree."""
    exercise = run_snippet(rendered, "logistic-regression/exercise")
    hours, passed = exercise["hours"], exercise["passed"]
    keen_hours, keen_passed = exercise["keen_hours"], exercise["keen_passed"]
    line = exercise["line_crossing"]
    assert line(hours, passed) < 3 < line(keen_hours, keen_passed)
    model = exercise["fit"](keen_hours, keen_passed)
    with torch.no_grad():
        shares = (torch.sigmoid(model(keen_hours)) - keen_passed) * keen_hours
    assert abs(shares[4].item()) < 1e-6 < shares[:4].abs().max().item()
    longer = exercise["fit"](hours, passed, epochs=4000)
    w, b = longer.weight.item(), longer.bias.item()
    assert (math.log(9) - b) / w < exercise["needed"]
    sure_and_wrong, on_logits = exercise["PassFail"](), torch.nn.Linear(1, 1)
    for layer in (sure_and_wrong.linear, on_logits):
        with torch.no_grad():
            layer.weight.fill_(-20.0)
            layer.bias.fill_(0.0)
    torch.nn.BCELoss()(sure_and_wrong(hours), passed).backward()
    torch.nn.functional.binary_cross_entropy_with_logits(on_logits(hours), passed).backward()
    assert sure_and_wrong.linear.weight.grad.item() > 0 > on_logits.weight.grad.item() + 1
