"""Mark every Korean word of a finished page as Korean: `<span lang="ko">`.

Screen readers switch voice, and browsers choose a Korean font and line breaking, only for text
marked `lang="ko"`; the pages are English (`<html lang="en">`) with Korean words in them. This
wraps each run of Hangul (words joined by spaces count as one run) in a span, unless an enclosing
element already says `lang="ko"`. Text inside <script>, <style>, <title>, <textarea> and comments,
and attribute values, are left alone (tooltips are marked in the browser, accessibility.js).
"""

from __future__ import annotations

import re

import html_text

SYLLABLES = "\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\uac00-\ud7af\ud7b0-\ud7ff"
RUN = re.compile(f"[{SYLLABLES}]+(?:[ \u00a0]+[{SYLLABLES}]+)*")
LANG = re.compile(r"""\blang\s*=\s*["']?([\w-]+)""", re.IGNORECASE)
RAW = ("script", "style", "title", "textarea")


def _korean(name: str, start_tag: str, parent: bool) -> bool:
    """Whether an element is Korean: its own lang says so, or, without one, its parent is."""
    lang = LANG.search(start_tag)
    return lang.group(1).lower().startswith("ko") if lang else parent


def mark(page_html: str) -> str:
    """The page with each Hangul run not already inside a lang="ko" element wrapped in one."""
    return "".join(
        piece if korean is not False else RUN.sub(lambda m: f'<span lang="ko">{m.group(0)}</span>', piece)
        for piece, korean in html_text.pieces(page_html, RAW, _korean)
    )
