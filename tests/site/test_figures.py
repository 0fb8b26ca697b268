"""What the figures the snippets draw are made of, read from the SVG files themselves."""

from __future__ import annotations

import re

import pytest
from support import svg
from support.captured import drawn_figures

AA = 4.5  # WCAG AA for text under 18 pt


def figure_files(rendered):
    for result in rendered.values():
        yield from result.figure_files()


def test_text_over_a_filled_area_has_aa_contrast_in_both_variants(rendered, record_property):
    checked, failures = 0, []
    for path in figure_files(rendered):
        page = svg.DARK_PAGE if path.stem.endswith("-dark") else svg.LIGHT_PAGE
        for text, ratio in svg.text_over_images(path, page):
            checked += 1
            if ratio < AA:
                failures.append(f"{path.parent.name}/{path.name}: {text.content!r} {ratio:.2f}:1")
    assert checked >= 16, "the confusion matrix (8 texts, 2 variants) should be among them"
    assert not failures, failures


def test_text_on_the_page_has_aa_contrast_in_both_variants(rendered):
    """Every other text of a figure, against the page's own colour (the landscape's contour labels
    were the lines' blue: 3.4:1 on the dark page)."""
    checked, failures = 0, []
    for path in figure_files(rendered):
        page = svg.DARK_PAGE if path.stem.endswith("-dark") else svg.LIGHT_PAGE
        over_images = {text for text, _ in svg.text_over_images(path, page)}
        for text in svg.texts(path):
            if text not in over_images:
                checked += 1
                ratio = svg.contrast(text.fill, page)
                if ratio < AA:
                    failures.append(f"{path.parent.name}/{path.name}: {text.content!r} {ratio:.2f}:1")
    assert checked >= 1000  # every tick, label and legend entry of every figure
    assert not failures, failures


NON_TEXT = 3  # WCAG 1.4.11: the parts of a graphic a reader needs, against what is around them


def line_failures(path, page) -> tuple[int, list[str]]:
    drawn = svg.lines(path, page)
    low = [(name, svg.contrast(colour, page)) for name, colour in drawn]
    return len(drawn), [f"{path.name} {name} {ratio:.2f}:1" for name, ratio in low if ratio < NON_TEXT]


def test_every_line_stands_out_from_the_page_in_both_variants(rendered):
    """Data lines, guides and ticks: 3:1 at least against the page, light and dark (the
    linear-regression chapter's dashed "epoch 0" was 2.3:1 on the dark page)."""
    checked, failures = 0, []
    for path in figure_files(rendered):
        count, low = line_failures(path, svg.DARK_PAGE if path.stem.endswith("-dark") else svg.LIGHT_PAGE)
        checked, failures = checked + count, failures + low
    assert checked >= 500
    assert not failures, failures


def test_the_line_contrast_check_can_fail(tmp_path):
    """matplotlib's own orange, which the site's colours replace: 2.5:1 on white."""
    from matplotlib.figure import Figure  # not pyplot's: a worker keeps the snippets' figures open there

    fig = Figure()
    ax = fig.subplots()
    ax.plot([0, 1], [0, 1], color="#ff7f0e")
    ax.plot([0, 1], [1, 0], color="#1f77b4", alpha=0.3)  # a strong colour made faint
    fig.savefig(tmp_path / "faint.svg", format="svg")
    count, low = line_failures(tmp_path / "faint.svg", svg.LIGHT_PAGE)
    assert len(low) == 2 and count >= 2, low


@pytest.mark.parametrize("variant", ["", "-dark"])
def test_confusion_matrix_counts_are_readable(rendered, variant):
    path = rendered["judging-a-classifier/metrics"].folder / f"confusion{variant}.svg"
    page = svg.DARK_PAGE if variant else svg.LIGHT_PAGE
    ratios = {text.content: ratio for text, ratio in svg.text_over_images(path, page)}
    assert set(ratios) == {"TP", "FN", "FP", "TN", "677", "152", "111", "1060"}
    assert min(ratios.values()) >= AA, ratios


def test_the_contrast_check_can_fail(tmp_path):
    """Light grey on a pale image, as the dark confusion matrix once was: 1.2:1."""
    import matplotlib
    from matplotlib.figure import Figure  # as above

    fig = Figure()
    ax = fig.subplots()
    ax.imshow([[0.1, 0.2]], cmap="Blues", vmin=0, vmax=1)
    ax.text(0, 0, "FP", color="#e3e3e3", ha="center", va="center")
    with matplotlib.rc_context({"svg.fonttype": "none"}):
        fig.savefig(tmp_path / "bad.svg", format="svg")
    [(text, ratio)] = svg.text_over_images(tmp_path / "bad.svg", svg.LIGHT_PAGE)
    assert text.content == "FP"
    assert ratio < 1.5


@pytest.mark.parametrize("name", ["one-feature", "two-features"])
def test_diagram_lines_stand_out_on_the_dark_page(rendered, name):
    """Box outlines and arrows, black on the light page, light on the dark one (3:1, WCAG's non-text)."""
    path = rendered["logistic-regression/diagrams"].folder / f"{name}-dark.svg"
    strokes = set(re.findall(r"stroke: (#[0-9a-f]{6})", path.read_text()))
    assert strokes, "the diagram draws boxes and arrows"
    ratios = {colour: svg.contrast(svg._colour(colour), svg.DARK_PAGE) for colour in strokes}
    assert min(ratios.values()) >= 3, ratios


@pytest.mark.parametrize(
    "snippet, name",
    [
        ("sigmoid/function", "shape"),
        ("binary-cross-entropy/likelihood", "data"),
        ("binary-cross-entropy/likelihood", "landscape"),
        ("judging-a-classifier/metrics", "threshold"),
    ],
)
def test_every_panel_names_its_y_axis(rendered, snippet, name):
    fig = drawn_figures(rendered, snippet)[name]
    for ax in fig.axes:
        assert ax.get_ylabel().strip(), f"{name}: a panel titled {ax.get_title()!r} has no y label"
        assert any(label.get_visible() and label.get_text() for label in ax.get_yticklabels())


def test_negative_numbers_are_written_with_a_minus_sign(rendered):
    """As matplotlib writes its ticks (U+2212 MINUS SIGN), so legends and labels: no hyphen before a digit."""
    hyphenated, numbers_seen = [], 0
    for path in figure_files(rendered):
        for text in svg.texts(path):
            numbers_seen += "−" in text.content
            if re.search(r"(^|[\s=(])-\d", text.content):
                hyphenated.append(f"{path.name}: {text.content!r}")
    assert numbers_seen > 0, "the tick labels write negative numbers with U+2212"
    assert not hyphenated, hyphenated
