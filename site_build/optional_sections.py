"""A section a first reading may skip, set apart from the lesson from its title to its end.

A chapter marks such a section in its Markdown ("## Title {.optional}"), and extra.css labels its
heading. The label said where the section starts but not where it ends: here everything from the
heading to the next section's goes in one <section class="optional">, which extra.css marks with
a rule down its left edge and a closing line. It works on HTML and knows nothing of MkDocs.
"""

from __future__ import annotations

import re

OPTIONAL_HEADING = re.compile(r'<h2 class="optional"')
NEXT_SECTION = re.compile(r"<h2[\s>]")


def set_apart(page_html: str) -> str:
    """The page with each optional section, its heading included, in a <section class="optional">."""
    pieces, rest = [], page_html
    while found := OPTIONAL_HEADING.search(rest):
        after = NEXT_SECTION.search(rest, found.end())
        end = after.start() if after else len(rest)
        pieces += [
            rest[: found.start()],
            '<section class="optional">',
            rest[found.start() : end],
            "</section>\n",
        ]
        rest = rest[end:]
    return "".join(pieces) + rest
