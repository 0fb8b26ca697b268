"""What the chapter "How PyTorch learns" claims, checked against what its snippets print and compute."""

from __future__ import annotations

import copy
import math
import pickle
import warnings

import numpy as np
import pytest
import torch
from support.captured import drawn_figures, numbers, run_snippet, section_output
from support.project import ROOT

GRADIENTS = "how-pytorch-learns/gradients"
UPDATE = "how-pytorch-learns/update"
MODELS = "how-pytorch-learns/models"
TYPES = "how-pytorch-learns/number_types"
EXERCISE = "how-pytorch-learns/exercise"


def lines(rendered, snippet, section):
    return section_output(rendered, snippet, section).splitlines()


# Tensors that remember


def test_y_is_7_with_a_record_and_w_b_are_the_leaves(rendered):
    y, requires, leaves = lines(rendered, GRADIENTS, "remember")
    assert y == "tensor(7., grad_fn=<AddBackward0>)"  # 2 * 3 + 1, made by an addition
    assert requires == "y.requires_grad: True  x.requires_grad: False"
    assert leaves == "leaves? w: True  y: False"


def test_backward_gives_the_hand_derivatives(rendered):
    dw, db, dx = lines(rendered, GRADIENTS, "backward")
    autograd_dw, by_hand_dw = numbers(dw)[-2:]  # "w.grad = tensor(3.) by hand: dy/dw = x = 3.0"
    assert autograd_dw == by_hand_dw == 3.0
    assert numbers(db)[0] == 1.0 and db.endswith("dy/db = 1")
    assert dx == "x.grad = None"


def test_the_hand_derivative_check_can_fail(rendered):
    """A wrong derivative would not print what autograd prints: dy/dw = w (2) is not x (3)."""
    dw, db, _ = lines(rendered, GRADIENTS, "backward")
    g = run_snippet(rendered, GRADIENTS)
    assert numbers(dw)[0] == g["x"].item() == 3.0
    assert numbers(dw)[0] != 2.0  # w's value when y was made: "dy/dw = w" would be caught
    assert numbers(db)[0] != numbers(dw)[0]


# Gradients add up


def test_a_second_backward_adds(rendered):
    said, line = lines(rendered, GRADIENTS, "accumulate")
    assert said == "after a second backward:" and numbers(line) == [
        6.0,
        2.0,
    ]  # "w.grad is now 6, that is 3 + 3, and b.grad is 2"


def test_one_call_per_example_gives_the_gradient_of_the_sum(rendered):
    _, per_example, _, for_the_sum = lines(rendered, GRADIENTS, "why_add")
    assert numbers(per_example) == numbers(for_the_sum) == [3.0, 2.0]  # 1 + 2 and 1 + 1


def test_backward_twice_on_the_same_record_is_an_error():
    """ "calling it twice on the same y is an error" """
    w = torch.tensor(2.0, requires_grad=True)
    y = w * torch.tensor(3.0) + 1.0
    y.backward()
    with pytest.raises(RuntimeError, match="backward through the graph a second time"):
        y.backward()


def test_zero_grad_sets_the_gradients_to_none():
    """ "optimizer.zero_grad() clears every parameter ... (by setting each .grad to None, too)" """
    w = torch.tensor(2.0, requires_grad=True)
    (3 * w).backward()
    torch.optim.SGD([w], lr=0.1).zero_grad()
    assert w.grad is None


# Looking without recording


def test_no_grad_allows_updates_and_gives_plain_predictions(rendered):
    refused, prediction = lines(rendered, GRADIENTS, "no_grad")
    assert refused == "a leaf Variable that requires grad is being used in an in-place operation."
    assert prediction == "tensor(9.) requires_grad: False"  # 2 * 4 + 1


def test_errors_are_printed_plainly():
    """The page's code prints an error as it comes, with print(error): no helper reflows it."""
    code = (ROOT / "snippets/how-pytorch-learns/gradients.py").read_text()
    assert "textwrap" not in code and "def show" not in code
    assert code.count("except RuntimeError as error:") == 3


def test_detach_is_what_numpy_and_matplotlib_need(rendered):
    detached, refused, advice, as_numpy = lines(rendered, GRADIENTS, "detach")
    assert detached == "tensor(7.)"
    assert refused == "Can't call numpy() on Tensor that requires grad."
    assert advice == "Use tensor.detach().numpy() instead."
    assert as_numpy == "7.0"
    # "NumPy, and so matplotlib, need it": matplotlib turns what it plots into a NumPy array.
    y = torch.tensor(2.0, requires_grad=True) * 3
    with pytest.raises(RuntimeError, match="Can't call numpy"):
        np.asarray(y)


