"""Finish a notebook page that mkdocs-jupyter rendered (nbconvert's lab template) for this site.

nbconvert's page carries things this site does not allow or need:
- a Mermaid loader that imports a script from a CDN, and a MathJax stub with an empty
  <script src="">: removed (the notebook uses neither);
- about half a megabyte of JupyterLab CSS inline in every notebook page: moved into one
  shared stylesheet (STYLESHEET) that the page links to;
- figures whose alt text is "No description has been provided": each figure takes the
  "alt" of its cell's metadata instead, and a figure without one is an error;
- code that scrolls sideways but cannot be reached with the keyboard: made focusable;
- Markdown cells that MkDocs never sees, so the glossary's tooltips are added here.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from bs4 import BeautifulSoup

STYLESHEET = "assets/stylesheets/notebook.css"


class NotebookPageError(ValueError):
    """The notebook cannot be shown as this site requires (a figure without alt text)."""


def finish(html: str, notebook: Path, glossary: dict[str, str]) -> tuple[str, str]:
    """Return the page's HTML without inline styles and remote loaders, and the CSS taken out.

    `glossary` maps English terms to the tooltip (Korean) to show on them in Markdown cells.
    """
    soup = BeautifulSoup(html, "html.parser")
    styles = soup.find_all("style")
    css = "\n".join(style.get_text() for style in styles)
    for style in styles:
        style.decompose()
    for script in soup.find_all("script"):
        if script.get("src") == "" or "MathJax" in script.get_text() or "cdnjs" in script.get_text():
            script.decompose()

    alt_texts = {
        cell.get("id"): cell.get("metadata", {}).get("alt")
        for cell in json.loads(notebook.read_text())["cells"]
    }
    for cell in soup.select('[id^="cell-id="]'):
        cell_id = cell["id"].removeprefix("cell-id=")
        for image in cell.select("img"):
            if not alt_texts.get(cell_id):
                raise NotebookPageError(
                    f'{notebook.name}: cell {cell_id} draws a figure but has no "alt" in its metadata'
                )
            image["alt"] = alt_texts[cell_id]
    for code in soup.select(".highlight-ipynb"):
        code["tabindex"] = "0"
    _add_tooltips(soup, glossary)
    return str(soup), css


def _add_tooltips(soup: BeautifulSoup, glossary: dict[str, str]) -> None:
    """Wrap glossary terms in the text of Markdown cells in <abbr title="...">, longest terms first."""
    if not glossary:
        return
    terms = re.compile(
        r"\b(" + "|".join(re.escape(t) for t in sorted(glossary, key=len, reverse=True)) + r")\b"
    )
    for cell in soup.select(".jp-MarkdownCell"):
        for text in cell.find_all(string=terms):
            if text.find_parent(["code", "pre", "a", "abbr", "h1", "h2", "h3"]):
                continue
            pieces = BeautifulSoup(
                terms.sub(lambda m: f'<abbr title="{glossary[m[1]]}">{m[1]}</abbr>', str(text)), "html.parser"
            )
            text.replace_with(pieces)


def read_glossary(abbreviations: Path) -> dict[str, str]:
    """The `*[term]: title` lines of an abbreviations file."""
    pairs = re.findall(r"^\*\[(.+)\]: (.+)$", abbreviations.read_text(), re.M)
    return dict(pairs)
