"""Give each figure on a built page its dark twin, its size, and lazy loading.

A page shows a figure once, with its description once:
`![what it shows](figures/<snippet>/<name>.svg)`. The generator draws every
figure twice, for Material's light and dark schemes (`<name>.svg` and
`<name>-dark.svg`). This step turns the one image into the pair that Material
switches between (`#only-light`, `#only-dark`), gives both their width and
height so that the page does not shift as they arrive, and marks them lazy, so
that a browser downloads only the one the reader's scheme shows: an image that
is not displayed is never near the viewport.

It works on HTML and knows nothing of MkDocs.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

# An <img> whose src is a generated figure, without a #fragment (a page that still
# chooses its own variant is left alone).
FIGURE = re.compile(
    r'<img (?P<before>[^>]*?)src="(?P<stem>[^"#]*figures/[^"#]+)\.svg"(?P<after>[^>]*?)\s*/?>'
)
SVG_SIZE = re.compile(r'<svg [^>]*?width="([\d.]+)pt" height="([\d.]+)pt"')
PX_PER_PT = 96 / 72


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
        width, height = svg_size(figure_file(f"{stem}.svg"))
        common = f'{attributes} width="{width}" height="{height}" loading="lazy"'
        light = f'<img {common} src="{stem}.svg#only-light" />'
        return f'{light}\n<img {common} src="{stem}-dark.svg#only-dark" />'

    return FIGURE.sub(pair, html)
