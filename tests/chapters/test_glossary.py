"""The glossary, its tooltips on every page, and the errata's explicitly skipped code."""

from __future__ import annotations

import re

import glossary
from support.project import ROOT, built_page

HANGUL = re.compile(r"[\uac00-\ud7a3]")


def glossary_rows() -> dict[str, str]:
    """English term -> Korean term, from the table in docs/glossary.md."""
    rows = {}
    for line in (ROOT / "docs" / "glossary.md").read_text().splitlines():
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        if len(cells) == 4 and HANGUL.search(cells[1]) and "](" in cells[3]:  # not the header
            rows[cells[0]] = cells[1]
    return rows


def test_glossary_has_at_least_25_korean_terms_each_linked():
    rows = glossary_rows()
    assert len(rows) >= 25
    text = (ROOT / "docs" / "glossary.md").read_text()
    for english in rows:
        assert re.search(rf"^\| {re.escape(english)} \|.*\]\([a-z-]+\.md(#[a-z0-9-]+)?\) \|$", text, re.M), (
            english
        )


def test_tooltips_are_made_from_the_glossary_page():
    terms = glossary.read(ROOT / "docs" / "glossary.md")
    assert {t.english: t.korean for t in terms} == glossary_rows()
    sigmoid = next(t for t in terms if t.english == "sigmoid")
    assert sigmoid.tooltip == "시그모이드: The function 1 / (1 + e⁻ˣ), from any number to (0, 1)"


def test_a_term_is_marked_once_at_its_first_use_in_body_text():
    terms = [glossary.Term("sigmoid", "시그모이드", "A curve"), glossary.Term("weight", "가중치", "A number")]
    page = (
        "<h2>The sigmoid</h2><p>See <a href='x'>the sigmoid</a> and <code>sigmoid</code>.</p>"
        '<div class="admonition"><p class="admonition-title">Sigmoid</p>'
        "<p>The Sigmoid, the sigmoid.</p></div>"
        "<p>Two weights, one weight.</p>"
    )
    out = glossary.mark(page, terms)
    assert out.count("<abbr") == 2
    assert '<p>The <abbr title="시그모이드: A curve">Sigmoid</abbr>, the sigmoid.</p>' in out
    assert '<p>Two <abbr title="가중치: A number">weights</abbr>, one weight.</p>' in out


def test_a_term_of_two_words_broken_across_lines_is_still_found():
    terms = [glossary.Term("binary cross-entropy", "이진 교차 엔트로피", "The loss")]
    out = glossary.mark("<p>It is the binary\ncross-entropy.</p>", terms)
    assert '<abbr title="이진 교차 엔트로피: The loss">binary\ncross-entropy</abbr>' in out
    # In bold, where the text defines a term, it is not marked: the emphasis says enough.
    assert "<abbr" not in glossary.mark("<p>It is the <strong>binary cross-entropy</strong>.</p>", terms)


def test_every_page_but_three_has_tooltips_each_term_once_and_never_in_a_heading_link_or_emphasis(site):
    pages = sorted(site.glob("**/index.html"))
    assert len(pages) >= 10
    tooltips = {t.tooltip for t in glossary.read(ROOT / "docs" / "glossary.md")}
    unmarked = {page.removesuffix(".md") for page in glossary.UNMARKED_PAGES}
    assert unmarked == {"glossary", "credits", "errata"}
    for page in pages:
        soup = built_page(page)
        titles = [a["title"] for a in soup.select("article abbr")]
        # The glossary spells every term out beside its Korean; the credits and errata quote.
        if page.parent.name in unmarked:
            assert titles == [], page
            continue
        assert titles, page
        assert set(titles) <= tooltips, page
        assert len(titles) == len(set(titles)), page  # once per page
        assert (
            soup.select("article :is(h1, h2, h3, h4, a, pre, code, .filename, strong, em, table) abbr") == []
        ), page
        assert soup.select("article abbr a") == [], page
    sigmoid = built_page(site / "sigmoid" / "index.html")
    assert len([a for a in sigmoid.select("article abbr") if a.get_text().lower() == "sigmoid"]) == 1


def test_a_formula_is_maths_on_the_glossary_page_and_plain_unicode_in_a_tooltip(site):
    sigmoid = next(t for t in glossary.read(ROOT / "docs" / "glossary.md") if t.english == "sigmoid")
    assert sigmoid.meaning.startswith("The function $1 / (1 + e^{-x})$")
    assert glossary.plain(r"$\log(p / (1 - p))$ and $\sigma^{2}$") == "log(p / (1 − p)) and σ²"
    page = built_page(site / "glossary" / "index.html")
    row = next(tr for tr in page.select("tr") if tr.td and tr.td.get_text() == "sigmoid")
    assert row.select_one("math") is not None and "$" not in row.get_text()


def test_the_core_terms_of_the_course_have_rows():
    """The words every chapter leans on have a row, each with its Korean term."""
    rows = glossary_rows()
    for english in ("label", "derivative", "chain rule", "held-out data", "full-batch", "gradient"):
        assert HANGUL.search(rows[english]), english


def test_the_glossary_opens_with_a_link_to_each_first_letter_of_its_terms(site):
    """On a phone the table is ten screens long: each letter jumps to its first term."""
    page = built_page(site / "glossary" / "index.html")
    links = page.select("nav.glossary-letters a")
    initials = sorted({english[0].upper() for english in glossary_rows()})
    assert [a.get_text() for a in links] == initials
    for link in links:
        row = page.select_one(link["href"])
        first = next(tr for tr in page.select("tbody tr") if tr.td.get_text()[0].upper() == link.get_text())
        assert row is first, link["href"]
