"""Each line of a code block knows its indentation, so that a phone can wrap it readably.

On a phone a code block is about 46 characters wide and most lines of the snippets are longer:
scrolled sideways, their ends (often the comment that explains them) were out of sight. So a
phone wraps each line (extra.css), and its continuation is indented four characters deeper than
the line itself, never as deep as the next level of the code (a hanging indent per line).
Highlighting writes every line in its own span (pymdownx.highlight's line_spans); this step
gives each span its line's indentation, `style="--indent: N"`, N spaces. Copied code is the
same text: the spans hold it unchanged.

It works on HTML and knows nothing of MkDocs.
"""

from __future__ import annotations

import re

# A line's span (pymdownx.highlight, line_spans: __span) and the spaces that start its text.
LINE = re.compile(r'(?P<tag><span id="__span-\d+-\d+")>(?P<spaces> +)')


def mark_indents(page_html: str) -> str:
    """The page with each indented line of code given its indentation in spaces."""
    return LINE.sub(
        lambda line: f'{line["tag"]} style="--indent: {len(line["spaces"])}">{line["spaces"]}', page_html
    )