def test_data_hides_a_change_that_detach_reveals(rendered):
    through_data, stops, message = lines(rendered, GRADIENTS, "data")
    # "the right gradient is e ≈ 2.7183 ... returned 3.7183, without a word"
    assert numbers(through_data) == [3.7183]
    assert round(math.e, 4) == 2.7183 and round(math.e + 1, 4) == 3.7183
    assert stops == "through .detach(): backward() stops with a RuntimeError"
    assert message == (
        "one of the variables needed for gradient computation has been modified by an inplace operation"
    )


# The update, by hand and by the optimizer


def test_by_hand_and_sgd_agree_at_every_step(rendered):
    start, *steps = lines(rendered, UPDATE, "by_hand")
    assert start.startswith("start:")
    assert len(steps) == 4  # "After each of the four steps"
    assert all(line.endswith("same: True") for line in steps)
    assert run_snippet(rendered, UPDATE)["lr"] == 0.1  # "with the learning rate 0.1"
    assert "torch.allclose(w, w_opt)" in (ROOT / "snippets/how-pytorch-learns/update.py").read_text()


def _first_step(namespace, lr_by_hand, lr_optimizer):
    """One step from the snippet's start, by its step_by_hand and by SGD: allclose?"""
    torch.manual_seed(0)
    w = torch.randn(1, requires_grad=True)
    b = torch.randn(1, requires_grad=True)
    w_opt = w.detach().clone().requires_grad_()
    b_opt = b.detach().clone().requires_grad_()
    namespace["step_by_hand"](w, b, lr_by_hand)
    optimizer = torch.optim.SGD([w_opt, b_opt], lr=lr_optimizer)
    optimizer.zero_grad()
    namespace["cost_of"](w_opt, b_opt).backward()
    optimizer.step()
    return torch.allclose(w, w_opt) and torch.allclose(b, b_opt)


def test_the_same_check_fails_with_another_learning_rate(rendered):
    """ "had the hand-written update used a learning rate of 0.125 against the optimizer's 0.1,
    same would be False from the first step on" """
    namespace = run_snippet(rendered, UPDATE)
    assert _first_step(namespace, 0.1, 0.1)
    assert not _first_step(namespace, 0.125, 0.1)


def test_the_same_check_fails_without_clearing_the_gradients(rendered):
    """A hand-written update that forgets `w.grad = None` drifts away from SGD at the second step."""
    namespace = run_snippet(rendered, UPDATE)
    cost_of = namespace["cost_of"]
    torch.manual_seed(0)
    w = torch.randn(1, requires_grad=True)
    b = torch.randn(1, requires_grad=True)
    w_opt = w.detach().clone().requires_grad_()
    b_opt = b.detach().clone().requires_grad_()
    optimizer = torch.optim.SGD([w_opt, b_opt], lr=0.1)
    same = []
    for _ in range(2):
        cost_of(w, b).backward()
        with torch.no_grad():
            w -= 0.1 * w.grad  # and no clearing
            b -= 0.1 * b.grad
        optimizer.zero_grad()
        cost_of(w_opt, b_opt).backward()
        optimizer.step()
        same.append(torch.allclose(w, w_opt) and torch.allclose(b, b_opt))
    assert same == [True, False]


# Models hold their parameters


def test_linear_keeps_its_weight_as_out_by_in(rendered):
    weight, bias, count = lines(rendered, MODELS, "parameters")
    assert weight == "weight (1, 3) requires_grad: True"  # "shape (1, 3), not (3, 1)"
    assert bias == "bias (1,) requires_grad: True"
    assert count == "4 numbers to learn"
    model = run_snippet(rendered, MODELS)["model"]
    x = torch.tensor([[1.0, 2.0, 3.0], [0.5, -1.0, 4.0]])
    with torch.no_grad():
        assert torch.equal(model(x), x @ model.weight.T + model.bias)  # "x @ weight.T + bias"


def test_the_optimizer_holds_the_very_tensors(rendered):
    g = run_snippet(rendered, MODELS)
    held = g["optimizer"].param_groups[0]["params"]
    assert [id(p) for p in held] == [id(p) for p in g["model"].parameters()]


