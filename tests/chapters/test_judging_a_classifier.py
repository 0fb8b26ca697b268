"""The metric functions of the classifier chapter: its claims, and agreement with scikit-learn."""

from __future__ import annotations

import pytest
import torch
from matplotlib.colors import to_rgb
from support import svg
from support.captured import drawn_figures, numbers, run_snippet, section_output


@pytest.fixture(scope="module")
def chapter(rendered):
    """The chapter's functions, as the snippet defines them."""
    return run_snippet(rendered, "judging-a-classifier/metrics")


def random_cases(count=400, seed=0):
    """Random label/prediction pairs of length 1-30, many of them degenerate on purpose."""
    generator = torch.Generator().manual_seed(seed)
    for i in range(count):
        n = int(torch.randint(1, 31, (1,), generator=generator))
        actual = torch.rand(n, generator=generator) < torch.rand(1, generator=generator)
        predicted = torch.rand(n, generator=generator) < torch.rand(1, generator=generator)
        if i % 10 == 0:
            predicted[:] = False  # no predicted positives
        if i % 10 == 1:
            actual[:] = False  # no actual positives
        if i % 10 == 2:
            actual[:] = predicted[:] = False  # neither
        yield predicted, actual


@pytest.fixture(scope="module")
def scikit_learn():
    """Each random case with scikit-learn's confusion matrix, accuracy, precision, recall and F1."""
    from sklearn import metrics as sk  # 1 s to import: only where it is used

    cases = []
    for predicted, actual in random_cases():
        a, p = actual.numpy(), predicted.numpy()
        matrix = sk.confusion_matrix(a, p, labels=[True, False]).tolist()
        precision, recall, f1, _ = sk.precision_recall_fscore_support(a, p, average="binary", zero_division=0)
        cases.append((predicted, actual, matrix, sk.accuracy_score(a, p), precision, recall, f1))
    return cases


def test_functions_agree_with_scikit_learn(chapter, scikit_learn):
    for predicted, actual, matrix, accuracy, precision, recall, f1 in scikit_learn:
        c = chapter["confusion_counts"](predicted, actual)
        assert [[c["TP"], c["FN"]], [c["FP"], c["TN"]]] == matrix
        assert chapter["accuracy"](c) == pytest.approx(accuracy)
        assert chapter["precision"](c) == pytest.approx(precision)
        assert chapter["recall"](c) == pytest.approx(recall)
        assert chapter["f1"](c) == pytest.approx(f1)


def test_the_random_cases_include_every_edge():
    kinds = set()
    for predicted, actual in random_cases():
        kinds.add((bool(predicted.any()), bool(actual.any())))
    assert kinds == {(True, True), (True, False), (False, True), (False, False)}


def test_division_by_zero_returns_zero(rendered):
    header, *lines = section_output(rendered, "judging-a-classifier/metrics", "edges").splitlines()
    assert header.split() == ["positives", "precision", "recall", "F1"] and len(lines) == 3
    assert all(line.split()[-3:] == ["0.0", "0.0", "0.0"] for line in lines)
    # "With nothing positive to find and nothing called positive, the model is right every time,
    # yet it scores 0 on all three."
    assert lines[2].startswith("neither")
    c = run_snippet(rendered, "judging-a-classifier/metrics")["all_negative"]
    assert c == {"TP": 0, "FP": 0, "FN": 0, "TN": 2}  # no mistakes: a perfect classifier


def test_chapter_numbers(rendered):
    students = section_output(rendered, "judging-a-classifier/metrics", "students").splitlines()
    assert students == [
        "{'TP': 3, 'FP': 1, 'FN': 0, 'TN': 2}",
        "accuracy 0.833  precision 0.750  recall 1.000  F1 0.857",
    ]
    simulated = section_output(rendered, "judging-a-classifier/metrics", "simulated").splitlines()
    assert simulated[0] == "training data: {'TP': 651, 'FP': 140, 'FN': 144, 'TN': 1065}"
    # The figure's alt text: "true positives 677 and false negatives 152 ... false positives 111
    # and true negatives 1060"; and "makes 263 mistakes on the held-out data".
    assert simulated[2] == "held-out data: {'TP': 677, 'FP': 111, 'FN': 152, 'TN': 1060}"
    train_accuracy, held_out_accuracy = numbers(simulated[1])[0], numbers(simulated[3])[0]
    # "the held-out accuracy is even a little higher"
    assert 0 < held_out_accuracy - train_accuracy < 0.02
    right, from_counts, seeds = (
        numbers(line)[-1]
        for line in section_output(rendered, "judging-a-classifier/metrics", "f1").splitlines()
    )
    assert right == from_counts and seeds == pytest.approx(right / 2, abs=1e-6)
    lazy = section_output(rendered, "judging-a-classifier/metrics", "imbalanced").splitlines()
    assert lazy[1] == "accuracy 0.990  precision 0.000  recall 0.000"


