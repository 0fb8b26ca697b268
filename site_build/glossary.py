"""Glossary tooltips, made from the glossary page itself (docs/glossary.md is the one source).

Each English term of the glossary's table is marked once per page, at its first use in body
text, as `<abbr title="Korean: meaning">`; Material shows the title as a tooltip. Never in a
heading, a link, code, a code block's title (a file's name), a formula, an admonition's title or
a tab's label, where a dotted underline would be noise or would double a link's underline.
"""

from __future__ import annotations

import functools
import html
import re
from dataclasses import dataclass
from pathlib import Path

import html_text

PAGE = "glossary.md"  # the glossary page, under docs/: the one source of the tooltips
# Pages whose terms are not marked: the glossary spells each out beside its Korean; the credits
# and errata quote titles and sentences, where a dotted term read as part of the quotation.
UNMARKED_PAGES = (PAGE, "credits.md", "errata.md")
HANGUL = re.compile(r"[\uac00-\ud7a3]")
# Never marked inside these: code, formulas, drawings.
RAW = ("script", "style", "pre", "code", "math", "svg")
# Elements whose text is not running text: a term there is left unmarked.
# Not in tables either (a dotted term in a cell of a few words was clutter, not help), nor in
# bold or italics, whose emphasis already marks a term where the text defines it.
NOT_BODY = {
    "strong",
    "em",
    "b",
    "i",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "a",
    "abbr",
    "button",
    "label",
    "summary",
    "nav",
    "kbd",
    "table",
    "figcaption",
}
# (info: the Sources box, closed under a chapter's title, whose terms are explained below it;
# cards: the home page's chapter cards, and key-idea: a chapter's "What to remember", summaries
# to scan, not texts to read; a figure's caption is one too, above.)
NOT_BODY_CLASS = re.compile(
    r"""class\s*=\s*["'][^"']*\b(admonition-title|cards|filename|headerlink|info|key-idea|md-[\w-]*)\b"""
)


@dataclass(frozen=True)
class Term:
    english: str
    korean: str
    meaning: str

    @property
    def tooltip(self) -> str:
        return f"{self.korean}: {plain(self.meaning)}"


# A tooltip is plain text: the glossary's few formulas ($...$, shown as maths on its own page)
# are written there with Unicode's letters, signs and superscripts.
TEX_WORDS = {r"\sigma": "σ", r"\log": "log", r"\cdot": "·", "-": "−"}
SUPERSCRIPTS = str.maketrans("0123456789+-xn", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻ˣⁿ")


def plain(text: str) -> str:
    """The text with each $formula$ in plain Unicode: "$e^{-x}$" reads "e⁻ˣ"."""

    def unicode(formula: re.Match) -> str:
        tex = re.sub(r"\^\{([^}]*)\}", lambda power: power[1].translate(SUPERSCRIPTS), formula[1])
        for command, character in TEX_WORDS.items():
            tex = tex.replace(command, character)
        return tex

    return re.sub(r"\$([^$]+)\$", unicode, text)


def read(glossary_page: Path) -> list[Term]:
    """The rows of the glossary's table: | English | Korean | Meaning | Explained in |.

    A site without a glossary page has no tooltips. The page is read again only when it
    changes, not once for every page that is marked.
    """
    if not glossary_page.exists():
        return []
    return list(_read(glossary_page, glossary_page.stat().st_mtime_ns))


@functools.cache
def _read(glossary_page: Path, mtime_ns: int) -> tuple[Term, ...]:
    terms = []
    for line in glossary_page.read_text().splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 4 and HANGUL.search(cells[1]) and "](" in cells[3]:  # not the header
            terms.append(Term(cells[0], cells[1], cells[2].rstrip(".")))
    return tuple(terms)


def _pattern(terms: list[Term]) -> re.Pattern:
    # Longest first, so that "linear regression" wins over "regression"; plurals count.
    # A term of several words may be broken across two lines of the page's source.
    names = sorted((t.english for t in terms), key=len, reverse=True)
    alternatives = "|".join(re.escape(name).replace(r"\ ", r"\s+") for name in names)
    return re.compile(r"(?<![\w-])(" + alternatives + r")(?:s|es)?(?![\w-])", re.I)


def mark(page_html: str, terms: list[Term]) -> str:
    """The page with each term's first use in body text wrapped in <abbr title="...">."""
    if not terms:
        return page_html
    by_name = {t.english.lower(): t for t in terms}
    pattern = _pattern(terms)
    unmarked = set(by_name)

    def outside_body_text(name: str, start_tag: str, parent: bool) -> bool:
        return parent or name in NOT_BODY or bool(NOT_BODY_CLASS.search(start_tag))

    def wrap(match: re.Match) -> str:
        key = " ".join(match.group(1).lower().split())
        if key not in unmarked:
            return match.group(0)
        unmarked.discard(key)
        title = html.escape(by_name[key].tooltip, quote=True)
        return f'<abbr title="{title}">{match.group(0)}</abbr>'

    out = []
    for piece, excluded in html_text.pieces(page_html, RAW, outside_body_text):
        out.append(pattern.sub(wrap, piece) if excluded is False and unmarked else piece)
    return "".join(out)


GLOSSARY_TABLE = '<div class="glossary">'
TERM_ROW = re.compile(r"<tr>(?=\s*<td>(?P<initial>[A-Za-z]))")


def letter_index(glossary_html: str) -> str:
    """The glossary page with a row of its terms' first letters above the table, each a link to
    the first term that starts with it: on a phone the table is ten screens long."""
    letters = []

    def anchor(row: re.Match) -> str:
        letter = row["initial"].upper()
        if letter in letters:
            return row[0]
        letters.append(letter)
        return f'<tr id="letter-{letter.lower()}">'

    table = glossary_html.find(GLOSSARY_TABLE)
    if table < 0:
        raise ValueError(f"the glossary page has no {GLOSSARY_TABLE}")
    end = glossary_html.find("</table>", table)  # the terms' table, not the symbols' after it
    rows = TERM_ROW.sub(anchor, glossary_html[table:end])
    links = "".join(f'<a href="#letter-{letter.lower()}">{letter}</a>' for letter in letters)
    index = f'<nav class="glossary-letters" aria-label="Terms by first letter">{links}</nav>\n'
    return glossary_html[:table] + index + rows + glossary_html[end:]