def test_one_step_moves_the_model_itself(rendered):
    """ "optimizer.step() changes the model itself. One step on one example shows it ... the weight
    the model computes with is the one the optimizer moved": the printed weight after the step is
    the step worked out by hand, and the weight the model then saves."""
    before, after = lines(rendered, MODELS, "step")
    assert before.startswith("weight before: tensor([[") and after.startswith("weight after:  tensor([[")
    before, after = numbers(before), numbers(after)
    assert before != after
    torch.manual_seed(0)
    model = torch.nn.Linear(3, 1)
    x, y = torch.tensor([[1.0, 2.0, 3.0]]), torch.tensor([[2.0]])
    assert numbers(str(model.weight.detach())) == before
    with torch.no_grad():
        error = (model(x) - y).item()
        by_hand = model.weight - 0.01 * 2 * error * x  # w - lr * d/dw (w.x + b - y)^2
    assert by_hand.flatten().tolist() == pytest.approx(after, abs=1e-4)
    saved = lines(rendered, MODELS, "save")[0]  # "weight tensor([[...]])", printed after the step
    assert numbers(saved) == after
    # The check can fail: an optimizer given a copy moves the copy, and the model stays where it was.
    copy_of_weight = model.weight.detach().clone().requires_grad_()
    torch.mean((x @ copy_of_weight.T + model.bias.detach() - y) ** 2).backward()
    torch.optim.SGD([copy_of_weight], lr=0.01).step()
    assert copy_of_weight.flatten().tolist() == pytest.approx(after, abs=1e-4)
    assert numbers(str(model.weight.detach())) == before != after


def test_the_loaded_model_predicts_the_same(rendered):
    out = lines(rendered, MODELS, "save")
    assert out[0].startswith("weight tensor([[") and out[1].startswith("bias tensor([")
    assert out[2] == "same weights before loading: False"
    assert out[3] == "same weights after loading:  True"
    saved, loaded = numbers(out[4]), numbers(out[5])
    assert saved == loaded and len(saved) == 2
    g = run_snippet(rendered, MODELS)
    assert all(not value.requires_grad for value in g["model"].state_dict().values())  # "no record"


class _NotATensor:
    pass


def test_torch_load_reads_only_tensors_and_simple_containers(tmp_path):
    """ "torch.load reads, by default, only tensors and simple containers ... not arbitrary
    Python objects" """
    path = tmp_path / "object.pt"
    torch.save({"thing": _NotATensor()}, path)
    with pytest.raises(pickle.UnpicklingError, match="weights_only"):
        torch.load(path)
    torch.save({"weight": torch.ones(2)}, path)
    assert torch.equal(torch.load(path)["weight"], torch.ones(2))


# Numbers have types


def test_int64_input_to_a_float32_layer_fails(rendered):
    default, whole, weight, error, *fixed = lines(rendered, TYPES, "dtypes")
    assert (default, whole, weight) == ("torch.float32", "torch.int64", "torch.float32")
    assert error == "RuntimeError: mat1 and mat2 must have the same dtype, but got Long and Float"
    assert len(numbers("\n".join(fixed))) == 2  # the fix: two predictions


def test_float64_input_to_a_float32_layer_fails_the_same_way():
    """ "a float64 input to a float32 layer stops with the same error ... 'got Double and Float'" """
    layer = torch.nn.Linear(1, 1)
    with pytest.raises(RuntimeError, match=r"got Double and Float$"):
        layer(torch.tensor([[1.0]], dtype=torch.float64))
    assert layer.double()(torch.tensor([[1.0]], dtype=torch.float64)).dtype == torch.float64


def test_float32_loses_what_float64_keeps(rendered):
    out = lines(rendered, TYPES, "float64")
    eps32, eps64 = numbers(out[0])[-1], numbers(out[1])[-1]
    assert eps32 == torch.finfo(torch.float32).eps and eps64 == torch.finfo(torch.float64).eps
    # "about 7 significant digits, a float64 about 16"
    assert round(-math.log10(eps32 / 2)) == 7 and round(-math.log10(eps64 / 2)) == 16
    assert out[2] == "float32: 1 + 1e-8 == 1 is True"  # 1e-8 is less than half the spacing
    assert out[3] == "float64: 1 + 1e-8 == 1 is False"
    assert 1e-8 < eps32 / 2 and 1e-8 > eps64 / 2
    # "float32 gets 5.993843, float64 6.000000"; the exact answer is 2w = 6
    assert out[4] == "torch.float32: slope 5.993843"
    assert out[5] == "torch.float64: slope 6.000000"


