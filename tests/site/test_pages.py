"""Every page's code runs as shown, top to bottom, and every Python block on the site is one that ran."""

from __future__ import annotations

import pytest
from support import page_blocks
from support.project import built_page
from support.tiers import SPECIMEN, sweep

PAGES = page_blocks.pages()


# The specimen page's run in every `make test`; every page's in CI and in `make test CHAPTER=<key>`.
@pytest.mark.parametrize(
    "page", sweep(PAGES, page_blocks.DOCS / f"{SPECIMEN.rstrip('/')}.md"), ids=lambda p: p.name
)
def test_page_code_runs_in_order_and_prints_the_pages_output(page, rendered):
    """A reader who copies each block of the page, top to bottom, into one session, sees every
    Output block of the page printed, in order. (The downloaded script is these blocks with the
    prose as comments, tests/site/test_downloads.py; so this is its run too.)"""
    try:
        ran = page_blocks.run(page)
    except page_blocks.BlockFailed as failure:
        pytest.fail(str(failure), pytrace=False)
    page_blocks.assert_printed_in_order(ran.printed, page_blocks.shown(page)[1], page.name)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_every_python_block_on_the_page_is_one_that_runs(page, site):
    """The built page shows exactly the Python blocks that `run` executes (or that are
    explicitly skipped, with a reason: the errata's broken originals), in order."""
    executed = [b.code.strip() for b in page_blocks.blocks(page) if b.language == "python"]
    url = page.relative_to(page_blocks.DOCS).with_suffix("")
    html = site / ("index.html" if url.name == "index" else url / "index.html")
    soup = built_page(html)
    shown = [code.get_text().strip() for code in soup.select("div.language-python pre code")]
    assert shown == executed


def test_the_chapter_runs_every_block_it_has():
    page = page_blocks.DOCS / "linear-regression.md"
    fences = page.read_text().count("```python")  # counted in the page's text, not by page_blocks
    assert fences > 0 and page_blocks.run(page).blocks == fences


def test_output_the_code_does_not_print_is_caught(tmp_path):
    page = tmp_path / "page.md"
    page.write_text('```python\nprint(2)\n```\n\n```text title="Output"\n3\n```\n')
    ran = page_blocks.run(page)
    assert ran.printed == "2\n"
    with pytest.raises(AssertionError, match="Output block 1 of 1 not printed"):
        page_blocks.assert_printed_in_order(ran.printed, page_blocks.shown(page)[1], page.name)


def test_a_failing_block_names_page_and_line(tmp_path):
    page = tmp_path / "page.md"
    page.write_text("Intro.\n\n```python\nx = 1\n```\n\nMore.\n\n```py\ny = x / 0\n```\n")
    with pytest.raises(page_blocks.BlockFailed) as failure:
        page_blocks.run(page)
    message = str(failure.value)
    assert message.startswith(f"{page_blocks.os.path.relpath(page, page_blocks.ROOT)}:9: code block failed")
    assert "y = x / 0" in message  # the traceback shows the failing line
    assert "ZeroDivisionError" in message


def test_unknown_block_language_is_an_error(tmp_path):
    page = tmp_path / "page.md"
    page.write_text("Text.\n\n```pyhton\nprint(1)\n```\n")
    with pytest.raises(ValueError, match=r"page\.md:3: code block in unknown language 'pyhton'"):
        page_blocks.blocks(page)


def test_a_skip_without_a_reason_is_an_error(tmp_path):
    page = tmp_path / "page.md"
    page.write_text("<!-- pytest.mark.skip -->\n```python\nprint(1)\n```\n")
    with pytest.raises(ValueError, match=r"only pytest\.mark\.skip"):
        page_blocks.blocks(page)
