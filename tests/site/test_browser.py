"""Every page in a real browser: clean loads, figures, math, dark mode, search, copy, accessibility."""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from local_site import load, new_context, scroll_through_figures
from support.chromium import PAGES, SCHEMES, VIEWPORTS
from support.tiers import SPECIMEN, sweep

# Every axe rule in light; in dark only what a colour scheme can change.
AXE_OPTIONS = {
    "default": {"resultTypes": ["violations"]},
    "slate": {
        "resultTypes": ["violations"],
        "runOnly": {"type": "rule", "values": ["color-contrast", "link-in-text-block"]},
    },
}
# Code and formulas are most of a page's elements and three quarters of axe's time. Their colours
# come from the site's stylesheets alone (Pygments' tokens, the text colour the math inherits), the
# same on every page, so axe checks them on the specimen page, which has both, and skips them elsewhere.
SAME_ON_EVERY_PAGE = {"exclude": [["pre"], ["math"]]}


@pytest.mark.parametrize("scheme", sweep(SCHEMES, "default"))  # dark: CI's sweep
@pytest.mark.parametrize("path", sweep(PAGES, SPECIMEN))
def test_page_is_clean_local_and_accessible(visited, base_url, path, scheme, record_property):
    page = visited(path, scheme)
    assert page.page.evaluate("document.body.dataset.mdColorScheme") == scheme
    if path == SPECIMEN:  # the page that stands for every page's code and formulas has both
        assert page.page.locator("article pre").count() and page.page.locator("article math").count()
    scroll_through_figures(page.page)  # the lazy figures load, so axe checks them too
    violations = [
        f"{v['id']} ({v['impact']}): {v['help']} -- e.g. {v['nodes'][0]['target']}"
        for v in Axe()
        .run(page.page, context=None if path == SPECIMEN else SAME_ON_EVERY_PAGE, options=AXE_OPTIONS[scheme])
        .response["violations"]
    ]
    record_property(
        "report",
        f"browser {path or 'index'} [{scheme}]: {len(page.requests)} requests, "
        f"{len(page.errors)} console errors, {len(page.failed)} failed, {len(violations)} axe violations",
    )
    assert page.errors == []
    assert page.failed == []
    assert [url for url in page.requests if not url.startswith(base_url + "/")] == []
    assert violations == []


@pytest.mark.parametrize("path", sweep(PAGES, SPECIMEN))
def test_images_load_and_have_alt_text_and_the_hidden_scheme_is_never_fetched(visited, path):
    visit = visited(path)
    images = scroll_through_figures(visit.page)
    for image in images:
        assert image["alt"].strip(), f"{image['src']} has no alt text"
        if image["shown"]:
            assert image["width"] > 0, f"{image['src']} did not load"
    hidden = [i["src"].split("#")[0] for i in images if not i["shown"]]
    assert [url for url in visit.requests if url in hidden] == []  # light scheme: no -dark.svg fetched


@pytest.mark.parametrize("path", sweep(PAGES, SPECIMEN))
def test_math_is_rendered(visited, path):
    page = visited(path).page
    text = page.inner_text("article")
    for delimiter in ("\\(", "\\)", "\\[", "\\]", "$$"):
        assert delimiter not in text
    sizes = page.eval_on_selector_all("article math", "els => els.map(e => e.getBoundingClientRect().height)")
    assert all(height > 5 for height in sizes), sizes


# The root's colour scheme: the one the page's own scrollbar and background are drawn in.
ROOT_SCHEME = "getComputedStyle(document.documentElement).colorScheme"


def visible_figures(page) -> dict[str, list[str]]:
    return page.evaluate(
        """() => {
            const shown = (img) => img.getBoundingClientRect().width > 0;
            const srcs = (sel) => [...document.querySelectorAll(sel)].filter(shown).map(i => i.src);
            return {light: srcs('img[src$="#only-light"]'), dark: srcs('img[src$="#only-dark"]')};
        }"""
    )


