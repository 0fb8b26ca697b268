"""The text inside every figure, measured as a reader sees it: at 1280 px and on a 390 px phone.

A figure's text is its SVG's font-size times the scale the page draws the image at
(rendered width / viewBox width). On a phone the page shows the narrow variant
(site_build/figures.py), and this checks that the browser really picked it.
"""

from __future__ import annotations

from urllib.parse import urlparse

import paths
import pytest
from local_site import scroll_through_figures
from support import svg
from support.chromium import PAGES
from support.tiers import SPECIMEN, sweep

SMALLEST = {"desktop": 11, "phone": 9}  # CSS px of figure text, at support.chromium.VIEWPORTS
# A mathtext exponent (the -3 of 10⁻³) is drawn at 70 % of its base, as in print.
EXPONENT = 0.7


def figure_pages() -> list[str]:
    """The pages that show a generated figure (the notebook's own figures are not the gallery's)."""
    docs = paths.ROOT / paths.DOCS
    sources = {page: docs / f"{page.rstrip('/') or 'index'}.md" for page in PAGES}
    return [page for page, md in sources.items() if md.exists() and "](figures/" in md.read_text()]


CAPTION_GAP = 12  # px between a figure and its caption, at most
CAPTION_SIZE = 14  # px: a caption no larger than the labels inside a figure at 1280 px (13-16 px)


def captions(page) -> list[dict]:
    """Each shown figure's caption: its font size and its distance below the figure."""
    return page.evaluate(
        """() => [...document.querySelectorAll('article figure')].flatMap(f => {
            const shown = (i) => i.getBoundingClientRect().width > 0;
            const img = [...f.querySelectorAll('img[src*="figures/"]')].find(shown);
            const caption = f.querySelector('figcaption');
            if (!img || !caption) return [];
            return [{src: img.getAttribute('src'), size: parseFloat(getComputedStyle(caption).fontSize),
                     gap: caption.getBoundingClientRect().top - img.getBoundingClientRect().bottom}];
        })"""
    )


def shown_figures(page) -> list[dict]:
    """Each figure the reader's scheme shows: the file the browser chose and the width it drew it at."""
    scroll_through_figures(page)  # the lazy ones too; the other scheme's stay unfetched
    return page.evaluate(
        """() => [...document.querySelectorAll('article img[src*="figures/"]')]
            .filter(i => i.getBoundingClientRect().width > 0)
            .map(i => ({src: i.currentSrc, width: i.getBoundingClientRect().width}))"""
    )


@pytest.mark.parametrize("width", SMALLEST)
@pytest.mark.parametrize("path", sweep(figure_pages(), SPECIMEN))
def test_figure_text_is_big_enough(visited, site, path, width, record_property):
    smallest = SMALLEST[width]
    page = visited(path, "default", width).page
    figures = shown_figures(page)
    under = captions(page)
    assert figures and under
    for caption in under:
        assert 0 <= caption["gap"] <= CAPTION_GAP, caption
        assert caption["size"] <= CAPTION_SIZE, caption
    measured = []
    for figure in figures:
        file = site / urlparse(figure["src"]).path.lstrip("/")
        wide = file.with_name(file.name.replace("-narrow", ""))
        has_narrow = wide.with_name(wide.name.replace(".svg", "-narrow.svg")).exists()
        assert ("-narrow" in file.name) == (width == "phone" and has_narrow), figure["src"]
        scale = figure["width"] / svg.view_width(file)
        base, raised = svg.font_sizes(file)
        measured.append((min(base) * scale, min(raised, default=min(base) / EXPONENT) * scale, file.name))
    text, _, name = min(measured)
    exponent, exponent_in = min((e, n) for _, e, n in measured)
    exponents = f"exponents {exponent:.1f} px ({exponent_in})"
    record_property("report", f"figure text {path} [{width}]: {text:.1f} px ({name}); {exponents}")
    too_small = [(round(t, 1), n) for t, _, n in measured if t < smallest]
    assert not too_small, f"smallest figure text under {smallest} px: {too_small}"
    small_exponents = [(round(e, 1), n) for _, e, n in measured if e < smallest * EXPONENT]
    assert not small_exponents, small_exponents
