"""Read what matplotlib wrote into an SVG: its texts (where, how big, what colour) and its images.

Enough of SVG for the figures the gallery saves (svg.fonttype "none", images as
embedded PNGs), so that a test can compute a contrast ratio from the file itself.
"""

from __future__ import annotations

import base64
import io
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from gallery import DARK_PAGE as _DARK_PAGE
from gallery import contrast, luminance  # noqa: F401 (the tests' measure too: one WCAG formula)
from matplotlib.colors import to_rgb

SVG_NS = "{http://www.w3.org/2000/svg}"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
LIGHT_PAGE = (1.0, 1.0, 1.0)
DARK_PAGE = to_rgb(_DARK_PAGE)  # Material's slate background, as the figures' dark variant takes it


def over(colour, alpha: float, page) -> tuple[float, float, float]:
    """A colour (r, g, b from 0 to 1) drawn at an opacity over the page's: what the eye sees."""
    return tuple(alpha * fg + (1 - alpha) * bg for fg, bg in zip(colour[:3], page, strict=True))


@dataclass(frozen=True)
class Text:
    content: str
    x: float  # the anchor on the baseline, in SVG user units
    y: float
    size: float  # font-size in SVG user units
    anchor: str  # start, middle or end
    fill: tuple[float, float, float]

    def box(self) -> tuple[float, float, float, float]:
        """An estimate of the ink's box (left, top, right, bottom): DejaVu Sans is about 0.6 em a letter."""
        width = 0.6 * self.size * len(self.content)
        left = {"start": self.x, "middle": self.x - width / 2, "end": self.x - width}[self.anchor]
        return left, self.y - 0.72 * self.size, left + width, self.y


@dataclass(frozen=True)
class Image:
    pixels: object  # a PIL image, RGBA
    to_local: tuple  # an affine map (a, b, c, d, e, f) from SVG user units to the image's own units
    x: float
    y: float
    width: float
    height: float

    def colour_at(self, px: float, py: float, page: tuple[float, float, float]):
        """The colour drawn at (px, py), over the page's background; None outside the image."""
        a, b, c, d, e, f = self.to_local
        u, v = a * px + c * py + e, b * px + d * py + f
        if not (self.x <= u < self.x + self.width and self.y <= v < self.y + self.height):
            return None
        columns, rows = self.pixels.size
        column = int((u - self.x) / self.width * columns)
        row = int((v - self.y) / self.height * rows)
        *rgb, alpha = (channel / 255 for channel in self.pixels.getpixel((column, row)))
        return over(rgb, alpha, page)


def _colour(value: str) -> tuple[float, float, float]:
    from matplotlib.colors import to_rgb

    return to_rgb(value.strip())


def _style(element) -> dict[str, str]:
    pairs = (item.split(":", 1) for item in element.get("style", "").split(";") if ":" in item)
    return {key.strip(): value.strip() for key, value in pairs}


def _inverse_of(transform: str) -> tuple:
    """The inverse of a transform made of translate() and scale() steps, as an affine map."""
    # Compose forward: a point p maps to S1 T1 ... p (the rightmost step applies first).
    a, b, c, d, e, f = 1.0, 0.0, 0.0, 1.0, 0.0, 0.0
    for name, args in re.findall(r"(translate|scale)\(([^)]*)\)", transform):
        numbers = [float(n) for n in re.split(r"[\s,]+", args.strip())]
        if name == "translate":
            tx, ty = numbers[0], numbers[1] if len(numbers) > 1 else 0.0
            e, f = a * tx + c * ty + e, b * tx + d * ty + f
        else:
            sx, sy = numbers[0], numbers[1] if len(numbers) > 1 else numbers[0]
            a, b, c, d = a * sx, b * sx, c * sy, d * sy
    determinant = a * d - b * c
    ia, ib, ic, id_ = d / determinant, -b / determinant, -c / determinant, a / determinant
    return ia, ib, ic, id_, -(ia * e + ic * f), -(ib * e + id_ * f)


def texts(path: Path) -> list[Text]:
    found = []
    for element in ET.parse(path).iter(f"{SVG_NS}text"):
        style = _style(element)
        if "font-size" not in style or not (element.text or "").strip():
            continue
        if element.get("x") is not None:
            x, y = float(element.get("x")), float(element.get("y"))
        else:
            anchor = re.search(r"translate\(([-\d.e]+)[\s,]+([-\d.e]+)\)", element.get("transform"))
            x, y = (float(n) for n in anchor.groups())
        found.append(
            Text(
                content=element.text.strip(),
                x=x,
                y=y,
                size=float(style["font-size"].removesuffix("px")),
                anchor=style.get("text-anchor", "start"),
                fill=_colour(style.get("fill", "#000000")),
            )
        )
    return found


def lines(path: Path, page) -> list[tuple[str, tuple[float, float, float]]]:
    """Each drawn line's id (line2d_N, as matplotlib names a Line2D) and its colour as drawn over
    the page's background, its stroke's opacity counted in."""
    found = []
    for group in ET.parse(path).iter(f"{SVG_NS}g"):
        if not group.get("id", "").startswith("line2d_"):
            continue
        for element in group.iter(f"{SVG_NS}path"):
            style = _style(element)
            if style.get("stroke", "none") != "none":
                drawn = over(_colour(style["stroke"]), float(style.get("stroke-opacity", 1)), page)
                found.append((group.get("id"), drawn))
                break
    return found


def images(path: Path) -> list[Image]:
    from PIL import Image as PILImage

    found = []
    for element in ET.parse(path).iter(f"{SVG_NS}image"):
        data = element.get(XLINK_HREF, "")
        if not data.startswith("data:image/png;base64,"):
            continue
        pixels = PILImage.open(io.BytesIO(base64.b64decode(data.split(",", 1)[1]))).convert("RGBA")
        found.append(
            Image(
                pixels=pixels,
                to_local=_inverse_of(element.get("transform", "")),
                x=float(element.get("x", 0)),
                y=float(element.get("y", 0)),
                width=float(element.get("width")),
                height=float(element.get("height")),
            )
        )
    return found


def text_over_images(path: Path, page) -> list[tuple[Text, float]]:
    """Each text drawn over an image, with its worst contrast against the pixels under its box."""
    pictures = images(path)
    worst = []
    for text in texts(path):
        left, top, right, bottom = text.box()
        ratios = []
        for i in range(9):
            for j in range(5):
                point = (left + (right - left) * i / 8, top + (bottom - top) * j / 4)
                for picture in pictures:
                    colour = picture.colour_at(*point, page)
                    if colour is not None:
                        ratios.append(contrast(text.fill, colour))
        if ratios:
            worst.append((text, min(ratios)))
    return worst


def view_width(path: Path) -> float:
    """The width of the SVG's viewBox: the user units its font sizes are in."""
    return float(ET.parse(path).getroot().get("viewBox").split()[2])


def font_sizes(path: Path) -> tuple[list[float], list[float]]:
    """Every font size in the SVG (user units): on the baseline, and raised (a mathtext exponent, 10⁻³)."""
    base, raised = [], []
    for text in ET.parse(path).iter(f"{SVG_NS}text"):
        spans = [span for span in text.iter(f"{SVG_NS}tspan") if (span.text or "").strip()]
        if not spans:
            if (text.text or "").strip() and "font-size" in _style(text):
                base.append(float(_style(text)["font-size"].removesuffix("px")))
            continue
        baseline = float(spans[0].get("y", 0))
        for span in spans:
            size = float(_style(span)["font-size"].removesuffix("px"))
            (raised if float(span.get("y", baseline)) < baseline - 0.1 * size else base).append(size)
    return base, raised
