"""Each line of code in a span with its indentation, and break opportunities at a call's joints."""

from __future__ import annotations

import code_lines
from code_lines import TAG

PRE, END = "<pre><span></span><code>", "</code></pre>"


def test_each_line_gets_its_indentation_and_breaks_at_the_joints_of_a_call():
    block = (
        '<span id="__span-0-1">def f(x):\n</span>'
        '<span id="__span-0-2">    return torch.nn.functional.binary_cross_entropy(x[0]) * 1.5\n</span>'
    )
    assert (
        code_lines.shape(PRE + block + END)
        == PRE
        + (
            '<span id="__span-0-1">def f(x):\n</span>'
            # The indentation is kept with the code after it: no empty first row.
            '<span id="__span-0-2" style="--indent: 4"><span class="nowrap">    </span>return '
            # A chain of names too long for a row breaks at its dots too.
            "torch.<wbr>nn.<wbr>functional.<wbr>binary_cross_entropy(<wbr>x[0]) * 1.5\n"
            "</span>"
        )
        + END
    )


def test_a_block_without_line_spans_gets_them_a_token_across_lines_split_with_it():
    # The notebook page's cells: mkdocs-jupyter's highlighting, one span per token.
    block = '<span class="n">x</span> = 1\n<span class="s">"""two\nlines"""</span>\n'
    assert (
        code_lines.shape(PRE + block + END)
        == PRE
        + (
            '<span id="__span-nb0-1"><span class="n">x</span> = 1\n</span>'
            '<span id="__span-nb0-2"><span class="s">"""two</span>\n</span>'
            '<span id="__span-nb0-3"><span class="s">lines"""</span>\n</span>'
        )
        + END
    )


def test_a_comment_at_the_end_of_a_long_line_is_marked_to_take_a_row_of_its_own():
    comment = '<span class="c1"># {}</span>'
    block = (
        f'<span id="__span-0-1">w = 2.0  {comment.format("a weight: autograd records its uses")}\n</span>'
        f'<span id="__span-0-2">b = 1.0  {comment.format("short")}\n</span>'
        f'<span id="__span-0-3">{comment.format("a line of its own, and long enough to wrap")}\n</span>'
    )
    shaped = code_lines.shape(PRE + block + END)
    # The line's end moves inside the comment's row, so that no empty row follows it.
    assert '<span class="c1 trailing"># a weight: autograd records its uses\n</span></span>' in shaped
    assert shaped.count("trailing") == 1  # not a line short enough not to wrap, nor a comment alone


def test_a_line_that_a_phone_wraps_beside_line_numbers_gets_breaks_but_never_inside_a_string():
    block = (
        '<span id="__span-0-1">            step_losses.append(loss.item())\n</span>'
        '<span id="__span-0-2">print(<span class="s2">"predict hour(s): a.b"</span>, x.item())\n</span>'
    )
    shaped = code_lines.shape(PRE + block + END)
    # 43 characters: it wraps, after "(", not at the dot of a name as short as "loss.item".
    assert "step_losses.append(<wbr>loss.item()" in shaped
    assert '<span class="s2">"predict hour(s): a.b"</span>' in shaped and "x.item()" in shaped
    # A short string is kept whole: end=" " wrapped as end=" / ").
    ends = (
        '<span id="__span-0-1">print(<span class="s2">"after an epoch:"</span>, cost, '
        'end=<span class="s2">" "</span>)\n</span>'
    )
    assert '<span class="s2 nowrap">" "</span>' in code_lines.shape(PRE + ends + END)
    # Not the start of an f-string: "Epoch  is no whole literal, and the line breaks after it.
    epoch = (
        '<span id="__span-0-1">print(<span class="sa">f</span>'
        '<span class="s2">"Epoch </span>{e}/{n} W: {w}")\n</span>'
    )
    assert '<span class="s2">"Epoch </span>' in code_lines.shape(PRE + epoch + END)
    # Nor its end, when that is spaces and the quote: a row broke at the spaces and left the
    # quote alone on the next one.
    closing = (
        '<span id="__span-0-1">    f<span class="s2">"accuracy </span>{accuracy}'
        '<span class="s2">  precision </span>{precision}<span class="s2">  "</span>\n</span>'
    )
    assert '<span class="s2 nowrap">  "</span>' in code_lines.shape(PRE + closing + END)