def test_palette_toggle_switches_figures_to_dark(visit):
    page = visit("linear-regression/", "default").page
    figures_on_page = page.locator('article img[src$="#only-light"]').count()
    assert figures_on_page > 0
    assert len(visible_figures(page)["light"]) == figures_on_page
    assert visible_figures(page)["dark"] == []
    # The toggle cycles light -> dark; click it as a reader would.
    page.click("form[data-md-component=palette] label:visible")
    page.wait_for_function("document.body.dataset.mdColorScheme === 'slate'")
    figures = visible_figures(page)
    assert figures["light"] == []
    assert len(figures["dark"]) == figures_on_page
    assert all(re.search(r"-dark\.svg#only-dark$", src) for src in figures["dark"])
    assert page.evaluate(ROOT_SCHEME) == "dark"


@pytest.mark.parametrize(("scheme", "root_scheme"), [("default", "normal"), ("slate", "dark")])
def test_the_root_takes_the_scheme_without_materials_meta(visited, scheme, root_scheme):
    """The page's scrollbar and background follow the scheme from extra.css, not from the
    <meta name="color-scheme"> Material's script adds: adding and filling it restyled every
    element twice per page load (site_build/theme_patches.py)."""
    page = visited("sigmoid/", scheme).page
    assert page.locator("meta[name=color-scheme]").count() == 0
    assert page.evaluate(ROOT_SCHEME) == root_scheme


def search(page, query: str) -> list[str]:
    """Open Material's search as a reader does (its field in the header, or the button for it on a
    phone) and type into it; return the result pages, best first."""
    page.click("label.md-header__button[for=__search]:visible, input.md-search__input:visible", timeout=5000)
    # Key by key, as a reader types: Material searches on key events, not on a programmatic fill.
    page.locator("input.md-search__input").press_sequentially(query)
    page.wait_for_selector("li.md-search-result__item a", timeout=10000)
    # Results for the first letters can show before those for the whole query (the search runs in
    # a worker, a key at a time): read them until two reads a moment apart agree.
    read = "els => els.map(e => e.href)"
    hrefs, previous = page.eval_on_selector_all("li.md-search-result__item > a", read), None
    for _ in range(20):
        if hrefs == previous:
            break
        page.wait_for_timeout(250)
        hrefs, previous = page.eval_on_selector_all("li.md-search-result__item > a", read), hrefs
    return [re.sub(r"[?#].*$", "", href) for href in hrefs]


# A query a reader would type, and the page that must come first for it.
SEARCHES = [
    ("sigmoid", "sigmoid/"),
    ("gradient descent", "linear-regression/"),
    ("standardising", "multivariable-regression/"),
    ("overfitting", "overfitting/"),
    ("decision boundary", "two-features/"),
    ("likelihood", "binary-cross-entropy/"),
    ("confusion matrix", "judging-a-classifier/"),
]


# In every run, the index test below ranks "confusion matrix"; each chapter's query is CI's, all in
# one visit of the home page, whose search index loads once.
@pytest.mark.slow
def test_search_ranks_each_chapter_first(visit, base_url):
    home = visit("").page
    first = {}
    for query, _ in SEARCHES:
        first[query] = search(home, query)[0].removeprefix(f"{base_url}/")
        home.locator("input.md-search__input").fill("")  # Material empties its results too
        home.wait_for_selector("li.md-search-result__item", state="detached", timeout=5000)
    assert first == dict(SEARCHES)


@pytest.mark.parametrize("viewport", sweep(VIEWPORTS, "desktop"))
def test_the_search_index_comes_when_the_reader_opens_search(visit, base_url, viewport):
    """The search index (every page's text) is not part of a page load; opening search fetches it,
    and search finds (site_build/theme_patches.py)."""
    opened = visit("sigmoid/", viewport=viewport)
    index = f"{base_url}/search/search_index.json"
    # Material's script has run by the load event; unpatched, it asked for the index as it started.
    assert index not in opened.requests
    assert search(opened.page, "confusion matrix")[0] == f"{base_url}/judging-a-classifier/"
    assert opened.requests.count(index) == 1  # one request, shared by the search and the highlighter
    assert opened.errors == []


