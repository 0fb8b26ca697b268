"""Korean words are marked lang="ko", and the site's fonts cover every character its pages use."""

from __future__ import annotations

import base64
import html
import io
import re
from pathlib import Path

import figure_font
import fonts
import korean
import pytest
from fontTools.ttLib import TTFont


def test_runs_of_hangul_are_wrapped_once():
    page = '<p title="학습률">The 학습률 (최대 가능도 추정), <b lang="ko">가설</b>.</p>'
    assert korean.mark(page) == (
        '<p title="학습률">The <span lang="ko">학습률</span> (<span lang="ko">최대 가능도 추정</span>), '
        '<b lang="ko">가설</b>.</p>'
    )
    assert korean.mark(korean.mark(page)) == korean.mark(page)


def test_text_that_is_not_page_text_is_left_alone():
    page = (
        "<head><title>입문</title><script>var s = '입문';</script><style>/* 입문 */</style></head>"
        '<!-- 입문 --><div lang="ko"><p>이미 <em>한국어</em></p></div><br><p>입문</p>'
    )
    assert korean.mark(page) == page.replace("<p>입문</p>", '<p><span lang="ko">입문</span></p>')


def test_italic_letters_are_the_ones_chromium_draws():
    assert fonts.italic("y") == "\U0001d466"
    assert fonts.italic("h") == "\u210e"
    assert fonts.italic("\u03c3") == "\U0001d70e"
    assert fonts.italic("1") == "1"
    chars = fonts.math_characters("<math><mi>y</mi><mo>&#x2212;</mo><mi>log</mi></math>")
    assert {"y", "\U0001d466", "\u2212", "l"} <= chars
    assert "\U0001d459" not in chars  # log is upright: no italic l


def test_a_root_needs_the_radical_sign_though_no_text_has_it():
    assert "\u221a" in fonts.math_characters("<math><msqrt><mn>2</mn></msqrt></math>")
    assert "\u221a" in fonts.math_characters("<math><mroot><mi>x</mi><mn>3</mn></mroot></math>")
    assert "\u221a" not in fonts.math_characters("<math><mfrac><mn>1</mn><mn>2</mn></mfrac></math>")


def covered(font: Path) -> set[str]:
    return set(map(chr, TTFont(font).getBestCmap()))


@pytest.mark.parametrize(
    ("names", "collect"),
    [
        ([fonts.MATH_FONT], fonts.math_characters),
        ([fonts.KOREAN_FONT], fonts.hangul_characters),
        # The text in Noto Sans, what it lacks from DejaVu Sans; the bold the same; the code.
        ([fonts.TEXT_FONT, fonts.SYMBOLS_FONT], fonts.text_characters),
        ([fonts.BOLD_FONT, fonts.SYMBOLS_FONT], fonts.text_characters),
        ([fonts.CODE_FONT], fonts.text_characters),
    ],
)
def test_the_sites_fonts_cover_every_character_its_pages_use(site, names, collect, record_property):
    files = [site / fonts.FONT_DIR / name for name in names]
    pages = sorted(site.rglob("*.html"))
    needed = set().union(*(collect(page.read_text()) for page in pages))
    record_property("report", ", ".join(f"font {f.name}: {f.stat().st_size} bytes" for f in files))
    assert needed
    # U+2061 (function application) is invisible: no font draws it.
    assert needed - set().union(*map(covered, files)) - {"\u2061"} == set()
    assert all(f.stat().st_size < 40_000 for f in files)
    if fonts.SYMBOLS_FONT in names:  # DejaVu draws only what Noto Sans cannot
        assert not covered(files[0]) & covered(files[1]) - {" "}


def test_a_page_preloads_the_fonts_its_text_draws_and_no_other():
    formula = '<math display="inline"><mi>σ</mi></math>'
    korean_text = '<p lang="ko">학습률</p>'
    korean_tooltip = '<abbr title="학습률: The size of each step">learning rate</abbr>'
    code = "<p>Call <code>torch.sigmoid</code>.</p>"
    text = [fonts.TEXT_FONT, fonts.BOLD_FONT]
    assert fonts.preloads(f"<p>{formula}</p>{korean_text}") == [*text, fonts.MATH_FONT, fonts.KOREAN_FONT]
    # Korean only in a tooltip is drawn on hover, not when the page shows: no preload for it.
    assert fonts.preloads(f"<p>plain</p>{korean_tooltip}") == text
    assert fonts.preloads(code) == [*text, fonts.CODE_FONT]


EMBEDDED_FONT = re.compile(r'@font-face\{font-family:"([^"]+)";src:url\(data:font/woff2;base64,([^)]*)\)')


def test_every_figure_carries_the_glyphs_of_its_text(site, record_property):
    """A figure is an <img>, which loads no font: its text is drawn in the site's face, as
    matplotlib laid it out, only if the SVG carries the glyphs. Each carries those it draws and
    no more, each from the family matplotlib drew it with (Noto Sans, or DejaVu Sans for what
    Noto Sans lacks)."""
    figures = sorted((site / "figures").rglob("*.svg"))
    sizes, families = [], set()
    for figure in figures:
        svg = figure.read_text()
        drawn = set(html.unescape(fonts.TAG.sub("", "".join(figure_font.TEXT.findall(svg))))) - {"\n", " "}
        embedded = {
            family: TTFont(io.BytesIO(base64.b64decode(data))) for family, data in EMBEDDED_FONT.findall(svg)
        }
        assert bool(embedded) == bool(drawn), figure
        cmaps = {family: set(map(chr, font.getBestCmap())) - {" "} for family, font in embedded.items()}
        assert set().union(*cmaps.values()) == drawn, figure
        assert (set(cmaps) <= set(figure_font.FAMILIES) and "Noto Sans" in cmaps) or not drawn, figure
        families |= set(cmaps)
        sizes += [len(data) for _, data in EMBEDDED_FONT.findall(svg)]
    assert len(sizes) > 50 and families == set(figure_font.FAMILIES)
    record_property(
        "report", f"{len(figures)} figures, embedded fonts {min(sizes)}-{max(sizes)} base64 bytes"
    )


def test_a_figure_with_a_character_its_fonts_cannot_draw_stops_the_build():
    svg = '<svg><defs><style type="text/css">*{}</style></defs><text>학습률</text></svg>'
    with pytest.raises(ValueError, match="cannot draw"):
        figure_font.with_font(svg)
    assert figure_font.with_font(svg.replace("학습률", "loss")).count("@font-face") == 1
    # A subscript digit is not in Noto Sans's web files: DejaVu Sans draws it.
    assert figure_font.split("x₁ ≈ y") == {"Noto Sans": " xy", "DejaVu Sans": "₁≈"}
