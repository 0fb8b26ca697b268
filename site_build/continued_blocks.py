"""A code block that goes on from an earlier part of its file says so.

A page shows a snippet file in parts, one section of it to a block, and the page's Markdown
names the file above its first part only. Copied alone, a later part stopped with a NameError
(`x_train`, made in the part above), and nothing said that it was one script. Each later part
of a file that the page has named, untitled in the Markdown, gets the title
"snippets/<file> (continued)": where it comes from, and that the parts above it come first.
(The download beside the chapter's title is the whole file, which runs alone.)

It works on Markdown and knows nothing of MkDocs.
"""

from __future__ import annotations

import re

CONTINUED = " (continued)"
# A fenced Python block whose first line includes a section of a snippet file, at any indentation
# (inside a collapsed box too).
BLOCK = re.compile(
    r'^(?P<fence> *```python)(?P<attributes>[^\n]*)\n(?P<include> *--8<-- "(?P<file>snippets/[^":]+)[^"]*")$',
    re.MULTILINE,
)


def label(markdown: str) -> str:
    """The page with each untitled block from a file named above it titled as its continuation."""
    named: set[str] = set()

    def block(found: re.Match) -> str:
        file, attributes = found["file"], found["attributes"]
        if "title=" in attributes:
            named.add(file)
            return found[0]
        if file not in named:
            return found[0]
        title = f'{attributes} title="{file}{CONTINUED}"'
        return f"{found['fence']}{title}\n{found['include']}"

    return BLOCK.sub(block, markdown)