def test_the_float64_figure_shows_float32_losing_the_slope(rendered):
    """ "The float32 line starts near 10^-5 and climbs as h shrinks, reaching 6, a slope of 0, from
    h = 10^-7 on. The float64 line starts near 10^-15 and climbs too, but stays below 10^-5"; and
    at h = 10^-4 the figure agrees with the printed slopes."""
    ax = drawn_figures(rendered, TYPES)["float64"].axes[0]
    float32, float64, marked = ax.get_lines()
    assert [line.get_label() for line in (float32, float64)] == ["torch.float32", "torch.float64"]
    steps = list(float32.get_xdata())
    assert steps[0] == pytest.approx(0.1) and steps[-1] == pytest.approx(1e-10)
    errors32, errors64 = dict(zip(steps, float32.get_ydata(), strict=True)), float64.get_ydata()
    assert 1e-6 < errors32[steps[0]] < 1e-4 and 1e-16 < errors64[0] < 1e-14
    assert [h for h, error in errors32.items() if error == 6] == [h for h in steps if h <= 1.01e-7]
    assert max(errors64) < 1e-5 and all(error > 0 for error in errors64)  # (a log scale)
    printed = numbers(lines(rendered, TYPES, "float64")[4])[-1]
    at_marked = steps.index(pytest.approx(marked.get_xdata()[0]))
    assert marked.get_xdata()[0] == 1e-4 and errors32[steps[at_marked]] == pytest.approx(
        6 - printed, abs=1e-6
    )


def test_the_maths_pages_checks_step_by_a_millionth(rendered):
    """ "h is chosen small, but not so small that rounding takes over (about 10^-6 in float64 for the
    maths page's checks)" """
    calculus = run_snippet(rendered, "maths/calculus")
    assert calculus["slope_at"].__defaults__ == (1e-6,) and calculus["h"] == 1e-6


def test_the_finite_difference_check_can_fail():
    """In float32 it is off by more than 10^-3; in float64 it is right to 10^-8."""
    h = 1e-4
    for dtype, tolerance in ((torch.float32, 1e-3), (torch.float64, 1e-8)):
        w = torch.tensor(3.0, dtype=dtype)
        slope = (((w + h) ** 2 - (w - h) ** 2) / (2 * h)).item()
        assert (abs(slope - 6) > tolerance) == (dtype == torch.float32)


def test_gradcheck_warns_in_float32_and_passes_in_float64():
    """ "torch.autograd.gradcheck, which warns that it will probably fail otherwise" """

    def square_sum(x):
        return (x**2).sum()

    x32 = torch.tensor([1.0, 2.0], requires_grad=True)
    with pytest.warns(UserWarning, match="not a double precision"):
        assert not torch.autograd.gradcheck(square_sum, x32, raise_exception=False)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert torch.autograd.gradcheck(square_sum, x32.detach().double().requires_grad_())


# Try it


def test_exercise_answers(rendered):
    first, second, by_hand = lines(rendered, EXERCISE, "twice")
    assert numbers(first)[-1] == -12.0 == numbers(by_hand)[0]  # 2 (2 - 5) 2
    assert numbers(second)[-1] == -24.0  # twice that
    steps = lines(rendered, EXERCISE, "two_parameters")
    assert len(steps) == 3 and all(line.endswith("same as SGD: True") for line in steps)
    (trained,) = lines(rendered, EXERCISE, "save")
    # "predicts almost exactly 8 for 4 hours, and the reloaded one gives exactly the same number"
    first, again = numbers(trained)[-2:]
    assert first == again and abs(first - 8) < 1e-4
    kept = run_snippet(rendered, EXERCISE)
    assert torch.equal(kept["trained"], kept["again"])  # exactly, not only to six decimals
    assert run_snippet(rendered, EXERCISE)["lr"] == 0.1


def test_the_exercise_check_can_fail(rendered):
    """The exercise's comparison with SGD sees a model that moved differently."""
    g = run_snippet(rendered, EXERCISE)
    nudged = copy.deepcopy(g["model"])  # the shared run is only read
    with torch.no_grad():
        nudged.bias += 1e-6
        assert not torch.equal(nudged(g["four_hours"]), g["reloaded"](g["four_hours"]))
        assert torch.equal(g["model"](g["four_hours"]), g["reloaded"](g["four_hours"]))


