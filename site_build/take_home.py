"""Take a chapter home: its code as a notebook and as a script, and the versions it was verified with.

The notebook holds exactly the Python blocks the page shows, in the page's order,
with the page's headings and the sentence that leads into each block as Markdown
cells. The script is the same notebook written by jupytext in its "percent"
format, so the prose becomes comments and `python <key>.py` runs it. Both are
made at build time and never committed; the same page gives the same bytes.

No MkDocs import: the hook passes the page's text and the block expander.
"""

from __future__ import annotations

import datetime
import os
import re
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import page_code
from packaging.version import Version

HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*$")
# A collapsible solution or note: ??? success "Solution to 3"
DETAILS = re.compile(r'^\?\?\?\+?\s+\w+\s+"([^"]+)"')
FENCE = re.compile(r"^(\s*)(`{3,})")
# A link to another page of the site means nothing in a downloaded file: keep its words.
PAGE_LINK = re.compile(r"\[([^\]]+)\]\((?![a-z]+://)[^)]*\)")
NOT_PROSE = ("<", "!!!", "???", "--8<--", "|")
KERNEL = {"name": "python3", "display_name": "Python 3", "language": "python"}
# The branch the Pages workflow (.github/workflows/pages.yml) publishes every page's notebook to,
# at the path the site serves it from, for Colab to open.
NOTEBOOK_BRANCH = "notebooks"


def _fence_end(lines: list[str], start: int) -> int:
    """Index of the line after the block whose opening fence is lines[start]."""
    indent, ticks = FENCE.match(lines[start]).groups()
    for index in range(start + 1, len(lines)):
        if lines[index].strip() == ticks and lines[index].startswith(indent):
            return index + 1
    return len(lines)


def _headings(region: list[str]) -> list[str]:
    """The headings in a stretch of the page, as Markdown: the sections and the solutions."""
    found = []
    for line in region:
        heading, details = HEADING.match(line), DETAILS.match(line.strip())
        if heading and len(heading.group(1)) > 1:  # the title (#) is the notebook's first cell
            found.append(f"{heading.group(1)} {heading.group(2)}")
        elif details:
            found.append(f"#### {details.group(1)}")
    return found


def _lead_in(region: list[str], indent: str) -> str | None:
    """The paragraph just above a block (the sentence that introduces it), if it is prose."""
    end = len(region)
    while end and not region[end - 1].strip():
        end -= 1
    start = end
    while start and region[start - 1].strip() and region[start - 1].startswith(indent):
        if HEADING.match(region[start - 1]):
            break
        start -= 1  # up to a blank line, a heading, or the line that opens the block's admonition
    paragraph = [line.removeprefix(indent) for line in region[start:end]]
    if not paragraph or paragraph[0].startswith(NOT_PROSE) or FENCE.match(paragraph[0]):
        return None
    if paragraph[0] != paragraph[0].lstrip() or paragraph[0][:1].islower():
        return None  # deeper than the block, or the end of a sentence broken by display math
    return PAGE_LINK.sub(r"\1", "\n".join(paragraph))


def cells(text: str, blocks: list[page_code.Block]) -> list[tuple[str, str]]:
    """("markdown" | "code", source) in page order: headings, lead-ins and the Python blocks shown."""
    lines = text.splitlines()
    found: list[tuple[str, str]] = []
    done = 0  # index of the first line not yet read
    for block in blocks:
        start = block.lineno - 1
        region, done = lines[done:start], _fence_end(lines, start)
        if block.language != "python" or block.skip_reason is not None:
            continue  # output, shell lines, quoted broken code: what the reader runs is the rest
        prose = _headings(region)
        lead_in = _lead_in(region, FENCE.match(lines[start]).group(1))
        if lead_in:
            prose.append(lead_in)
        if prose:
            found.append(("markdown", "\n\n".join(prose)))
        found.append(("code", block.code.strip("\n")))
    return found


def title(text: str) -> str:
    for line in text.splitlines():
        heading = HEADING.match(line)
        if heading and len(heading.group(1)) == 1:
            return heading.group(2)
    raise ValueError("a chapter page needs a # title")


def notebook(text: str, blocks: list[page_code.Block], description: str, verified_with: str):
    """The chapter as an nbformat notebook, with fixed cell ids (the same page, the same bytes)."""
    import nbformat

    intro = (
        f"# {title(text)}\n\n{description}\n\n"
        "The code of this chapter of *PyTorch first steps*, every block in the page's order: "
        f"run the cells from top to bottom. {verified_with}."
    )
    nb = nbformat.v4.new_notebook(metadata={"kernelspec": KERNEL, "language_info": {"name": "python"}})
    for number, (kind, source) in enumerate([("markdown", intro), *cells(text, blocks)], start=1):
        make = nbformat.v4.new_markdown_cell if kind == "markdown" else nbformat.v4.new_code_cell
        nb.cells.append(make(source, id=f"cell-{number}"))
    return nb


