"""Every snippet runs on its own, as a reader who copies the file runs it.

The generator already runs each snippet in a fresh process from an unrelated
folder, importing from the snippet's own folder (tests/site_build/test_gallery.py
shows it), so what a page shows is what a standalone run prints. CI also runs
the specimen chapter's files exactly as a reader types them.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import paths
import pytest
from gallery import SECTION_MARK
from support.tiers import SPECIMEN

SNIPPETS_DIR = paths.ROOT / paths.SNIPPETS
SNIPPETS = sorted(SNIPPETS_DIR.rglob("*.py"))


def name(snippet: Path) -> str:
    return snippet.relative_to(SNIPPETS_DIR).with_suffix("").as_posix()


def test_there_are_snippets():
    assert len(SNIPPETS) >= 3


@pytest.mark.parametrize("snippet", SNIPPETS, ids=name)
def test_snippet_prints_something_to_look_at(snippet, rendered):
    printed = [line for line in rendered[name(snippet)].output.read_text().splitlines() if line.strip()]
    assert [line for line in printed if not SECTION_MARK.fullmatch(line.strip())]


# The generator runs every snippet as this does (a fresh Python, an unrelated folder, imports from
# the snippet's own folder: tests/site_build/test_gallery.py), so CI checks the literal command on the
# specimen chapter's snippets only.
@pytest.mark.slow
@pytest.mark.parametrize("snippet", [s for s in SNIPPETS if s.parent.name == SPECIMEN.rstrip("/")], ids=name)
def test_python_snippet_prints_what_the_page_shows(snippet, tmp_path, rendered):
    """`python snippets/x.py`, nothing else: no generator around it, from an unrelated folder."""
    result = subprocess.run(
        [sys.executable, "-W", "error::DeprecationWarning", str(snippet)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**os.environ, "MPLBACKEND": "Agg"},
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    shown = rendered[name(snippet)].output.read_text().splitlines(keepends=True)
    assert result.stdout == "".join(line for line in shown if not SECTION_MARK.fullmatch(line.strip()))
