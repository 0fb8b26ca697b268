"""What the linear-regression chapter claims, checked against what its snippets print and compute."""

from __future__ import annotations

import itertools

import pytest
from gallery import SECTION_MARK
from support.captured import run_snippet, section_output


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
        "dcost/dW: by hand -18.6667, autograd -18.6667\ndcost/db: by hand -8.0000, autograd -8.0000\n"
    )
    assert (
        section_output(rendered, "linear-regression/steps", "accumulate")
        == "after a second backward: W.grad = -37.3333\n"
    )  # twice -18.67
    assert (
        section_output(rendered, "linear-regression/steps", "step") == "W = 0.1867, b = 0.0800\n"
    )  # 0 - 0.01 * (-18.67), 0 - 0.01 * (-8)


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
    assert len(trained["history"]) == 2001


def test_cost_falls_at_every_epoch(trained):
    costs = [cost for _, _, cost in trained["history"]]
    assert all(later < earlier for earlier, later in itertools.pairwise(costs))


def test_figures_are_named_as_the_page_uses_them(rendered):
    assert rendered["linear-regression/train"].figures == ("fit", "cost", "landscape")


def test_exercise_answers(rendered):
    predict = section_output(rendered, "linear-regression/exercise", "predict")
    assert predict == "4 hours of study -> predicted score 7.995\n"
    lines = section_output(rendered, "linear-regression/exercise", "learning_rate").splitlines()
    assert lines[0] == "curvatures: 0.240 and 11.093"
    assert lines[1] == "descent diverges above lr = 2 / 11.093 = 0.1803"
    below, above = (float(line.rsplit("=", 1)[1]) for line in lines[2:4])
    assert below < 1e-6 < 1e6 < above


def test_output_sections_match_code_sections(rendered):
    """Every section that printed has a code section of the same name to sit under."""
    for result in rendered.values():
        code_sections = set(SECTION_MARK.findall(result.snippet.read_text()))
        output_sections = set(SECTION_MARK.findall(result.output.read_text()))
        assert output_sections <= code_sections, result.snippet.name
