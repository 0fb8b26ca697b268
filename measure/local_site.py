"""The built site in Debian's Chromium: served on 127.0.0.1, opened in a scheme and on a screen.

Shared by the browser tests (tests/support/chromium.py), measure/screenshots.py and
measure/lighthouse.py, so that all three see the site the same way.
"""

from __future__ import annotations

import functools
import gzip
import io
import json
import os
import shutil
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

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
SCHEMES = ["default", "slate"]  # Material's light and dark
VIEWPORTS = {"desktop": (1280, 900), "phone": (390, 844)}  # a phone at device scale 2


def chromium_path() -> str | None:
    """$CHROMIUM, else Debian's Chromium, else None."""
    path = os.environ.get("CHROMIUM") or shutil.which("chromium")
    return path or (CHROMIUM if os.path.exists(CHROMIUM) else None)


class _Handler(SimpleHTTPRequestHandler):
    """Serves files quietly; with gzip=True, text gzipped as GitHub Pages does (for Lighthouse's timing)."""

    gzip = False

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        text = path.suffix in {".html", ".css", ".js", ".svg", ".json", ".xml", ".txt"}
        wants = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (self.gzip and text and wants and path.is_file()):
            return super().send_head()
        if path.name == "index.html" and not self.path.split("?")[0].endswith("/"):
            return super().send_head()  # the redirect from "page" to "page/"
        body = gzip.compress(path.read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


class _Server(ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], ConnectionError):  # Chromium hangs up early; that's fine
            super().handle_error(request, client_address)


@contextmanager
def serve(folder: Path, gzip: bool = False) -> Iterator[str]:
    """Serve a folder on a free port of 127.0.0.1; yield the base URL."""
    handler = type("Handler", (_Handler,), {"gzip": gzip})
    server = _Server(("127.0.0.1", 0), functools.partial(handler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def site_pages(site: Path) -> list[str]:
    """Every page of a built site as its URL path: "" for the home page, "sigmoid/" for a chapter."""
    found = [p.parent.relative_to(site).as_posix() for p in site.rglob("index.html")]
    return sorted("" if p == "." else f"{p}/" for p in found if not p.startswith(("assets", "search")))


def new_context(browser, scheme: str = "default", viewport: str = "desktop", **options):
    """A fresh Playwright context on the screen given, where Material starts in the scheme given
    (options: more of Playwright's new_context, as java_script_enabled=False)."""
    width, height = VIEWPORTS[viewport]
    context = browser.new_context(
        viewport={"width": width, "height": height},
        device_scale_factor=2 if viewport == "phone" else 1,
        **options,
    )
    # Material keeps the chosen palette in localStorage; set it before any page script runs.
    palette = {"index": SCHEMES.index(scheme) + 1, "color": {"media": "", "scheme": scheme}}
    context.add_init_script(f"localStorage.setItem('/.__palette', JSON.stringify({json.dumps(palette)}))")
    return context


def load(page, url: str, javascript: bool = True) -> None:
    """Open url in a Playwright page and wait until a reader sees it whole: the load event, the
    fonts, and (with JavaScript) every explorer mounted. Not networkidle: that waits half a
    second of silence."""
    page.goto(url, wait_until="load")
    page.evaluate("document.fonts.ready.then(() => true)")
    if javascript:  # an explorer shows once its script and data are in (or is removed without them)
        page.wait_for_function("[...document.querySelectorAll('[data-explorer]')].every(e => !e.hidden)")


def scroll_through_figures(page) -> list[dict]:
    """Bring every shown image into view, as a reader scrolling down does, and wait for each.

    Lazy images load only near the viewport; the other scheme's images, not displayed, never do.
    """
    return page.evaluate(
        """async () => {
            const found = [];
            for (const img of document.querySelectorAll('article img')) {
                const shown = img.offsetParent !== null;
                if (shown) { img.scrollIntoView(); await img.decode().catch(() => {}); }
                found.push({src: img.src, shown, width: img.naturalWidth, alt: img.alt});
            }
            window.scrollTo(0, 0);
            return found;
        }"""
    )
