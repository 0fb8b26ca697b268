"""Plain token spans leave code blocks; every other span, and everything outside <pre>, stays."""

from __future__ import annotations

import re

import code_spans

BLOCK = (
    '<div class="highlight"><pre><span></span><code><span class="n">hours</span><span class="w"> </span>'
    '<span class="o">=</span> <span class="n">torch</span><span class="o">.</span>'
    '<span class="n">tensor</span><span class="p">([</span>'
    '<span class="mf">1.0</span><span class="p">])</span>'
    "</code></pre></div>"
)


def test_plain_names_and_white_space_become_text():
    out = code_spans.unwrap(BLOCK)
    assert '<span class="n">' not in out and '<span class="w">' not in out
    assert 'hours <span class="o">=</span> torch<span class="o">.</span>tensor<span class="p">' in out
    assert '<span class="mf">1.0</span>' in out  # a number keeps its colour


def test_the_text_is_unchanged():
    def text(html):
        return re.sub(r"<[^>]+>", "", html)

    assert text(code_spans.unwrap(BLOCK)) == text(BLOCK)


def test_spans_outside_code_blocks_are_left_alone():
    prose = '<p>A <span class="n">name</span> in prose.</p>'
    assert code_spans.unwrap(prose + BLOCK).startswith(prose)
