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
# A code block, left as it is, or a short inline code, whose text is group 1.
_BLOCK_OR_SHORT_CODE = re.compile(rf"<pre\b.*?</pre>|<code>([^<]{{1,{SHORT}}})</code>", re.DOTALL)


def keep_short_together(page_html: str) -> str:
    """The page with every short inline <code> outside the code blocks given class="nowrap"."""
    return _BLOCK_OR_SHORT_CODE.sub(
        lambda found: found[0] if found[1] is None else f'<code class="nowrap">{found[1]}</code>', page_html
    )
