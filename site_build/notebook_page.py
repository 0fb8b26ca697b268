"""Finish a notebook page that mkdocs-jupyter rendered (nbconvert's lab template) for this site.

mkdocs-jupyter renders the notebook's cells; the build runs them (site_build/gallery.py: its code
cells in order, as one script, each cell's output and figures kept under the cell's id). This
module turns the JupyterLab page into one that reads like the other chapters:
- the Markdown cells become plain page content, with the site's heading permalinks, and their
  `$...$` and `$$...$$` formulas become the markup that site_build/mathml.py renders, as
  arithmatex makes it on the other pages;
- each code cell becomes a Python code block as Material draws it (site colours, copy button),
  without "In [n]:" prompts or cell borders;
- what the cell printed becomes one text block titled "Output", as on the chapter pages;
- each figure it drew is a chapter's figure (an SVG, with its dark and phone twins added by
  site_build/figures.py), described by the "alt" of its cell's metadata (a figure without one
  is an error) and captioned by its "caption", if any; the code of a cell that draws is in a
  closed "The code for this figure" box under its figure, as on the chapter pages;
- nbconvert's half a megabyte of JupyterLab CSS, its Mermaid loader (a CDN script) and MathJax
  stub are dropped: the site's own stylesheets draw the page, as they draw every chapter.
The glossary's tooltips are added to this page as to every other (site_build/glossary.py).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from bs4 import BeautifulSoup, Tag


class NotebookPageError(ValueError):
    """The notebook cannot be shown as this site requires (a figure without alt text)."""


def finish(html: str, notebook: Path, printed: dict[str, str], figures: dict[str, list[str]]) -> str:
    """Return the page's HTML as the site draws it.

    printed: what each code cell printed, by cell id; figures: the src of each figure a cell drew.
    """
    soup = BeautifulSoup(html, "html.parser")
    for style in soup.find_all("style"):
        style.decompose()
    for script in soup.find_all("script"):
        if script.get("src") == "" or "MathJax" in script.get_text() or "cdnjs" in script.get_text():
            script.decompose()

    metadata = {
        cell.get("id"): cell.get("metadata", {}) for cell in json.loads(notebook.read_text())["cells"]
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
            drawn = [
                _figure(soup, src, metadata[cell_id], f"{notebook.name}: cell {cell_id}")
                for src in figures.get(cell_id, [])
            ]
            # A cell that draws shows its figure, its code closed under it, as a chapter's does.
            content.extend(drawn)
            holder = _figure_code(soup) if drawn else content
            _code(soup, cell, holder)
            if printed.get(cell_id):
                holder.append(_block(soup, "text", [printed[cell_id]], title="Output"))
            if drawn:
                content.append(holder)
    wrapper.replace_with(content)
    return str(soup)


# A formula in a Markdown cell's text: $$display$$ or $inline$ (a \$ is a dollar sign).
FORMULA = re.compile(r"\$\$(.+?)\$\$|(?<!\\)\$(.+?)(?<!\\)\$", re.DOTALL)


def _markdown(cell: Tag, content: Tag) -> None:
    rendered = cell.select_one(".jp-RenderedMarkdown")
    if rendered is None:
        return
    for link in rendered.select("a.anchor-link"):
        link["class"] = ["headerlink"]  # with no title, as mkdocs.yml's toc makes them
    for text in rendered.find_all(string=FORMULA):
        if text.find_parent(["code", "pre"]) is None:
            text.replace_with(*_with_formulas(str(text)))
    for paragraph in rendered.find_all("p"):  # a paragraph that is one display formula is that formula
        if len(paragraph.contents) == 1 and getattr(paragraph.contents[0], "name", None) == "div":
            paragraph.replace_with(paragraph.contents[0])
    content.extend(list(rendered.children))


def _with_formulas(text: str) -> list:
    """The text with each formula in arithmatex's markup: span.arithmatex \\(...\\), div \\[...\\]."""
    soup = BeautifulSoup("", "html.parser")
    parts, end = [], 0
    for match in FORMULA.finditer(text):
        parts.append(text[end : match.start()])
        display, inline = match.groups()
        formula = soup.new_tag("div" if display else "span", attrs={"class": "arithmatex"})
        formula.string = f"\\[{display}\\]" if display else f"\\({inline}\\)"
        parts.append(formula)
        end = match.end()
    parts.append(text[end:])
    return [part for part in parts if part != ""]


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


def _code(soup: BeautifulSoup, cell: Tag, content: Tag) -> None:
    source = cell.select_one(".jp-InputArea .highlight-ipynb pre")
    if source is not None:
        spans = [child for child in source.children if not (isinstance(child, Tag) and not child.contents)]
        content.append(_block(soup, "python", spans))


def _figure_code(soup: BeautifulSoup) -> Tag:
    """A closed box for the code of a figure, as a chapter's "??? figure-code" becomes."""
    box = soup.new_tag("details", attrs={"class": "figure-code"})
    summary = soup.new_tag("summary")
    summary.string = "The code for this figure"
    box.append(summary)
    return box


def _figure(soup: BeautifulSoup, src: str, metadata: dict, where: str) -> Tag:
    """<figure><img src alt><figcaption>, as a chapter's figure in Markdown becomes."""
    if not metadata.get("alt"):
        raise NotebookPageError(f'{where} draws a figure but has no "alt" in its metadata')
    figure = soup.new_tag("figure")
    figure.append(soup.new_tag("img", attrs={"alt": metadata["alt"], "src": src}))
    if metadata.get("caption"):
        caption = soup.new_tag("figcaption")
        caption.string = metadata["caption"]
        figure.append(caption)
    return figure
