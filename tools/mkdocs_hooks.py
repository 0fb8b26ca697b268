"""The MkDocs side of the build: a thin adapter around `gallery`, `mathml`, `glossary`,
`notebook_page`, `korean` and `fonts`.

All the work lives in those plain modules, so that the site can move to another
generator (Material's successor, Zensical, runs no MkDocs hooks) by writing a
new adapter, not new logic.
"""

from __future__ import annotations

import os
from pathlib import Path

import arithmetic
import fonts
import gallery
import glossary
import korean
import mathml
import notebook_page
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

# SKIP_GALLERY=1 builds without running or registering anything: the benchmark's
# baseline of MkDocs alone. Pages then miss their figures, so never use --strict with it.
SKIP_GALLERY = os.environ.get("SKIP_GALLERY") == "1"

# The notebook kernel mkdocs-jupyter starts inherits this process's environment.
arithmetic.pin()


def on_files(files, config):
    """Run changed snippets, then serve each figure as figures/<snippet>/<name>.svg."""
    if SKIP_GALLERY:
        return files
    project = Path(config.config_file_path).parent
    try:
        results = gallery.render_all(project / "snippets", project / ".cache" / "gallery")
    except gallery.SnippetError as error:
        raise PluginError(f"snippet failed: {error}") from error
    for result in results:
        for path in result.figure_files():
            uri = f"figures/{result.snippet.stem}/{path.name}"
            files.append(File.generated(config, uri, abs_src_path=str(path)))
    return files


# The CSS taken out of notebook pages, written once as a shared stylesheet after the build.
_notebook_css: dict[str, str] = {}
# The characters the pages draw, for the fonts subset after the build.
_fonts = fonts.FontSet()


def on_page_content(html, page, config, files):
    if page.file.src_uri.endswith(".ipynb"):
        try:
            html, _notebook_css["css"] = notebook_page.finish(html, Path(page.file.abs_src_path))
        except notebook_page.NotebookPageError as error:
            raise PluginError(str(error)) from error
        up = "../" * page.url.count("/")
        html = f'<link rel="stylesheet" href="{up}{notebook_page.STYLESHEET}">\n{html}'
    try:
        html = mathml.render_math(html)
    except mathml.MathError as error:
        raise PluginError(f"{page.file.src_uri}: {error}") from error
    # Glossary tooltips: each term once, at its first use in body text (docs/glossary.md is the source).
    return glossary.mark(html, glossary.read(Path(config.docs_dir) / "glossary.md"))


def on_post_page(output, page, config):
    return _fonts.collect(korean.mark(output))  # Korean marked lang="ko"; characters kept for the fonts


def on_post_build(config):
    # The math and Korean fonts, subset to the characters the pages use.
    _fonts.write(Path(config.site_dir), Path(config.config_file_path).parent)
    if "css" in _notebook_css:
        stylesheet = Path(config.site_dir) / notebook_page.STYLESHEET
        stylesheet.parent.mkdir(parents=True, exist_ok=True)
        stylesheet.write_text(_notebook_css["css"])
