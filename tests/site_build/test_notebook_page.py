"""The notebook page, from nbconvert's JupyterLab markup to the site's own."""

from __future__ import annotations

import json

import notebook_page
import pytest
from bs4 import BeautifulSoup

# What mkdocs-jupyter (nbconvert's lab template, not executing) writes for one Markdown and two
# code cells, cut down.
RENDERED = """
<style>.jp-Cell { border: 1px solid }</style>
<script src=""></script>
<div class="jupyter-wrapper">
  <div class="jp-Cell jp-MarkdownCell" id="cell-id=cell-1">
    <div class="jp-RenderedMarkdown"><h2 id="fit">Fit<a class="anchor-link" href="#fit">¶</a></h2></div>
  </div>
  <div class="jp-Cell jp-CodeCell" id="cell-id=cell-2">
    <div class="jp-InputArea"><div class="highlight-ipynb">
      <pre><span></span><span class="n">print</span>(1)</pre>
    </div></div>
  </div>
  <div class="jp-Cell jp-CodeCell" id="cell-id=cell-3">
    <div class="jp-InputArea"><div class="highlight-ipynb"><pre><span></span>x = 2</pre></div></div>
  </div>
</div>
"""
PRINTED = {"cell-2": "1\n", "": "printed outside every cell\n"}
DRAWN = {"cell-2": ["../figures/sim/notebook/curve.svg"]}


def notebook(tmp_path, alt, caption=None):
    metadata = {"alt": alt} if alt else {}
    if caption:
        metadata["caption"] = caption
    cells = [
        {"id": "cell-1", "metadata": {}},
        {"id": "cell-2", "metadata": metadata},
        {"id": "cell-3", "metadata": {}},
    ]
    path = tmp_path / "sim.ipynb"
    path.write_text(json.dumps({"cells": cells}))
    return path


def test_cells_become_the_sites_blocks_with_what_the_build_ran_under_each(tmp_path):
    page = notebook_page.finish(
        RENDERED, notebook(tmp_path, "A rising S-curve", "The curve."), PRINTED, DRAWN
    )
    soup = BeautifulSoup(page, "html.parser")
    assert soup.select("style, script") == []  # no JupyterLab CSS, no empty script
    assert not soup.select_one("h2 a.headerlink").has_attr("title")
    code, output, quiet = soup.select("div.highlight")
    assert "language-python" in code["class"] and code.code.get_text() == "print(1)"
    assert output.select_one("span.filename").get_text() == "Output" and output.code.get_text() == "1\n"
    assert quiet.code.get_text() == "x = 2"  # a cell that printed nothing has no Output block
    (figure,) = soup.select("figure")
    # The cell that drew it: its code, and what it printed, closed under the figure.
    box = figure.find_next_sibling()
    assert box.name == "details" and box["class"] == ["figure-code"] and not box.has_attr("open")
    assert box.summary.get_text() == "The code for this figure"
    assert box.select("div.highlight") == [code, output]
    assert figure.img["src"] == DRAWN["cell-2"][0] and figure.img["alt"] == "A rising S-curve"
    assert figure.figcaption.get_text() == "The curve."
    assert "printed outside every cell" not in page


def test_a_figure_without_alt_text_is_an_error(tmp_path):
    with pytest.raises(notebook_page.NotebookPageError, match=r"sim\.ipynb: cell cell-2 draws a figure"):
        notebook_page.finish(RENDERED, notebook(tmp_path, None), PRINTED, DRAWN)


def test_formulas_in_markdown_cells_get_the_markup_the_math_step_renders(tmp_path):
    rendered = RENDERED.replace(
        '<h2 id="fit">Fit<a class="anchor-link" href="#fit">¶</a></h2>',
        "<p>Weights $w_0 = -1$ and $w_1 = 5$, a price of \\$3.</p><p>$$\\sigma(z)$$</p>"
        "<p><code>$not maths$</code></p>",
    )
    soup = BeautifulSoup(notebook_page.finish(rendered, notebook(tmp_path, "alt"), {}, {}), "html.parser")
    inline = [span.get_text() for span in soup.select("span.arithmatex")]
    assert inline == ["\\(w_0 = -1\\)", "\\(w_1 = 5\\)"]
    assert "a price of \\$3." in soup.get_text()  # an escaped dollar is not a formula
    (display,) = soup.select("div.arithmatex")
    assert display.get_text() == "\\[\\sigma(z)\\]" and display.parent.name != "p"
    assert soup.select_one("code").get_text() == "$not maths$"
