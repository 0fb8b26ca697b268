"""Fixtures of the browser tests: the built site served on 127.0.0.1, and one Chromium per module."""

from __future__ import annotations

import pytest
from support.chromium import CHROMIUM_ARGS, require_chromium, serve


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
