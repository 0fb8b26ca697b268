"""Mark every Korean word of a finished page as Korean: `<span lang="ko">`.

Screen readers switch voice, and browsers choose a Korean font and line breaking, only for text
marked `lang="ko"`; the pages are English (`<html lang="en">`) with Korean words in them. This
wraps each run of Hangul (words joined by spaces count as one run) in a span, unless an enclosing
element already says `lang="ko"`. Text inside <script>, <style>, <title>, <textarea> and comments,
and attribute values, are left alone (tooltips are marked in the browser, accessibility.js).
"""

from __future__ import annotations

import re

SYLLABLES = "\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\uac00-\ud7af\ud7b0-\ud7ff"
RUN = re.compile(f"[{SYLLABLES}]+(?:[ \u00a0]+[{SYLLABLES}]+)*")
TOKEN = re.compile(
    r"<!--.*?-->|<(script|style|title|textarea)\b[^>]*>.*?</\1\s*>|<[^>]*>|[^<]+",
    re.DOTALL | re.IGNORECASE,
)
TAG = re.compile(r"<(/?)([A-Za-z][\w:-]*)([^>]*)>")
LANG = re.compile(r"""\blang\s*=\s*["']?([\w-]+)""", re.IGNORECASE)
VOID = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
}  # fmt: skip


def mark(page_html: str) -> str:
    """The page with each Hangul run not already inside a lang="ko" element wrapped in one."""
    out: list[str] = []
    stack: list[tuple[str, bool]] = []  # open elements: (name, is this or an ancestor lang="ko")
    for token in TOKEN.finditer(page_html):
        text = token.group(0)
        tag = TAG.fullmatch(text) if text.startswith("<") and token.group(1) is None else None
        if tag:
            closing, name, rest = tag.group(1), tag.group(2).lower(), tag.group(3)
            if closing:
                if any(open_name == name for open_name, _ in stack):
                    while stack and stack.pop()[0] != name:
                        pass
            elif name not in VOID and not rest.rstrip().endswith("/"):
                lang = LANG.search(rest)
                inherited = stack[-1][1] if stack else False
                stack.append((name, lang.group(1).lower().startswith("ko") if lang else inherited))
            out.append(text)
        elif text.startswith("<") or (stack and stack[-1][1]):
            out.append(text)
        else:
            out.append(RUN.sub(lambda m: f'<span lang="ko">{m.group(0)}</span>', text))
    return "".join(out)
