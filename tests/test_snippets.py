"""Every snippet runs on its own, as a reader who copies the file runs it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from gallery import SECTION_MARK

ROOT = Path(__file__).resolve().parent.parent
SNIPPETS = sorted((ROOT / "snippets").glob("*.py"))


def test_there_are_snippets():
    assert len(SNIPPETS) >= 3


@pytest.mark.parametrize("snippet", SNIPPETS, ids=lambda p: p.name)
def test_snippet_runs_standalone_and_prints_what_the_page_shows(snippet, tmp_path, rendered):
    """`python snippets/x.py` in a fresh process, from an unrelated folder, with no window.

    The site's output was captured with all snippets run in one process; a reader runs one
    file alone. Both must print the same, or a snippet depends on something it does not set.
    """
    result = subprocess.run(
        # Deprecation warnings fail the run: a copied snippet should keep working on the next release.
        [sys.executable, "-W", "error::DeprecationWarning", str(snippet)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**os.environ, "MPLBACKEND": "Agg"},
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip(), "every snippet prints something to look at"
    shown = rendered[snippet.stem].output.read_text().splitlines(keepends=True)
    assert result.stdout == "".join(line for line in shown if not SECTION_MARK.fullmatch(line.strip()))
