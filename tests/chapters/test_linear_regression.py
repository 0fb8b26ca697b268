"""What the linear-regression chapter claims, checked against what its snippets print and compute."""

from __future__ import annotations

import itertools
import math

import pytest
import torch
from gallery import SECTION_MARK
from support.captured import (
    display_points,
    drawn_figures,
    numbers,
    on_both_screens,
    run_snippet,
    section_output,
)


def test_steps_print_what_the_page_explains(rendered):
    assert (
        section_output(rendered, "linear-regression/steps", "data")
        == "torch.Size([3, 1]) torch.Size([3, 1])\n"
    )
    assert "tensor([[0.],\n        [0.],\n        [0.]]" in section_output(
        rendered, "linear-regression/steps", "hypothesis"
    )
    assert section_output(rendered, "linear-regression/steps", "cost").startswith(
        "tensor(18.6667"
    )  # (4 + 16 + 36) / 3
    assert section_output(rendered, "linear-regression/steps", "gradient") == (
        "dcost/dW: by hand -18.6667, autograd -18.6667\n"
        "dcost/db: by hand -8.0000, autograd -8.0000\n"
        "one step by hand: W = 0.1867, b = 0.0800\n"  # 0 - 0.01 * (-18.67), 0 - 0.01 * (-8)
    )
    # "The optimizer moved W and b exactly as the formula did by hand"
    step = section_output(rendered, "linear-regression/steps", "step")
    assert step == "one step by SGD:  W = 0.1867, b = 0.0800\n"


def test_without_zero_grad_the_step_would_add_its_gradient_to_the_one_there():
    """ "without it this step would add its gradient to the one already there": the SGD step the
    page shows would then not match the step by hand."""
    x, y = torch.tensor([[1.0], [2.0], [3.0]]), torch.tensor([[2.0], [4.0], [6.0]])
    W = torch.zeros(1, requires_grad=True)
    b = torch.zeros(1, requires_grad=True)
    optimizer = torch.optim.SGD([W, b], lr=0.01)
    torch.mean((x * W + b - y) ** 2).backward()  # the gradient section's backward
    torch.mean((x * W + b - y) ** 2).backward()  # the step's, with no zero_grad between
    optimizer.step()
    assert round(W.item(), 4) == 0.3733 and round(b.item(), 4) == 0.16


def test_without_zero_grad_the_gradients_pile_up_in_a_loop():
    """ "in a loop the gradients would pile up step after step": with no zero_grad, .grad after
    k backward calls is the sum of the k gradients, one per step."""
    x, y = torch.tensor([[1.0], [2.0], [3.0]]), torch.tensor([[2.0], [4.0], [6.0]])
    W = torch.zeros(1, requires_grad=True)
    b = torch.zeros(1, requires_grad=True)
    optimizer = torch.optim.SGD([W, b], lr=0.01)
    fresh = []
    for _ in range(5):
        cost = torch.mean((x * W + b - y) ** 2)
        fresh.append(torch.autograd.grad(cost, W, retain_graph=True)[0])
        cost.backward()
        assert torch.allclose(W.grad, sum(fresh))
        optimizer.step()
    assert not torch.allclose(W.grad, fresh[-1])  # not the fresh gradient alone


def test_the_gradient_check_can_fail(rendered):
    """By hand against autograd: a wrong formula would not print the same number."""
    out = section_output(rendered, "linear-regression/steps", "gradient")
    autograd_dW, autograd_db = numbers("\n".join(out.splitlines()[:2]))[1::2]
    x, y = torch.tensor([1.0, 2.0, 3.0]), torch.tensor([2.0, 4.0, 6.0])
    error = 0 * x + 0 - y  # at W = b = 0
    assert (2 / 3 * (error * x).sum()).item() == pytest.approx(autograd_dW, abs=1e-4)
    assert (1 / 3 * (error * x).sum()).item() != pytest.approx(autograd_dW, abs=1e-2)  # the 2 forgotten
    assert (2 / 3 * error.sum()).item() != pytest.approx(autograd_dW, abs=1e-2)  # the x forgotten
    assert (2 / 3 * (error * x).sum()).item() != pytest.approx(autograd_db, abs=1e-2)  # dW for db


def test_mse_is_the_gaussian_negative_log_likelihood(rendered):
    """ "PyTorch's normal distribution agrees, for a line that is not the best one" """
    line = section_output(rendered, "linear-regression/steps", "gaussian")
    nll, from_mse = numbers(line)
    assert nll == from_mse and nll > 0.95  # a line that is not the best one: more than the minimum
    steps = run_snippet(rendered, "linear-regression/steps")
    assert steps["W_try"] != 2.0  # not the best line
    # A wrong formula (sigma instead of sigma^2, or no 1/2) would not agree.
    sigma, mse = steps["sigma"], steps["mse"]
    wrong = [
        0.5 * math.log(2 * math.pi * sigma**2) + mse / (2 * sigma),
        0.5 * math.log(2 * math.pi * sigma**2) + mse / sigma**2,
        math.log(2 * math.pi * sigma**2) + mse / (2 * sigma**2),
    ]
    assert all(abs(float(w) - nll) > 1e-3 for w in wrong)


