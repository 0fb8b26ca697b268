"""measure/drift.py on two small gallery caches made here: what it finds, and what it reports."""

from __future__ import annotations

import drift


def result(cache, name, printed, svg="<svg>a line</svg>", stderr=None):
    folder = cache / name
    folder.mkdir(parents=True)
    (folder / "manifest.json").write_text("{}")
    (folder / "output.txt").write_text(printed)
    (folder / "plot.svg").write_text(svg)
    if stderr:
        (folder / "stderr.txt").write_text(stderr)


def test_the_same_results_are_no_drift(tmp_path):
    for cache in ("pinned", "newest"):
        result(tmp_path / cache, "sigmoid/function", "loss 0.1234\n")
    found = drift.compare(tmp_path / "pinned", tmp_path / "newest", failures={})
    assert not found
    assert "No drift" in drift.report(found, "2.13.0", "2.13.0")


def test_failures_changed_output_and_figures_and_warnings_are_each_reported(tmp_path):
    pinned, newest = tmp_path / "pinned", tmp_path / "newest"
    result(pinned, "sigmoid/function", "loss 0.1234\nsame\n")
    result(newest, "sigmoid/function", "loss 0.1235\nsame\n", svg="<svg>another line</svg>")
    result(pinned, "vocabulary/tensors", "shape (2, 3)\n")
    result(newest, "vocabulary/tensors", "shape (2, 3)\n", stderr="x.py:3: UserWarning: soon gone\n  x()\n")
    result(pinned, "linear-regression/train", "W 1.997\n")  # the newest run failed: no result
    failures = {"linear-regression/train": "snippets/linear-regression/train.py:9: AttributeError: no\n..."}

    found = drift.compare(pinned, newest, failures)
    assert found.failed == {
        "linear-regression/train": "snippets/linear-regression/train.py:9: AttributeError: no"
    }
    assert found.printed == {
        "sigmoid/function": ["--- pinned", "+++ newest", "@@ -1 +1 @@", "-loss 0.1234", "+loss 0.1235"]
    }
    assert found.drawn == {"sigmoid/function": ["plot.svg"]}
    assert found.warned == {"vocabulary/tensors": ["x.py:3: UserWarning: soon gone"]}
    text = drift.report(found, "2.13.0", "2.15.0")
    assert text.startswith("# Drift: torch 2.15.0 against the site's torch 2.13.0")
    for heading in (
        "Snippets that fail (1)",
        "Printed output that differs (1)",
        "Figures that differ (1)",
        "Warnings (1)",
    ):
        assert f"## {heading}" in text


def test_a_long_diff_is_cut_short(tmp_path):
    result(tmp_path / "pinned", "a/b", "".join(f"{i}\n" for i in range(100)))
    result(tmp_path / "newest", "a/b", "".join(f"{i}.5\n" for i in range(100)))
    (diff,) = drift.compare(tmp_path / "pinned", tmp_path / "newest", {}).printed.values()
    assert len(diff) == drift.DIFF_LINES + 1 and diff[-1].startswith("... and ")
