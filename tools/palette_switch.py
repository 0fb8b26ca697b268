"""Material's palette stylesheet, without the rule that restyles every element twice per page load.

While the palette changes, Material's script sets `data-md-color-switching` on <body> and its
stylesheet turns every transition off below it (`[data-md-color-switching] *`). The script
also does it once on every page load, as it applies the stored palette, and each time the
attribute comes or goes the browser restyles every element of the page: on a chapter page on
a phone (Lighthouse's 4x slower CPU) about 100 ms of blocked main thread. Without the rule, a
switch of scheme lets the few colour transitions Material has (links, code backgrounds, 125 ms)
run; a page load changes no colour, so nothing moves.

The build serves `without_rule(Material's stylesheet)` in place of the theme's file (STYLESHEET
names it), and stops if the rule is not there as expected (after an update of Material: look
again).
"""

from __future__ import annotations

import fnmatch

RULE = (
    "[data-md-color-switching] *,[data-md-color-switching] :after,"
    "[data-md-color-switching] :before{transition-duration:0s!important}"
)
STYLESHEET = "assets/stylesheets/palette.*.min.css"  # the theme's file, by its path in the site


class PaletteError(Exception):
    pass


def without_rule(css: str) -> str:
    if css.count(RULE) != 1:
        raise PaletteError("Material's palette stylesheet no longer has its switching rule as expected")
    return css.replace(RULE, "")


def is_stylesheet(uri: str) -> bool:
    return fnmatch.fnmatch(uri, STYLESHEET)
