"""A real Chromium (Debian's) driven by Playwright, and the built site served on 127.0.0.1."""

from __future__ import annotations

import functools
import json
import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import paths
import pytest

_DOCS = paths.ROOT / paths.DOCS
# Every page of the site, as its URL path: "" for the home page, "sigmoid/" for docs/sigmoid.md.
PAGES = sorted(
    paths.page_url(p.relative_to(_DOCS)) for pattern in ("*.md", "*.ipynb") for p in _DOCS.rglob(pattern)
)
SCHEMES = ["default", "slate"]  # Material's light and dark

CHROMIUM = "/usr/bin/chromium"
# Flags for a closed network: without them Chromium keeps calling Google's hosts.
CHROMIUM_ARGS = [
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def require_chromium() -> str:
    """The browser's path ($CHROMIUM, else Debian's); without one, skip here but fail in CI (CI=true)."""
    path = (
        os.environ.get("CHROMIUM")
        or shutil.which("chromium")
        or (CHROMIUM if os.path.exists(CHROMIUM) else None)
    )
    if path:
        return path
    message = "no Chromium: install Debian's package (apt-get install chromium) to run the browser tests"
    if os.environ.get("CI") == "true":
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve a folder on a free port of 127.0.0.1; yield the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


VIEWPORTS = {"desktop": (1280, 900), "phone": (390, 844)}  # a phone at device scale 2


class Visit:
    """A page opened in a fresh context of a given scheme and screen, with all it logged and requested."""

    def __init__(self, browser, url: str, scheme: str = "default", viewport: str = "desktop"):
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.failed: list[str] = []
        width, height = VIEWPORTS[viewport]
        self.context = browser.new_context(
            viewport={"width": width, "height": height}, device_scale_factor=2 if viewport == "phone" else 1
        )
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
        # The load event, then the fonts: not networkidle, which waits half a second of silence.
        self.page.goto(url, wait_until="load")
        self.page.evaluate("document.fonts.ready.then(() => true)")

    def close(self):
        self.context.close()
