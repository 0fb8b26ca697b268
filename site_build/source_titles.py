"""The Korean titles of the originals, glossed in English where a page first names them.

A chapter names its sources by their Korean titles ("PyTorch 입문"), which a reader without
Korean can neither read nor remember. The credits page gives each title's English once, in its
heading: `## "PyTorch 입문" (Introduction to PyTorch)`. On every other page, the first time a
title is named in the page's text, and the first time in its Sources box (which a reader may
never open), the English follows it in brackets. It works on HTML and knows nothing of MkDocs.
"""

from __future__ import annotations

import re
from pathlib import Path

PAGE = "credits.md"  # where each title's English is given, in its heading
HEADING = re.compile(r'^## "(?P<title>[^"]+)" \((?P<english>[^)]+)\)$', re.MULTILINE)
SOURCES_BOX = re.compile(r'<details class="info">\s*<summary>Sources</summary>.*?</details>', re.DOTALL)
# Where a title is quoted but not part of the text: code, and the boxes that hold more than one
# reading (What differs, solutions), whose first mention is not where a reader meets the title.
NOT_TEXT = re.compile(r"<(pre|code|details|h[1-6])\b.*?</\1>", re.DOTALL)


def read(credits_page: Path) -> dict[str, str]:
    """Each Korean title of the credits page's headings, with its English."""
    if not credits_page.exists():
        return {}
    return {found["title"]: found["english"] for found in HEADING.finditer(credits_page.read_text())}


def gloss(page_html: str, titles: dict[str, str]) -> str:
    """The page with each title's first mention in its Sources box, and its first in the rest of
    its text, followed by the English: "PyTorch 입문" (Introduction to PyTorch)."""
    for title, english in titles.items():
        # the title as the page quotes it, perhaps broken across two lines of its source
        quoted = re.compile('"' + r"\s+".join(map(re.escape, title.split())) + '"')
        english_after = f' <span class="source-title">({english})</span>'
        box = SOURCES_BOX.search(page_html)
        if box:
            in_box = _with_english(box[0], quoted.search(box[0]), english_after)
            page_html = page_html[: box.start()] + in_box + page_html[box.end() :]
        hidden = [(m.start(), m.end()) for m in NOT_TEXT.finditer(page_html)]
        in_text = (m for m in quoted.finditer(page_html) if not any(a <= m.start() < b for a, b in hidden))
        page_html = _with_english(page_html, next(in_text, None), english_after)
    return page_html


def _with_english(text: str, mention: re.Match | None, english_after: str) -> str:
    if mention is None or text.startswith(english_after, mention.end()):
        return text  # not named, or glossed already
    return text[: mention.end()] + english_after + text[mention.end() :]
