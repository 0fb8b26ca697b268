"""Material's own files, changed at a few checked places, so that a page loads with less work.

A patch names the theme file it was written for by its path in the site. Material puts a
hash of a file's content in its name (bundle.a5f9d56c.min.js), so a new version of
Material brings a new name: the build then stops on that file, and so it does if the
text a patch replaces is not found exactly once. Look again at what the patch does,
and write it for the new file or drop it.

The build serves `patched(uri, Material's file)` in place of each file that PATCHES
name, and `missing(uris)` says which patches found no file to change. The script's source
map is not rewritten: in the browser's developer tools, a position after a change on its
line is off by the change's length.
"""

from __future__ import annotations

import fnmatch
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Patch:
    file: str  # the theme file it was written for, by its path in the site
    old: str  # the text it replaces, found in that file exactly once
    new: str

    def concerns(self, uri: str) -> bool:
        """Whether uri is this patch's file in this version of Material or another: the same name
        with any content hash."""
        return fnmatch.fnmatch(uri, re.sub(r"\.[0-9a-f]{8}\.", ".*.", self.file))


class ThemePatchError(Exception):
    pass


# While the palette changes, Material's script sets `data-md-color-switching` on <body>, and this
# rule of its stylesheet turns every transition off below it. The script also does it once on
# every page load, as it applies the stored palette, and each time the attribute comes or goes
# the browser restyles every element of the page: on a chapter page on a phone (Lighthouse's 4x
# slower CPU) about 100 ms of blocked main thread. Without the rule, a switch of scheme lets the
# few colour transitions Material has (links, code backgrounds, 125 ms) run; a page load changes
# no colour, so nothing moves.
PALETTE_SWITCH = Patch(
    file="assets/stylesheets/palette.fb2fffe2.min.css",
    old=(
        "[data-md-color-switching] *,[data-md-color-switching] :after,"
        "[data-md-color-switching] :before{transition-duration:0s!important}"
    ),
    new="",
)

# Material's script requests the search index (the text of every page: 55 KB gzipped) as it
# starts, on every page, while the page itself is still loading. Written as in its bundle.ts:
#     index$ = document.forms.namedItem("search") ? fetchSearchIndex() : NEVER
# The patch has the index requested once the reader opens search (a click or a tap on it, focus
# in its field, or the keys / s f), or at once on a page opened with ?h= (the words a search
# result highlights). In the minified names: L merge, $ of, Je watchToggle, Re first,
# b switchMap, Z shareReplay (so the search and the highlighter share one request).
# Lighthouse's mobile simulation counts the index into the page's LCP whenever it arrives
# before the first paint: in 42 of 140 runs, LCP then came a median 0.97 s after the first
# paint, against 0.57 s in the others.
SEARCH_ON_DEMAND = Patch(
    file="assets/javascripts/bundle.a5f9d56c.min.js",
    old='zi=document.forms.namedItem("search")?ks():tt',
    new=(
        'zi=document.forms.namedItem("search")?L($(!!new URLSearchParams(location.search).get("h")),'
        'Je("search")).pipe(Re(o=>o),b(()=>ks()),Z(1)):tt'
    ),
)

# Material's palette appends a <meta name="color-scheme"> to the head as its script starts, and
# then sets its content to the header's scheme. In Chromium each of the two restyles every
# element of the page, whatever the value (a "platform colour change"). Measured over 10
# interleaved loads of linear-regression on a phone screen at 4x CPU: style recalculation
# 415 -> 322 ms and long tasks 612 -> 494 ms (sigmoid, 8 loads: 345 -> 245 and 620 -> 411 ms).
# The patch leaves the meta out of the document (the script still fills it, to no effect).
# What the meta did, the colour scheme of the page's own scrollbar and background, extra.css
# does on the root instead, from the body's scheme.
COLOR_SCHEME_META = Patch(
    file="assets/javascripts/bundle.a5f9d56c.min.js",
    old='let o=x("meta",{name:"color-scheme"});document.head.appendChild(o);',
    new='let o=x("meta",{name:"color-scheme"});',
)

PATCHES = (PALETTE_SWITCH, SEARCH_ON_DEMAND, COLOR_SCHEME_META)


def concerns(uri: str) -> bool:
    """Whether a file of the site (a path as "assets/javascripts/bundle.1234abcd.min.js") is one
    that a patch changes, in this version of Material or another."""
    return any(patch.concerns(uri) for patch in PATCHES)


def patched(uri: str, text: str) -> str:
    """The file's text with its patches applied; ThemePatchError if the file is not the one they
    were written for."""
    for patch in [patch for patch in PATCHES if patch.concerns(uri)]:
        if uri != patch.file:
            raise ThemePatchError(f"Material's file is now {uri}; the patch was written for {patch.file}")
        if text.count(patch.old) != 1:
            raise ThemePatchError(f"{uri} no longer has the text a patch replaces ({patch.old[:40]}…), once")
        text = text.replace(patch.old, patch.new)
    return text


def missing(uris: set[str]) -> list[str]:
    """The files that patches name but the site has none of (after Material renamed one, say)."""
    return sorted({patch.file for patch in PATCHES if not any(patch.concerns(uri) for uri in uris)})
