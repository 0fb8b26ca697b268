"""The site's own fonts, subset at build time to the characters its pages use.

Each from a pinned package and never committed:
- text: Noto Sans, regular and bold (npm `@fontsource/noto-sans`, SIL OFL 1.1), the face the
  figures are drawn in too (site_build/figure_font.py), so prose and figures are one family on
  every machine, whatever its reader has installed; its italic is the upright slanted by the
  browser, one file fewer to wait for;
- symbols and code: DejaVu Sans, for the few characters of the text that Noto Sans's web files
  lack (arrows, subscript digits), and DejaVu Sans Mono for code, both as matplotlib ships them
  (Bitstream Vera licence);
- math: Noto Sans Math (npm `@fontsource/noto-sans-math`, SIL OFL 1.1), an OpenType MATH font,
  so that Chromium draws hats, big operators and stretchy brackets the same on every machine;
- Korean: Noto Sans KR (PyPI `pylopdf-fonts-ko`, SIL OFL 1.1), for the Hangul on the pages.

`write_for_site` reads the finished pages of a built site, subsets the fonts to what they
draw and writes them as WOFF2 into it (FONT_DIR). Subsets are cached in .cache/fonts/ by
their source and characters, so a build with the same text reuses them.
"""

from __future__ import annotations

import functools
import hashlib
import html
import io
import re
from pathlib import Path

import figure_font
import paths
from fontTools import subset
from fontTools.ttLib import TTFont

PROJECT = Path(__file__).resolve().parent.parent
FONT_DIR = "assets/fonts"
MATH_FONT = "noto-sans-math.woff2"
KOREAN_FONT = "noto-sans-kr.woff2"
TEXT_FONT, BOLD_FONT, SYMBOLS_FONT, CODE_FONT = "text.woff2", "text-bold.woff2", "symbols.woff2", "code.woff2"
DEJAVU_LICENCE = "LICENSE_DEJAVU.txt"
# Always in the text fonts, whatever the pages say: what the explorers' read-outs and the
# search box may show, and the arrows, so that the symbols font (DejaVu's, for what Noto Sans's
# web files lack) always exists: a browser asks for it at any character the text font lacks.
# The hook (↳) is extra.css's, before a comment a phone moves under its line of code.
ALWAYS = {chr(code) for code in range(0x20, 0x7F)} | set(
    "\u2212\u2013\u2014\u2018\u2019\u201c\u201d\u2026\u2190\u2191\u2192\u2193\u21b3"
)

MATH = re.compile(r"<math\b.*?</math>", re.DOTALL)
TAG = re.compile(r"<[^>]*>")
# A one-letter <mi> without mathvariant is drawn from the Mathematical Italic block.
PLAIN_MI = re.compile(r"<mi>([^<])</mi>")
# A root draws the radical sign from the font's MATH table: √ is in no text.
ROOT = re.compile(r"<m(?:sqrt|root)\b")
HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\uac00-\ud7af\ud7b0-\ud7ff]")


def math_source(project: Path = PROJECT) -> Path:
    return project / "node_modules/@fontsource/noto-sans-math/files/noto-sans-math-latin-400-normal.woff2"


def korean_source() -> Path:
    import pylopdf_fonts_ko

    return pylopdf_fonts_ko.sans_path()


def italic(char: str) -> str:
    """The Mathematical Italic letter Chromium draws for a one-letter <mi>, else the letter itself."""
    code = ord(char)
    if char == "h":
        return "\u210e"  # Planck constant: the block's hole at italic h
    if 0x41 <= code <= 0x5A:
        return chr(0x1D434 + code - 0x41)
    if 0x61 <= code <= 0x7A:
        return chr(0x1D44E + code - 0x61)
    if 0x391 <= code <= 0x3A9:
        return chr(0x1D6E2 + code - 0x391)
    if 0x3B1 <= code <= 0x3C9:
        return chr(0x1D6FC + code - 0x3B1)
    return char


def math_characters(page_html: str) -> set[str]:
    """Every character the page's formulas draw: their text, the italic forms of one-letter
    identifiers, and the radical sign of a root (without it in the font, Chromium draws
    \\sqrt{x} as a bare x)."""
    chars: set[str] = set()
    for formula in MATH.findall(page_html):
        chars |= set(html.unescape(TAG.sub("", formula)))
        chars |= {italic(letter) for letter in PLAIN_MI.findall(formula)}
        if ROOT.search(formula):
            chars.add("\u221a")
    return chars - {"\n", "\t"}


