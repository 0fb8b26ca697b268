"""The notebook page, from nbconvert's JupyterLab markup to the site's own."""

from __future__ import annotations

import json

import notebook_page
import pytest
from bs4 import BeautifulSoup

# What mkdocs-jupyter (nbconvert's lab template) writes for one Markdown and one code cell, cut down.
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
    <div class="jp-OutputArea-output jp-RenderedText"><pre>1
</pre></div>
    <div class="jp-OutputArea-output"><img src="data:image/png;base64,AAAA"></div>
  </div>
</div>
"""


def notebook(tmp_path, alt):
    cells = [{"id": "cell-1", "metadata": {}}, {"id": "cell-2", "metadata": {"alt": alt} if alt else {}}]
    path = tmp_path / "sim.ipynb"
    path.write_text(json.dumps({"cells": cells}))
    return path


def test_cells_become_the_sites_blocks(tmp_path):
    soup = BeautifulSoup(
        notebook_page.finish(RENDERED, notebook(tmp_path, "A rising S-curve")), "html.parser"
    )
    assert soup.select("style, script") == []  # no JupyterLab CSS, no empty script
    assert not soup.select_one("h2 a.headerlink").has_attr("title")
    code, output = soup.select("div.highlight")
    assert "language-python" in code["class"] and code.code.get_text() == "print(1)"
    assert output.select_one("span.filename").get_text() == "Output" and output.code.get_text() == "1\n"
    assert soup.select_one("p.notebook-figure img")["alt"] == "A rising S-curve"


def test_a_figure_without_alt_text_is_an_error(tmp_path):
    with pytest.raises(notebook_page.NotebookPageError, match=r"sim\.ipynb: cell cell-2 draws a figure"):
        notebook_page.finish(RENDERED, notebook(tmp_path, None))
