"""The Lighthouse report gives each page's median over its runs, and performance's spread."""

from __future__ import annotations

import lighthouse


def run(performance: int, seo: int = 100) -> dict[str, int]:
    return {"performance": performance, "accessibility": 100, "best-practices": 100, "seo": seo}


def test_a_page_is_its_median_run_with_the_spread_beside_it():
    summary = lighthouse.summary([run(89), run(99, seo=92), run(96)])
    assert summary["performance"] == 96 and summary["seo"] == 100
    assert (summary["performance-low"], summary["performance-high"]) == (89, 99)
    assert "performance  96" in lighthouse._row("sigmoid/", summary)
    assert "[performance 89-99]" in lighthouse._row("sigmoid/", summary)


def report(first_paint: float, load: float) -> dict:
    return {
        "audits": {
            "metrics": {
                "details": {"items": [{"observedFirstContentfulPaint": first_paint, "observedLoad": load}]}
            }
        }
    }


def test_a_run_that_painted_only_after_the_page_loaded_stalled():
    assert lighthouse.stalled(report(first_paint=2238, load=341))  # glossary, a stalled run
    assert not lighthouse.stalled(report(first_paint=187, load=309))  # vocabulary, a clean one


def test_the_row_says_how_many_stalled_runs_were_set_aside():
    summary = lighthouse.summary([run(96)])
    assert "stalled" not in lighthouse._row("errata/", summary)
    assert "(2 stalled, set aside)" in lighthouse._row("errata/", {**summary, "stalled": 2})
