"""What the reader sees, measured in Chromium: math, Korean, tooltips, code blocks, first paint.

Each test reads real geometry or attributes from the rendered page, in both colour schemes and,
where the layout depends on it, on a desktop (1280x900) and a phone (390x844) screen.
"""

from __future__ import annotations

import io

import code_spans
import numpy
import pytest
from local_site import scroll_through_figures
from PIL import Image
from support import svg
from support.chromium import PAGES, SCHEMES, VIEWPORTS
from support.tiers import SPECIMEN, sweep

# ---------------------------------------------------------------- math

MATH_GEOMETRY = """() => {
  const box = (e) => e.getBoundingClientRect();
  const inArticle = (sel) => [...document.querySelectorAll("article " + sel)];
  const text = parseFloat(getComputedStyle(document.querySelector(".md-content__inner > p")).fontSize);
  return {
    text,
    hats: inArticle("mover").filter(m => /[\\u02c6\\u0302^]/.test(m.lastElementChild.textContent))
      .map(m => box(m.lastElementChild).width / box(m.firstElementChild).width),
    hatHeights: inArticle("mover").filter(m => /[\\u02c6\\u0302^]/.test(m.lastElementChild.textContent))
      .map(m => [box(m.lastElementChild).height / box(m.firstElementChild).height,
                 m.lastElementChild.textContent]),
    // A sum's height over its own formula's font size: a box's formulas are set smaller.
    sums: inArticle(".math-display mo").filter(m => /[\\u2211\\u220f]/.test(m.textContent))
      .filter(m => box(m).height > 0)
      .map(m => box(m).height / parseFloat(getComputedStyle(m.closest("math")).fontSize)),
    logGaps: inArticle("mi").filter(m => m.textContent === "log")
      .map(m => [m.parentElement.nextElementSibling, m]).filter(([n]) => n && n.localName === "mi")
      .map(([n, m]) => box(n).left - box(m).right),
    logBefore: inArticle("mi").filter(m => m.textContent === "log").map(m => {
      let before = m.parentElement.previousElementSibling;
      if (before && before.localName === "mspace") before = before.previousElementSibling;
      return before && before.localName !== "mo" ? box(m).left - box(before).right : null;
    }).filter(gap => gap !== null),
    unaryGaps: inArticle('mo[form="prefix"]').filter(m => m.textContent === "\\u2212" && m.nextElementSibling)
      .map(m => box(m.nextElementSibling).left - box(m).right),
    binaryGaps: inArticle("mo").filter(m => m.textContent === "\\u2212" && !m.hasAttribute("form")
      && m.previousElementSibling && m.nextElementSibling)
      .map(m => box(m.nextElementSibling).left - box(m).right),
    scripts: inArticle(":is(msub, msup, msubsup) > :not(:first-child)").filter(e => box(e).height > 0)
      .map(e => [parseFloat(getComputedStyle(e).fontSize), e.closest("math").getAttribute("display")]),
    fractionSizes: inArticle('math[display="inline"] mfrac > *')
      .map(e => parseFloat(getComputedStyle(e).fontSize)),
    primes: inArticle("mo.tml-prime").map(p => [box(p.previousElementSibling).top - box(p).bottom,
      parseFloat(getComputedStyle(p).fontSize)]),
    displays: inArticle(".math-display").map(d => ({
      overflow: getComputedStyle(d).overflowX, scroll: d.scrollWidth, client: d.clientWidth,
      right: box(d).right})),
    page: [document.documentElement.scrollWidth, window.innerWidth],
  };
}"""


@pytest.mark.parametrize("viewport", sweep(VIEWPORTS, "desktop"))
@pytest.mark.parametrize("scheme", sweep(SCHEMES, "default"))
def test_text_code_and_math_fonts_are_served_by_the_site(visited, base_url, scheme, viewport):
    visit = visited(SPECIMEN, scheme, viewport)
    loaded = visit.page.evaluate(
        "[...document.fonts].filter(f => f.status === 'loaded').map(f => f.family.replaceAll('\"', ''))"
    )
    assert {"Site Text", "Site Code", "Site Math"} <= set(loaded)
    for name in ("text", "code"):
        assert f"{base_url}/assets/fonts/{name}.woff2" in visit.requests
    prose = visit.page.eval_on_selector("article p", "p => getComputedStyle(p).fontFamily")
    code = visit.page.eval_on_selector("article pre code", "c => getComputedStyle(c).fontFamily")
    assert prose.startswith('"Site Text"') and code.startswith('"Site Code"')
    if viewport == "desktop":  # printed output at the code's size (a phone's: further down)
        sizes = visit.page.eval_on_selector_all(
            "article .highlight:has(> .filename) pre > code",
            "cs => cs.filter(c => c.checkVisibility()).map(c => getComputedStyle(c).fontSize)",
        )
        assert len(sizes) > 10 and len(set(sizes)) == 1, set(sizes)
    assert f"{base_url}/assets/fonts/noto-sans-math.woff2" in visit.requests
    assert visit.page.evaluate("document.fonts.check('16px \"Site Math\"', '\\u2211\\u03c3\\u02c6')")
    family = visit.page.eval_on_selector("article math", "m => getComputedStyle(m).fontFamily")
    assert family.startswith('"Site Math"')


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("scheme", sweep(SCHEMES, "default"))
@pytest.mark.parametrize("path", sweep([SPECIMEN, "sigmoid/", "judging-a-classifier/"], SPECIMEN))
def test_math_geometry(visited, path, scheme, viewport, record_property):
    g = visited(path, scheme, viewport).page.evaluate(MATH_GEOMETRY)
    record_property(
        "report",
        f"math {path} [{scheme}, {viewport}]: hat/base {max(g['hats'], default=0):.2f} wide, "
        f"{max((h for h, _ in g['hatHeights']), default=0):.2f} high, "
        f"display sums {min(g['sums'], default=0):.2f} em (text {g['text']} px), "
        f"log gap {min(g['logGaps'], default=0):.2f} px, "
        f"unary minus gap {max(g['unaryGaps'], default=0):.2f} px, "
        f"{len(g['fractionSizes'])} inline fraction parts, "
        f"{sum(d['scroll'] > d['client'] for d in g['displays'])} display formulas scroll in their box",
    )
    # A hat sits over its letter and is no wider than ~1.2x of it (not a stretched caret).
    assert all(0.3 < ratio <= 1.2 for ratio in g["hats"]), g["hats"]
    # ... and is a small accent (U+02C6), not an ASCII caret as tall as two thirds of the letter.
    assert all(ratio <= 0.4 and glyph != "^" for ratio, glyph in g["hatHeights"]), g["hatHeights"]
    # Display sums and products are large operators (an inline one is ~1.1 em of its formula).
    assert all(height > 1.3 for height in g["sums"]), g["sums"]
    # "log L" has a space after the function name, and "y log" one before it.
    assert all(gap > 1 for gap in g["logGaps"]), g["logGaps"]
    assert all(gap > 1 for gap in g["logBefore"]), g["logBefore"]
    # A unary minus sits tight to its number; a binary minus has room on both sides.
    assert all(gap < 0.5 for gap in g["unaryGaps"]), g["unaryGaps"]
    assert all(gap > 1.5 for gap in g["binaryGaps"]), g["binaryGaps"]
    # A script, a script's script too, is 11 px or more in running text and 12 in a display (the
    # k of softmax's e^{z_k} was 10).
    assert all(size >= (12 if display == "block" else 11) for size, display in g["scripts"]), g["scripts"]
    # No stacked fraction in running text: a slash, or a display formula (a fraction inline was
    # set at 9 px on a phone and pushed its line away from the next).
    assert g["fractionSizes"] == [], g["fractionSizes"]
    # A prime sits at superscript height by its letter, not floating above it.
    assert all(gap < 0.35 * size for gap, size in g["primes"]), g["primes"]
    # Wide display math scrolls inside its own box; the page itself never scrolls sideways.
    assert g["page"][0] <= g["page"][1], g["page"]
    for display in g["displays"]:
        assert display["overflow"] == "auto"
        assert display["right"] <= g["page"][1]
        if viewport == "desktop":
            assert display["scroll"] <= display["client"]  # at 1280 px every formula fits


