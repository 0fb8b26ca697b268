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
        '<section class="optional"><h2 class="optional" id="b">B</h2><p>depth</p>'
        '<h3 id="c">C</h3><p>more</p></section>\n'
        '<h2 id="d">D</h2><p>lesson again</p>'
        '<section class="optional"><h2 class="optional" id="e">E</h2><p>at the end</p></section>\n'
    )
    assert optional_sections.set_apart("<p>none</p>") == "<p>none</p>"