def test_a_comment_wrapped_over_long_lines_is_gathered_to_read_as_one_paragraph():
    comment = '<span class="c1"># {}</span>'
    long = "a comment that the source wraps for a desktop, too long for a phone"
    block = (
        f'<span id="__span-0-1">    {comment.format(long)}\n</span>'
        f'<span id="__span-0-2">    {comment.format("and its end, 9.4e-14.")}\n</span>'
        f'<span id="__span-0-3">    {comment.format("a short line after a short one stays a line")}\n</span>'
        '<span id="__span-0-4">    x = 1\n</span>'
    )
    shaped = code_lines.shape(PRE + block + END)
    run = shaped[shaped.index('<span class="comment-run"') : shaped.index("x = 1")]
    assert run.startswith('<span class="comment-run" style="--indent: 4">')
    # The second line's indentation and "# ", and the first line's end, hidden on a phone.
    assert f'{long}</span><span class="join">\n</span></span>' in run
    # A short line, left alone as a line, joined is kept from breaking at its hyphen too.
    assert (
        '<span class="c1"><span class="join">    # </span>and its end, <span class="nowrap">9.4e-14.</span>'
        "</span>\n</span></span>"
    ) in run
    # The run ends there: a line after a short one was meant as a line of its own.
    assert '14.</span></span>\n</span></span><span id="__span-0-3"' in shaped
    assert run.count("comment-run") == 1
    # What is copied is the code as written.
    assert TAG.sub("", shaped) == TAG.sub("", PRE + block + END)


def test_the_root_every_file_name_starts_with_is_marked_for_a_phone_to_leave_out():
    shaped = code_lines.shape('<span class="filename">snippets/maths/calculus.py</span>' + PRE + END)
    assert shaped.startswith(
        '<span class="filename"><span class="file-root">snippets/</span>maths/calculus.py'
    )
    # And the mark of a later part of a file (continued_blocks.py), for a quieter label.
    later = '<span class="filename">snippets/maths/calculus.py (continued)</span>'
    assert code_lines.shape(later + PRE + END).startswith(
        '<span class="filename"><span class="file-root">snippets/</span><span class="file-folder">'
        'maths/</span>calculus.py<span class="continued"> (continued)</span></span>'
    )


def test_a_minus_and_what_it_negates_and_a_signed_exponent_are_kept_whole():
    """A browser breaks after a hyphen: "cost(0, -" over "h", "1e-" over "12"."""
    block = (
        '<span id="__span-0-1">print(cost(0, <span class="o">-</span>h), cost(<span class="o">-</span>'
        '<span class="mi">1</span>, 0), <span class="mf">1e-12</span>, a <span class="o">-</span> b)\n</span>'
    )
    shaped = code_lines.shape(PRE + block + END)
    assert '<span class="nowrap"><span class="o">-</span>h</span>' in shaped
    assert '<span class="nowrap"><span class="o">-</span><span class="mi">1</span></span>' in shaped
    assert '<span class="mf nowrap">1e-12</span>' in shaped
    assert '<span class="o">-</span> b' in shaped  # a subtraction breaks at its spaces
    # So is a word with a hyphen in a comment or a string: "9.4e-" over "14." was a phone's.
    words = (
        '<span id="__span-0-1"><span class="c1"># Logits for about the same predictions: in float32,'
        " sigmoid(-30) is 9.4e-14.</span>\n</span>"
        '<span id="__span-0-2">print(<span class="s2">"a long string with its 1.5e-07 '
        'and x-axis"</span>)\n</span>'
    )
    shaped = code_lines.shape(PRE + words + END)
    kept = [whole.split("</span>")[0] for whole in shaped.split('<span class="nowrap">')[1:]]
    assert kept == ["sigmoid(-30)", "9.4e-14.", "1.5e-07", 'x-axis"']


def test_an_empty_line_is_marked_for_a_phone_to_leave_unnumbered():
    block = (
        '<span id="__span-0-1">x = 1\n</span><span id="__span-0-2">\n</span>'
        '<span id="__span-0-3">y = 2\n</span>'
    )
    shaped = code_lines.shape(PRE + block + END)
    assert '<span id="__span-0-2" class="blank">\n</span>' in shaped
    assert shaped.count("blank") == 1


def test_a_comment_wraps_at_its_spaces_only():
    """As prose does: "(3, 1) * (" over "1,) -> (3, 1)" read as broken."""
    block = (
        '<span id="__span-0-1">y = x_train * W + b  '
        '<span class="c1"># broadcasting: (3, 1) * (1,) -&gt; torch.Size(3)</span>\n</span>'
    )
    shaped = code_lines.shape(PRE + block + END)
    comment = shaped[shaped.index("trailing") :]
    assert "<wbr>" not in comment
    assert '(1,) <span class="nowrap">-&gt;</span> torch.Size(3)' in comment  # not "-" over ">"


def test_a_line_inside_a_docstring_gets_its_indentation_too():
    """Its spaces sit inside the string's token, begun on the line above: it had none, and its
    wrapped rows ran under the line numbers."""
    block = (
        '<span id="__span-0-1">    <span class="sd">"""The logit of passing for each row, a weighted\n</span>'
        '<span id="__span-0-2"><span class="sd">    sum of the hours plus a bias."""</span>\n</span>'
    )
    shaped = code_lines.shape(PRE + block + END)
    assert '<span id="__span-0-2" style="--indent: 4"><span class="sd">    sum of' in shaped
