"""A real Chromium (Debian's) driven by Playwright, and the built site served on 127.0.0.1.

How the site is served and opened is measure/local_site.py's, shared with the screenshot and
Lighthouse tools; this adds what only the tests need: the pages, and a visit that records.
"""

from __future__ import annotations

import os

import paths
import pytest
from local_site import CHROMIUM_ARGS, SCHEMES, VIEWPORTS, chromium_path, load, new_context, serve

__all__ = [
    "CHROMIUM_ARGS",
    "PAGES",
    "SCHEMES",
    "VIEWPORTS",
    "Visit",
    "require_chromium",
    "serve",
]

_DOCS = paths.ROOT / paths.DOCS
# Every page of the site, as its URL path: "" for the home page, "sigmoid/" for docs/sigmoid.md.
PAGES = sorted(
    paths.page_url(p.relative_to(_DOCS)) for pattern in ("*.md", "*.ipynb") for p in _DOCS.rglob(pattern)
)


def require_chromium() -> str:
    """The browser's path; without one, skip here but fail in CI (CI=true)."""
    path = chromium_path()
    if path:
        return path
    message = "no Chromium: install Debian's package (apt-get install chromium) to run the browser tests"
    if os.environ.get("CI") == "true":
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


class Visit:
    """A page opened in a fresh context of a given scheme and screen (with JavaScript, or without),
    with all it logged and requested."""

    def __init__(
        self, browser, url: str, scheme: str = "default", viewport: str = "desktop", javascript: bool = True
    ):
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.failed: list[str] = []
        self.context = new_context(browser, scheme, viewport, java_script_enabled=javascript)
        self.page = self.context.new_page()
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(f"console: {m.text}"))
        self.page.on("pageerror", lambda e: self.errors.append(f"uncaught: {e}"))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("requestfailed", lambda r: self.failed.append(f"{r.url} {r.failure}"))
        load(self.page, url, javascript)

    def close(self):
        self.context.close()
