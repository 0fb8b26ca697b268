"""Where the project keeps things: each path the build, the tests and the benchmark use, written once.

Folder names are relative to the project (the folder of mkdocs.yml), so that a
copy of the project, or a small site made by a test, is laid out the same way.
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

DOCS = "docs"  # the pages
SNIPPETS = "snippets"  # the code the pages show: snippets/<chapter>/<name>.py
RENDERED = ".cache/gallery"  # what site_build/gallery.py makes of them: <chapter>/<name>/output.txt, *.svg
MATHML = ".cache/mathml"  # Temml's MathML for every formula it has rendered (site_build/mathml.py)
CONFIG = "mkdocs.yml"
# Everything a build reads; mkdocs.yml's watch lists the same folders, but docs/.
BUILD_INPUTS = (DOCS, SNIPPETS, "site_build", "overrides", CONFIG)


def page_url(page: str | Path) -> str:
    """The URL path MkDocs gives a page under docs/: "sigmoid.md" is "sigmoid/", the home page ""."""
    stem = Path(page).with_suffix("").as_posix()
    return "" if stem == "index" else f"{stem}/"


def write_whole(path: Path, data: bytes) -> None:
    """Write a file of a cache that builds running at once share (a test session builds the site
    while a test builds it again): into a temporary file beside it, then renamed over it, so that
    no build reads half of it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}")
    partial.write_bytes(data)
    partial.replace(path)