@pytest.mark.slow  # what the sweep over pages needs, and the sweep runs in CI
def test_the_checks_above_have_something_to_measure(visited):
    g = visited("binary-cross-entropy/").page.evaluate(MATH_GEOMETRY)
    assert len(g["hats"]) >= 10 and len(g["sums"]) >= 4 and g["logGaps"] and g["unaryGaps"]
    assert {display for _, display in g["scripts"]} == {"inline", "block"}
    assert g["logBefore"]
    assert visited("sigmoid/").page.evaluate(MATH_GEOMETRY)["primes"]


# Each display formula's own width and its box's, every box on the page opened for the measure
# and closed again after it.
DISPLAY_WIDTHS = """() => {
  const closed = [...document.querySelectorAll("article details:not([open])")];
  closed.forEach(d => d.open = true);
  const widths = [...document.querySelectorAll("article .math-display")].map(box => {
    const formula = document.createRange();
    formula.selectNodeContents(box.querySelector("math"));
    return [Math.ceil(formula.getBoundingClientRect().width), box.clientWidth, box.textContent.slice(0, 30)];
  });
  closed.forEach(d => d.open = false);
  return widths;
}"""


@pytest.mark.parametrize("path", sweep(PAGES, SPECIMEN))
def test_no_page_scrolls_sideways_on_a_phone(visited, path):
    page = visited(path, "default", "phone").page
    assert page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]") == [390, 390]
    # Every display formula fits the column, those in closed boxes too.
    widths = page.evaluate(DISPLAY_WIDTHS)
    assert all(0 < formula <= box for formula, box, _ in widths), widths


def test_a_formula_wider_than_a_narrow_phone_scrolls_from_the_keyboard(visited):
    """The last resort, on a 320 px screen: the box scrolls, and the keyboard can reach it."""
    page = visited("binary-cross-entropy/", "default", "phone").page
    page.set_viewport_size({"width": 320, "height": 844})
    try:
        page.wait_for_function(
            "[...document.querySelectorAll('.math-display')].some(e => e.scrollWidth > e.clientWidth)"
        )
        boxes = page.eval_on_selector_all(
            ".math-display", "els => els.filter(e => e.scrollWidth > e.clientWidth).map(e => e.tabIndex)"
        )
    finally:
        page.set_viewport_size({"width": 390, "height": 844})
    assert boxes and all(index == 0 for index in boxes), boxes


SQUARE_ROOTS = """() => [...document.querySelectorAll("article msqrt")].map(root => {
  const parts = [...root.children].map(child => child.getBoundingClientRect());
  return {lead: Math.min(...parts.map(p => p.left)) - root.getBoundingClientRect().left,
          font: parseFloat(getComputedStyle(root).fontSize)};
})"""


@pytest.mark.parametrize("path", sweep(["linear-regression/"]))  # the site's one root
def test_a_square_root_draws_its_radical_sign(visited, path):
    """Left of its contents a root has room for the radical sign: about 0.7 em in the site's math
    font, none when the font lacks the glyph (then the page shows 1/(2 pi sigma^2) without its root)."""
    roots = visited(path).page.evaluate(SQUARE_ROOTS)
    assert roots and all(root["lead"] >= 0.5 * root["font"] for root in roots), roots


@pytest.mark.parametrize("path", ["judging-a-classifier/"])  # a parameter: runs with its page's visits
def test_counts_are_upright_words(visited, path):
    names = visited(path).page.eval_on_selector_all(
        "article mi", "els => els.map(e => [e.textContent, getComputedStyle(e).fontStyle])"
    )
    assert ["TP", "normal"] in names
    assert ["T", "italic"] not in names  # TP is one upright word, not the product T times P


# Headings whose permalink adds to their height: measured with it, then without it.
HEADINGS_THE_PERMALINK_TALLER = """() => [...document.querySelectorAll("article .headerlink")].map(link => {
  const heading = link.parentElement, withLink = heading.getBoundingClientRect().height;
  const shown = getComputedStyle(link).display !== "none";
  link.style.display = "none";
  const without = heading.getBoundingClientRect().height;
  link.style.display = "";
  return {heading: heading.textContent, shown, taller: withLink - without};
})"""


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("path", sweep(PAGES, SPECIMEN))
def test_a_headings_permalink_never_takes_a_line_of_its_own(visited, path, viewport):
    """On a phone the permalinks are left out (one under "The exact answer, for reference" on the
    specimen page made the heading two lines); at 1280 px they stay, beside the heading's text."""
    links = visited(path, "default", viewport).page.evaluate(HEADINGS_THE_PERMALINK_TALLER)
    assert links
    assert [link["heading"] for link in links if link["taller"] > 0] == []
    assert all(link["shown"] == (viewport == "desktop") for link in links), links


