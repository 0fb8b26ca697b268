"""Short inline code is kept on one line; long inline code and code blocks are left alone."""

from __future__ import annotations

import inline_code


def test_short_inline_code_is_kept_whole_and_long_code_and_blocks_are_not():
    long = "torch.optim.SGD(params, lr=1.0, weight_decay=0.01)"
    page = (
        "<p>Call <code>nn.Linear(1, 1)</code> or <code>" + long + "</code>.</p>"
        "<pre><span></span><code>x = 1</code></pre><p>then <code>(n, 3)</code></p>"
    )
    assert inline_code.keep_short_together(page) == (
        '<p>Call <code class="nowrap">nn.Linear(1, 1)</code> or <code>' + long + "</code>.</p>"
        '<pre><span></span><code>x = 1</code></pre><p>then <code class="nowrap">(n, 3)</code></p>'
    )
