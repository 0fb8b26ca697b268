"""Each line of code carries its indentation, for a phone's hanging indent."""

from __future__ import annotations

import code_lines


def test_each_indented_line_gets_its_indentation_and_its_text_is_unchanged():
    block = (
        '<code><span id="__span-0-1">def f(x):\n</span>'
        '<span id="__span-0-2">    if x:\n</span>'
        '<span id="__span-0-3">        return <span class="mi">1</span>\n</span></code>'
    )
    assert code_lines.mark_indents(block) == (
        '<code><span id="__span-0-1">def f(x):\n</span>'
        '<span id="__span-0-2" style="--indent: 4">    if x:\n</span>'
        '<span id="__span-0-3" style="--indent: 8">        return <span class="mi">1</span>\n</span></code>'
    )
