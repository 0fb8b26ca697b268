"""Printed output keeps its numbers whole and its tensors' rows in columns on a phone."""

from __future__ import annotations

import output_blocks

HEAD = '<div class="language-text highlight"><span class="filename">Output</span><pre><span></span><code>'
TAIL = "</code></pre></div>"


def lines(*texts: str) -> str:
    return "".join(f'<span id="__span-0-{n}">{text}\n</span>' for n, text in enumerate(texts, start=1))


def test_a_hyphenated_word_is_kept_whole_and_nothing_else_changes():
    printed = lines("spacing: 1.1920928955078125e-07, w = -0.5, in-place -&gt; x")
    page = f"<p>spacing 1e-07</p>{HEAD}{printed}{TAIL}"
    assert output_blocks.keep_shape(page) == (
        f"<p>spacing 1e-07</p>{HEAD}"
        + lines(
            'spacing: <span class="nowrap">1.1920928955078125e-07,</span>'
            ' w = <span class="nowrap">-0.5,</span> <span class="nowrap">in-place</span>'
            ' <span class="nowrap">-&gt;</span> x'
        )
        + TAIL
    )


def test_the_rows_of_a_tensor_scroll_and_the_blocks_other_lines_wrap():
    rows = lines(
        "W: tensor([[ 1.0000, -2.0000],", "        [ 3.0000, -4.0000]])", "RuntimeError: mat1 and mat2"
    )
    marked = output_blocks.keep_shape(HEAD + rows + TAIL)
    assert marked.count('<span class="row" id="__span-0-') == 2
    assert '<span id="__span-0-3">RuntimeError' in marked
    assert "nowrap" not in marked  # the rows' numbers need no keeping whole: they do not wrap
    # Code blocks and titled blocks other than Output are not printed output.
    code = '<div class="language-python highlight"><pre><span></span><code>x = 1e-07</code></pre></div>'
    assert output_blocks.keep_shape(code) == code


def test_the_rows_of_a_printed_table_scroll_and_lines_of_other_formats_wrap():
    printed = lines(
        "degree 0: training error 0.5954 validation error 0.5716",
        "degree 1: training error 0.2469 validation error -0.3211",
        "the winner: degree 1",
        "training data: {'TP': 651, 'FP': 140}",
        "  accuracy 0.858 precision 0.823",
        "held-out data: {'TP': 677, 'FP': 111}",
    )
    marked = output_blocks.keep_shape(HEAD + printed + TAIL)
    assert [n for n in range(1, 7) if f'<span class="row" id="__span-0-{n}">' in marked] == [1, 2]
    # The block knows its longest row, for a phone to show it whole if it can (extra.css); a
    # block without rows is left at the code's size.
    longest = len("degree 1: training error 0.2469 validation error -0.3211")
    assert f'<code style="--columns: {longest}">' in marked
    assert "--columns" not in output_blocks.keep_shape(HEAD + lines("a", "b c") + TAIL)


def test_lines_padded_to_line_up_scroll_together():
    """Lines of other formats, padded with spaces to line up, are read down their columns too; a
    single padded line has nothing to line up with, and wraps."""
    padded = lines(
        "no predicted positives precision 0.0  recall 0.0",
        "neither                precision 0.0  recall 0.0  F1 0.0",
        "the end",
    )
    marked = output_blocks.keep_shape(HEAD + padded.replace("positives ", "positives <wbr>") + TAIL)
    assert [n for n in range(1, 4) if f'<span class="row" id="__span-0-{n}">' in marked] == [1, 2]
    assert "<wbr>" not in marked  # a row does not break, even where code_lines.py allowed it
    alone = output_blocks.keep_shape(
        HEAD + lines("y.requires_grad: True  x.requires_grad: False", "x") + TAIL
    )
    assert 'class="row"' not in alone


def test_a_tensor_of_one_row_wraps_as_words_do():
    """Nothing lines up under it: the printed parameters of nn.Linear(3, 1) were cut on a phone."""
    printed = lines("[Parameter containing:", "tensor([[ 0.2975, -0.2548]], requires_grad=True), Parameter")
    marked = output_blocks.keep_shape(HEAD + printed + TAIL)
    assert 'class="row"' not in marked