@pytest.mark.slow  # a fresh visit of its own; CI's, with the other search checks (README)
def test_a_page_opened_from_a_search_result_highlights_the_words(visit):
    """A result links to its page with ?h=: the highlighter needs the index there, without a search."""
    page = visit("sigmoid/?h=logistic").page
    page.wait_for_selector("article mark >> visible=true", timeout=5000)  # (one may be in a closed box)
    assert {text.lower() for text in page.locator("article mark").all_text_contents()} == {"logistic"}


def test_hovering_a_term_shows_its_korean_original(visit):
    page = visit("linear-regression/").page
    term = page.locator("article abbr", has_text="learning rate").first
    term.hover()
    tooltip = page.wait_for_selector(".md-tooltip2--active", timeout=5000)
    assert (
        tooltip.inner_text().strip()
        == "학습률: How far each gradient-descent step goes: the step is the learning rate times the gradient"
    )


@pytest.mark.slow
def test_tapping_a_term_on_a_touch_screen_shows_its_korean_original(browser, base_url):
    """The glossary says "point at it, or tap it on a touch screen": a phone has no hover."""
    context = new_context(browser, viewport="phone", has_touch=True, is_mobile=True)
    try:
        page = context.new_page()
        load(page, f"{base_url}/linear-regression/")
        term = page.locator("article abbr", has_text="learning rate").first
        term.scroll_into_view_if_needed()
        term.tap()
        tooltip = page.wait_for_selector(".md-tooltip2--active", timeout=5000)
        assert tooltip.inner_text().strip().startswith("학습률: ")
    finally:
        context.close()


def test_copy_button_copies_the_code(visit, base_url):
    page = visit("linear-regression/").page
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url)
    block = page.locator("div.language-python").first
    block.hover()
    block.locator("button.md-code__button[data-md-type=copy]").click()
    copied = page.evaluate("navigator.clipboard.readText()")
    # The code's own text, each line's newline once (on a phone each line is a block of its own:
    # extra.css makes them inline while Material copies).
    assert copied.strip() == block.locator("code").text_content().strip()
    assert copied.startswith("import torch")


def test_code_buttons_come_when_their_block_scrolls_into_view_named_for_its_place(visit):
    # content.lazy: mounting every block's buttons at load laid the page out once per block.
    page = visit("logistic-regression/").page
    blocks = page.locator("article pre > code")
    assert page.locator("article nav.md-code__nav").count() < blocks.count() // 2
    last = page.locator("article pre > code:visible").last  # the last block outside a closed <details>
    place = last.evaluate("code => [...document.querySelectorAll('pre > code')].indexOf(code) + 1")
    last.scroll_into_view_if_needed()
    navigation = last.locator("xpath=..").locator("nav.md-code__nav")
    navigation.wait_for(state="attached", timeout=5000)
    assert navigation.locator("button.md-code__button[data-md-type=copy]").count() == 1
    assert re.fullmatch(rf"Actions for code block {place}( \(.+\))?", navigation.get_attribute("aria-label"))


# Records each change of <html>'s class, and whether the body had begun by then (installed
# before <html> itself is parsed, it watches the whole document).
WATCH_ROOT_CLASS = """
window.rootClassChanges = [];
new MutationObserver((records) => {
  for (const { target, oldValue } of records) {
    if (target === document.documentElement && target.className !== oldValue) {
      rootClassChanges.push({ oldValue, body: !!document.body });
    }
  }
}).observe(document, { subtree: true, attributeFilter: ["class"], attributeOldValue: true });
"""


def test_the_root_class_is_final_before_the_body_is_parsed(browser, base_url):
    # A class change on <html> restyles every element of the page (overrides/main.html says why);
    # Material's bundle and its focus-visible polyfill would make theirs after the whole body.
    context = new_context(browser)
    context.add_init_script(WATCH_ROOT_CLASS)
    page = context.new_page()
    try:
        load(page, f"{base_url}/{SPECIMEN}")
        changes = page.evaluate("rootClassChanges")
        assert sorted(page.evaluate("document.documentElement.className").split()) == [
            "js",
            "js-focus-visible",
        ]
        assert changes and not [change for change in changes if change["body"]], changes
    finally:
        context.close()
