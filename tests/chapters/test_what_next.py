"""What the closing page claims, checked against what its snippets print."""

from __future__ import annotations

import itertools
import math

import torch
from support.captured import drawn_figures, numbers, run_snippet, section_output


def lines(rendered, snippet: str, section: str) -> list[str]:
    return section_output(rendered, f"what-next/{snippet}", section).splitlines()


def test_three_classes_of_int64_labels(rendered):
    assert lines(rendered, "classes", "data") == [
        "torch.Size([60, 2]) torch.Size([60]) torch.int64",
        "tensor([0, 0, 1, 1, 2, 2])",
    ]


def test_softmax_rows_sum_to_one_and_the_check_can_fail(rendered):
    """ "Each row, one point, sums to 1 ... Summed down the columns instead (dim=0), the same numbers
    would give 1.71, 0.59 and 0.70 ... it gives the first point, of class 0, only 0.26 for class 0." """
    shown = lines(rendered, "classes", "softmax")
    assert shown[-1] == "tensor([1.0000, 1.0000, 1.0000])"
    p = run_snippet(rendered, "what-next/classes")["probabilities"]
    assert torch.allclose(p.sum(dim=1), torch.ones(3))
    assert [round(s, 2) for s in p.sum(dim=0).tolist()] == [1.71, 0.59, 0.70]
    assert round(p[0, 0].item(), 2) == 0.26 and p[0].argmax() != 0  # untrained: wrong
    assert (p > 0).all()
    # "a larger logit gets a larger probability", on the printed rows
    logits = [numbers(line) for line in shown[:3]]
    probabilities = [numbers(line) for line in shown[3:6]]
    for z, q in zip(logits, probabilities, strict=True):
        assert len(z) == len(q) == 3
        assert sorted(range(3), key=z.__getitem__) == sorted(range(3), key=q.__getitem__)


def test_cross_entropy_is_minus_the_log_of_the_right_probability(rendered):
    """ "The three probabilities of the right classes are 0.26, 0.045 and 0.25, and both ways give a
    loss of 1.9393." """
    right, losses = lines(rendered, "classes", "loss")
    assert numbers(right) == [0.2622, 0.0452, 0.2506]
    assert numbers(losses) == [1.9393, 1.9393]
    chapter = run_snippet(rendered, "what-next/classes")
    p, labels = chapter["probabilities"], chapter["labels"]
    assert labels.dtype == torch.int64 and labels.tolist() == [0, 1, 2]
    wrong_class = -torch.log(p[torch.arange(3), (labels + 1) % 3]).mean().item()
    assert abs(wrong_class - 1.9393) > 0.1  # the check could fail


def test_the_loss_on_logits_survives_a_sure_mistake(rendered):
    """By hand the loss is inf (a log of 0); "The loss that takes logits gets the true value, 200." """
    assert lines(rendered, "classes", "stable") == ["tensor(inf) tensor(200.)"]


def test_training_and_accuracy(rendered):
    """ "The loss starts at 1.99, worse than the ln 3 ≈ 1.10 of a model that gives every class one third
    ... It ends at 0.17." """
    log = [numbers(line) for line in lines(rendered, "classes", "train")]
    first, last = log[0], log[-1]
    assert first[:2] == [0, 1.9902] and first[1] > math.log(3) and round(math.log(3), 2) == 1.10
    assert last == [1000, 0.1686, 0.95]


def test_predictions(rendered):
    """ "On the held-out points the model is right 54 times in 60, a little less than the 57 of 60 on
    its training points. At the centres of classes 0 and 1 it is sure (0.95 and 0.99). The point
    (2.5, 2.2) ... gets 0.31, 0.17 and 0.52, so the answer is class 2"; and the figure's "3 of the 60
    points"."""
    shown = lines(rendered, "classes", "predict")
    assert shown[0] == "57 of 60 training points classified right"
    assert shown[1] == "54 of 60 held-out points classified right"
    rows = [numbers(line) for line in shown[2:5]]
    assert round(rows[0][0], 2) == 0.95 and round(rows[1][1], 2) == 0.99
    assert [round(p, 2) for p in rows[2]] == [0.31, 0.17, 0.52]
    assert shown[5] == "tensor([0, 1, 2])"


