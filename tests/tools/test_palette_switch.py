"""The palette stylesheet loses its switching rule, and only it; a changed stylesheet stops the build."""

from __future__ import annotations

import palette_switch
import pytest

SHEET = "[data-md-color-scheme=slate]{--md-hue:232}" + palette_switch.RULE + ".md-header{color:red}"


def test_the_rule_goes_and_the_rest_stays():
    rest = "[data-md-color-scheme=slate]{--md-hue:232}.md-header{color:red}"
    assert palette_switch.without_rule(SHEET) == rest


def test_a_stylesheet_without_the_rule_stops_the_build():
    with pytest.raises(palette_switch.PaletteError, match="no longer has its switching rule"):
        palette_switch.without_rule(".md-header{color:red}")


def test_the_theme_file_is_found_by_its_path():
    assert palette_switch.is_stylesheet("assets/stylesheets/palette.fb2fffe2.min.css")
    assert not palette_switch.is_stylesheet("assets/stylesheets/main.57a0d79d.min.css")