def test_the_two_parameter_check_can_fail(rendered):
    """The exercise's allclose against SGD: an update that skips the bias, or uses another rate,
    does not pass."""
    g = run_snippet(rendered, EXERCISE)
    x, y = g["x_train"], g["y_train"]
    for skip_bias, lr in ((True, 0.1), (False, 0.125)):
        torch.manual_seed(0)
        model = torch.nn.Linear(1, 1)
        twin = torch.nn.Linear(1, 1)
        twin.load_state_dict(model.state_dict())
        torch.mean((model(x) - y) ** 2).backward()
        with torch.no_grad():
            for parameter in [model.weight] if skip_bias else model.parameters():
                parameter -= lr * parameter.grad
        optimizer = torch.optim.SGD(twin.parameters(), lr=0.1)
        torch.mean((twin(x) - y) ** 2).backward()
        optimizer.step()
        pairs = zip(model.parameters(), twin.parameters(), strict=True)
        assert not all(torch.allclose(mine, theirs) for mine, theirs in pairs), (skip_bias, lr)


def test_the_page_keeps_later_things_for_later():
    """Saving and loading is the page's last section, marked as one to skip on a first reading; the
    float64 uses that cite what the reader has not met (gradcheck, lstsq, Newton's method) sit in a
    going-further box; and the anchors other pages link to are still there."""
    page = (ROOT / "docs/how-pytorch-learns.md").read_text()
    headings = [line for line in page.splitlines() if line.startswith("## ")]
    # Marked as every optional section is ("Optional: a first reading may skip it", extra.css).
    assert headings[-2:] == ["## Saving and loading a model {.optional}", "## Try it"]
    opening, box = page.split('??? going-further "Going further: every place the course uses float64"')
    for later in ("gradcheck", "lstsq", "Newton"):
        assert later not in opening and later in box.split("\n## ")[0], later
    for heading in ("## Tensors that remember", "## Gradients add up", "### When the course uses float64"):
        assert f"\n{heading}\n" in page, heading


def test_the_graph_figure_shows_the_record_and_the_gradients_the_run_had(rendered):
    """The figure's boxes name the grad_fn nodes y really had, and its orange labels the
    gradients backward() really stored (3 and 1, as the text works out by hand)."""
    texts = {
        t.get_text() for t in drawn_figures(rendered, "how-pytorch-learns/gradients")["graph"].axes[0].texts
    }
    assert {
        "w · x = 6\nMulBackward0",
        "y = 7\nAddBackward0",
        "w.grad = 3",
        "b.grad = 1",
        "x.grad = None",
    } <= texts


def test_each_gradient_sits_under_its_own_box(rendered):
    """ "x.grad = None" sat 12 px over w's box and 18 px under x's, and read as w's: each label is
    nearer the box of its own leaf than any other box above or below it."""
    ax = drawn_figures(rendered, "how-pytorch-learns/gradients")["graph"].axes[0]
    named = {}  # each box's extent, by the first word of the text it holds
    for box in ax.patches:
        extent = box.get_window_extent()
        [inside] = [t for t in ax.texts if extent.contains(*t.get_window_extent().get_points().mean(axis=0))]
        named[inside.get_text().split(" =")[0]] = extent  # "x", "w", "w · x", "b", "y"
    labels = [t for t in ax.texts if ".grad = " in t.get_text()]
    assert len(labels) == 3
    for text in labels:
        label = text.get_window_extent()
        gaps = {
            name: max(box.y0 - label.y1, label.y0 - box.y1)
            for name, box in named.items()
            if box.x0 < label.x1 and label.x0 < box.x1  # above or below it
        }
        assert min(gaps, key=gaps.get) == text.get_text().split(".")[0], (text.get_text(), gaps)


def test_the_loop_figure_shows_the_steps_in_the_order_the_next_chapter_runs_them(rendered):
    """The diagram's boxes, read round the square, are the lines of multivariable regression's loop."""
    texts = [t.get_text() for t in drawn_figures(rendered, "how-pytorch-learns/loop")["loop"].axes[0].texts]
    code = [text for text in texts if "(" in text]
    assert code == [
        "prediction = model(x)",
        "cost = F.mse_loss(...)",
        "optimizer.zero_grad()\ncost.backward()",
        "optimizer.step()",
    ]
    loop = (ROOT / "snippets" / "multivariable-regression" / "train.py").read_text()
    lines = ["model(x_train)", "F.mse_loss(prediction, y_train)", "optimizer.zero_grad()"]
    lines += ["cost.backward()", "optimizer.step()"]
    positions = [loop.index(line) for line in lines]
    assert positions == sorted(positions)
