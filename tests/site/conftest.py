"""Fixtures of the browser tests: the built site on 127.0.0.1, one Chromium, and page visits.

All are per session (that is, per pytest-xdist worker), so that the tests of every module
share one browser and one visit of each page, scheme and screen (tests/conftest.py puts the
tests that share visits on one worker).
"""

from __future__ import annotations

import pytest
from support.chromium import CHROMIUM_ARGS, Visit, require_chromium, serve


@pytest.fixture(scope="session")
def base_url(site):
    with serve(site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    executable = require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


# Visits kept open at once: a page's tests run one after another (tests/conftest.py groups them),
# and its four schemes and screens are all they need, but the specimen's group also looks at six
# other pages (ten visits in all, which fewer would open again). Each open visit is a
# renderer process of Chromium's; CI visits every page.
OPEN_VISITS = 10


@pytest.fixture(scope="session")
def visited(browser, base_url):
    """One visit per page, scheme and screen, shared by the tests that only look."""
    opened: dict[tuple[str, str, str], Visit] = {}  # the most recently used last

    def open_page(path: str, scheme: str = "default", viewport: str = "desktop") -> Visit:
        key = (path, scheme, viewport)
        if key in opened:
            opened[key] = opened.pop(key)
        else:
            if len(opened) == OPEN_VISITS:
                opened.pop(next(iter(opened))).close()
            opened[key] = Visit(browser, f"{base_url}/{path}", scheme, viewport)
        return opened[key]

    yield open_page
    for visit in opened.values():
        visit.close()


@pytest.fixture
def visit(browser, base_url):
    """A fresh visit, for a test that changes the page (clicks, hovers, the clipboard, sliders) or
    turns JavaScript off."""
    opened = []

    def open_page(
        path: str, scheme: str = "default", viewport: str = "desktop", javascript: bool = True
    ) -> Visit:
        opened.append(Visit(browser, f"{base_url}/{path}", scheme, viewport, javascript))
        return opened[-1]

    yield open_page
    for page in opened:
        page.close()
