"""Lighthouse's mobile scores for every page of a built site, served on 127.0.0.1.

A report, not a test: the scores move a point or two from run to run and with the
machine's load. Lighthouse (LIGHTHOUSE, pinned below) runs through npx, with
Debian's Chromium; the site is served from the folder given, as GitHub Pages
serves it. Goals: performance 95, accessibility, best practices and SEO 100.

    python tools/lighthouse.py [SITE_DIR] [--page PATH ...] [--json FILE]

Knows nothing of MkDocs; build the site first (`make build` writes site/).
"""

from __future__ import annotations

import argparse
import functools
import gzip
import io
import json
import os
import subprocess
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import paths

LIGHTHOUSE = "lighthouse@12.8.2"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
GOALS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}


class _LikePages(SimpleHTTPRequestHandler):
    """Serves text gzipped, as GitHub Pages does: Lighthouse times the bytes a reader downloads."""

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        text = path.suffix in {".html", ".css", ".js", ".svg", ".json", ".xml", ".txt"}
        if not (text and path.is_file() and "gzip" in self.headers.get("Accept-Encoding", "")):
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


def pages(site: Path) -> list[str]:
    """Every page of the built site as its path: "" for the home page, "sigmoid/" for a chapter."""
    found = [p.parent.relative_to(site).as_posix() for p in site.rglob("index.html")]
    return sorted("" if p == "." else f"{p}/" for p in found if not p.startswith(("assets", "search")))


def score(url: str, out: Path) -> dict[str, int]:
    """One Lighthouse run (mobile, its default form factor): each category's score out of 100."""
    command = [
        "npx",
        "--yes",
        LIGHTHOUSE,
        url,
        f"--only-categories={','.join(CATEGORIES)}",
        "--output=json",
        f"--output-path={out}",
        "--quiet",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
    ]
    subprocess.run(command, check=True, env={**os.environ, "CHROME_PATH": CHROMIUM}, timeout=300)
    report = json.loads(out.read_text())
    return {name: round(100 * (report["categories"][name]["score"] or 0)) for name in CATEGORIES}


def run(site: Path, only: list[str] | None = None, reports: Path | None = None) -> dict[str, dict[str, int]]:
    """Score each page; with reports, keep Lighthouse's full JSON report of each there."""
    server = _Server(("127.0.0.1", 0), functools.partial(_LikePages, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    results = {}
    try:
        with tempfile.TemporaryDirectory(prefix="lighthouse-") as scratch:
            for page in only if only is not None else pages(site):
                url = f"http://127.0.0.1:{server.server_port}/{page}"
                folder = reports or Path(scratch)
                folder.mkdir(parents=True, exist_ok=True)
                results[page] = score(url, folder / f"{page.strip('/') or 'index'}.json")
                print(_row(page, results[page]), flush=True)
    finally:
        server.shutdown()
    return results


def _row(page: str, scores: dict[str, int]) -> str:
    cells = "  ".join(
        f"{name} {scores[name]:3d}{'' if scores[name] >= GOALS[name] else ' (goal ' + str(GOALS[name]) + ')'}"
        for name in CATEGORIES
    )
    return f"{page or '(home)':28s} {cells}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", nargs="?", type=Path, default=paths.ROOT / "site")
    parser.add_argument("--page", action="append", help="a page's path, as 'sigmoid/'; default: every page")
    parser.add_argument("--json", type=Path, help="also write the scores here")
    parser.add_argument("--reports", type=Path, help="keep each page's full Lighthouse report in this folder")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").exists():
        print(f"error: no built site in {args.site} (run `make build`)", file=sys.stderr)
        return 1
    results = run(args.site, args.page, args.reports)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n")
    below = [page for page, scores in results.items() if any(scores[n] < GOALS[n] for n in CATEGORIES)]
    print(f"{len(results) - len(below)} of {len(results)} pages meet every goal")
    return 0


if __name__ == "__main__":
    sys.exit(main())
