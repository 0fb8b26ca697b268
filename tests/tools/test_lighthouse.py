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
