"""The course's chapters, in the order of mkdocs.yml's nav: the one list that every other list reads.

A chapter is a top-level nav entry that names a Markdown page other than the
home page (the notebook and the Reference section are not chapters). Its
one-line summary is the `description` in the page's front matter, which MkDocs
also puts into the page's <meta name="description">.

The home page shows the list where it writes the marker below.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

MARKER = "<!-- the chapters, in course order -->"
FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)


class CourseError(Exception):
    """A chapter the list cannot be made from: say which page, and what it lacks."""


@dataclass(frozen=True)
class Chapter:
    title: str
    page: str  # relative to docs/: "sigmoid.md"
    description: str

    @property
    def key(self) -> str:
        """The chapter's name in every folder: docs/KEY.md, snippets/KEY/, tests/chapters/test_KEY.py."""
        return Path(self.page).stem


def description(page: Path) -> str:
    match = FRONT_MATTER.match(page.read_text())
    meta = yaml.safe_load(match.group(1)) if match else None
    if not isinstance(meta, dict) or not meta.get("description"):
        raise CourseError(f"{page}: a chapter needs a description in its front matter")
    return meta["description"]


def chapters(nav: list, docs_dir: Path) -> list[Chapter]:
    found = []
    for entry in nav or []:  # a site without a nav has no course
        (title, page), *_ = entry.items() if isinstance(entry, dict) else [(None, entry)]
        if isinstance(page, str) and page.endswith(".md") and page != "index.md":
            found.append(Chapter(title or Path(page).stem, page, description(docs_dir / page)))
    return found


def expand(markdown: str, course: list[Chapter]) -> str:
    """The page with the marker replaced by the numbered list of chapters, laid out as cards
    (Material's grid cards; stylesheets/extra.css numbers them)."""
    items = [f"{n}. [**{c.title}**]({c.page}) {c.description}" for n, c in enumerate(course, start=1)]
    return markdown.replace(
        MARKER, "\n".join(['<div class="grid cards chapters" markdown>\n', *items, "\n</div>"])
    )


def place(page: str, nav: list, course: list[Chapter]) -> str | None:
    """What a page says above its title: "Chapter 4 of 11" for a chapter, "A notebook, after
    chapter 10" for a notebook among them in the nav, nothing for the other pages."""
    numbers = {chapter.page: n for n, chapter in enumerate(course, start=1)}
    if page in numbers:
        return f"Chapter {numbers[page]} of {len(course)}"
    if not page.endswith(".ipynb"):
        return None
    before = 0
    for entry in nav or []:
        for value in entry.values() if isinstance(entry, dict) else [entry]:
            if value == page:
                return f"A notebook, after chapter {before}"
            before = numbers.get(value, before)
    return None


def with_place(page_html: str, place_text: str | None) -> str:
    """The page with its place in the course above its title, so that a reader who arrives from
    a search knows where they are."""
    if place_text is None:
        return page_html
    return page_html.replace("<h1", f'<p class="chapter-place">{place_text}</p>\n<h1', 1)


SECTION = re.compile(r'<h2 [^>]*\bid="(?P<id>[^"]+)"[^>]*>(?P<title>.*?)</h2>', re.DOTALL)
PERMALINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.DOTALL)


def section_title(section: re.Match) -> str:
    """A section heading (a SECTION match) as its title's HTML, without its permalink."""
    return PERMALINK.sub("", section["title"]).strip()


def with_contents(page_html: str, page: str, course: list[Chapter]) -> str:
    """A chapter's page with its sections listed in a closed box under its Sources box, "In
    this chapter", for a phone, whose navigation hides them in a drawer (extra.css shows the box
    only where the side navigation does not list them)."""
    sources_end = page_html.find("</details>", page_html.find("<h1"))
    if page not in {chapter.page for chapter in course} or sources_end < 0:
        return page_html
    links = "".join(
        f'<li><a href="#{found["id"]}">{section_title(found)}</a></li>'
        for found in SECTION.finditer(page_html)
    )
    box = f'\n<details class="chapter-contents"><summary>Contents</summary><ol>{links}</ol></details>'
    at = sources_end + len("</details>")
    return page_html[:at] + box + page_html[at:]
