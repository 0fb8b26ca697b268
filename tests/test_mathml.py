"""LaTeX becomes MathML at build time, or the build stops."""

from __future__ import annotations

import re

import mathml
import pytest


def test_inline_and_block_math_become_mathml():
    page = (
        '<p>Slope <span class="arithmatex">\\(W &lt; 1\\)</span>.</p>\n'
        '<div class="arithmatex">\\[\nH(x) = \\frac{1}{n}\n\\]</div>'
    )
    out = mathml.render_math(page)
    assert "arithmatex" not in out
    assert '<math xmlns="http://www.w3.org/1998/Math/MathML" display="inline">' in out
    assert "<mo>&#x0003C;</mo>" in out  # the escaped < was read as a less-than sign
    assert '<math xmlns="http://www.w3.org/1998/Math/MathML" display="block">' in out
    assert "<mfrac>" in out


@pytest.mark.parametrize(
    ("tex", "complaint"),
    [
        ("\\foo{x}", "unsupported LaTeX `\\foo`"),  # latex2mathml would pass it through as text
        ("a &= b", "unsupported LaTeX `&`"),  # an alignment outside an environment it knows
        ("\\frac{1}{", "cannot parse `\\frac{1}{`"),
    ],
)
def test_formula_that_cannot_be_rendered_is_an_error(tex, complaint):
    with pytest.raises(mathml.MathError, match=re.escape(complaint)):
        mathml.to_mathml(tex, "block")
