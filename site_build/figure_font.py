"""Each figure carries the glyphs its text draws.

Matplotlib lays out a figure's text with DejaVu Sans and writes it into the SVG as <text>:
small, selectable, searchable. But an SVG shown as an <img> loads nothing, not even the page's
fonts, so without this its text would be drawn in whatever sans-serif the reader's machine has,
with other widths than matplotlib measured. `with_figure_font` embeds a subset of DejaVu Sans
(the same face as the site's text, site_build/fonts.py) in the SVG's own stylesheet.
"""

from __future__ import annotations

import base64
import functools
import html
import io
import re
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

FIGURE_FONT = "DejaVuSans.ttf"
TEXT = re.compile(r"<text\b[^>]*>(.*?)</text>", re.DOTALL)
TAG = re.compile(r"<[^>]*>")
SVG_STYLE = '<style type="text/css">'
# What a figure's text may use: Latin, Greek, punctuation, arrows and operators. Cut from the
# font once per process, so that each figure's own cut takes milliseconds, not a tenth of a second.
REPERTOIRE = [*range(0x20, 0x250), *range(0x370, 0x400), *range(0x2000, 0x2300)]


def dejavu(name: str) -> Path:
    """One of the DejaVu fonts that matplotlib ships."""
    import matplotlib

    return Path(matplotlib.get_data_path()) / "fonts" / "ttf" / name


def _options(flavor: str | None) -> subset.Options:
    options = subset.Options()
    options.flavor = flavor
    options.layout_features = ["kern"]  # matplotlib kerns; the browser then kerns the same pairs
    options.hinting = False
    options.drop_tables = [*options.drop_tables, "FFTM"]  # FontForge's timestamps (DejaVu's)
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 14]  # the copyright, the names, the licence's address
    return options


@functools.cache
def repertoire() -> bytes:
    """DejaVu Sans cut to REPERTOIRE, as TrueType bytes."""
    font = TTFont(dejavu(FIGURE_FONT), recalcTimestamp=False)
    subsetter = subset.Subsetter(_options(None))
    subsetter.populate(unicodes=REPERTOIRE)
    subsetter.subset(font)
    buffer = io.BytesIO()
    font.save(buffer)
    return buffer.getvalue()


@functools.lru_cache(maxsize=64)
def _figure_woff2(text: str) -> bytes:
    font = TTFont(io.BytesIO(repertoire()), recalcTimestamp=False)
    missing = set(text) - set(map(chr, font.getBestCmap())) - {"\n"}
    if missing:
        raise ValueError(f"a figure's text has characters its font cannot draw: {sorted(missing)}")
    subsetter = subset.Subsetter(_options("woff2"))
    subsetter.populate(text=text)
    subsetter.subset(font)
    buffer = io.BytesIO()
    font.flavor = "woff2"
    font.save(buffer)
    return buffer.getvalue()


def with_font(svg: str) -> str:
    """The SVG matplotlib wrote, with the DejaVu Sans glyphs its text draws embedded in its
    stylesheet, so that it looks as matplotlib laid it out on a machine without DejaVu."""
    text = "".join(sorted({*html.unescape(TAG.sub("", "".join(TEXT.findall(svg))))}))
    if not text.strip():
        return svg
    data = base64.b64encode(_figure_woff2(text)).decode("ascii")
    face = f'@font-face{{font-family:"DejaVu Sans";src:url(data:font/woff2;base64,{data}) format("woff2")}}'
    if SVG_STYLE not in svg:
        raise ValueError("no stylesheet in the SVG to put its font in")
    return svg.replace(SVG_STYLE, f"{SVG_STYLE}{face}\n", 1)
