"""Turn the LaTeX that pymdownx.arithmatex marks up into MathML, at build time, with Temml.

Browsers render MathML natively, so the site needs no math script and no CDN: it works
offline and screen readers can read the formulas. Temml (npm, run by Node in
site_build/temml_batch.cjs) writes the MathML that Chromium's MathML Core engine expects:
accents that do not stretch, `log` followed by a function application, a prefix minus,
big operators with limits. The glyphs come from the site's own math font (see fonts.py).

arithmatex (in `generic` mode) leaves `\\(...\\)` in a `span.arithmatex` and `\\[...\\]` in a
`div.arithmatex`; this module swaps each for a `<math>` element. A display formula sits in a
`div.math-display` that scrolls sideways on its own when it is wider than the screen.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import shutil
import subprocess
from pathlib import Path

import paths

BLOCK = re.compile(r'<div class="arithmatex">\\\[(?P<tex>.*?)\\\]</div>', re.DOTALL)
# An inline formula with the punctuation that touches it: a browser may break a line on either
# side of a formula, and left "largest (" at the end of one line with the formula on the next.
INLINE = re.compile(
    r'(?P<before>[(\[“"‘]|→ )?<span class="arithmatex">\\\((?P<tex>.*?)\\\)</span>(?P<after>[)\]’”".,:;!?]*)',
    re.DOTALL,
)
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
# A prime: Temml sets f′ as a superscript, but the math font draws ′ (and ″) at superscript height
# already, so raised again it floated above the letter like an accent. Beside its letter instead.
# (Temml pads the primes of an italic letter such as f, its italic correction: kept.)
RAISED_PRIME = re.compile(
    r'<msup>(<mi>[^<]*</mi>)((?:<mrow class="tml-[a-z]+-pad">)?'
    r'(?:<mo lspace="0em" rspace="0em" class="tml-prime[^"]*">′</mo>)+(?:</mrow>)?)</msup>'
)

# A function name as a subscript (lambda_max): Temml puts its thin space inside the <msub>, which
# then has three children, and Chromium set "max" beside the letter at full size. The name alone.
NAME_AS_SCRIPT = re.compile(
    r"(<msub>(?:<mi>[^<]*</mi>|<mrow>.*?</mrow>))"
    + re.escape(THIN_SPACE)
    + r"<mrow>(<mi>[a-z]+</mi>)<mo>\u2061</mo></mrow></msub>"
)
# A function name that ends its formula ("also written ln:"): its thin space, with nothing after
# it to keep apart, pushed the punctuation that follows away.
SPACE_AT_THE_END = re.compile(re.escape(THIN_SPACE) + r"((?:</mrow>)*</math>)$")


class MathError(ValueError):
    """A formula that cannot be rendered as MathML."""


def _prepare(tex: str) -> str:
    return UPRIGHT_NAMES.sub(r"\\mathrm{\1}", tex.strip())


def _temml(batch: list[list]) -> list[dict]:
    """Temml's answer for each [tex, display], in one Node process."""
    node = shutil.which("node")
    if node is None:
        raise MathError("Node.js is needed to render math (Temml); install it, then `npm ci`")
    run = subprocess.run(
        [node, str(BATCH)], input=json.dumps(batch), capture_output=True, text=True, check=False
    )
    if run.returncode != 0:
        raise MathError(f"Temml failed (is `npm ci` done?): {run.stderr.strip()[-500:]}")
    return json.loads(run.stdout)


def _cache_file(cache_dir: Path) -> Path:
    """Temml's answers are kept per version of Temml and of the batch script."""
    temml = BATCH.parent.parent / "node_modules" / "temml" / "package.json"
    version = temml.read_bytes() if temml.exists() else b""
    key = hashlib.sha256(version + BATCH.read_bytes()).hexdigest()[:16]
    return cache_dir / f"temml-{key}.json"


def convert_all(formulas: list[tuple[str, bool]], cache_dir: Path | None = None) -> list[str]:
    """MathML for each (LaTeX, display?) pair; any bad formula is an error.

    With a cache_dir, Temml's answers are kept there, and Node runs only for formulas it has
    not seen (a warm build starts no Node at all).
    """
    if not formulas:
        return []
    batch = [[_prepare(tex), display] for tex, display in formulas]
    cache = _cache_file(cache_dir) if cache_dir else None
    known = json.loads(cache.read_text()) if cache and cache.exists() else {}
    keys = [json.dumps(item) for item in batch]
    missing = sorted({key for key in keys if key not in known})
    if missing:
        known.update(zip(missing, _temml([json.loads(key) for key in missing]), strict=True))
        if cache:  # what rendered, for the next build; an error is Temml's to report every time
            kept = {key: answer for key, answer in known.items() if "error" not in answer}
            paths.write_whole(cache, json.dumps(kept, sort_keys=True).encode())
    mathml = []
    for (tex, _), key in zip(formulas, keys, strict=True):
        result = known[key]
        if "error" in result:
            message = " ".join(result["error"].replace("\u0332", "").split())
            raise MathError(f"cannot render `{tex.strip()}`: {message}")
        out = NAME_AFTER_ORDINARY.sub(rf"\1{THIN_SPACE}\2", result["mathml"])
        out = RAISED_PRIME.sub(r"<mrow>\1\2</mrow>", out)
        out = NAME_AS_SCRIPT.sub(r"\1\2</msub>", out)
        out = SPACE_AT_THE_END.sub(r"\1", out)
        mathml.append(out.replace("<math>", '<math display="inline">', 1))
    return mathml


def to_mathml(tex: str, display: str) -> str:
    """One formula; `display` is "block" or "inline"."""
    return convert_all([(tex, display == "block")])[0]


def render_math(page_html: str, cache_dir: Path | None = None) -> str:
    """Replace every arithmatex formula in a page's HTML with MathML (cache_dir: see convert_all)."""
    found = [(m, True) for m in BLOCK.finditer(page_html)] + [(m, False) for m in INLINE.finditer(page_html)]
    found.sort(key=lambda pair: pair[0].start())
    rendered = convert_all([(html.unescape(m["tex"]), display) for m, display in found], cache_dir)
    out, end = [], 0
    for (match, display), mathml in zip(found, rendered, strict=True):
        out.append(page_html[end : match.start()])
        if display:
            out.append(f'<div class="math-display">{mathml}</div>')
        elif match["before"] or match["after"]:  # one unbreakable piece (extra.css: .math-nowrap)
            before = (match["before"] or "").replace(" ", "\u00a0")
            out.append(f'<span class="math-nowrap">{before}{mathml}{match["after"]}</span>')
        else:
            out.append(mathml)
        end = match.end()
    out.append(page_html[end:])
    return "".join(out)