# ---------------------------------------------------------------- Korean

UNMARKED_KOREAN = """() => {
  const hangul = /[\\u1100-\\u11ff\\u3130-\\u318f\\ua960-\\ua97f\\uac00-\\ud7af\\ud7b0-\\ud7ff]/;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const unmarked = [];
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (hangul.test(node.nodeValue) && !node.parentElement.closest('[lang="ko"], script, style'))
      unmarked.push(node.nodeValue.trim());
  }
  return unmarked;
}"""

# Two different syllables drawn in the page's font: identical pixels mean both are the same
# empty box (no font has them), different pixels mean real glyphs.
GLYPHS_DIFFER = """(span) => {
  const draw = (text) => {
    const canvas = document.createElement("canvas");
    canvas.width = canvas.height = 40;
    const context = canvas.getContext("2d");
    context.font = "32px " + getComputedStyle(span).fontFamily;
    context.fillText(text, 2, 34);
    return canvas.toDataURL();
  };
  const [first, second] = [...span.textContent.replace(/\\s/g, "")];
  return draw(first) !== draw(second);
}"""


def close_tooltips(page) -> None:
    """A test that hovers on a shared visit leaves it as it found it: the mouse away and every
    tooltip gone, else a later check of the same visit (axe) meets a tooltip it did not open."""
    page.mouse.move(0, 0)
    page.wait_for_selector(".md-tooltip2", state="detached")


@pytest.mark.parametrize("path", sweep(PAGES, SPECIMEN))
def test_every_korean_word_is_marked_korean(visited, path):
    page = visited(path).page
    assert page.evaluate(UNMARKED_KOREAN) == []
    # Tooltips too: hover every glossary term whose title holds Korean, then look again.
    titles = page.eval_on_selector_all("article abbr[title]", "els => els.map(e => e.title)")
    for index, title in enumerate(titles):
        if any("\uac00" <= char <= "\ud7a3" for char in title):
            page.locator("article abbr[title]").nth(index).hover()
            try:
                tooltip = page.wait_for_selector(".md-tooltip2--active [lang=ko]", timeout=5000)
                assert tooltip.inner_text() in title
                assert page.evaluate(UNMARKED_KOREAN) == []
            finally:
                close_tooltips(page)
            break


