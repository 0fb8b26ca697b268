"""What a snippet printed keeps its shape when a phone wraps it.

An output block (a text block titled "Output") wraps on a phone, its continuation indented,
rather than hiding past the right edge the number the text talks about (extra.css). Wrapping
must not do two things:
- split a number: Chromium may break a line after a hyphen, and 1.1920928955078125e-07 showed
  as "1.1920928955078125e-" over "07". A word with a digit and a hyphen is kept whole
  (class="nowrap");
- scatter a table: a tensor of several rows lines its columns up under one another, and
  wrapped rows lost that. Its lines (the one that opens it with "[[", and those that start
  with spaces and a bracket) scroll sideways instead (class="row"); the block's other lines,
  an error message say, still wrap.

It works on HTML and knows nothing of MkDocs.
"""

from __future__ import annotations

import re

import code_lines

OUTPUT = re.compile(
    r'<div class="language-text highlight"><span class="filename">Output</span>'
    r"<pre><span></span><code>(?P<text>.*?)</code></pre></div>",
    re.DOTALL,
)
TENSOR_ROW = re.compile(r"^ +\[")
TENSOR_START = re.compile(r"\(\[\[")
WORD = re.compile(r"(<[^>]*>)|[^\s<>]+")


def _kept_whole(word: re.Match) -> str:
    text = word[0]
    if word[1] is None and "-" in text and any(char.isdigit() for char in text):
        return f'<span class="nowrap">{text}</span>'
    return text


def _line(found: re.Match) -> str:
    text = code_lines.TAG.sub("", found["text"])
    if TENSOR_ROW.match(text) or TENSOR_START.search(text):
        return found["open"].replace("<span ", '<span class="row" ', 1) + found["text"] + "</span>"
    return found["open"] + WORD.sub(_kept_whole, found["text"]) + "</span>"


def keep_shape(page_html: str) -> str:
    """The page with each output block's hyphenated numbers kept whole, and the rows of its
    tensors marked to scroll rather than wrap."""

    def block(found: re.Match) -> str:
        start, end = found.span("text")
        text = code_lines.LINE_SPAN.sub(_line, found["text"])
        return found.string[found.start() : start] + text + found.string[end : found.end()]

    return OUTPUT.sub(block, page_html)
