"""Glossary tooltips, made from the glossary page itself (docs/glossary.md is the one source).

Each English term of the glossary's table is marked once per page, at its first use in body
text, as `<abbr title="Korean: meaning">`; Material shows the title as a tooltip. Never in a
heading, a link, code, a formula, an admonition's title or a tab's label, where a dotted
underline would be noise or would double a link's underline.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

HANGUL = re.compile(r"[\uac00-\ud7a3]")
TOKEN = re.compile(
    r"<!--.*?-->|<(script|style|pre|code|math|svg)\b[^>]*>.*?</\1\s*>|<[^>]*>|[^<]+",
    re.DOTALL | re.IGNORECASE,
)
TAG = re.compile(r"<(/?)([A-Za-z][\w:-]*)([^>]*)>")
VOID = {"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Elements whose text is not running text: a term there is left unmarked.
NOT_BODY = {"h1", "h2", "h3", "h4", "h5", "h6", "a", "abbr", "button", "label", "summary", "nav", "kbd"}
NOT_BODY_CLASS = re.compile(r"""class\s*=\s*["'][^"']*\b(admonition-title|headerlink|md-[\w-]*)\b""")


@dataclass(frozen=True)
class Term:
    english: str
    korean: str
    meaning: str

    @property
    def tooltip(self) -> str:
        return f"{self.korean}: {self.meaning}"


def read(glossary_page: Path) -> list[Term]:
    """The rows of the glossary's table: | English | Korean | Meaning | Explained in |.

    A site without a glossary page has no tooltips.
    """
    if not glossary_page.exists():
        return []
    terms = []
    for line in glossary_page.read_text().splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 4 and HANGUL.search(cells[1]) and "](" in cells[3]:  # not the header
            terms.append(Term(cells[0], cells[1], cells[2].rstrip(".")))
    return terms


def _pattern(terms: list[Term]) -> re.Pattern:
    # Longest first, so that "linear regression" wins over "regression"; plurals count.
    names = sorted((t.english for t in terms), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, names)) + r")(?:s|es)?(?![\w-])", re.I)


def mark(page_html: str, terms: list[Term]) -> str:
    """The page with each term's first use in body text wrapped in <abbr title="...">."""
    if not terms:
        return page_html
    by_name = {t.english.lower(): t for t in terms}
    pattern = _pattern(terms)
    unmarked = set(by_name)
    out: list[str] = []
    stack: list[tuple[str, bool]] = []  # open elements: (name, inside something that is not body text)
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
                excluded = name in NOT_BODY or bool(NOT_BODY_CLASS.search(rest))
                stack.append((name, excluded or (stack[-1][1] if stack else False)))
        elif not text.startswith("<") and not (stack and stack[-1][1]) and unmarked:

            def wrap(match: re.Match) -> str:
                key = match.group(1).lower()
                if key not in unmarked:
                    return match.group(0)
                unmarked.discard(key)
                title = html.escape(by_name[key].tooltip, quote=True)
                return f'<abbr title="{title}">{match.group(0)}</abbr>'

            text = pattern.sub(wrap, text)
        out.append(text)
    return "".join(out)
