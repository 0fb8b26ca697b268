"""Turn the LaTeX that pymdownx.arithmatex marks up into MathML, at build time.

Browsers render MathML natively, so the site needs no math script, no CDN and
no web fonts: it works offline and screen readers can read the formulas.
arithmatex (in `generic` mode) leaves `\\(...\\)` in a `span.arithmatex` and
`\\[...\\]` in a `div.arithmatex`; this module swaps each for a `<math>` element.
"""

from __future__ import annotations

import html
import re

from latex2mathml.converter import convert

INLINE = re.compile(r'<span class="arithmatex">\\\((.*?)\\\)</span>', re.DOTALL)
BLOCK = re.compile(r'<div class="arithmatex">\\\[(.*?)\\\]</div>', re.DOTALL)
# latex2mathml passes what it does not know through as text: `\foo` or a bare `&`.
UNCONVERTED = re.compile(r">[^<]*(\\[A-Za-z]+|&(?![#a-zA-Z0-9]+;))[^<]*<")


class MathError(ValueError):
    """A formula that cannot be rendered as MathML."""


def to_mathml(tex: str, display: str) -> str:
    try:
        mathml = convert(tex.strip(), display=display)
    except Exception as error:  # latex2mathml raises bare token errors on bad input
        raise MathError(f"cannot parse `{tex.strip()}`: {type(error).__name__} {error}") from error
    leftover = UNCONVERTED.search(mathml)
    if leftover:
        raise MathError(f"unsupported LaTeX `{leftover.group(1)}` in `{tex.strip()}`")
    return mathml


def render_math(page_html: str) -> str:
    """Replace every arithmatex formula in a page's HTML with MathML."""
    page_html = BLOCK.sub(lambda m: to_mathml(html.unescape(m.group(1)), "block"), page_html)
    return INLINE.sub(lambda m: to_mathml(html.unescape(m.group(1)), "inline"), page_html)
