"""Finish a notebook page that mkdocs-jupyter rendered (nbconvert's lab template) for this site.

mkdocs-jupyter stays the renderer (it executes the notebook and caches the result); this module
turns its JupyterLab page into one that reads like the other chapters:
- the Markdown cells become plain page content, with the site's heading permalinks;
- each code cell becomes a Python code block as Material draws it (site colours, copy button),
  without "In [n]:" prompts or cell borders;
- a cell's printed text becomes one text block titled "Output", as on the chapter pages;
- each figure takes the "alt" of its cell's metadata (a figure without one is an error), and is
  drawn inverted in dark mode (matplotlib's PNGs are white);
- nbconvert's half a megabyte of JupyterLab CSS, its Mermaid loader (a CDN script) and MathJax
  stub are dropped; the page links a small stylesheet of its own (STYLESHEET, from CSS_SOURCE).
The glossary's tooltips are added to this page as to every other (tools/glossary.py).
"""

from __future__ import annotations

import json
from pathlib import Path

from bs4 import BeautifulSoup, Tag

STYLESHEET = "assets/stylesheets/notebook.css"
CSS_SOURCE = Path(__file__).with_name("notebook.css")


class NotebookPageError(ValueError):
    """The notebook cannot be shown as this site requires (a figure without alt text)."""


def finish(html: str, notebook: Path) -> str:
    """Return the page's HTML as the site draws it (it links STYLESHEET, served from CSS_SOURCE)."""
    soup = BeautifulSoup(html, "html.parser")
    for style in soup.find_all("style"):
        style.decompose()
    for script in soup.find_all("script"):
        if script.get("src") == "" or "MathJax" in script.get_text() or "cdnjs" in script.get_text():
            script.decompose()

    alt_texts = {
        cell.get("id"): cell.get("metadata", {}).get("alt")
        for cell in json.loads(notebook.read_text())["cells"]
    }
    wrapper = soup.select_one(".jupyter-wrapper")
    if wrapper is None:
        return str(soup)
    content = soup.new_tag("div", attrs={"class": "notebook"})
    for cell in wrapper.select('.jp-Cell[id^="cell-id="]'):  # (each code cell also has an outer copy)
        cell_id = (cell.get("id") or "").removeprefix("cell-id=")
        if "jp-MarkdownCell" in cell["class"]:
            _markdown(cell, content)
        elif "jp-CodeCell" in cell["class"]:
            _code(soup, cell, content, alt_texts.get(cell_id), notebook.name, cell_id)
    wrapper.replace_with(content)
    return str(soup)


def _markdown(cell: Tag, content: Tag) -> None:
    rendered = cell.select_one(".jp-RenderedMarkdown")
    if rendered is None:
        return
    for link in rendered.select("a.anchor-link"):
        link["class"] = ["headerlink"]  # with no title, as mkdocs.yml's toc makes them
    content.extend(list(rendered.children))


def _block(soup: BeautifulSoup, language: str, inner: list, title: str | None = None) -> Tag:
    """A code block in Material's markup: div.language-X.highlight > [span.filename] pre > code."""
    block = soup.new_tag("div", attrs={"class": f"language-{language} highlight"})
    if title:
        label = soup.new_tag("span", attrs={"class": "filename"})
        label.string = title
        block.append(label)
    pre = soup.new_tag("pre")
    pre.append(soup.new_tag("span"))
    code = soup.new_tag("code")
    code.extend(inner)
    pre.append(code)
    block.append(pre)
    return block


def _code(soup: BeautifulSoup, cell: Tag, content: Tag, alt: str | None, name: str, cell_id: str) -> None:
    source = cell.select_one(".jp-InputArea .highlight-ipynb pre")
    if source is not None:
        spans = [child for child in source.children if not (isinstance(child, Tag) and not child.contents)]
        content.append(_block(soup, "python", spans))
    printed: list[str] = []

    def flush() -> None:
        if printed:
            content.append(_block(soup, "text", ["".join(printed)], title="Output"))
            printed.clear()

    for output in cell.select(".jp-OutputArea-output"):
        if "jp-RenderedText" in output["class"] and output.pre is not None:
            printed.append(output.pre.get_text())
        for image in output.select("img"):
            flush()
            if not alt:
                raise NotebookPageError(
                    f'{name}: cell {cell_id} draws a figure but has no "alt" in its metadata'
                )
            image["alt"] = alt
            figure = soup.new_tag("p", attrs={"class": "notebook-figure"})
            figure.append(image.extract())
            content.append(figure)
    flush()
