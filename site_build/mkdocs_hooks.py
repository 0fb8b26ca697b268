"""The MkDocs side of the build: a thin adapter around the plain modules of site_build/.

All the work lives in those plain modules, so that the site can move to another
generator (Material's successor, Zensical, runs no MkDocs hooks) by writing a
new adapter, not new logic.
"""

from __future__ import annotations

import os
import posixpath
from pathlib import Path

import code_lines
import code_spans
import continued_blocks
import course
import figures
import fonts
import gallery
import glossary
import include_lines
import inline_code
import korean
import mathml
import notebook_page
import optional_sections
import output_blocks
import paths
import source_titles
import take_home
import theme_patches
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

# What this build's run of the snippets and notebooks gave, by name (on_files fills it).
RENDERED: dict[str, gallery.Rendered] = {}
# The course's chapters, and the English of the originals' Korean titles: read once a build
# (on_files), for every page's hooks.
COURSE: list[course.Chapter] = []
SOURCE_TITLES: dict[str, str] = {}


def on_files(files, config):
    """Run changed snippets and notebooks, then serve each figure as figures/<name>/<figure>.svg
    (explorer data too)."""
    project = Path(config.config_file_path).parent
    try:
        results = gallery.render_all(project)
    except gallery.SnippetError as error:
        raise PluginError(f"snippet failed: {error}") from error
    RENDERED.clear()
    RENDERED.update((result.name, result) for result in results)
    for result in results:
        for path in result.figure_files() + result.data_files():
            uri = f"figures/{result.name}/{path.name}"
            files.append(File.generated(config, uri, abs_src_path=str(path)))
    # Material's files that site_build/theme_patches.py changes, served changed.
    for theme_file in [f for f in files if theme_patches.concerns(f.src_uri)]:
        try:
            text = theme_patches.patched(theme_file.src_uri, Path(theme_file.abs_src_path).read_text())
        except theme_patches.ThemePatchError as error:
            raise PluginError(f"{theme_file.abs_src_path}: {error}") from error
        files.remove(theme_file)
        files.append(File.generated(config, theme_file.src_uri, content=text))
    # (A test's small site has MkDocs' own theme, and none of Material's files.)
    if config.theme.name == "material" and (missing := theme_patches.missing({f.src_uri for f in files})):
        raise PluginError(f"site_build/theme_patches.py: no such file of Material's: {', '.join(missing)}")
    # Each chapter's code as <key>/<key>.py and .ipynb, next to its page (site_build/take_home.py).
    try:
        COURSE[:] = course.chapters(config.nav, Path(config.docs_dir))
        made = take_home.all_downloads(COURSE, Path(config.docs_dir), config.mdx_configs["pymdownx.snippets"])
    except (course.CourseError, ValueError) as error:
        raise PluginError(str(error)) from error
    SOURCE_TITLES.clear()
    SOURCE_TITLES.update(source_titles.read(Path(config.docs_dir) / source_titles.PAGE))
    # A notebook page's code as a script too, beside the notebook mkdocs-jupyter serves.
    for page in notebook_pages(config.nav):
        key = Path(page).stem
        made[f"{key}/{key}.py"] = take_home.notebook_script(Path(config.docs_dir) / page)
    for uri, content in made.items():
        files.append(File.generated(config, uri, content=content))
    return files


def notebook_pages(nav) -> list[str]:
    """The notebooks among the nav's top-level pages (docs/simulation.ipynb)."""
    pages = [page for entry in nav or [] for page in (entry.values() if isinstance(entry, dict) else [entry])]
    return [page for page in pages if isinstance(page, str) and page.endswith(".ipynb")]


def on_page_markdown(markdown, page, config, files):
    """Check the page's includes; title the later parts of a snippet file; write the course's
    chapter list."""
    source = Path(page.file.abs_src_path)  # the file as written: its line numbers, front matter too
    base_paths = [Path(p) for p in config.mdx_configs["pymdownx.snippets"]["base_path"]]
    for line, fault in include_lines.faults(source.read_text(), base_paths):
        where = os.path.relpath(source, Path(config.config_file_path).parent)
        raise PluginError(f"{where}:{line}: {fault}")
    markdown = continued_blocks.label(markdown)
    if course.MARKER in markdown:
        markdown = course.expand(markdown, COURSE)
    return markdown


def on_page_content(html, page, config, files):
    if page.file.src_uri.endswith(".ipynb"):
        run = RENDERED[f"{Path(page.file.src_uri).with_suffix('').as_posix()}/{gallery.NOTEBOOK}"]
        drawn: dict[str, list[str]] = {}
        for figure, cell in zip(run.figures, run.shown_in, strict=True):
            src = posixpath.relpath(f"figures/{run.name}/{figure}.svg", page.url)
            drawn.setdefault(cell, []).append(src)
        try:
            html = notebook_page.finish(html, Path(page.file.abs_src_path), run.sections(), drawn)
        except notebook_page.NotebookPageError as error:
            raise PluginError(str(error)) from error

    def figure_file(src: str) -> Path:
        figure = files.get_file_from_path(posixpath.normpath(posixpath.join(page.url, src)))
        if figure is None:
            raise PluginError(f"{page.file.src_uri}: {src}: no snippet drew this figure")
        return Path(figure.abs_src_path)

    # A page whose code on_files made downloads of: its buttons, and its foot line (main.html).
    key = Path(page.file.src_uri).stem
    if files.get_file_from_path(f"{key}/{key}.py"):
        page.meta["take_home"] = take_home.page_meta(page.file.src_uri, config.repo_url)
        html = take_home.with_actions(html, page.meta["take_home"])
    html = course.with_place(html, course.place(page.file.src_uri, config.nav, COURSE))
    html = course.with_contents(html, page.file.src_uri, COURSE)
    html = optional_sections.set_apart(html)
    html = code_spans.unwrap(html)
    html = code_lines.shape(html)
    html = inline_code.keep_short_together(html)
    html = output_blocks.keep_shape(html)
    try:
        html = figures.add_dark_twins(html, figure_file)
        html = mathml.render_math(html, Path(config.config_file_path).parent / paths.MATHML)
    except mathml.MathError as error:
        raise PluginError(f"{page.file.src_uri}: {error}") from error
    if page.file.src_uri == glossary.PAGE:
        html = glossary.letter_index(html)
    # Glossary tooltips: each term once, at its first use in body text (docs/glossary.md is the
    # source). Not on the glossary, the credits or the errata (glossary.UNMARKED_PAGES).
    if page.file.src_uri not in glossary.UNMARKED_PAGES:
        html = glossary.mark(html, glossary.read(Path(config.docs_dir) / glossary.PAGE))
    # The originals' Korean titles, in English where the page first names them (not on the
    # credits page, whose headings give the English).
    if page.file.src_uri != source_titles.PAGE:
        html = source_titles.gloss(html, SOURCE_TITLES)
    page.meta["preload_fonts"] = [f"{fonts.FONT_DIR}/{name}" for name in fonts.preloads(html)]  # main.html
    return html


def on_post_page(output, page, config):
    output = optional_sections.mark_in_contents(output)  # the contents' optional entries
    output = course.with_numbers_in_nav(output, page.file.src_uri, COURSE)  # the nav in course order
    return korean.mark(output)  # every Korean word marked lang="ko"


def on_post_build(config):
    # The site's fonts, subset to the characters the built pages draw.
    fonts.write_for_site(Path(config.site_dir), Path(config.config_file_path).parent)
