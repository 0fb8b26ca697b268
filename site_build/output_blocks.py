"""What a snippet printed keeps its shape when a phone wraps it.

On a phone, an output block (a text block titled "Output") is set at the code's size, and a line
longer than the screen wraps, its continuation indented, rather than hiding past the right edge
the number the text talks about. A block with the rows of a table (below) is set smaller, down to
a floor, until its longest row fits (`--columns`, extra.css): rows wider still scroll. Wrapping
must not do two things:
- split a word at its hyphen: Chromium may break a line there, and 1.1920928955078125e-07
  showed as "1.1920928955078125e-" over "07", an arrow as "-" over "> torch.Size". A word with
  a hyphen is kept whole (class="nowrap", code_lines.py);
- scatter a table: a tensor of several rows lines its columns up under one another, and
  wrapped rows lost that. Its lines (the one that opens it with "[[", and those under it that
  start with spaces and a bracket) scroll sideways instead (class="row"); the block's other lines,
  an error message say, still wrap. So do the rows of a printed table: consecutive lines of
  one format, the same words with other numbers ("degree 1: training error 0.2469 ..." under
  "degree 0: ..."), which a loop printed to be read down their columns, and of lines padded
  with spaces to line up with one another.

It works on HTML and knows nothing of MkDocs.
"""

from __future__ import annotations

import html
import re

import code_lines

OUTPUT = re.compile(
    r'<div class="language-text highlight"><span class="filename">Output</span>'
    r"<pre><span></span><code>(?P<text>.*?)</code></pre></div>",
    re.DOTALL,
)
TENSOR_ROW = re.compile(r"^ +\[")
TENSOR_START = re.compile(r"\(\[\[")
# Spaces that pad a column: two or more between two words.
ALIGNED = re.compile(r"\S {2,}\S")
# A number as printed: "-0.0474", "1e-07", "4.401e+04", "2000".
NUMBER = re.compile(r"[-+\u2212]?\d[\d.]*(?:e[-+]?\d+)?")


def _format(text: str) -> list[str]:
    """What a printed line's format string was: its words, each number in them a '#'."""
    return NUMBER.sub("#", text).split()


def _table_rows(texts: list[str]) -> set[int]:
    """Which lines are rows of a printed table: those with a number whose format is that of the
    line above or the line below."""
    formats = [_format(text) for text in texts]
    return {
        index
        for index, shape in enumerate(formats)
        if any("#" in word for word in shape)
        and shape in formats[max(index - 1, 0) : index] + formats[index + 1 : index + 2]
    }


def _tensor_rows(texts: list[str]) -> set[int]:
    """Which lines are rows of a printed tensor. Its first line is one only if more rows follow
    it: a tensor of a single row ("tensor([[ 0.2975, -0.2548]], requires_grad=True), ...") has
    nothing to line up with."""
    return {
        index
        for index, text in enumerate(texts)
        if TENSOR_ROW.match(text)
        or (TENSOR_START.search(text) and index + 1 < len(texts) and TENSOR_ROW.match(texts[index + 1]))
    }


def _aligned_rows(texts: list[str]) -> set[int]:
    """Which lines were padded to line up with others: a run of spaces between two words, in a
    block where more than one line has one ("no actual positives    precision 0.0" over
    "neither                precision 0.0")."""
    padded = {index for index, text in enumerate(texts) if ALIGNED.search(text)}
    return padded if len(padded) > 1 else set()


def _line(found: re.Match, is_row: bool) -> str:
    if is_row:  # without code_lines.py's break opportunities: a <wbr> breaks even a row that scrolls
        text = found["text"].replace("<wbr>", "")
        return found["open"].replace("<span ", '<span class="row" ', 1) + text + "</span>"
    return found["open"] + code_lines.keep_hyphenated_whole(found["text"]) + "</span>"


def keep_shape(page_html: str) -> str:
    """The page with each output block's hyphenated words kept whole, and the rows of its
    tensors and printed tables marked to scroll rather than wrap."""

    def block(found: re.Match) -> str:
        start, end = found.span("text")
        lines = code_lines.LINE_SPAN.finditer(found["text"])
        texts = [html.unescape(code_lines.TAG.sub("", line["text"])).rstrip("\n") for line in lines]
        rows = _tensor_rows(texts) | _table_rows(texts) | _aligned_rows(texts)
        numbered = iter(range(len(texts)))
        text = code_lines.LINE_SPAN.sub(lambda line: _line(line, next(numbered) in rows), found["text"])
        opening = found.string[found.start() : start]
        if rows:  # the longest row, for a phone to set the block small enough to show it (extra.css)
            columns = max(len(texts[index]) for index in rows)
            opening = opening.removesuffix("<code>") + f'<code style="--columns: {columns}">'
        return opening + text + found.string[end : found.end()]

    return OUTPUT.sub(block, page_html)
