"""Lighter code blocks: Pygments' spans that draw nothing of their own are unwrapped.

Pygments wraps every token of a code block in a span named after the token's kind. Two kinds
are drawn exactly as the block's own text: `n`, a plain name (Material colours it with
--md-code-hl-name-color, which is the code's own colour), and `w`, white space. They are a
quarter of the elements of a chapter page (about 900 of 3,700 on logistic-regression), and
the browser walks every element each time it restyles or lays out the page while it loads,
several times over as Material's script starts. Unwrapped, the text and its colours are the
same (tests/site/test_look.py checks both kinds' colour in Chromium, in both schemes).
"""

from __future__ import annotations

import re

PLAIN = ("n", "w")  # the token kinds drawn in the code's own colour
_BLOCK = re.compile(r"<pre\b.*?</pre>", re.DOTALL)
_PLAIN_SPAN = re.compile(rf'<span class="(?:{"|".join(PLAIN)})">([^<]*)</span>')


def unwrap(page_html: str) -> str:
    """The page with every plain token span inside a <pre> replaced by its text."""
    return _BLOCK.sub(lambda block: _PLAIN_SPAN.sub(r"\1", block.group(0)), page_html)