def test_the_held_out_points_are_new(rendered):
    """ "20 held-out points around each centre, which the model never trained on": new draws from the
    same centres, none of them a training point."""
    chapter = run_snippet(rendered, "what-next/classes")
    x, held = chapter["x_train"], chapter["x_held"]
    assert held.shape == (60, 2) and torch.cdist(held, x).min() > 0
    assert chapter["y_held"].tolist() == chapter["y_train"].tolist()  # 20 of each class, in order
    for k in range(3):  # each class's points sit around its own centre
        assert torch.dist(held[chapter["y_held"] == k].mean(dim=0), chapter["centres"][k]) < 0.5


def test_the_regions_meet_in_one_point_near_the_middle(rendered):
    """The alt text: "separated by straight lines that meet in one point near the middle", and the
    regions drawn are the model's own answers (3 of the 60 points in another class's region)."""
    chapter = run_snippet(rendered, "what-next/classes")
    model, x, y = chapter["model"], chapter["x_train"], chapter["y_train"]
    w, b = model.weight.detach().double(), model.bias.detach().double()
    # Where all three logits are equal: (w0 - w1) . p = b1 - b0 and (w0 - w2) . p = b2 - b0.
    meet = torch.linalg.solve(
        torch.stack([w[0] - w[1], w[0] - w[2]]), torch.stack([b[1] - b[0], b[2] - b[0]])
    )
    assert torch.dist(meet, chapter["centres"].double().mean(dim=0)) < 1.0
    with torch.no_grad():
        assert (model(x).argmax(dim=1) != y).sum().item() == 3


def test_two_classes_are_the_sigmoid_and_bce(rendered):
    softmax, sigmoid, losses = lines(rendered, "classes", "two_classes")
    assert numbers(softmax) == numbers(sigmoid)
    ce, bce = numbers(losses)
    assert ce == bce
    logits = run_snippet(rendered, "what-next/classes")["two_logits"]
    flipped = torch.sigmoid(logits[:, 0] - logits[:, 1])  # the difference taken the wrong way round
    assert not torch.allclose(flipped, torch.softmax(logits, dim=1)[:, 1], atol=1e-3)


def adam_log(rendered) -> dict[int, tuple[float, float]]:
    return {
        int(row[0]): (row[1], row[2])
        for row in (numbers(line) for line in lines(rendered, "adam", "compare"))
    }


def test_adam_against_sgd(rendered):
    """ "at epoch 10 its cost is still 1538, where SGD's is 0.52 ... SGD then stalls near 0.2 ... it
    is lower by epoch 500, and at epoch 2000 it has reached 0.1358 against SGD's 0.1998." """
    log = adam_log(rendered)
    assert log[0][0] == log[0][1]  # the same start: same model, same seed
    assert round(log[10][1]) == 1538 and round(log[10][0], 2) == 0.52
    assert all(0.19 < log[e][0] < 0.23 for e in (100, 500, 1000, 2000))
    assert log[500][1] < log[500][0]
    assert log[2000] == (0.1998, 0.1358)


def test_the_first_step(rendered):
    """ "SGD moves each weight by about 0.30 and the bias by 0.0035, nearly 90 times less ... the
    first step moves all four parameters by 0.1, the learning rate." """
    sgd, adam = (numbers(line.split(":")[1]) for line in lines(rendered, "adam", "first_step"))
    assert all(abs(w - 0.30) < 0.01 for w in sgd[:3]) and sgd[3] == 0.0035
    assert all(85 < w / sgd[3] < 90 for w in sgd[:3])
    assert adam == [0.1, 0.1, 0.1, 0.1]


def test_what_adam_does_not_fix(rendered):
    """ "After 2000 epochs Adam is still 30% above the lowest cost any line can reach" """
    lowest, at_2000 = numbers(lines(rendered, "adam", "lowest")[0])[::2]
    assert lowest == 0.1043 and at_2000 == 0.1358
    assert round(at_2000 / lowest - 1, 2) == 0.30