def test_cost_figure_alt_text(trained):
    """The alt text: "a steep drop from about 19 to 0.05 in the first hundred epochs, then a
    straight decline to about 0.000005 at epoch 2000"."""
    costs = [cost for _, _, cost in trained["history"]]
    assert costs[0] == pytest.approx(18.67, abs=0.01) and costs[100] == pytest.approx(0.05, abs=0.005)
    assert costs[2000] == pytest.approx(5e-6, rel=0.2)
    ratios = [costs[e + 100] / costs[e] for e in range(200, 1900, 100)]  # a straight line on a log scale
    assert max(ratios) - min(ratios) < 0.02


def test_training_log_is_the_originals(rendered):
    log = section_output(rendered, "linear-regression/train", "train").splitlines()
    assert len(log) == 21  # epochs 0, 100, ..., 2000
    assert log[0] == "Epoch    0/2000 W: 0.187, b: 0.080 Cost: 18.666666"
    assert log[-1] == "Epoch 2000/2000 W: 1.997, b: 0.006 Cost: 0.000005"


@pytest.fixture(scope="module")
def trained(rendered):
    return run_snippet(rendered, "linear-regression/train")


def test_training_finds_the_line_y_equals_2x(trained):
    assert trained["W"].item() == pytest.approx(1.997, abs=5e-4)
    assert trained["b"].item() == pytest.approx(0.006, abs=5e-4)
    assert trained["history"][-1][2] == pytest.approx(5e-6, rel=0.2)  # the final cost
    # "it makes 2001 updates, numbered 0 to 2000"
    assert len(trained["history"]) == 2001


def test_cost_falls_at_every_epoch(trained):
    costs = [cost for _, _, cost in trained["history"]]
    assert all(later < earlier for earlier, later in itertools.pairwise(costs))


def test_new_students_cost_about_seven_times_more(rendered):
    """ "The cost on them is about seven times the cost on the training data, though still tiny." """
    line = section_output(rendered, "linear-regression/train", "new_students")
    train_cost, new_cost = numbers(line)
    assert round(new_cost / train_cost) == 7 and new_cost < 1e-4


def test_figures_are_named_as_the_page_uses_them(rendered):
    assert rendered["linear-regression/train"].figures == ("fit", "cost", "landscape")


def test_exercise_answers(rendered):
    by_hand, layer, same = section_output(rendered, "linear-regression/exercise", "modules").splitlines()
    assert by_hand == "by hand:   W = 1.997374, b = 0.005970"
    assert layer == "nn.Linear: W = 1.997374, b = 0.005970"  # "The same line"
    assert same == "the same: True"
    # ... and the chapter's own program, to the digits it prints
    assert "W: 1.997, b: 0.006" in section_output(rendered, "linear-regression/train", "train")
    lines = section_output(rendered, "linear-regression/exercise", "learning_rate").splitlines()
    assert lines[0] == "curvatures: 0.240 and 11.093"
    assert lines[1] == "descent diverges above lr = 2 / 11.093 = 0.1803"
    below, above = (float(line.rsplit("=", 1)[1]) for line in lines[2:4])
    assert below < 1e-6 < 1e6 < above


def test_the_flat_valley_floor_sets_the_pace(rendered, trained):
    """Solution 2: "each epoch multiplies the remaining distance to the best (W, b) along it by
    1 - 0.01 x 0.24, removing only about 0.24% of it ... The cost ... falls about twice as fast, by
    about 0.48% per epoch". Measured over the second half of the chapter's run; the cost's factor
    is not the distance's (the check would tell 0.24% from 0.48%)."""
    flattest = run_snippet(rendered, "linear-regression/exercise")["flattest"]
    factor = 1 - 0.01 * flattest
    assert round(flattest, 2) == 0.24 and round(100 * (1 - factor), 2) == 0.24
    distance = [math.hypot(W - 2, b) for W, b, _ in trained["history"]]
    cost = [c for _, _, c in trained["history"]]
    distance_factor = (distance[2000] / distance[1000]) ** (1 / 1000)
    cost_factor = (cost[2000] / cost[1000]) ** (1 / 1000)
    assert distance_factor == pytest.approx(factor, abs=2e-5)
    assert cost_factor == pytest.approx(factor**2, abs=2e-5)
    assert round(100 * (1 - cost_factor), 2) == 0.48 != round(100 * (1 - distance_factor), 2)
    # the log's own numbers: 0.000633 at epoch 1000, 0.000005 at 2000
    assert round(cost[1000], 6) == 0.000633 and round(cost[2000], 6) == 0.000005


