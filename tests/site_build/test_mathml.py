"""LaTeX becomes MathML at build time (Temml, run by Node), or the build stops."""

from __future__ import annotations

import json
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
    assert '<math display="inline">' in out
    assert "<mo>&lt;</mo>" in out  # the escaped < was read as a less-than sign
    # A display formula sits in its own box, which scrolls sideways on a narrow screen.
    assert re.search(r'<div class="math-display"><math display="block"[^>]*>.*<mfrac>', out)


def test_mathml_is_what_chromium_needs():
    out = mathml.to_mathml(r"\hat{y} = -100 + \log L", "inline")
    # A hat accent that does not stretch over the letter, U+02C6, not an ASCII caret.
    assert re.search(r'<mover><mi>y</mi><mo stretchy="false"[^>]*>\u02c6</mo></mover>', out)
    assert '<mo form="prefix" stretchy="false">\u2212</mo><mn>100</mn>' in out  # a unary minus
    assert "<mi>log</mi><mo>\u2061</mo>" in out  # log is a function name, applied to L


def test_a_function_name_after_a_letter_has_a_thin_space_before_it():
    out = mathml.to_mathml(r"y_i \log \pi_i - \log x", "inline")
    space = '<mspace width="0.1667em"></mspace>'
    assert f"</msub>{space}<mrow><mi>log</mi>" in out  # y_i log, as TeX spaces it
    assert "<mo>\u2212</mo><mrow><mi>log</mi>" in out  # an operator brings its own space


def test_counts_are_upright_words():
    out = mathml.to_mathml(r"\frac{TP}{TP + FP}", "inline")
    assert out.count("<mi>TP</mi>") == 2
    assert "<mi>T</mi>" not in out


@pytest.mark.parametrize(
    ("tex", "complaint"),
    [
        ("\\foo{x}", "Unsupported function name: \\foo"),
        ("a &= b", "got '&'"),  # an alignment outside an environment
        ("\\frac{1}{", "expected '}'"),
    ],
)
def test_formula_that_cannot_be_rendered_is_an_error(tex, complaint):
    expected = re.escape(f"cannot render `{tex}`") + ".*" + re.escape(complaint)
    with pytest.raises(mathml.MathError, match=expected):
        mathml.to_mathml(tex, "block")


def test_a_formula_seen_before_comes_from_the_cache_and_an_error_is_never_kept(tmp_path, monkeypatch):
    formulas = [(r"\sigma(z) = \frac{1}{1 + e^{-z}}", True), (r"\log L", False)]
    first = mathml.convert_all(formulas, tmp_path)
    assert len(list(tmp_path.glob("temml-*.json"))) == 1

    def no_node(batch):
        raise AssertionError(f"Node ran for {batch}")

    monkeypatch.setattr(mathml, "_temml", no_node)
    assert mathml.convert_all(formulas, tmp_path) == first
    with pytest.raises(AssertionError, match="Node ran"):  # a new formula still goes to Temml
        mathml.convert_all([(r"\hat{y}", False)], tmp_path)
    monkeypatch.undo()
    with pytest.raises(mathml.MathError):
        mathml.convert_all([(r"\frac{1}{", False)], tmp_path)
    with pytest.raises(mathml.MathError):  # asked again: the error is Temml's again, not a cached pass
        mathml.convert_all([(r"\frac{1}{", False)], tmp_path)
    kept = json.loads(next(tmp_path.glob("temml-*.json")).read_text())
    assert len(kept) == 2 and json.dumps([r"\frac{1}{", False]) not in kept


def test_a_formula_keeps_the_brackets_and_punctuation_that_touch_it_on_its_line():
    span = '<span class="arithmatex">\\(x\\)</span>'
    out = mathml.render_math(f"<p>largest ({span}), then {span}: and → {span}. Alone {span} here.</p>")
    assert out.count('<span class="math-nowrap">') == 3
    assert re.search(r'<span class="math-nowrap">\(<math[^>]*>.*?</math>\),</span> then', out)
    assert re.search(r'<span class="math-nowrap"><math[^>]*>.*?</math>:</span> and', out)
    assert re.search(r'and <span class="math-nowrap">→\u00a0<math[^>]*>.*?</math>\.</span>', out)
    assert re.search(r"Alone <math[^>]*>.*?</math> here", out)  # nothing touches it: left as it is


def test_a_prime_sits_beside_its_letter_not_raised_again():
    """The math font draws the prime raised already; as a superscript it floated like an accent."""
    for tex in ("f'(x)", "\\sigma'(z)", "f''(x)"):
        out = mathml.to_mathml(tex, "inline")
        assert "<msup>" not in out and out.count("\u2032") == tex.count("'"), out
    assert "<msup>" in mathml.to_mathml("x^2", "inline")  # a real superscript stays one


def test_a_function_name_as_a_subscript_is_the_subscript():
    """lambda_max: Temml's thin space made a third child of <msub>, and "max" sat at full size."""
    for tex in (r"\lambda_{\max}", r"2 / \lambda_{\min} + 1"):
        out = mathml.to_mathml(tex, "inline")
        assert re.search(r"<msub><mi>λ</mi><mi>m(ax|in)</mi></msub>", out), out
    assert "<msub><mi>x</mi><mi>i</mi></msub>" in mathml.to_mathml("x_i", "inline")


def test_a_function_name_at_the_end_has_no_space_after_it():
    """ "also written ln:" kept a thin space between ln and the colon; inside a formula it stays."""
    space = '<mspace width="0.1667em"></mspace>'
    assert space not in mathml.to_mathml(r"\ln", "inline")
    assert space in mathml.to_mathml(r"\log y = x", "inline")
