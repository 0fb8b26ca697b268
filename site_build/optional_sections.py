"""A section a first reading may skip, set apart from the lesson from its title to its end.

A chapter marks such a section in its Markdown ("## Title {.optional}"), and extra.css labels its
heading. The label said where the section starts but not where it ends: here everything from the
heading to the next section's goes in one <section class="optional">, which extra.css marks with
a rule down its left edge and a closing line. Under its heading a link skips to the next section
(BCE's comparison with MSE is seven screens long), and the page's contents mark the section's
entry optional too. It works on HTML and knows nothing of MkDocs.
"""

from __future__ import annotations

import re

import course

OPTIONAL_HEADING = re.compile(r'<h2 class="optional" id="(?P<id>[^"]+)"[^>]*>.*?</h2>', re.DOTALL)
TAG = re.compile(r"<[^>]+>")


def _skip_link(next_section: re.Match) -> str:
    title = TAG.sub("", course.section_title(next_section))  # plain words in the link
    return f'<p class="optional-skip"><a href="#{next_section["id"]}">Skip to “{title}”</a></p>'


def set_apart(page_html: str) -> str:
    """The page with each optional section, its heading included, in a <section class="optional">,
    and under the heading a link past it to the next section."""
    pieces, rest = [], page_html
    while found := OPTIONAL_HEADING.search(rest):
        after = course.SECTION.search(rest, found.end())  # (MkDocs gives every heading an id)
        end = after.start() if after else len(rest)
        skip = _skip_link(after) if after else ""
        pieces += [
            rest[: found.start()],
            '<section class="optional">',
            rest[found.start() : found.end()],
            skip,
            rest[found.end() : end],
            "</section>\n",
        ]
        rest = rest[end:]
    return "".join(pieces) + rest


def mark_in_contents(page_html: str) -> str:
    """The whole page with each optional section's entry in its contents (the navigation's list
    of the page's sections) marked optional too, for extra.css to label."""
    for section in OPTIONAL_HEADING.finditer(page_html):
        page_html = page_html.replace(
            f'<a href="#{section["id"]}" class="md-nav__link">',
            f'<a href="#{section["id"]}" class="md-nav__link optional">',
        )
    return page_html
