"""What a snippet printed keeps its shape when a phone wraps it.

An output block (a text block titled "Output") wraps on a phone, its continuation indented,
rather than hiding past the right edge the number the text talks about (extra.css). Wrapping
must not do two things:
- split a number: Chromium may break a line after a hyphen, and 1.1920928955078125e-07 showed
  as "1.1920928955078125e-" over "07". A word with a digit and a hyphen is kept whole
  (class="nowrap");
- scatter a table: a tensor of several rows lines its columns up under one another, and
  wrapped rows lost that. A block with such rows (a line that starts with spaces and a bracket)
  scrolls sideways instead, as code does (class="rows").

It works on HTML and knows nothing of MkDocs.
"""

from __future__ import annotations

import re

OUTPUT = re.compile(
    r'<div class="language-text highlight"><span class="filename">Output</span>'
    r"<pre><span></span><code>(?P<text>.*?)</code></pre></div>",
    re.DOTALL,
)
TAG = re.compile(r"<[^>]*>")  # the spans that hold each line (code_lines.py)
TENSOR_ROW = re.compile(r"^ +\[", re.MULTILINE)
WORD = re.compile(r"(<[^>]*>)|[^\s<>]+")


def _kept_whole(word: re.Match) -> str:
    text = word[0]
    if word[1] is None and "-" in text and any(char.isdigit() for char in text):
        return f'<span class="nowrap">{text}</span>'
    return text


def keep_shape(page_html: str) -> str:
    """The page with each output block's hyphenated numbers kept whole, and its blocks of
    tensor rows marked to scroll rather than wrap."""

    def block(found: re.Match) -> str:
        text = found["text"]
        if TENSOR_ROW.search(TAG.sub("", text)):
            return found[0].replace('"language-text highlight"', '"language-text highlight rows"', 1)
        start, end = found.span("text")
        return (
            found.string[found.start() : start]
            + WORD.sub(_kept_whole, text)
            + found.string[end : found.end()]
        )

    return OUTPUT.sub(block, page_html)
