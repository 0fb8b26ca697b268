"""Every page in a real browser: clean loads, figures, math, dark mode, search, copy, accessibility."""

from __future__ import annotations

import json
import re
from pathlib import Path

import paths
import pytest
from axe_playwright_python.sync_playwright import Axe
from support.chromium import CHROMIUM_ARGS, require_chromium, serve

DOCS = paths.ROOT / paths.DOCS
PAGES = sorted(
    paths.page_url(page.relative_to(DOCS)) for pattern in ("*.md", "*.ipynb") for page in DOCS.rglob(pattern)
)
SCHEMES = ["default", "slate"]  # Material's light and dark
# Every axe rule in light; in dark only what a colour scheme can change, which saves half the time.
AXE_OPTIONS = {
    "default": {"resultTypes": ["violations"]},
    "slate": {
        "resultTypes": ["violations"],
        "runOnly": {"type": "rule", "values": ["color-contrast", "link-in-text-block"]},
    },
}


@pytest.fixture(scope="module")
def base_url(site):
    with serve(site) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    executable = require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def screenshots(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("screenshots")


class Visit:
    """A page opened in a fresh context, with everything it logged and requested."""

    def __init__(self, browser, url: str, scheme: str):
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.failed: list[str] = []
        self.context = browser.new_context(viewport={"width": 1280, "height": 900})
        # Material keeps the chosen palette in localStorage; set it before any page script runs.
        palette = {"index": SCHEMES.index(scheme) + 1, "color": {"media": "", "scheme": scheme}}
        self.context.add_init_script(
            f"localStorage.setItem('/.__palette', JSON.stringify({json.dumps(palette)}))"
        )
        self.page = self.context.new_page()
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(f"console: {m.text}"))
        self.page.on("pageerror", lambda e: self.errors.append(f"uncaught: {e}"))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("requestfailed", lambda r: self.failed.append(f"{r.url} {r.failure}"))
        self.page.goto(url, wait_until="networkidle")

    def close(self):
        self.context.close()


@pytest.fixture
def visit(browser, base_url):
    """A fresh visit, for a test that changes the page (clicks, clipboard)."""
    opened = []

    def open_page(path: str, scheme: str = "default") -> Visit:
        opened.append(Visit(browser, f"{base_url}/{path}", scheme))
        return opened[-1]

    yield open_page
    for page in opened:
        page.close()


@pytest.fixture(scope="module")
def visited(browser, base_url):
    """One visit per page and scheme, shared by the tests that only look."""
    opened: dict[tuple[str, str], Visit] = {}

    def open_page(path: str, scheme: str = "default") -> Visit:
        if (path, scheme) not in opened:
            opened[path, scheme] = Visit(browser, f"{base_url}/{path}", scheme)
        return opened[path, scheme]

    yield open_page
    for page in opened.values():
        page.close()


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("path", PAGES)
def test_page_is_clean_local_and_accessible(visited, base_url, screenshots, path, scheme, record_property):
    page = visited(path, scheme)
    assert page.page.evaluate("document.body.dataset.mdColorScheme") == scheme
    page.page.screenshot(path=screenshots / f"{path.strip('/') or 'index'}-{scheme}.png", full_page=True)
    violations = [
        f"{v['id']} ({v['impact']}): {v['help']} -- e.g. {v['nodes'][0]['target']}"
        for v in Axe().run(page.page, options=AXE_OPTIONS[scheme]).response["violations"]
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


@pytest.mark.parametrize("path", PAGES)
def test_images_load_and_have_alt_text_and_the_hidden_scheme_is_never_fetched(visited, path):
    visit = visited(path)
    # Bring every shown image into view, as a reader scrolling down does, and wait for it.
    images = visit.page.evaluate(
        """async () => {
            const found = [];
            for (const img of document.querySelectorAll('article img')) {
                const shown = img.offsetParent !== null;
                if (shown) { img.scrollIntoView(); await img.decode().catch(() => {}); }
                found.push({src: img.src, shown, width: img.naturalWidth, alt: img.alt});
            }
            return found;
        }"""
    )
    for image in images:
        assert image["alt"].strip(), f"{image['src']} has no alt text"
        if image["shown"]:
            assert image["width"] > 0, f"{image['src']} did not load"
    hidden = [i["src"].split("#")[0] for i in images if not i["shown"]]
    assert [url for url in visit.requests if url in hidden] == []  # light scheme: no -dark.svg fetched


@pytest.mark.parametrize("path", PAGES)
def test_math_is_rendered(visited, path):
    page = visited(path).page
    text = page.inner_text("article")
    for delimiter in ("\\(", "\\)", "\\[", "\\]", "$$"):
        assert delimiter not in text
    sizes = page.eval_on_selector_all("article math", "els => els.map(e => e.getBoundingClientRect().height)")
    assert all(height > 5 for height in sizes), sizes


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


def search(page, query: str) -> list[str]:
    """Type into Material's search box; return the result pages, best first."""
    page.click("label.md-search__icon, .md-search__input", timeout=5000)
    # Key by key, as a reader types: Material searches on key events, not on a programmatic fill.
    page.locator("input.md-search__input").press_sequentially(query)
    page.wait_for_selector("li.md-search-result__item a", timeout=10000)
    hrefs = page.eval_on_selector_all("li.md-search-result__item > a", "els => els.map(e => e.href)")
    return [re.sub(r"[?#].*$", "", href) for href in hrefs]


# A query a reader would type, and the page that must come first for it.
SEARCHES = [
    ("sigmoid", "sigmoid/"),
    ("gradient descent", "linear-regression/"),
    ("standardising", "multivariable-regression/"),
    ("overfitting", "vocabulary/"),
    ("decision boundary", "logistic-regression/"),
    ("likelihood", "binary-cross-entropy/"),
    ("confusion matrix", "judging-a-classifier/"),
]


@pytest.mark.parametrize(("query", "page"), SEARCHES)
def test_search_ranks_the_chapter_first(visit, base_url, query, page):
    assert search(visit("").page, query)[0] == f"{base_url}/{page}"


def test_hovering_a_term_shows_its_korean_original(visit):
    page = visit("linear-regression/").page
    term = page.locator("article abbr", has_text="learning rate").first
    term.hover()
    tooltip = page.wait_for_selector(".md-tooltip2--active", timeout=5000)
    assert tooltip.inner_text().strip() == "학습률: The size of each gradient-descent step"


def test_copy_button_copies_the_code(visit, base_url):
    page = visit("linear-regression/").page
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url)
    block = page.locator("div.language-python").first
    block.hover()
    block.locator("button.md-code__button[data-md-type=copy]").click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.strip() == block.locator("code").inner_text().strip()
    assert copied.startswith("import torch")
