"""A page names an original by its Korean title; the first time, the English follows it."""

from __future__ import annotations

import source_titles

TITLES = {"PyTorch 입문": "Introduction to PyTorch"}
GLOSS = ' <span class="source-title">(Introduction to PyTorch)</span>'


def test_the_english_comes_from_the_credits_headings(tmp_path):
    credits = tmp_path / "credits.md"
    credits.write_text('# Credits\n\n## "PyTorch 입문" (Introduction to PyTorch)\n\n## Software\n')
    assert source_titles.read(credits) == TITLES
    assert source_titles.read(tmp_path / "none.md") == {}


def test_the_first_mention_in_the_sources_box_and_in_the_text_is_glossed():
    page = (
        '<h1>T</h1><details class="info">\n<summary>Sources</summary><p>From "PyTorch 입문" and '
        '"PyTorch 입문".</p></details><h2>"PyTorch 입문"</h2><pre><code>"PyTorch 입문"</code></pre>'
        '<details class="note"><summary>What differs</summary><p>"PyTorch 입문"</p></details>'
        '<p>As "PyTorch\n입문" says, and "PyTorch 입문" again.</p>'
    )
    glossed = source_titles.gloss(page, TITLES)
    assert glossed == page.replace('From "PyTorch 입문"', 'From "PyTorch 입문"' + GLOSS).replace(
        'As "PyTorch\n입문"', 'As "PyTorch\n입문"' + GLOSS
    )
    assert source_titles.gloss(glossed, TITLES) == glossed  # once only, whatever runs it again
