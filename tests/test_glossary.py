"""The glossary, its tooltips on every page, and the errata's explicitly skipped code."""

from __future__ import annotations

import re

import page_blocks
import pytest
from bs4 import BeautifulSoup
from conftest import ROOT

HANGUL = re.compile(r"[\uac00-\ud7a3]")


def glossary_rows() -> dict[str, str]:
    """English term -> Korean term, from the table in docs/glossary.md."""
    rows = {}
    for line in (ROOT / "docs" / "glossary.md").read_text().splitlines():
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        if len(cells) == 4 and HANGUL.search(cells[1]) and "](" in cells[3]:  # not the header
            rows[cells[0]] = cells[1]
    return rows


def abbreviations() -> dict[str, str]:
    lines = (ROOT / "includes" / "abbreviations.md").read_text().splitlines()
    return dict(re.fullmatch(r"\*\[(.+)\]: (.+)", line).groups() for line in lines if line)


def test_glossary_has_at_least_25_korean_terms_each_linked():
    rows = glossary_rows()
    assert len(rows) >= 25
    text = (ROOT / "docs" / "glossary.md").read_text()
    for english in rows:
        assert re.search(rf"^\| {re.escape(english)} \|.*\]\([a-z-]+\.md(#[a-z0-9-]+)?\) \|$", text, re.M), (
            english
        )


def test_tooltips_are_the_glossary():
    assert abbreviations() == glossary_rows()


def test_every_page_has_glossary_tooltips(site):
    pages = sorted(site.glob("**/index.html"))
    assert len(pages) >= 10
    for page in pages:
        titles = [a["title"] for a in BeautifulSoup(page.read_text(), "html.parser").select("article abbr")]
        assert titles and all(HANGUL.search(t) for t in titles), page


def test_tooltips_stay_out_of_code(site):
    soup = BeautifulSoup((site / "linear-regression" / "index.html").read_text(), "html.parser")
    assert soup.select("pre abbr, code abbr") == []


def test_only_the_errata_skip_code_and_always_with_a_reason():
    skipped = [b for page in page_blocks.pages() for b in page_blocks.blocks(page) if b.skip_reason]
    assert {b.page for b in skipped} == {"docs/errata.md"}
    assert len(skipped) == 3 and all(b.skip_reason.startswith("original code") for b in skipped)


def test_the_errata_code_really_is_broken():
    """Skipped because it fails: if it ever ran, the page would be wrong."""
    for block in (b for b in page_blocks.blocks(page_blocks.DOCS / "errata.md") if b.skip_reason):
        with pytest.raises((ImportError, AttributeError, NameError)):
            exec(compile("import torch\n" + block.code, block.where, "exec"), {})


def test_a_skip_without_a_reason_is_an_error(tmp_path):
    page = tmp_path / "page.md"
    page.write_text("<!-- pytest.mark.skip -->\n```python\nprint(1)\n```\n")
    with pytest.raises(ValueError, match=r"only pytest\.mark\.skip"):
        page_blocks.blocks(page)
