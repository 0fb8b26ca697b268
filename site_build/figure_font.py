"""The site's text face, for matplotlib and inside each figure.

The pages' text is Noto Sans (npm `@fontsource/noto-sans`, SIL OFL 1.1), which pairs with the
maths' Noto Sans Math. The figures are drawn in it too: `register` gives matplotlib the font
(`site_style` in gallery.py names it), with DejaVu Sans, matplotlib's own, for the few
characters Noto Sans's web files lack (subscript digits, arrows). Matplotlib lays out a
figure's text with those fonts and writes it into the SVG as <text>: small, selectable. But an
SVG shown as an <img> loads nothing, not even the page's fonts, so `with_font` embeds in each
SVG's stylesheet the glyphs its text draws, from both fonts, under the names matplotlib wrote:
on any machine it looks as matplotlib laid it out.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import html
import importlib.util
import io
import re
from pathlib import Path

import paths
from fontTools import merge, subset
from fontTools.ttLib import TTFont

PROJECT = Path(__file__).resolve().parent.parent
NOTO_FILES = PROJECT / "node_modules/@fontsource/noto-sans/files"
NOTO_SUBSETS = ("latin", "latin-ext", "greek")  # the web font's files, one per script
FAMILIES = ("Noto Sans", "DejaVu Sans")  # for matplotlib, in order: each glyph from the first that has it
DEJAVU = "DejaVuSans.ttf"
TEXT = re.compile(r"<text\b[^>]*>(.*?)</text>", re.DOTALL)
TAG = re.compile(r"<[^>]*>")
SVG_STYLE = '<style type="text/css">'
# What DejaVu may have to draw: Latin, Greek, punctuation, arrows and operators. Cut from the
# font once per process, so that each figure's own cut takes milliseconds, not a tenth of a second.
REPERTOIRE = [*range(0x20, 0x250), *range(0x370, 0x400), *range(0x2000, 0x2300)]


def dejavu(name: str) -> Path:
    """One of the DejaVu fonts that matplotlib ships, found without importing matplotlib (a warm
    build, whose snippets have not changed, imports neither it nor torch)."""
    package = Path(importlib.util.find_spec("matplotlib").origin).parent
    return package / "mpl-data" / "fonts" / "ttf" / name


def noto_sans(weight: int = 400) -> Path:
    """Noto Sans at this weight as one TrueType file (what matplotlib and fontTools read): the
    web font's Latin, Latin Extended and Greek files merged, cached in .cache/fonts/ by their
    bytes and this module's."""
    sources = [NOTO_FILES / f"noto-sans-{script}-{weight}-normal.woff2" for script in NOTO_SUBSETS]
    # This module's source too: a change of how the file is made makes it anew.
    made_from = b"".join(source.read_bytes() for source in sources) + Path(__file__).read_bytes()
    digest = hashlib.sha256(made_from).hexdigest()[:16]
    merged = PROJECT / ".cache" / "fonts" / f"noto-sans-{weight}-{digest}.ttf"
    if not merged.exists():
        parts = []
        for source in sources:
            font = TTFont(source, recalcTimestamp=False)
            font.flavor = None
            part = io.BytesIO()
            font.save(part)
            parts.append(io.BytesIO(part.getvalue()))
        font = merge.Merger().merge(parts)
        # The merger dates the result now; the first file's dates make it the same bytes on
        # any machine on any day (the fonts cut from it, and every figure that embeds them).
        first = TTFont(sources[0], recalcTimestamp=False)["head"]
        font["head"].created, font["head"].modified = first.created, first.modified
        font.recalcTimestamp = False
        buffer = io.BytesIO()
        font.save(buffer)
        paths.write_whole(merged, buffer.getvalue())  # two builds may make it at once
    return merged


@functools.cache
def register() -> None:
    """Give this process's matplotlib the Noto Sans file (once)."""
    from matplotlib import font_manager

    font_manager.fontManager.addfont(str(noto_sans()))


def _options(flavor: str | None) -> subset.Options:
    options = subset.Options()
    options.flavor = flavor
    options.layout_features = ["kern"]  # matplotlib kerns; the browser then kerns the same pairs
    options.hinting = False
    options.drop_tables = [*options.drop_tables, "FFTM"]  # FontForge's timestamps (DejaVu's)
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 14]  # the copyright, the names, the licence's address
    return options


@functools.cache
def _sources() -> dict[str, bytes]:
    """Each family's font as TrueType bytes: Noto Sans whole, DejaVu Sans cut to REPERTOIRE."""
    font = TTFont(dejavu(DEJAVU), recalcTimestamp=False)
    subsetter = subset.Subsetter(_options(None))
    subsetter.populate(unicodes=REPERTOIRE)
    subsetter.subset(font)
    repertoire = io.BytesIO()
    font.save(repertoire)
    return {"Noto Sans": noto_sans().read_bytes(), "DejaVu Sans": repertoire.getvalue()}


@functools.cache
def _cmaps() -> dict[str, set[str]]:
    return {
        family: set(map(chr, TTFont(io.BytesIO(data)).getBestCmap())) for family, data in _sources().items()
    }


def warm_up() -> None:
    """What each figure would otherwise pay once per process: the fonts read and cut."""
    register()
    _cmaps()


def split(text: str) -> dict[str, str]:
    """The characters of the text by the family that draws them, as matplotlib chooses: the
    first in FAMILIES that has the character. One that neither has stops the build."""
    drawn: dict[str, str] = {}
    for char in sorted(set(text) - {"\n"}):
        family = next((f for f in FAMILIES if char in _cmaps()[f]), None)
        if family is None:
            raise ValueError(f"a figure's text has a character its fonts cannot draw: {char!r}")
        drawn[family] = drawn.get(family, "") + char
    return drawn


@functools.lru_cache(maxsize=128)
def _woff2(family: str, text: str) -> bytes:
    font = TTFont(io.BytesIO(_sources()[family]), recalcTimestamp=False)
    subsetter = subset.Subsetter(_options("woff2"))
    subsetter.populate(text=text)
    subsetter.subset(font)
    buffer = io.BytesIO()
    font.flavor = "woff2"
    font.save(buffer)
    return buffer.getvalue()


def with_font(svg: str) -> str:
    """The SVG matplotlib wrote, with the glyphs its text draws embedded in its stylesheet, each
    family's under its own name, so that it looks as matplotlib laid it out on any machine."""
    text = html.unescape(TAG.sub("", "".join(TEXT.findall(svg))))
    if not text.strip():
        return svg
    if SVG_STYLE not in svg:
        raise ValueError("no stylesheet in the SVG to put its font in")
    faces = []
    for family, chars in split(text).items():
        data = base64.b64encode(_woff2(family, chars)).decode("ascii")
        faces.append(
            f'@font-face{{font-family:"{family}";src:url(data:font/woff2;base64,{data}) format("woff2")}}\n'
        )
    return svg.replace(SVG_STYLE, SVG_STYLE + "".join(faces), 1)