def test_threshold_trades_precision_for_recall(rendered):
    """ "In the table below it happens to rise at every threshold shown", and the figure's alt text:
    "precision rising from 0.58 to 0.98 and recall falling from 0.98 to 0.22"."""
    header, *lines = section_output(rendered, "judging-a-classifier/metrics", "threshold").splitlines()
    assert header.split() == ["threshold", "precision", "recall", "F1"]
    rows = [numbers(line) for line in lines]
    precisions, recalls = [r[1] for r in rows], [r[2] for r in rows]
    assert precisions == sorted(precisions) and recalls == sorted(recalls, reverse=True)
    assert (precisions[0], precisions[-1], recalls[0], recalls[-1]) == (0.582, 0.983, 0.984, 0.215)


def test_precision_need_not_rise_with_the_threshold(chapter):
    """ "precision usually rises, but not necessarily at every step": a case where it falls."""
    probability = torch.tensor([0.9, 0.8, 0.7, 0.6])
    actual = torch.tensor([False, True, True, False])
    at = lambda t: chapter["precision"](chapter["confusion_counts"](probability >= t, actual))  # noqa: E731
    assert at(0.75) < at(0.65)  # raising the threshold from 0.65 to 0.75 lowers precision


def test_exercises(rendered):
    train, half, held_out = section_output(
        rendered, "judging-a-classifier/exercise", "best_threshold"
    ).splitlines()
    assert train == "training data: best threshold 0.44, F1 0.830  (at 0.50: 0.821)"
    assert half == "half of the best F1: 0.415"
    best, f1_best, f1_half = (numbers(held_out)[i] for i in (0, 2, -1))  # skip the 1 of "F1"
    assert best == 0.44 and f1_best > f1_half  # "on held-out data, where the gain remains"
    rows = [
        numbers(line)
        for line in section_output(rendered, "judging-a-classifier/exercise", "half").splitlines()
    ]
    rows = [(r[0], r[1], r[-1]) for r in rows]  # share, best threshold, half of the best F1
    shares = [share for share, _, _ in rows]
    assert shares[0] < 45 and 45 <= shares[1] <= 55 and shares[2] > 55  # fewer, as many, more positives
    for _, threshold, half_f1 in rows:
        # "the best threshold stays below 0.5 and near half of the best F1 every time"
        assert threshold < 0.5 and abs(threshold - half_f1) < 0.04
    balanced = section_output(rendered, "judging-a-classifier/exercise", "balanced").splitlines()
    assert numbers(balanced[0])[-2:] == [0.99, 0.5] and numbers(balanced[1])[-2:] == [1.0, 1.0]


def test_the_agreement_with_scikit_learn_can_fail(chapter, scikit_learn):
    """A wrong formula (the source's F1, or precision and recall swapped) disagrees somewhere."""
    wrong_f1 = lambda c: c["TP"] / (2 * c["TP"] + c["FP"] + c["FN"]) if c["TP"] else 0.0  # noqa: E731
    mismatches = {"f1": 0, "precision": 0}
    for predicted, actual, _, _, precision, _, f1 in scikit_learn:
        c = chapter["confusion_counts"](predicted, actual)
        mismatches["f1"] += wrong_f1(c) != pytest.approx(f1)
        mismatches["precision"] += chapter["recall"](c) != pytest.approx(precision)
    assert mismatches["f1"] > 100 and mismatches["precision"] > 100


def test_the_degree_9_polynomial_reminder(rendered):
    """ "the degree-9 polynomial had the lowest training error, 0.0093, while on validation points
    inside the range of its training inputs its error was 0.35, nearly forty times larger ... On
    the points outside that range ... some 170,000" (the overfitting chapter's run)."""
    rows = [numbers(line) for line in section_output(rendered, "overfitting/polynomials", "fit").splitlines()]
    train = {int(r[0]): r[1] for r in rows}
    assert min(train, key=train.get) == 9 and train[9] == 0.0093
    ranges = section_output(rendered, "overfitting/polynomials", "range").splitlines()
    inside, outside = numbers(ranges[-1])[1:]
    assert ranges[-1].startswith("degree 9") and round(inside, 2) == 0.35
    assert 35 < inside / train[9] < 40 and round(outside, -4) == 170000


def test_the_confusion_matrix_reads_on_both_pages(rendered):
    """No near-white cell (a bright square on the dark page, whose variant keeps the data's colours),
    darker cells for larger counts, and each count 4.5:1 against its own cell."""
    ax = drawn_figures(rendered, "judging-a-classifier/metrics")["confusion"].axes[0]
    [image] = ax.images
    counts = image.get_array()
    cells = {(row, col): image.cmap(image.norm(counts[row, col]))[:3] for row in (0, 1) for col in (0, 1)}
    assert max(svg.luminance(colour) for colour in cells.values()) < 0.5
    by_count = sorted(cells, key=lambda cell: counts[cell])
    assert [svg.luminance(cells[cell]) for cell in by_count] == sorted(
        (svg.luminance(colour) for colour in cells.values()), reverse=True
    )
    assert len(ax.texts) == 4
    for text in ax.texts:
        col, row = (round(v) for v in text.get_position())
        assert text.get_text().endswith(str(int(counts[row, col])))
        assert svg.contrast(to_rgb(text.get_color()), cells[row, col]) >= 4.5, text.get_text()
