"""Every snippet runs on its own, as a reader who copies the file runs it.

The generator already runs each snippet in a fresh process from an unrelated
folder, importing from the snippet's own folder (tests/site_build/test_gallery.py
shows it), so what a page shows is what a standalone run prints. CI also runs
the specimen chapter's files exactly as a reader types them.
"""

from __future__ import annotations

import ast
import os
import re
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


INCLUDE = re.compile(r'^(?P<indent> *)--8<-- "(?P<file>snippets/[^":]+):(?P<section>[^"]+)"$')
BOX = re.compile(r"^(?P<indent> *)(?P<kind>\?\?\?\+?|!!!) ")


def section_source(file: Path, section: str) -> str:
    text = file.read_text()
    return text.split(f"# --8<-- [start:{section}]")[1].split(f"# --8<-- [end:{section}]")[0]


def names(source: str) -> tuple[set[str], set[str]]:
    """The names a piece of code defines (assigns, defines, imports) and those it reads."""
    defined, read = set(), set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Name):
            (defined if isinstance(node.ctx, ast.Store) else read).add(node.id)
        elif isinstance(node, ast.FunctionDef | ast.ClassDef):
            defined.add(node.name)
        elif isinstance(node, ast.alias):
            defined.add((node.asname or node.name).split(".")[0])
        elif isinstance(node, ast.arg):
            defined.add(node.arg)
    return defined, read


@pytest.mark.parametrize("page", sorted((paths.ROOT / paths.DOCS).glob("*.md")), ids=lambda p: p.stem)
def test_an_open_block_needs_nothing_from_a_closed_box(page):
    """A reader copies the blocks a page shows open, in order: none may use a name that only a
    block in a closed box ("??? ...") defined (multivariable regression's X and binary
    cross-entropy's w_mle and train were)."""
    lines = page.read_text().splitlines()
    open_names: dict[str, set[str]] = {}
    closed_names: dict[str, set[str]] = {}
    wanting = []
    for number, line in enumerate(lines):
        found = INCLUDE.match(line)
        if not found:
            continue
        indent = len(found["indent"])
        boxes = [BOX.match(above) for above in reversed(lines[:number])]
        box = next((b for b in boxes if b and len(b["indent"]) < indent), None)
        closed = indent > 0 and box is not None and box["kind"] == "???"
        defined, read = names(section_source(paths.ROOT / found["file"], found["section"]))
        if closed:
            closed_names.setdefault(found["file"], set()).update(defined)
            continue
        known = open_names.setdefault(found["file"], set())
        hidden = (read - defined - known) & closed_names.get(found["file"], set())
        wanting += [f"{page.name}:{number + 1}: {found['section']} uses {sorted(hidden)}"] if hidden else []
        known.update(defined)
    assert wanting == []
