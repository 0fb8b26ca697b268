"""The simulation notebook: executed during the build, shown with its outputs, offered for download."""

from __future__ import annotations

import json
import re

import pytest
from bs4 import BeautifulSoup
from support.project import ROOT, copy_project, mkdocs_build

NOTEBOOK = ROOT / "docs" / "simulation.ipynb"


def test_the_repository_keeps_the_notebook_without_outputs():
    cells = json.loads(NOTEBOOK.read_text())["cells"]
    code = [c for c in cells if c["cell_type"] == "code"]
    assert code and all(c["outputs"] == [] and c["execution_count"] is None for c in code)
    assert [c["id"] for c in cells] == [f"cell-{i}" for i in range(1, len(cells) + 1)]  # stable ids


def test_the_page_shows_outputs_made_during_the_build(site):
    soup = BeautifulSoup((site / "simulation" / "index.html").read_text(), "html.parser")
    text = soup.select_one("article").get_text()
    assert "795 of 2000 labels are 1" in text  # the same draw as the cross-entropy chapter
    learned = re.search(r"learned: w0 = (-?[\d.]+), w1 = (-?[\d.]+)", text)
    assert learned and abs(float(learned[1]) + 1.01) < 0.01 and abs(float(learned[2]) - 4.83) < 0.01
    images = soup.select("article img")
    with_alt = [c for c in json.loads(NOTEBOOK.read_text())["cells"] if "alt" in c.get("metadata", {})]
    assert len(images) == len(with_alt) > 0 and all(
        len(img["alt"]) > 40 and "No description" not in img["alt"] for img in images
    )
    assert not soup.select("article style"), "no inline JupyterLab CSS"
    assert soup.select_one('a[download][href="simulation.ipynb"]')
    assert (site / "simulation" / "simulation.ipynb").read_bytes() == NOTEBOOK.read_bytes()
    # The page reads like a chapter: Material's code blocks, "Output" blocks, no JupyterLab markup.
    assert (site / "assets" / "stylesheets" / "notebook.css").stat().st_size <= 30 * 1024
    # Linked in the <head> with the site's stylesheets, not in the body, where it held up the text.
    assert soup.head.select('link[rel="stylesheet"][href="../assets/stylesheets/notebook.css"]')
    assert not soup.body.select('link[rel="stylesheet"]')
    assert not soup.select("article [class*=jp-]") and "In [" not in text
    assert len(soup.select("article div.language-python.highlight pre > code")) >= 4
    outputs = soup.select("article div.language-text.highlight")
    assert outputs and all(block.select_one(".filename").get_text() == "Output" for block in outputs)


@pytest.mark.slow
def test_a_failing_cell_stops_the_build(tmp_path, rendered):
    project = copy_project(tmp_path / "project")  # a warm snippet cache: only the notebook runs
    notebook = json.loads(NOTEBOOK.read_text())
    notebook["cells"] = [
        {"cell_type": "markdown", "id": "cell-1", "metadata": {}, "source": "# Broken"},
        {"cell_type": "code", "id": "cell-2", "metadata": {}, "execution_count": None, "outputs": [],
         "source": "raise ValueError('this cell fails on purpose')"},
    ]  # fmt: skip
    (project / "docs" / "simulation.ipynb").write_text(json.dumps(notebook))
    result = mkdocs_build(project / "mkdocs.yml", tmp_path / "site", "--no-strict")
    assert result.returncode != 0
    assert "this cell fails on purpose" in result.stderr


@pytest.mark.slow
def test_a_rebuild_takes_the_notebook_from_the_cache(site, tmp_path):
    """The session's build executed the notebook; a copy with that cache does not run it again."""
    project = copy_project(tmp_path / "project")
    result = mkdocs_build(project / "mkdocs.yml", tmp_path / "site", "--strict")
    assert result.returncode == 0, result.stderr
    assert "Cache hit" in result.stderr and "Converting notebook" not in result.stderr