@pytest.mark.slow
def test_korean_in_search_results_is_marked_korean(browser, base_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(f"{base_url}/", wait_until="load")
        page.click("label.md-search__icon, .md-search__input")
        page.locator("input.md-search__input").press_sequentially("Tistory")  # quoted with Korean titles
        page.wait_for_selector(".md-search-result__list [lang=ko]", timeout=10000)
        assert page.locator(".md-search-result__list [lang=ko]").count() >= 2
        assert page.evaluate(UNMARKED_KOREAN) == []
    finally:
        context.close()


@pytest.mark.parametrize("viewport", sweep(VIEWPORTS, "desktop"))
@pytest.mark.parametrize("scheme", sweep(SCHEMES, "default"))
def test_korean_is_drawn_with_the_sites_font(visited, base_url, scheme, viewport):
    visit = visited("glossary/", scheme, viewport)
    assert f"{base_url}/assets/fonts/noto-sans-kr.woff2" in visit.requests
    span = visit.page.locator('article span[lang="ko"]', has_text="학습률").first
    # The text font has no Hangul: it falls through to the Korean one.
    assert span.evaluate("s => getComputedStyle(s).fontFamily").startswith(
        '"Site Text", "Site Symbols", "Site Korean"'
    )
    assert visit.page.evaluate("document.fonts.check('16px \"Site Korean\"', '학습률')")
    assert span.evaluate(GLYPHS_DIFFER)
    # A Hangul syllable is a full square: about as wide as the text is tall.
    width, size = span.evaluate(
        "s => [s.getBoundingClientRect().width / s.textContent.length,"
        " parseFloat(getComputedStyle(s).fontSize)]"
    )
    assert 0.85 * size < width < 1.1 * size


@pytest.mark.parametrize("scheme", sweep(SCHEMES, "default"))
@pytest.mark.parametrize("path", ["judging-a-classifier/"])  # as above
def test_korean_in_a_code_comment_is_drawn_too(visited, path, scheme):
    page = visited(path, scheme).page
    span = page.locator('pre code span[lang="ko"]').first
    assert span.evaluate("s => getComputedStyle(s).fontFamily").startswith('"Site Code", "Site Korean"')
    assert span.evaluate(GLYPHS_DIFFER)


# ---------------------------------------------------------------- glossary tooltips

TOOLTIP_STYLE = """(inner) => {
  const rgba = (c) => c.match(/[\\d.]+/g).map(Number).concat([1]).slice(0, 4);
  const rgb = (c) => c.slice(0, 3);
  const over = (fg, bg) => fg.slice(0, 3).map((v, i) => v * fg[3] + bg[i] * (1 - fg[3]));
  const lum = (c) => c.map(v => v / 255).map(v => v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)
    .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  const ratio = (a, b) => (Math.max(lum(a), lum(b)) + 0.05) / (Math.min(lum(a), lum(b)) + 0.05);
  const style = getComputedStyle(inner);
  // The page's colour: the first opaque background from the article up.
  let element = document.querySelector("article"), page = [255, 255, 255, 1];
  for (; element; element = element.parentElement) {
    const colour = rgba(getComputedStyle(element).backgroundColor);
    if (colour[3] > 0) { page = colour; break; }
  }
  const background = over(rgba(style.backgroundColor), page);  // over() returns rgb
  return {
    text: inner.innerText,
    fontSize: parseFloat(style.fontSize),
    textContrast: ratio(over(rgba(style.color), background), background),
    edgeWidth: parseFloat(style.borderTopWidth),
    edgeContrast: ratio(over(rgba(style.borderTopColor), page), rgb(page)),
  };
}"""


@pytest.mark.parametrize("viewport", sweep(VIEWPORTS, "desktop"))
@pytest.mark.parametrize("scheme", sweep(SCHEMES, "slate"))
def test_tooltip_shows_korean_and_a_gloss_readably(visited, scheme, viewport, record_property):
    page = visited("linear-regression/", scheme, viewport).page
    term = page.locator("article abbr", has_text="learning rate")
    assert term.count() == 1  # once per page
    term.hover()
    try:
        inner = page.wait_for_selector(".md-tooltip2--active .md-tooltip2__inner", timeout=5000)
        style = inner.evaluate(TOOLTIP_STYLE)
        box = inner.bounding_box()
    finally:
        close_tooltips(page)
    record_property(
        "report",
        f"tooltip [{scheme}, {viewport}]: {style['fontSize']} px, text {style['textContrast']:.1f}:1, "
        f"edge {style['edgeWidth']} px at {style['edgeContrast']:.1f}:1",
    )
    assert (
        style["text"]
        == "학습률: How far each gradient-descent step goes: the step is the learning rate times the gradient"
    )
    assert style["fontSize"] >= 13
    assert style["textContrast"] >= 4.5
    # A visible edge against the page (3:1, WCAG's contrast for the outline of a component).
    assert style["edgeWidth"] >= 1 and style["edgeContrast"] >= 3
    assert 0 <= box["x"] and box["x"] + box["width"] <= VIEWPORTS[viewport][0]


# ---------------------------------------------------------------- code blocks


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("path", sweep(PAGES, SPECIMEN))
def test_no_code_block_scrolls_sideways_at_desktop_width(visited, path, scheme):
    page = visited(path, scheme).page
    # Measured open: a closed box of figure code is only as wide as its summary (extra.css).
    scrolling = page.evaluate(
        """() => {
          const closed = [...document.querySelectorAll("article details:not([open])")];
          closed.forEach(d => d.open = true);
          const wide = [...document.querySelectorAll("pre > code")].filter(e => e.scrollWidth > e.clientWidth)
            .map(e => `${e.scrollWidth} > ${e.clientWidth}: ${e.textContent.slice(0, 40)}`);
          closed.forEach(d => d.open = false);
          return wide;
        }"""
    )
    assert scrolling == []


@pytest.mark.parametrize("path", sweep(["glossary/", "judging-a-classifier/"]))  # the pages with tables
def test_on_a_phone_a_table_fits_the_screen(visited, path):
    """Its columns share the phone's width (Material gave each at least 100 px: the glossary's four
    were 477 px wide, the last one cut at the screen's edge)."""
    widths = visited(path, "default", "phone").page.eval_on_selector_all(
        "article .md-typeset__scrollwrap", "els => els.map(e => [e.scrollWidth, e.clientWidth])"
    )
    assert widths and all(scroll <= client for scroll, client in widths), widths


# The article's blocks and, for each, the box that shows its extent: a figure's image, a table, the
# others themselves. Their left and right edges, and the article's text box.
COLUMN = """() => {
  const article = document.querySelector(".md-content__inner");
  const style = getComputedStyle(article);
  const box = article.getBoundingClientRect();
  const text = [box.left + parseFloat(style.paddingLeft), box.right - parseFloat(style.paddingRight)];
  // An optional section's rule sits in the margin (extra.css); what it holds keeps the column.
  const blocks = [...article.children].flatMap(e => e.matches("section.optional") ? [...e.children] : [e])
    .filter(e => e.offsetParent && !e.matches("a.md-content__button"))
    .map(e => {
      // A figure's image in the scheme shown; a table, not the scroll box Material wraps it in.
      const shown = e.matches("figure") ? [...e.querySelectorAll("img")].find(i => i.offsetParent)
        : e.matches(".md-typeset__scrollwrap") ? e.querySelector("table") : e;
      const r = shown.getBoundingClientRect();
      return {tag: e.tagName.toLowerCase() + (e.className ? "." + e.className.split(" ")[0] : ""),
              left: r.left, right: r.right, centre: (r.left + r.right) / 2, figure: e.matches("figure")};
    });
  return {text, blocks};
}"""


@pytest.mark.parametrize("scheme", sweep(SCHEMES, "default"))
@pytest.mark.parametrize("path", sweep(PAGES, SPECIMEN))
def test_one_column_one_centre_line_at_desktop_width(visited, path, scheme):
    """Running text, code, output, boxes, tables and formulas share the text's edges; a figure
    sits on the text's centre line. About 100 characters of text, 80 of code, a line."""
    page = visited(path, scheme).page
    column = page.evaluate(COLUMN)
    left, right = column["text"]
    assert 700 <= right - left <= 800
    for block in column["blocks"]:
        if block["figure"]:
            assert abs(block["centre"] - (left + right) / 2) < 2, block
        else:
            assert block["left"] >= left - 1 and block["right"] <= right + 1, block


TAKE_HOME = """() => {
  const title = document.querySelector("article h1").getBoundingClientRect();
  const column = document.querySelector(".md-content__inner > p").getBoundingClientRect();
  return [...document.querySelectorAll("article .take-home a")].map(a => {
    const style = getComputedStyle(a), box = a.getBoundingClientRect();
    return {label: a.textContent, lines: Math.round(box.height / parseFloat(style.lineHeight)),
            border: parseFloat(style.borderTopWidth), underline: style.textDecorationLine,
            belowTitle: box.top >= title.bottom,
            inColumn: box.left >= column.left - 1 && box.right <= column.right + 1};
  });
}"""


@pytest.mark.parametrize("viewport", sweep(VIEWPORTS, "phone"))
@pytest.mark.parametrize("scheme", sweep(SCHEMES, "default"))
def test_the_take_home_buttons_are_framed_labelled_and_each_on_one_line(visited, scheme, viewport):
    buttons = visited(SPECIMEN, scheme, viewport).page.evaluate(TAKE_HOME)
    assert [b["label"] for b in buttons] == ["Script (.py)", "Notebook (.ipynb)"]
    for button in buttons:
        assert button["lines"] == 1 and button["border"] >= 1 and button["underline"] == "none", button
        assert button["belowTitle"] and button["inColumn"], button


# A token span of each kind, put into a code block: its colour and the block's own.
TOKEN_COLOURS = """(kinds) => {
  const code = document.querySelector(".highlight pre > code");
  return kinds.map(kind => {
    const span = document.createElement("span");
    span.className = kind;
    span.textContent = "x";
    code.append(span);
    const colours = [getComputedStyle(span).color, getComputedStyle(code).color];
    span.remove();
    return colours;
  });
}"""


@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_token_spans_left_out_of_code_blocks_drew_nothing_of_their_own(visited, scheme):
    """site_build/code_spans.py unwraps these kinds: right only while they draw in the code's own colour."""
    page = visited(SPECIMEN, scheme).page
    assert page.locator(", ".join(f"pre code span.{kind}" for kind in code_spans.PLAIN)).count() == 0
    plain = page.evaluate(TOKEN_COLOURS, list(code_spans.PLAIN))
    assert all(token == code for token, code in plain), dict(zip(code_spans.PLAIN, plain, strict=True))
    [(keyword, code)] = page.evaluate(TOKEN_COLOURS, ["k"])
    assert keyword != code  # the measure tells a coloured kind apart


FIRST_LINE_AND_BUTTON = """(block) => {
  const code = block.querySelector("pre > code");
  // The boxes of the code's characters (not of the spans that hold its lines), newlines left out.
  const boxes = (root) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT), found = [];
    while (walker.nextNode()) {
      const text = walker.currentNode, end = text.data.replace(/\\n+$/, "").length;
      if (!end) continue;
      const range = document.createRange();
      range.setStart(text, 0);
      range.setEnd(text, end);
      found.push(...[...range.getClientRects()].filter(r => r.width > 0));
    }
    return found;
  };
  const rects = boxes(code);
  const top = Math.min(...rects.map(r => r.top));
  const firstLine = rects.filter(r => r.top < top + 2);
  const button = block.querySelector("button.md-code__button[data-md-type=copy]").getBoundingClientRect();
  const overlaps = rects.filter(r => r.right > button.left && r.left < button.right
                                  && r.bottom > button.top && r.top < button.bottom).length;
  return {textRight: Math.max(...firstLine.map(r => r.right)), buttonLeft: button.left,
          buttonBottom: button.bottom, lineTop: top, overlaps};
}"""


@pytest.mark.parametrize("scheme", SCHEMES)
def test_a_copy_button_at_rest_stands_out_from_its_code(visited, scheme):
    """Material draws it in its faintest grey until the block is hovered (1.2:1 on the code): the
    3:1 that WCAG asks of a control's shape, unhovered."""
    page = visited(SPECIMEN, scheme, "desktop").page
    block = page.locator("article div.language-python.highlight").first
    block.scroll_into_view_if_needed()
    page.mouse.move(0, 0)
    button = block.locator("button.md-code__button[data-md-type=copy]")
    button.wait_for()
    colours = button.evaluate(
        "b => [getComputedStyle(b).color, getComputedStyle(b.closest('.highlight').querySelector('code'))"
        ".backgroundColor].map(c => c.match(/[\\d.]+/g).map(Number))"
    )
    colour, background = ([v / 255 for v in rgb[:3]] for rgb in colours)
    alpha = colours[0][3] if len(colours[0]) > 3 else 1  # rgba() or rgb()
    ratio = svg.contrast(svg.over(colour, alpha, background), background)
    assert ratio >= 3, (scheme, colours, ratio)


def test_a_chapter_card_is_a_link_all_over(visited):
    """A tap on a card's description opens its chapter, as on its title: the card looked like a
    link and was one only in its title."""
    page = visited("", "default", "desktop").page
    targets = page.eval_on_selector_all(
        ".chapters > ol > li",
        """cards => cards.map(card => {
          card.scrollIntoView({block: "center"});
          const text = card.querySelector("p") || card.lastElementChild;
          const box = text.getBoundingClientRect();
          const hit = document.elementFromPoint(box.left + box.width / 2, box.bottom - 4);
          return [hit && hit.closest("a") && hit.closest("a").getAttribute("href"),
                  card.querySelector("a").getAttribute("href")];
        })""",
    )
    page.evaluate("window.scrollTo(0, 0)")
    assert len(targets) >= 10 and all(hit == link for hit, link in targets), targets


@pytest.mark.parametrize("viewport", sweep(VIEWPORTS, "desktop"))
def test_the_home_page_command_is_clear_of_the_copy_button(visited, viewport):
    page = visited("", "default", viewport).page
    block = page.locator("div.language-text").first
    block.hover()
    block.locator("button.md-code__button[data-md-type=copy]").wait_for()  # added once in view
    geometry = block.evaluate(FIRST_LINE_AND_BUTTON)
    if viewport == "desktop":  # beside the first line, clear of it
        assert geometry["buttonBottom"] > geometry["lineTop"], geometry
        assert geometry["textRight"] <= geometry["buttonLeft"], geometry
    else:  # in the corner the first line leaves free
        assert geometry["overlaps"] == 0, geometry


# The colour a box that scrolls sideways is painted in where no shadow is (extra.css: --scroll-cover).
COVER_COLOUR = """(box) => {
  const probe = document.createElement("div");
  probe.style.backgroundColor = getComputedStyle(box).getPropertyValue("--scroll-cover");
  document.body.append(probe);
  const colour = getComputedStyle(probe).backgroundColor;
  probe.remove();
  return colour.match(/[\\d.]+/g).slice(0, 3).map(Number);
}"""


def pixels(element) -> tuple[numpy.ndarray, float]:
    """A screenshot of the element as RGB values (rows, columns, 3), and its pixels per CSS px."""
    shot = numpy.asarray(Image.open(io.BytesIO(element.screenshot())).convert("RGB"), dtype=int)
    return shot, shot.shape[1] / element.bounding_box()["width"]


def column_shades(box, *percents: int) -> tuple[list[list[float]], float]:
    """How far each pixel column of the box is from the box's own colour: of the summed channel
    differences down the column, each percentile given (the median is blind to a glyph crossing
    the column, a low one to whatever covers only part of it). And the pixels per CSS px."""
    shot, scale = pixels(box)
    differences = numpy.abs(shot - numpy.array(box.evaluate(COVER_COLOUR))).sum(axis=2)
    return [numpy.percentile(differences, percent, axis=0).tolist() for percent in percents], scale


# Both in CI's sweep (each a fresh visit, resized: about 2.3 s of a worker; make test had grown
# past 60 s); `make test CHAPTER=<key>` runs its page's.
SCROLLING_BOXES = [
    # A display formula: every one fits a 390 px phone; on a 270 px screen some do not.
    (SPECIMEN, ".math-display", 270),
    # The rows of a printed table or tensor, which scroll, beside code, which wraps: on a 390 px
    # phone most fit (their block set smaller, down to 12 px: output_blocks.py); on a 320 px one
    # some do not.
    (SPECIMEN, ":is(.language-text:has(.row), .language-python) pre > code", 320),
]


@pytest.mark.parametrize("scheme", sweep(SCHEMES, "default"))
@pytest.mark.parametrize(("path", "selector", "width"), sweep(SCROLLING_BOXES))
def test_on_a_phone_a_box_that_scrolls_shades_the_edge_where_more_is_hidden(
    visit, scheme, path, selector, width
):
    """A box wider than the phone: a shadow down the whole right edge at first (nine tenths of
    each edge column, so the first and last lines have it too), down the left one once scrolled
    to the end; no shadow on most of a column elsewhere, nor on a box that fits."""
    page = visit(path, scheme, "phone").page
    page.set_viewport_size({"width": width, "height": 844})
    overflow = "els => els.map(e => e.checkVisibility() ? e.scrollWidth - e.clientWidth : null)"
    boxes = page.locator(f"article {selector}")
    overflows = boxes.evaluate_all(overflow)
    assert max(o or 0 for o in overflows) > 40 and 0 in overflows, (selector, overflows)
    widest = max(o or 0 for o in overflows)
    wide, fits = boxes.nth(overflows.index(widest)), boxes.nth(overflows.index(0))
    for end in ("start", "end"):
        if end == "end":
            wide.evaluate("box => { box.scrollLeft = box.scrollWidth; }")
        (everywhere, mostly), scale = column_shades(wide, 10, 50)
        inset = round(3 * scale)  # 3 CSS px inside the edge
        shaded, clear = (-1 - inset, inset) if end == "start" else (inset, -1 - inset)
        assert everywhere[shaded] > 60 and mostly[clear] < 10, (selector, end)
    (shades,), _ = column_shades(fits, 50)
    assert max(shades[inset], shades[-1 - inset]) < 10, (selector, "a box that fits")


# The width of each row a shown element's text takes, top to bottom.
ROW_WIDTHS = """els => els.filter(e => e.checkVisibility()).map(e => {
  const range = document.createRange();
  range.selectNodeContents(e);
  const rows = new Map();
  for (const r of range.getClientRects()) {
    if (r.width < 1) continue;
    const top = Math.round(r.top);
    const [left, right] = rows.get(top) || [r.left, r.right];
    rows.set(top, [Math.min(left, r.left), Math.max(right, r.right)]);
  }
  return [...rows.keys()].sort((a, b) => a - b).map(top => rows.get(top)[1] - rows.get(top)[0]);
})"""


def test_an_output_and_an_optional_section_are_ruled_differently(visited):
    """An output's rule is solid and an optional section's dashed: both were dashed, and an
    output inside an optional section read as a section within a section."""
    styles = visited(SPECIMEN, "default").page.evaluate(
        """() => {
          const section = document.createElement("section");
          section.className = "optional";
          document.querySelector("article").append(section);
          const output = document.querySelector("article .language-text.highlight:has(> .filename)");
          const styles = [output, section].map(e => getComputedStyle(e).borderLeftStyle);
          section.remove();
          return styles;
        }"""
    )
    assert styles == ["solid", "dashed"]


def test_on_a_phone_code_wraps_and_printed_numbers_stay_whole(visited):
    """Code and output wrap on a phone (code_lines.py). No block reaches past the screen (a long
    name once widened a block, in Material's grid, past it), and all but a line or two wrap: one
    whose indentation leaves less room than a call's longest piece (binary_cross_entropy_with_
    logits, 12 spaces in) scrolls inside its box, as do the rows of a printed table. Between words
    only: a number with a hyphen (-0.0474, 1e-07) is one piece on one line (output_blocks.py)."""
    page = visited(SPECIMEN, "default", "phone").page
    edges = "els => els.filter(e => e.checkVisibility()).map(e => [e.getBoundingClientRect().right,"
    edges += " e.scrollWidth - e.clientWidth, e.querySelector('.row') !== null])"
    blocks = page.locator("article pre > code").evaluate_all(edges)
    width = page.evaluate("innerWidth")
    assert len(blocks) > 15 and all(right <= width for right, _, _ in blocks), blocks  # (the open ones)
    # (A block with the rows of a table scrolls by design: test_on_a_phone_a_box_that_scrolls_...)
    assert sum(hidden > 0 for _, hidden, rows in blocks if not rows) <= 1, blocks
    # Every code block runs from edge to edge, an optional section's too (it was 32 px narrower).
    spans = page.locator("article .language-python.highlight").evaluate_all(
        "els => els.filter(e => e.checkVisibility()).map(e => [e.getBoundingClientRect().width,"
        " e.closest('section.optional') !== null])"
    )
    assert any(optional for _, optional in spans) and {w for w, _ in spans} == {width}, spans
    numbers = page.eval_on_selector_all(
        "article .language-text pre span.nowrap",
        "els => els.map(e => [e.textContent, e.getClientRects().length])",
    )
    assert len(numbers) > 10
    assert [text for text, lines in numbers if lines != 1] == []
    # Each line of code is a block there; Material copies innerText, which must still be the code.
    copied = visited(SPECIMEN, "default", "phone").page.eval_on_selector(
        "article .language-python pre > code",
        "code => { code.setAttribute('data-md-copying', ''); const text = code.innerText;"
        " code.removeAttribute('data-md-copying'); return [text, code.textContent]; }",
    )
    assert copied[0].strip() == copied[1].strip() and copied[0].count("\n") > 3
    # A file's name shows whole, without the "snippets/" every name starts with.
    names = page.eval_on_selector_all(
        "article .highlight > .filename",
        "els => els.filter(e => e.checkVisibility()).map(e => [e.innerText, e.scrollWidth - e.clientWidth])",
    )
    files = [(name, hidden) for name, hidden in names if name.lower() != "output"]  # (text-transform)
    assert files and all(
        name.removesuffix(" (continued)").endswith(".py") and "snippets/" not in name and hidden <= 0
        for name, hidden in files
    ), files
    assert any(name.endswith(" (continued)") for name, _ in files)  # continued_blocks.py
    # A comment the source wraps over lines reads as one paragraph: no row but its last is left
    # short, as "x)), with" was when each of its lines wrapped on its own.
    runs = page.eval_on_selector_all("article .comment-run", ROW_WIDTHS)
    assert len(runs) > 3 and all(len(rows) > 1 for rows in runs), runs
    assert [rows for rows in runs if min(rows[:-1]) < 0.5 * max(rows)] == []  # (a long name may wrap early)
    # An output block is set at the code's size, or, with the rows of a table or a tensor, small
    # enough to show its longest row, down to 12 px (a block once shrank to 10 px to show any
    # line). Rows, and lines padded to line up ("no predicted positives ... F1 0.0" over
    # "neither ... F1 0.0" once), keep to one line and, past the floor, scroll together
    # (output_blocks.py); the other lines wrap, and some do.
    code_size = page.eval_on_selector(
        "article .language-python pre > code", "e => parseFloat(getComputedStyle(e).fontSize)"
    )
    outputs = page.eval_on_selector_all(
        "article .language-text.highlight:has(> .filename) pre > code",
        "els => els.filter(e => e.checkVisibility()).map(e => [parseFloat(getComputedStyle(e).fontSize),"
        " [...e.children].map(line => [line.classList.contains('row'),"
        " Math.round(line.getBoundingClientRect().height"
        " / parseFloat(getComputedStyle(line).lineHeight))])])",
    )
    plain = [size for size, block in outputs if not any(is_row for is_row, _ in block)]
    tables = [size for size, block in outputs if any(is_row for is_row, _ in block)]
    assert plain and set(plain) == {code_size}, outputs
    assert tables and all(12 <= size <= code_size for size in tables) and min(tables) < code_size
    lines = [line for _, block in outputs for line in block]
    assert any(is_row for is_row, _ in lines) and any(height > 1 for is_row, height in lines if not is_row)
    assert [height for is_row, height in lines if is_row and height != 1] == []


def test_on_a_phone_the_header_names_the_section_being_read(visited):
    """Scrolled into a section, its heading in the screen's top quarter or above, the header shows
    its title (section-in-header.js); above the first section, the page's. A chapter is twenty
    phone screens, its contents in the drawer."""
    page = visited(SPECIMEN, "default", "phone").page
    topic = '[data-md-component="header-topic"] .md-ellipsis'
    read = f"""async (y) => {{
      window.scrollTo(0, y);
      for (let frame = 0; frame < 3; frame++) await new Promise(requestAnimationFrame);
      return document.querySelector('{topic}').textContent.trim();
    }}"""
    headings = page.eval_on_selector_all(
        "article h2[id]",
        "hs => hs.map(h => [h.getBoundingClientRect().top + scrollY, h.firstChild.textContent.trim()])",
    )
    (_, first), (third_top, third) = headings[0], headings[2]
    try:
        assert page.evaluate(read, 0) == "Where binary cross-entropy comes from"  # its title
        assert page.evaluate(read, third_top - 40) == third  # its heading gone under the header
        assert page.evaluate(read, third_top - 200) == third  # in the top quarter, under it
        assert page.evaluate(read, third_top - 400) != third  # not yet: still the section before
        assert first == "A model of the data"
    finally:
        page.evaluate("window.scrollTo(0, 0)")


def test_at_1280_px_the_course_is_on_the_left_and_the_page_on_the_right(visited):
    """The left navigation lists the chapters only; "On this page", on the right, lists the
    chapter's sections, and the column between them keeps its 780 px (an 80-character line of
    code). The "Contents" box, for narrower screens, is hidden."""
    page = visited(SPECIMEN, "default", "desktop").page
    layout = page.evaluate(
        """() => {
            const box = (s) => { const e = document.querySelector(s); const r = e.getBoundingClientRect();
                                 return [r.left, r.right, e.checkVisibility()] };
            const shown = (s) => [...document.querySelectorAll(s)].filter(e => e.checkVisibility())
                                 .map(e => e.textContent.replace('\u00b6', '').trim());
            return {left: box('.md-sidebar--primary'), right: box('.md-sidebar--secondary'),
                    column: box('article'), contents: box('article details.chapter-contents'),
                    title: shown('.md-sidebar--secondary .md-nav__title'),
                    toc: shown('.md-sidebar--secondary .md-nav--secondary > ul > li > .md-nav__link'),
                    sections: shown('article h2'),
                    nested: shown('.md-sidebar--primary .md-nav--secondary .md-nav__link')}
        }"""
    )
    left, right, column = layout["left"], layout["right"], layout["column"]
    assert left[2] and right[2] and not layout["contents"][2]
    assert left[1] <= column[0] and column[1] <= right[0] <= 1280, layout
    assert column[1] - column[0] >= 780
    assert layout["title"] == ["On this page"]
    assert layout["toc"] == layout["sections"] and len(layout["sections"]) >= 8
    assert layout["nested"] == []  # the chapter's sections are not repeated on the left


def test_on_a_phone_the_closed_sources_and_contents_share_a_row(visited):
    """Under a chapter's title on a phone the two closed boxes sit side by side, each on one line,
    rather than take a row each before the lesson; the lesson's first paragraph comes under both."""
    page = visited(SPECIMEN, "default", "phone").page
    boxes = page.eval_on_selector_all(
        "article details.info, article details.chapter-contents",
        "els => els.slice(0, 2).map(e => { const r = e.getBoundingClientRect();"
        " const label = e.querySelector('summary').getBoundingClientRect().height;"
        " return [r.top, r.left, r.right, label, e.nextElementSibling.tagName] })",
    )
    (top, left, right, summary, _), (top2, left2, right2, summary2, after) = boxes
    assert abs(top - top2) < 1 and right < left2 and right2 <= 390 and left >= 0, boxes
    assert abs(summary - summary2) < 1, "a label wrapped to a second line"
    first = page.eval_on_selector(
        "article details.chapter-contents + p", "p => p.getBoundingClientRect().top"
    )
    assert after == "P" and first > top + summary + 10


def test_on_a_phone_the_footer_names_the_previous_and_the_next_page(visited):
    """Material shows the previous page as an arrow alone on a phone; here both links have their
    page's title, each on one line in a row of its own."""
    page = visited(SPECIMEN, "default", "phone").page
    titles = page.eval_on_selector_all(
        ".md-footer__link .md-footer__title",
        "els => els.map(e => { const name = e.querySelector('.md-ellipsis');"
        " const box = name.getBoundingClientRect(); return [e.checkVisibility(), name.innerText, box.top,"
        " Math.round(box.height / parseFloat(getComputedStyle(name).lineHeight))] })",
    )
    assert [(shown, title, lines) for shown, title, _, lines in titles] == [
        (True, "Two features, three ways", 1),
        (True, "Judging a classifier", 1),
    ]
    assert titles[1][2] > titles[0][2] + 20, "the two links share a row"


@pytest.mark.parametrize("scheme", sweep(SCHEMES, "default"))
def test_on_a_phone_the_copy_button_covers_no_code(visit, scheme):
    """On a phone most first lines reach the right edge: the button sits in the block's name bar,
    or in a strip above the first line, which keeps the whole width. An output block has none:
    it is not code to copy."""
    page = visit(SPECIMEN, scheme, "phone").page
    output = page.locator("article div.language-text.highlight:has(> .filename)").first
    output.scroll_into_view_if_needed()
    copy = output.locator("button.md-code__button[data-md-type=copy]")
    copy.wait_for(state="attached")  # Material adds it once the block is in view, hidden by extra.css
    assert not copy.is_visible()
    # Every open code block, brought into view in turn (its button comes then), in one evaluation.
    geometries = page.evaluate(EVERY_CODE_BLOCKS_BUTTON)
    assert len(geometries) >= 8  # the open ones: checks and helpers sit in closed boxes
    for index, geometry in enumerate(geometries):
        assert geometry["overlaps"] == 0, (index, geometry)
    # Above the first line, which keeps the width of the lines under it.
    assert all(g["buttonBottom"] <= g["lineTop"] for g in geometries), geometries


EVERY_CODE_BLOCKS_BUTTON = (
    """async () => {
  const measure = """
    + FIRST_LINE_AND_BUTTON
    + """;
  const blocks = [...document.querySelectorAll(
    "article div.highlight:has(> pre > code):not(.language-text:has(> .filename))")]
    .filter(block => block.checkVisibility());  // not in a closed box
  const measured = [];
  for (const block of blocks) {
    block.scrollIntoView({block: "center"});
    const button = () => block.querySelector("button.md-code__button[data-md-type=copy]");
    for (let frame = 0; frame < 120 && !button(); frame++) await new Promise(requestAnimationFrame);
    measured.push(measure(block));
  }
  return measured;
}"""
)


# ---------------------------------------------------------------- first paint

FIRST_PAINT = """() => {
  const body = document.body;
  return {scheme: body.dataset.mdColorScheme, primary: body.dataset.mdColorPrimary,
          background: getComputedStyle(body).backgroundColor,
          header: getComputedStyle(document.querySelector(".md-header")).backgroundColor};
}"""
SITE_PRIMARY = {"light": "rgb(194, 65, 12)", "dark": "rgb(124, 45, 18)"}  # --md-primary-fg-color, extra.css
BACKGROUNDS = {"light": "rgb(255, 255, 255)", "dark": "rgb(30, 33, 41)"}  # Material's default and slate


@pytest.mark.parametrize("system", sweep(["light", "dark"], "dark"))
@pytest.mark.parametrize("script", sweep([False, True], False), ids=["before-scripts", "after-scripts"])
def test_first_visit_paints_in_the_readers_scheme_and_the_sites_colours(browser, base_url, system, script):
    # A first visit: nothing in localStorage. With scripts off, the page is what paints before
    # Material's palette script runs.
    context = browser.new_context(color_scheme=system, java_script_enabled=script)
    try:
        page = context.new_page()
        page.goto(f"{base_url}/sigmoid/", wait_until="load")
        paint = page.evaluate(FIRST_PAINT)
    finally:
        context.close()
    assert paint["primary"] == "custom"
    assert paint["header"] == SITE_PRIMARY[system]  # not Material's indigo, nor the light one on a dark page
    assert paint["background"] == BACKGROUNDS[system]
    if script:
        assert paint["scheme"] == {"light": "default", "dark": "slate"}[system]


# ---------------------------------------------------------------- the notebook page


@pytest.mark.parametrize("scheme", sweep(SCHEMES, "slate"))
def test_the_notebook_page_reads_like_a_chapter(visited, base_url, scheme):
    visit = visited("simulation/", scheme)
    page = visit.page
    text = page.inner_text("article")
    assert "In [" not in text and "Out[" not in text
    # No bordered JupyterLab cells: code blocks are Material's, with the site's copy button.
    assert page.eval_on_selector_all("article [class*=jp-]", "els => els.length") == 0
    blocks = page.locator("article div.language-python.highlight")
    assert blocks.count() >= 4
    blocks.first.hover()
    blocks.first.locator("button.md-code__button[data-md-type=copy]").wait_for()  # one, added once in view
    assert (
        page.eval_on_selector_all("article div.language-text .filename", "els => els.map(e => e.textContent)")
        == ["Output"] * page.locator("article div.language-text").count()
    )
    # The chapters' stylesheets, and nothing of JupyterLab's half megabyte.
    sheets = {url.rsplit("/", 1)[-1] for url in visit.requests if url.endswith(".css")}
    chapter = visited("sigmoid/", scheme).requests
    assert sheets == {url.rsplit("/", 1)[-1] for url in chapter if url.endswith(".css")}
    # Its figures are the chapters' kind: SVGs drawn for the scheme shown (no bitmap, no filter).
    scroll_through_figures(page)  # the lazy figures load
    shown = page.eval_on_selector_all(
        "article figure img",
        "els => els.filter(e => e.offsetParent).map(e => [e.currentSrc, getComputedStyle(e).filter])",
    )
    variant = "-dark.svg#only-dark" if scheme == "slate" else ".svg#only-light"
    assert len(shown) == 3 and all(src.endswith(variant) and f == "none" for src, f in shown), shown
