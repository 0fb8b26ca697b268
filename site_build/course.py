"""The course's chapters, in the order of mkdocs.yml's nav: the one list that every other list reads.

A chapter is a top-level nav entry that names a Markdown page other than the
home page (the notebook and the Reference section are not chapters). Its title
is its page's own (the `# Title` line; the nav names no title, so that the
navigation, the page and the home page's list say the same); its one-line
summary is the `description` in the page's front matter, which MkDocs also puts
into the page's <meta name="description">, and `optional: true` there marks a
chapter that the later ones do not depend on.

The home page shows the list where it writes the marker below.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

import paths
import yaml

MARKER = "<!-- the chapters, in course order -->"
FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)
TITLE = re.compile(r"^# (.+)$", re.MULTILINE)


class CourseError(Exception):
    """A chapter the list cannot be made from: say which page, and what it lacks."""


@dataclass(frozen=True)
class Chapter:
    title: str
    page: str  # relative to docs/: "sigmoid.md"
    description: str
    optional: bool = False

    @property
    def key(self) -> str:
        """The chapter's name in every folder: docs/KEY.md, snippets/KEY/, tests/chapters/test_KEY.py."""
        return Path(self.page).stem


def read(title: str | None, page: str, docs_dir: Path) -> Chapter:
    text = (docs_dir / page).read_text()
    match = FRONT_MATTER.match(text)
    meta = yaml.safe_load(match.group(1)) if match else None
    if not isinstance(meta, dict) or not meta.get("description"):
        raise CourseError(f"{docs_dir / page}: a chapter needs a description in its front matter")
    heading = TITLE.search(text)
    if title is None and heading is None:
        raise CourseError(f"{docs_dir / page}: a chapter needs a title, its first line to start with '# '")
    return Chapter(title or heading[1].strip(), page, meta["description"], meta.get("optional", False))


def chapters(nav: list, docs_dir: Path) -> list[Chapter]:
    found = []
    for entry in nav or []:  # a site without a nav has no course
        (title, page), *_ = entry.items() if isinstance(entry, dict) else [(None, entry)]
        if isinstance(page, str) and page.endswith(".md") and page != "index.md":
            found.append(read(title, page, docs_dir))
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
        optional = " · optional" if course[numbers[page] - 1].optional else ""
        return f"Chapter {numbers[page]} of {len(course)}{optional}"
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


# A link of the site's navigation to a page (the current page's label, which opens its sections
# on a phone, too), up to where its title starts.
NAV_LINK = re.compile(
    r'(?P<tag><(?:a href="(?P<href>[^"#]*)"|label))'
    r'(?P<open> class="md-nav__link(?P<current> md-nav__link--active)?")'
    r'(?P<rest>[^>]*>\s*)<span class="md-ellipsis">'
)


def with_numbers_in_nav(page_html: str, page: str, course: list[Chapter]) -> str:
    """The whole page with each chapter's entry in the navigation numbered as the home page
    numbers it (and an optional chapter's marked so, for extra.css to say it), so that the
    navigation reads as the course's order."""
    here = paths.page_url(page)
    numbered = {paths.page_url(c.page): (n, c.optional) for n, c in enumerate(course, start=1)}

    def numbered_link(link: re.Match) -> str:
        if link["href"] is not None:
            target = posixpath.normpath(posixpath.join(here, link["href"])) + "/"
        else:
            target = here if link["current"] else None  # a section's label is no page
        if target not in numbered:
            return link[0]
        number, optional = numbered[target]
        opening = link["open"][:-1] + ' optional"' if optional else link["open"]
        number_span = f'<span class="nav-number">{number}</span>'
        return f'{link["tag"]}{opening}{link["rest"]}{number_span}<span class="md-ellipsis">'

    return NAV_LINK.sub(numbered_link, page_html)


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
