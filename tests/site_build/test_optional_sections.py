"""An optional section is set apart from its heading to the next section's."""

from __future__ import annotations

import optional_sections


def test_an_optional_section_runs_from_its_heading_to_the_next_and_the_others_are_left_alone():
    page = (
        '<h2 id="a">A</h2><p>lesson</p>'
        '<h2 class="optional" id="b">B</h2><p>depth</p><h3 id="c">C</h3><p>more</p>'
        '<h2 id="d">D</h2><p>lesson again</p>'
        '<h2 class="optional" id="e">E</h2><p>at the end</p>'
    )
    assert optional_sections.set_apart(page) == (
        '<h2 id="a">A</h2><p>lesson</p>'
        '<section class="optional"><h2 class="optional" id="b">B</h2>'
        '<p class="optional-skip"><a href="#d">Skip to “D”</a></p><p>depth</p>'
        '<h3 id="c">C</h3><p>more</p></section>\n'
        '<h2 id="d">D</h2><p>lesson again</p>'
        '<section class="optional"><h2 class="optional" id="e">E</h2><p>at the end</p></section>\n'
    )
    assert optional_sections.set_apart("<p>none</p>") == "<p>none</p>"


def test_the_skip_link_names_the_next_section_without_its_permalink():
    page = (
        '<h2 class="optional" id="b">B<a class="headerlink" href="#b">&para;</a></h2><p>depth</p>'
        '<h2 id="three">Three <code>ways</code><a class="headerlink" href="#three">&para;</a></h2>'
    )
    assert '<p class="optional-skip"><a href="#three">Skip to “Three ways”</a></p>' in (
        optional_sections.set_apart(page)
    )


def test_the_contents_mark_an_optional_sections_entry_and_no_other():
    page = (
        '<nav><a href="#a" class="md-nav__link">A</a><a href="#b" class="md-nav__link">B</a></nav>'
        '<h2 id="a">A</h2><h2 class="optional" id="b">B</h2><p><a href="#b">see B</a></p>'
    )
    marked = optional_sections.mark_in_contents(page)
    assert '<a href="#b" class="md-nav__link optional">' in marked
    assert '<a href="#a" class="md-nav__link">' in marked and '<a href="#b">see B</a>' in marked