def hangul_characters(page_html: str) -> set[str]:
    """Every Hangul character in the page, in text and in attributes (tooltips) alike."""
    return set(HANGUL.findall(html.unescape(page_html)))


def text_characters(page_html: str) -> set[str]:
    """Every character of the page's text and code outside its formulas, Hangul aside."""
    text = html.unescape(TAG.sub("", MATH.sub("", page_html)))
    return set(HANGUL.sub("", text)) - {"\n", "\t", "\r"}


def preloads(page_html: str) -> list[str]:
    """The fonts a page draws as soon as it shows: the text font and its bold (the title is
    bold), the code font if it shows code, the math font if it has formulas, the Korean one if
    its text (not only a tooltip) has Hangul. The page asks for them in its <head>, so that its
    text is not laid out again, and shifted, when they arrive, nor its title held back."""
    text = html.unescape(TAG.sub("", page_html))
    return (
        [TEXT_FONT, BOLD_FONT]
        + [CODE_FONT] * ("<code" in page_html)
        + [MATH_FONT] * bool(MATH.search(page_html))
        + [KOREAN_FONT] * bool(HANGUL.search(text))
    )


def _woff2_options() -> subset.Options:
    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["*"]  # ssty (script-size primes), kerning, and the rest
    options.hinting = False
    options.drop_tables = [*options.drop_tables, "FFTM"]  # FontForge's timestamps (DejaVu's)
    options.desubroutinize = True
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 14]  # the copyright, the names, the licence's address
    return options


def subset_woff2(source: Path, characters: set[str], cache_dir: Path) -> bytes:
    """The source font cut down to `characters` (and the glyphs its MATH and layout tables reach)."""
    text = "".join(sorted(characters))
    # This module's source too: a change of how fonts are cut (the name IDs kept, say) cuts anew.
    key = hashlib.sha256(
        f"{source.name}\0{source.stat().st_size}\0{text}".encode() + Path(__file__).read_bytes()
    ).hexdigest()[:20]
    cached = cache_dir / f"{source.stem}-{key}.woff2"
    if cached.exists():
        return cached.read_bytes()
    font = TTFont(source, recalcTimestamp=False)  # the same bytes from the same text
    subsetter = subset.Subsetter(_woff2_options())
    subsetter.populate(text=text)
    subsetter.subset(font)
    buffer = io.BytesIO()
    font.flavor = "woff2"
    font.save(buffer)
    paths.write_whole(cached, buffer.getvalue())
    return buffer.getvalue()


def write_for_site(site_dir: Path, project: Path = PROJECT) -> dict[str, int]:
    """Subset the fonts to the characters the built pages draw, into the site.

    Reads the finished pages from the site folder, so that it needs no state from the build
    that wrote them. Returns the fonts' sizes in bytes by file name.
    """
    math, korean, text = set(), set(), set(ALWAYS)
    for page in site_dir.rglob("*.html"):
        page_html = page.read_text()
        math |= math_characters(page_html)
        korean |= hangul_characters(page_html)
        text |= text_characters(page_html)
    cache_dir = project / ".cache" / "fonts"
    folder = site_dir / FONT_DIR
    folder.mkdir(parents=True, exist_ok=True)
    sizes = {}
    noto = set(map(chr, TTFont(figure_font.noto_sans()).getBestCmap()))
    for name, chars, source in (
        (TEXT_FONT, text, figure_font.noto_sans),
        (BOLD_FONT, text, functools.partial(figure_font.noto_sans, 700)),
        (SYMBOLS_FONT, text - noto, functools.partial(figure_font.dejavu, figure_font.DEJAVU)),
        (CODE_FONT, text, functools.partial(figure_font.dejavu, "DejaVuSansMono.ttf")),
        (MATH_FONT, math, lambda: math_source(project)),
        (KOREAN_FONT, korean, korean_source),
    ):
        if not chars:
            continue  # a site with no formula (or no Korean) needs no such font
        data = subset_woff2(source(), chars | {" "}, cache_dir)
        (folder / name).write_bytes(data)
        sizes[name] = len(data)
    # The Bitstream Vera licence asks that its notice go with every copy of the fonts.
    (folder / DEJAVU_LICENCE).write_bytes(figure_font.dejavu("LICENSE_DEJAVU").read_bytes())
    return sizes