def script(nb) -> str:
    """The notebook as a plain script: Markdown cells become comments (jupytext's percent format)."""
    import copy

    import jupytext

    nb = copy.deepcopy(nb)
    # No jupytext header: the file is a reader's script, not a paired notebook.
    nb.metadata = {"jupytext": {"notebook_metadata_filter": "-all", "cell_metadata_filter": "-all"}}
    return jupytext.writes(nb, fmt="py:percent")


def downloads(key: str, text: str, blocks: list[page_code.Block], description: str) -> dict[str, str]:
    """The files a chapter page offers, by path next to the page: {"<key>/<key>.py": ..., ...}."""
    import nbformat

    nb = notebook(text, blocks, description, verified_with())
    return {f"{key}/{key}.ipynb": nbformat.writes(nb) + "\n", f"{key}/{key}.py": script(nb)}


def all_downloads(chapters, docs_dir: Path, snippets_settings: dict) -> dict[str, str]:
    """Every chapter's downloads (chapters: course.chapters()), includes expanded as mkdocs.yml says."""
    expand = page_code.expander(snippets_settings)
    made = {}
    for chapter in chapters:
        text = (docs_dir / chapter.page).read_text()
        blocks = page_code.blocks(text, f"docs/{chapter.page}", expand)
        made.update(downloads(chapter.key, text, blocks, chapter.description))
    return made


def notebook_script(path: Path) -> str:
    """A notebook page's code as a script, its Markdown cells as comments, its outputs left out."""
    import nbformat

    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        cell.pop("outputs", None)
    return script(nb)


def colab_url(repo_url: str | None, notebook: str) -> str | None:
    """Where Colab opens a page's notebook: from the branch the Pages workflow publishes them to.

    Colab opens notebooks from GitHub only, so there is none for a site without a GitHub repository.
    """
    repository = re.fullmatch(r"https://github\.com/([^/]+/[^/]+?)/?", repo_url or "")
    if repository is None:
        return None
    return f"https://colab.research.google.com/github/{repository[1]}/blob/{NOTEBOOK_BRANCH}/{notebook}"


def page_meta(page: str, repo_url: str | None = None) -> dict[str, str | None]:
    """What a page with code offers: its two downloads, Colab's link to its notebook, the foot line."""
    key = Path(page).stem
    return {
        "script": f"{key}.py",
        "notebook": f"{key}.ipynb",
        "colab": colab_url(repo_url, f"{key}/{key}.ipynb"),
        "verified": verified_html(),
    }


def actions_html(meta: dict[str, str | None]) -> str:
    """The row of labelled buttons under a page's title."""
    links = [
        f'<a class="md-button" href="{meta["script"]}" download>Script (.py)</a>',
        f'<a class="md-button" href="{meta["notebook"]}" download>Notebook (.ipynb)</a>',
    ]
    if meta["colab"]:
        links.append(f'<a class="md-button" href="{meta["colab"]}">Open in Colab</a>')
    return f'<div class="take-home" role="group" aria-label="This page\'s code">{"".join(links)}</div>'


def with_actions(html: str, meta: dict[str, str | None]) -> str:
    """The page with its buttons right after its title."""
    title_end = html.find("</h1>")
    if title_end < 0:
        raise ValueError("a page with code needs a title (# ...) for its buttons to follow")
    title_end += len("</h1>")
    return html[:title_end] + actions_html(meta) + html[title_end:]


def build_date(environ=os.environ) -> datetime.date:
    """The last commit's date: SOURCE_DATE_EPOCH (make and the tests set it), else git's, else today."""
    epoch = environ.get("SOURCE_DATE_EPOCH")
    if not epoch:
        try:
            epoch = subprocess.run(
                ["git", "log", "-1", "--format=%ct"], capture_output=True, text=True, check=True
            ).stdout.strip()
        except (OSError, subprocess.CalledProcessError):
            epoch = None
    if not epoch:
        return datetime.datetime.now(datetime.UTC).date()
    return datetime.datetime.fromtimestamp(int(epoch), datetime.UTC).date()


def verified_with(environ=os.environ, date: datetime.date | None = None) -> str:
    """'Verified with torch 2.13.0 and Python 3.11 on 25 November 2026': this build's own versions."""
    python = f"{sys.version_info.major}.{sys.version_info.minor}"
    date = date or build_date(environ)
    torch = Version(metadata.version("torch")).public  # 2.13.0, not the wheel's label 2.13.0+cpu
    return f"Verified with torch {torch} and Python {python} on {date:%-d %B %Y}"


def verified_html(environ=os.environ) -> str:
    """The chapter's foot line, with the date machine-readable (found once: it may ask git)."""
    date = build_date(environ)
    sentence, _, day = verified_with(date=date).rpartition(" on ")
    day = day.replace(" ", "\u00a0")  # "3 December 2026" on one line
    return f'<p class="verified-with">{sentence} on <time datetime="{date.isoformat()}">{day}</time>.</p>'
