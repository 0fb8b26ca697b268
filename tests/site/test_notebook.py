"""The simulation notebook: run during the build, shown with its outputs, offered for download."""

from __future__ import annotations

import json
import re

import pytest
from support.project import ROOT, built_page

NOTEBOOK = ROOT / "docs" / "simulation.ipynb"


def test_the_repository_keeps_the_notebook_without_outputs():
    cells = json.loads(NOTEBOOK.read_text())["cells"]
    code = [c for c in cells if c["cell_type"] == "code"]
    assert code and all(c["outputs"] == [] and c["execution_count"] is None for c in code)
    assert [c["id"] for c in cells] == [f"cell-{i}" for i in range(1, len(cells) + 1)]  # stable ids


def test_the_page_shows_outputs_made_during_the_build(site):
    soup = built_page(site / "simulation" / "index.html")
    text = soup.select_one("article").get_text()
    assert "795 of 2000 labels are 1" in text  # the same draw as the cross-entropy chapter
    learned = re.search(r"learned: w0 = (-?[\d.]+), w1 = (-?[\d.]+)", text)
    assert learned and abs(float(learned[1]) + 1.01) < 0.01 and abs(float(learned[2]) - 4.83) < 0.01
    # Each figure under the cell that drew it, in both schemes, described by the cell's "alt".
    cells = json.loads(NOTEBOOK.read_text())["cells"]
    described = [c["metadata"]["alt"] for c in cells if "alt" in c["metadata"]]
    figures = soup.select("article figure")
    assert [f.select_one('img[src$="#only-light"]')["alt"] for f in figures] == described
    assert all(f.select_one('img[src$="-dark.svg#only-dark"]') for f in figures)
    assert not soup.select('article img[src^="data:"]'), "no bitmap outputs"
    assert soup.select_one('a[download][href="simulation.ipynb"]')
    assert (site / "simulation" / "simulation.ipynb").read_bytes() == NOTEBOOK.read_bytes()
    # The page reads like a chapter: Material's code blocks, "Output" blocks, no JupyterLab markup.
    assert not soup.select("article style") and not soup.select('link[href*="notebook"]')
    assert not soup.select("article [class*=jp-]") and "In [" not in text
    assert len(soup.select("article div.language-python.highlight pre > code")) >= 4
    outputs = soup.select("article div.language-text.highlight")
    assert outputs and all(block.select_one(".filename").get_text() == "Output" for block in outputs)


@pytest.mark.slow
def test_in_a_fresh_jupyter_kernel_each_cell_prints_what_the_page_shows(rendered, tmp_path):
    """The build runs the notebook's cells as one script (site_build/gallery.py); a reader runs them
    in Jupyter. Each cell prints the same there, to the digit (the kernel inherits the pinned
    arithmetic, site_build/arithmetic.py)."""
    import nbclient
    import nbformat

    notebook = nbformat.read(NOTEBOOK, as_version=4)
    nbclient.NotebookClient(
        notebook, timeout=600, kernel_name="python3", resources={"metadata": {"path": tmp_path}}
    ).execute()
    printed = {
        cell.id: "".join(o.get("text", "") for o in cell.outputs if o.get("name") == "stdout")
        for cell in notebook.cells
        if cell.cell_type == "code"
    }
    assert {cell: text for cell, text in printed.items() if text} == rendered[
        "simulation/notebook"
    ].sections()
