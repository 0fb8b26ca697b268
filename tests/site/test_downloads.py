"""Every chapter goes home as a script and a notebook that run and print what the page shows."""

from __future__ import annotations

import json
import os
import sys
from importlib import metadata

import pytest
from support import page_blocks
from support.project import built_page, chapters
from support.tiers import SPECIMEN

KEYS = [chapter.key for chapter in chapters()]


def shown(key: str) -> tuple[list[str], list[str]]:
    return page_blocks.shown(page_blocks.DOCS / f"{key}.md")


def test_every_chapter_is_a_course_chapter_and_errata_is_not():
    assert "sigmoid" in KEYS and "judging-a-classifier" in KEYS
    assert "errata" not in KEYS and "glossary" not in KEYS and "index" not in KEYS


def take_home_buttons(page):
    """The row of buttons a page has right after its title: [(label, href, download?)]."""
    soup = built_page(page)
    row = soup.select_one("article.md-content__inner h1").find_next_sibling()
    assert row is not None and "take-home" in row.get("class", []), "no buttons right after the title"
    return [(a.get_text(), a["href"], a.has_attr("download")) for a in row.select("a")]


@pytest.mark.parametrize("key", KEYS)
def test_the_page_offers_its_code_under_its_title(key, site):
    assert take_home_buttons(site / key / "index.html") == [
        ("Script (.py)", f"{key}.py", True),
        ("Notebook (.ipynb)", f"{key}.ipynb", True),
    ]  # and no "Open in Colab" without a GitHub repository (tests/site/test_published.py has it)
    assert (site / key / f"{key}.ipynb").is_file() and (site / key / f"{key}.py").is_file()


def test_the_notebook_page_offers_the_same_buttons_its_script_its_code_cells(site):
    import nbformat

    assert take_home_buttons(site / "simulation" / "index.html") == [
        ("Script (.py)", "simulation.py", True),
        ("Notebook (.ipynb)", "simulation.ipynb", True),
    ]
    notebook = nbformat.read(site / "simulation" / "simulation.ipynb", as_version=4)
    script = (site / "simulation" / "simulation.py").read_text()
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert cell.source in script


@pytest.mark.parametrize("key", KEYS)
def test_the_notebook_is_valid_and_holds_exactly_the_pages_blocks_in_order(key, site):
    import nbformat

    nbformat.validate(nbformat.read(site / key / f"{key}.ipynb", as_version=4))  # Jupyter opens it
    notebook = json.loads((site / key / f"{key}.ipynb").read_text())
    code = [c["source"] if isinstance(c["source"], str) else "".join(c["source"]) for c in notebook["cells"]]
    kinds = [c["cell_type"] for c in notebook["cells"]]
    assert [s for s, kind in zip(code, kinds, strict=True) if kind == "code"] == shown(key)[0]
    # The page's headings are there as Markdown cells, the title first.
    assert code[0].startswith("# ") and kinds[0] == "markdown"
    assert notebook["metadata"]["kernelspec"]["name"] == "python3"


# A whole chapter again, in Jupyter's kernel: CI's (slow). Every notebook is valid and holds exactly
# its page's blocks (above), whose run in order tests/site/test_pages.py checks for every page in
# every make test; so one chapter, the specimen page's, stands for the others here.
@pytest.mark.slow
def test_the_notebook_runs_in_a_fresh_kernel_and_prints_the_pages_output(site, tmp_path):
    key = SPECIMEN.rstrip("/")
    import nbclient
    import nbformat

    notebook = nbformat.read(site / key / f"{key}.ipynb", as_version=4)
    nbclient.NotebookClient(
        notebook, timeout=600, kernel_name="python3", resources={"metadata": {"path": tmp_path}}
    ).execute()
    printed = "".join(
        output.get("text", "")
        for cell in notebook.cells
        if cell.cell_type == "code"
        for output in cell.outputs
        if output.output_type == "stream" and output.name == "stdout"
    )
    page_blocks.assert_printed_in_order(printed, shown(key)[1], f"{key}.ipynb")


@pytest.mark.parametrize("key", KEYS)
def test_the_script_is_the_pages_blocks_in_order_with_the_prose_as_comments(key, site):
    """So the script's run is the page's: test_pages.py runs these blocks in order and checks the output."""
    import jupytext

    text = (site / key / f"{key}.py").read_text()
    cells = jupytext.reads(text, fmt="py:percent").cells
    assert [c.source for c in cells if c.cell_type == "code"] == shown(key)[0]
    assert text.startswith("# %% [markdown]\n# # ")  # the prose is there as comments, the title first


@pytest.mark.parametrize("key", KEYS)
def test_the_foot_says_what_the_build_verified_it_with(key, site):
    soup = built_page(site / key / "index.html")
    (foot,) = soup.select("p.verified-with")
    torch = metadata.version("torch").split("+")[0]
    python = f"{sys.version_info.major}.{sys.version_info.minor}"
    epoch = int(os.environ["SOURCE_DATE_EPOCH"])
    import datetime

    day = datetime.datetime.fromtimestamp(epoch, datetime.UTC).date()
    date = f"{day:%-d %B %Y}".replace(" ", "\u00a0")  # never broken over two lines
    assert foot.get_text() == f"Verified with torch {torch} and Python {python} on {date}."
    assert foot.time["datetime"] == day.isoformat()


def test_the_notebook_page_says_what_the_build_verified_it_with_too(site):
    soup = built_page(site / "simulation" / "index.html")
    (foot,) = soup.select("p.verified-with")
    assert foot.get_text().startswith("Verified with torch ")


def test_pages_without_code_to_take_home_have_no_foot_line(site):
    for page in ("index.html", "errata/index.html", "glossary/index.html"):
        assert "verified-with" not in (site / page).read_text(), page


def test_the_home_page_says_how_to_take_a_chapter_home(site):
    home = built_page(site / "index.html").get_text()
    assert "download.pytorch.org/whl/cpu" in home  # the CPU-only wheel
    # The files it names are the ones a chapter offers.
    for name in ("sigmoid.py", "sigmoid.ipynb"):
        assert name in home and (site / "sigmoid" / name).is_file()
    assert "python sigmoid.py" in home and "jupyter lab sigmoid.ipynb" in home
