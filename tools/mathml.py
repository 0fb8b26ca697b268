"""Turn the LaTeX that pymdownx.arithmatex marks up into MathML, at build time, with Temml.

Browsers render MathML natively, so the site needs no math script and no CDN: it works
offline and screen readers can read the formulas. Temml (npm, run by Node in
tools/temml_batch.cjs) writes the MathML that Chromium's MathML Core engine expects:
accents that do not stretch, `log` followed by a function application, a prefix minus,
big operators with limits. The glyphs come from the site's own math font (see fonts.py).

arithmatex (in `generic` mode) leaves `\\(...\\)` in a `span.arithmatex` and `\\[...\\]` in a
`div.arithmatex`; this module swaps each for a `<math>` element. A display formula sits in a
`div.math-display` that scrolls sideways on its own when it is wider than the screen.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from pathlib import Path

INLINE = re.compile(r'<span class="arithmatex">\\\((.*?)\\\)</span>', re.DOTALL)
BLOCK = re.compile(r'<div class="arithmatex">\\\[(.*?)\\\]</div>', re.DOTALL)
BATCH = Path(__file__).with_name("temml_batch.cjs")
# Names of counts written as letters in the pages (true positives, ...): one upright word each,
# not a product of two italic variables.
UPRIGHT_NAMES = re.compile(r"(?<![\\A-Za-z])(TP|TN|FP|FN)(?![A-Za-z])")
# Temml puts a thin space after a function name (log, ln, max) but none before it; TeX also puts
# one between a letter, number or closing bracket and the name ("y_i log" not "y_ilog").
NAME_AFTER_ORDINARY = re.compile(
    r"(</(?:mi|mn|msub|msup|msubsup|mover|mfrac|mrow)>)(<mrow><mi>[a-z]+</mi><mo>\u2061</mo>)"
)
THIN_SPACE = '<mspace width="0.1667em"></mspace>'


class MathError(ValueError):
    """A formula that cannot be rendered as MathML."""


def _prepare(tex: str) -> str:
    return UPRIGHT_NAMES.sub(r"\\mathrm{\1}", tex.strip())


def convert_all(formulas: list[tuple[str, bool]]) -> list[str]:
    """MathML for each (LaTeX, display?) pair, in one Node process; any bad formula is an error."""
    if not formulas:
        return []
    node = shutil.which("node")
    if node is None:
        raise MathError("Node.js is needed to render math (Temml); install it, then `npm ci`")
    batch = [[_prepare(tex), display] for tex, display in formulas]
    run = subprocess.run(
        [node, str(BATCH)], input=json.dumps(batch), capture_output=True, text=True, check=False
    )
    if run.returncode != 0:
        raise MathError(f"Temml failed (is `npm ci` done?): {run.stderr.strip()[-500:]}")
    mathml = []
    for (tex, _), result in zip(formulas, json.loads(run.stdout), strict=True):
        if "error" in result:
            message = " ".join(result["error"].replace("\u0332", "").split())
            raise MathError(f"cannot render `{tex.strip()}`: {message}")
        out = NAME_AFTER_ORDINARY.sub(rf"\1{THIN_SPACE}\2", result["mathml"])
        mathml.append(out.replace("<math>", '<math display="inline">', 1))
    return mathml


def to_mathml(tex: str, display: str) -> str:
    """One formula; `display` is "block" or "inline"."""
    return convert_all([(tex, display == "block")])[0]


def render_math(page_html: str) -> str:
    """Replace every arithmatex formula in a page's HTML with MathML."""
    found = [(m, True) for m in BLOCK.finditer(page_html)] + [(m, False) for m in INLINE.finditer(page_html)]
    found.sort(key=lambda pair: pair[0].start())
    rendered = convert_all([(html.unescape(m.group(1)), display) for m, display in found])
    out, end = [], 0
    for (match, display), mathml in zip(found, rendered, strict=True):
        out.append(page_html[end : match.start()])
        out.append(f'<div class="math-display">{mathml}</div>' if display else mathml)
        end = match.end()
    out.append(page_html[end:])
    return "".join(out)
