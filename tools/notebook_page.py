"""Finish a notebook page that mkdocs-jupyter rendered (nbconvert's lab template) for this site.

nbconvert's page carries things this site does not allow or need:
- a Mermaid loader that imports a script from a CDN, and a MathJax stub with an empty
  <script src="">: removed (the notebook uses neither);
- about half a megabyte of JupyterLab CSS inline in every notebook page: moved into one
  shared stylesheet (STYLESHEET) that the page links to;
- figures whose alt text is "No description has been provided": each figure takes the
  "alt" of its cell's metadata instead, and a figure without one is an error;
- code that scrolls sideways but cannot be reached with the keyboard: made focusable.
The glossary's tooltips are added to this page as to every other (tools/glossary.py).
"""

from __future__ import annotations

import json
from pathlib import Path

from bs4 import BeautifulSoup

STYLESHEET = "assets/stylesheets/notebook.css"


class NotebookPageError(ValueError):
    """The notebook cannot be shown as this site requires (a figure without alt text)."""


def finish(html: str, notebook: Path) -> tuple[str, str]:
    """Return the page's HTML without inline styles and remote loaders, and the CSS taken out."""
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
    return str(soup), css
