"""Give each figure on a built page its dark twin, its size, and lazy loading.

A page shows a figure once, with its description once:
`![what it shows](figures/<snippet>/<name>.svg)`. The generator draws every
figure twice, for Material's light and dark schemes (`<name>.svg` and
`<name>-dark.svg`). This step turns the one image into the pair that Material
switches between (`#only-light`, `#only-dark`), gives both their width and
height so that the page does not shift as they arrive, and marks them lazy, so
that a browser downloads only the one the reader's scheme shows: an image that
is not displayed is never near the viewport.

A figure the generator also drew narrow, for phones (`<name>-narrow.svg`, its
panels stacked), becomes a `<picture>` whose `<source>` a phone's browser picks
instead (NARROW_MEDIA), each with its own size.

It works on HTML and knows nothing of MkDocs.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

# An <img> whose src is a generated figure, without a #fragment (a page that still
# chooses its own variant is left alone), and the <br /> that Markdown puts between it
# and its caption: a blank line of 26 px inside the figure.
FIGURE = re.compile(
    r'<img (?P<before>[^>]*?)src="(?P<stem>[^"#]*figures/[^"#]+)\.svg"(?P<after>[^>]*?)\s*/?>'
    r"(?:\s*<br\s*/?>(?=\s*<figcaption))?"
)
SVG_SIZE = re.compile(r'<svg [^>]*?width="([\d.]+)pt" height="([\d.]+)pt"')
PX_PER_PT = 96 / 72
# Where the narrow variant replaces the wide one: a phone, whose text column is about 360 px.
NARROW_MEDIA = "(max-width: 600px)"
# A wide figure is shown a fifth larger than matplotlib drew it, within the column's width: its
# 10 pt text then reads at about 16 px beside the page's 18 px, not 13 px. (A phone's narrow
# variant keeps its own size: drawn for that screen.)
WIDE_SCALE = 1.2


def svg_size(path: Path) -> tuple[int, int]:
    """The CSS pixel size that matplotlib wrote into an SVG (in points)."""
    match = SVG_SIZE.search(path.read_text())
    if match is None:
        raise ValueError(f"{path}: no width and height in points")
    return tuple(round(float(points) * PX_PER_PT) for points in match.groups())


def add_dark_twins(html: str, figure_file: Callable[[str], Path]) -> str:
    """Each figure as a light and a dark image, sized and lazy.

    figure_file maps an image's src (as written in the HTML) to the SVG file it names.
    """

    def pair(match: re.Match) -> str:
        stem, attributes = match["stem"], f"{match['before']}{match['after']}".strip()
        wide = figure_file(f"{stem}.svg")
        width, height = (round(WIDE_SCALE * size) for size in svg_size(wide))
        common = f'{attributes} width="{width}" height="{height}" loading="lazy"'
        images = []
        for variant, scheme in (("", "only-light"), ("-dark", "only-dark")):
            image = f'<img {common} src="{stem}{variant}.svg#{scheme}" />'
            narrow = wide.with_name(f"{wide.stem}-narrow{variant}.svg")
            if narrow.exists():
                narrow_width, narrow_height = svg_size(narrow)
                source = (
                    f'<source media="{NARROW_MEDIA}" srcset="{stem}-narrow{variant}.svg#{scheme}"'
                    f' width="{narrow_width}" height="{narrow_height}" />'
                )
                image = f"<picture>{source}{image}</picture>"
            images.append(image)
        return "\n".join(images)

    return FIGURE.sub(pair, html)
