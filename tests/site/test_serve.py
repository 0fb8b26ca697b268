"""`mkdocs serve` as a reader uses it: the page, a figure, and a live reload after a snippet edit."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from urllib.error import URLError

import pytest
from support.project import copy_project


def text(page: bytes) -> bytes:
    """The page's text: its code and output hold line spans and break opportunities."""
    return re.sub(rb"<[^>]+>", b"", page)


pytestmark = [pytest.mark.serve, pytest.mark.slow]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> tuple[int, bytes]:
    # Generous: under load a rebuild can hold a request for a while; wait_for retries anyway.
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.status, response.read()


def wait_for(condition, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if result := condition():
                return result
        except (URLError, ConnectionError, TimeoutError):
            pass  # not up yet, or busy rebuilding: ask again until the budget is spent
        time.sleep(0.5)
    raise AssertionError(f"gave up after {timeout} s waiting for {what}")


@pytest.fixture
def project(tmp_path, rendered):
    """A copy of the project, with a warm snippet cache so that the server starts quickly."""
    return copy_project(tmp_path)


def test_serve_shows_the_chapter_and_reloads_after_a_snippet_edit(project):
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ, "MPLBACKEND": "Agg"},
    )
    try:
        status, page = wait_for(lambda: fetch(f"{base}/linear-regression/"), 120, "the chapter page")
        assert status == 200
        assert b"Epoch 2000/2000 W: 1.997, b: 0.006 Cost: 0.000005" in text(page)

        status, figure = fetch(f"{base}/figures/linear-regression/train/fit-dark.svg")
        assert status == 200
        assert b"<svg" in figure

        # Edit a snippet as an author would; the page must show the change without a restart.
        snippet = project / "snippets" / "linear-regression" / "steps.py"
        edited = 'print("students:", len(x_train))'
        snippet.write_text(snippet.read_text().replace("print(x_train.shape, y_train.shape)", edited))

        def edited_page():
            html = fetch(f"{base}/linear-regression/")[1]
            return html if b'"students:"' in text(html) else None

        page = wait_for(edited_page, 120, "the edited code to appear")
        # ... and the output under it comes from running the edited snippet.
        assert b"students: 3" in text(page)
        assert b"torch.Size([3, 1]) torch.Size([3, 1])" not in text(page)
        assert server.poll() is None, "the server stopped"
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