def test_output_sections_match_code_sections(rendered):
    """Every section that printed has a code section of the same name to sit under."""
    for result in rendered.values():
        code_sections = set(SECTION_MARK.findall(result.script.read_text()))
        output_sections = set(SECTION_MARK.findall(result.output.read_text()))
        assert output_sections <= code_sections, result.snippet.name


def test_landscape_contour_labels_are_readable_and_off_the_descent_path(rendered):
    fig = drawn_figures(rendered, "linear-regression/train")["landscape"]
    right = fig.axes[1]
    [contours] = [c for c in right.collections if hasattr(c, "labelTexts")]
    labels = contours.labelTexts
    assert len(labels) >= 3
    [path] = [line for line in right.get_lines() if line.get_marker() == "o"]
    points = display_points(path, samples=400)
    for label in labels:
        assert label.get_fontsize() >= 9
        box = label.get_window_extent().expanded(1.1, 1.1)
        assert not [p for p in points if box.contains(*p)], f"label {label.get_text()} sits on the path"


def test_the_layer_comparison_can_fail(rendered):
    """The exercise's allclose tells a different fit apart: nn.Linear from its random start, or
    trained at another learning rate, does not pass."""
    exercise = run_snippet(rendered, "linear-regression/exercise")
    x, y, W = exercise["x_train"], exercise["y_train"], exercise["W"]
    assert torch.allclose(exercise["W_nn"], W) and torch.allclose(exercise["b_nn"], exercise["b"])
    for zero_start, lr in ((False, 0.01), (True, 0.02)):
        torch.manual_seed(1)
        model = torch.nn.Linear(1, 1)
        if zero_start:
            torch.nn.init.zeros_(model.weight)
            torch.nn.init.zeros_(model.bias)
        optimizer = torch.optim.SGD(model.parameters(), lr=lr)
        for _ in range(2001):
            optimizer.zero_grad()
            torch.nn.functional.mse_loss(model(x), y).backward()
            optimizer.step()
        assert not torch.allclose(model.bias.detach(), exercise["b"]), (zero_start, lr)


def test_figure_lines_stand_out_on_both_pages(rendered):
    """Every line and marker of the chapter's figures: at least 3:1 against the light page and the
    dark one, alpha included, in the colour each page shows (the dark page's figures keep data
    colours and swap the lightness of greys: the epochs' greys in "fit")."""
    import gallery
    from matplotlib.colors import to_rgba
    from support import svg

    figures = drawn_figures(rendered, "linear-regression/train")
    checked = 0
    for name in ("fit", "cost", "landscape"):
        for ax in figures[name].axes:
            for line in ax.get_lines():
                colour = to_rgba(line.get_color())
                alpha = line.get_alpha() if line.get_alpha() is not None else colour[3]
                for page, shown in ((svg.LIGHT_PAGE, colour), (svg.DARK_PAGE, gallery._for_dark(colour))):
                    assert svg.contrast(svg.over(shown, alpha, page), page) >= 3, (
                        name,
                        line.get_label(),
                        page,
                    )
                checked += 1
    assert checked >= 8  # five lines in "fit", one in "cost", two in "landscape"


def test_tick_labels_have_room_on_both_screens(rendered):
    """At least one font size between neighbouring tick labels, on the page and in the narrow
    variant the site draws for a phone (2000 epochs in steps of 250 once nearly touched)."""
    from support.captured import on_both_screens, tick_label_gaps

    for name, fig in drawn_figures(rendered, "linear-regression/train").items():
        for figure in on_both_screens(fig):
            for axis, gaps, em in tick_label_gaps(figure):
                assert min(gaps) >= em, (name, axis, figure.get_size_inches(), gaps)


def test_each_line_of_the_fit_is_named_at_its_end_and_the_names_do_not_touch(rendered):
    """The caption's "epochs 0, 5, 10, 20 and 2000": each line named at its right end, the names
    apart from one another on both screens (epochs 50 and 200 drew two lines
    that crossed, 8 to 12 px apart); the data drawn over the lines."""
    fig = drawn_figures(rendered, "linear-regression/train")["fit"]
    for figure in on_both_screens(fig):
        [ax] = figure.axes
        lines, names = ax.get_lines(), ax.texts
        assert [t.get_text() for t in names] == [f"epoch {e}" for e in (0, 5, 10, 20, 2000)]
        for line, name in zip(lines, names, strict=True):
            assert name.get_position()[1] == pytest.approx(float(line.get_ydata()[-1]), abs=1e-5)
        boxes = [t.get_window_extent() for t in names]
        for a, b in itertools.pairwise(sorted(boxes, key=lambda box: box.y0)):
            assert a.y1 <= b.y0, (a, b)
        [data] = ax.collections
        assert data.get_zorder() > max(line.get_zorder() for line in lines)
