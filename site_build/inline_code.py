"""Short inline code stays on one line.

A browser may break a line at any space, and split `nn.Linear(1, 1)` or `(n, 3)` across two
lines, which reads as two pieces of code. Inline code up to SHORT characters, which fits a
phone's line several times over, is marked to stay whole (extra.css: code.nowrap); longer code
may still wrap at its spaces, or the page would scroll sideways on a phone. Code blocks are left
alone. The marker is a class, not non-breaking spaces, so that copied code stays valid Python.
"""

from __future__ import annotations

import re

SHORT = 30  # characters: about 250 px of code text on a phone, whose column is about 360 px
_BLOCK = re.compile(r"<pre\b.*?</pre>", re.DOTALL)
_SHORT_CODE = re.compile(rf"<code>([^<]{{1,{SHORT}}})</code>")


def keep_short_together(page_html: str) -> str:
    """The page with every short inline <code> outside the code blocks given class="nowrap"."""
    parts, end = [], 0
    for block in _BLOCK.finditer(page_html):
        parts += [
            _SHORT_CODE.sub(r'<code class="nowrap">\1</code>', page_html[end : block.start()]),
            block[0],
        ]
        end = block.end()
    parts.append(_SHORT_CODE.sub(r'<code class="nowrap">\1</code>', page_html[end:]))
    return "".join(parts)
