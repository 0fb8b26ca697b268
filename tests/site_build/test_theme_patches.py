"""Each patch changes its file at its one place, and only there; another version of it stops the build."""

from __future__ import annotations

import pytest
import theme_patches
from theme_patches import COLOR_SCHEME_META, PALETTE_SWITCH, SEARCH_ON_DEMAND


def test_the_switching_rule_goes_and_the_rest_stays():
    sheet = "[data-md-color-scheme=slate]{--md-hue:232}" + PALETTE_SWITCH.old + ".md-header{color:red}"
    rest = "[data-md-color-scheme=slate]{--md-hue:232}.md-header{color:red}"
    assert theme_patches.patched(PALETTE_SWITCH.file, sheet) == rest


def test_the_search_index_waits_for_the_search_toggle_or_a_highlight():
    script = "var a=1;" + SEARCH_ON_DEMAND.old + ",fo=new T;" + COLOR_SCHEME_META.old
    result = theme_patches.patched(SEARCH_ON_DEMAND.file, script).removesuffix(COLOR_SCHEME_META.new)
    assert result.startswith("var a=1;zi=") and result.endswith(",fo=new T;")
    assert 'Je("search")' in result and 'get("h")' in result and "ks()" in result


def test_both_patches_of_the_script_apply_and_the_color_scheme_meta_stays_out():
    script = "x;" + SEARCH_ON_DEMAND.old + ";" + COLOR_SCHEME_META.old + "o.content=s;"
    result = theme_patches.patched(SEARCH_ON_DEMAND.file, script)
    detached = 'let o=x("meta",{name:"color-scheme"});'  # made, filled, never appended
    assert result == "x;" + SEARCH_ON_DEMAND.new + ";" + detached + "o.content=s;"


def test_a_file_without_the_text_stops_the_build():
    with pytest.raises(theme_patches.ThemePatchError, match="no longer has the text"):
        theme_patches.patched(PALETTE_SWITCH.file, ".md-header{color:red}")
    twice = SEARCH_ON_DEMAND.old * 2 + COLOR_SCHEME_META.old
    with pytest.raises(theme_patches.ThemePatchError, match="no longer has the text"):
        theme_patches.patched(SEARCH_ON_DEMAND.file, twice)


def test_another_version_of_a_file_stops_the_build():
    with pytest.raises(theme_patches.ThemePatchError, match=r"now assets/javascripts/bundle\.0123abcd"):
        theme_patches.patched("assets/javascripts/bundle.0123abcd.min.js", SEARCH_ON_DEMAND.old)


def test_the_files_concerned_are_found_by_their_names_whatever_their_hash():
    assert theme_patches.concerns("assets/stylesheets/palette.fb2fffe2.min.css")
    assert theme_patches.concerns("assets/javascripts/bundle.0123abcd.min.js")
    assert not theme_patches.concerns("assets/stylesheets/main.57a0d79d.min.css")
    assert not theme_patches.concerns("assets/javascripts/workers/search.a7633da7.min.js")


def test_a_patch_whose_file_is_gone_is_named():
    assert theme_patches.missing({PALETTE_SWITCH.file, SEARCH_ON_DEMAND.file}) == []
    renamed = {PALETTE_SWITCH.file, "assets/javascripts/app.min.js"}
    assert theme_patches.missing(renamed) == [SEARCH_ON_DEMAND.file]