def test_adam_figure_alt_text(rendered):
    """ "SGD drops from about 30,000 to below 1 within 10 epochs and then stays near 0.2. Adam falls
    more slowly and swings up and down by large factors until about epoch 100, then settles, stays
    below SGD from about epoch 120 on and ends near 0.14 ... the lowest possible cost, about 0.10,
    which neither run reaches" """
    chapter = run_snippet(rendered, "what-next/adam")
    sgd, adam, lowest = chapter["sgd"], chapter["adam"], chapter["lowest"]
    assert 25_000 < sgd[0] < 35_000 and sgd[10] < 1 and abs(sgd[-1] - 0.2) < 0.01
    # Each epoch whose cost is larger than the one before, by how many times
    rises = {e: b / a for e, (a, b) in enumerate(itertools.pairwise(adam), start=1) if b > a}
    assert max(rises.values()) > 5  # large factors
    last_large = max(e for e, factor in rises.items() if factor > 1.5)
    assert 90 <= last_large <= 110  # the last jump by half or more (epoch 93)
    assert all(factor < 1.2 for e, factor in rises.items() if e > 110)  # then only ripples
    below = next(e for e in range(len(adam)) if all(a < s for a, s in zip(adam[e:], sgd[e:], strict=True)))
    assert 110 <= below <= 130  # "below SGD from about epoch 120 on" (122)
    assert round(adam[-1], 2) == 0.14 and round(lowest, 2) == 0.10
    assert min(sgd) > lowest and min(adam) > lowest
    # The second panel: "epochs 200 to 2000 on plain scales from 0 to 0.4: SGD's line creeps from
    # about 0.22 to 0.20, Adam's lies below it and falls from about 0.19 to end near 0.14"
    end = drawn_figures(rendered, "what-next/adam")["adam"].axes[1]
    assert (end.get_xlim(), end.get_ylim(), end.get_xscale()) == ((200, 2000), (0, 0.4), "linear")
    assert (round(sgd[200], 2), round(sgd[-1], 2), round(adam[200], 2)) == (0.22, 0.2, 0.19)
    assert all(a < s for a, s in zip(adam[200:], sgd[200:], strict=True)) and max(sgd[200:]) < 0.4


def test_a_dataset_of_ones_own(rendered):
    """ "dataset[3] is the fourth student: 2 hours, failed ... batches of 4, 4 and 2 ... Each epoch
    deals out every student exactly once, in a new order." """
    assert lines(rendered, "dataset", "dataset") == ["10 (tensor([2.]), tensor([0.]))"]
    shown = lines(rendered, "dataset", "loader")
    assert shown[0] == "epoch 1" and shown[4] == "epoch 2"
    epochs = [shown[1:4], shown[5:8]]
    orders = []
    for batches in epochs:
        sizes = [numbers(line)[:4] for line in batches]
        assert sizes == [[4, 1, 4, 1], [4, 1, 4, 1], [2, 1, 2, 1]]
        orders.append([h for line in batches for h in numbers(line.split("[", 1)[1])])
    hours = run_snippet(rendered, "what-next/dataset")["hours"]
    assert all(sorted(order) == hours for order in orders)
    assert orders[0] != orders[1]


def test_the_device_the_page_was_built_on(rendered):
    """ "On the machine that built this page it printed cpu." """
    assert lines(rendered, "device", "device") == ["running on cpu"]
    assert lines(rendered, "device", "train") == ["the model's weights are on cpu"]
    back = lines(rendered, "device", "back")[0]
    # "The accuracy, 0.990, is measured on 100 held-out points made the same way"
    assert back.startswith("ndarray [") and back.endswith("held-out accuracy 0.990")
    chapter = run_snippet(rendered, "what-next/device")
    held, trained = chapter["x_held"], chapter["x_train"]
    assert held.shape == (100, 2) and torch.cdist(held, trained).min() > 0


def test_exercises(rendered):
    """ "74 of the 80 points are classified right"; "The first 60 points are the page's own";
    "after 1000 epochs the cost is still 7213 ... from near 0 to 171, the mean final score ... 86 in
    1000 epochs. At a learning rate of 1 ... 0.1048, is within half a percent of the lowest possible,
    0.1043." """
    shape, right = lines(rendered, "exercise", "fourth_class")
    assert shape.startswith("torch.Size([80, 4])")
    assert right == "74 of 80 training points classified right"
    exercise, page = run_snippet(rendered, "what-next/exercise"), run_snippet(rendered, "what-next/classes")
    assert torch.equal(exercise["x_train"][:60], page["x_train"])

    shown = lines(rendered, "exercise", "adam_scaled")
    assert shown[0] == "mean final score: 171.00"
    slow, fast = shown[1:5], shown[5:9]
    assert round(numbers(slow[2])[-1]) == 7213 and round(numbers(slow[3])[-1]) == 86
    assert numbers(fast[3])[-1] == 171.0
    weights = exercise["model"].weight.detach().abs()  # the lr 1 run's: "only a short way to go"
    assert weights.max() < 171 / 10
    lowest = numbers(lines(rendered, "adam", "lowest")[0])[0]
    assert numbers(fast[2])[-1] == 0.1048 and numbers(fast[2])[-1] / lowest < 1.005
