"""Printed output keeps its numbers whole and its tensors' rows in columns on a phone."""

from __future__ import annotations

import output_blocks

HEAD = '<div class="language-text highlight"><span class="filename">Output</span><pre><span></span><code>'
TAIL = "</code></pre></div>"


def test_a_hyphenated_number_is_kept_whole_and_nothing_else_changes():
    page = (
        f"<p>spacing 1e-07</p>{HEAD}float32 spacing: 1.1920928955078125e-07, w = -0.5, a well-known x{TAIL}"
    )
    assert output_blocks.keep_shape(page) == (
        f"<p>spacing 1e-07</p>{HEAD}float32 spacing: "
        '<span class="nowrap">1.1920928955078125e-07,</span> w = <span class="nowrap">-0.5,</span>'
        f" a well-known x{TAIL}"
    )


def test_a_block_of_tensor_rows_scrolls_instead_of_wrapping():
    rows = f"{HEAD}tensor([[ 1.0000, -2.0000],\n        [ 3.0000, -4.0000]]){TAIL}"
    marked = output_blocks.keep_shape(rows)
    assert marked.startswith('<div class="language-text highlight rows">')
    assert "nowrap" not in marked
    # Code blocks and titled blocks other than Output are not printed output.
    code = '<div class="language-python highlight"><pre><span></span><code>x = 1e-07</code></pre></div>'
    assert output_blocks.keep_shape(code) == code
