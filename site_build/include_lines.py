"""Check a page's `--8<--` include lines before pymdownx.snippets expands them.

pymdownx.snippets stops the build on a missing file or section, but with a long
traceback that names neither the page nor the line. This finds the same faults
first and says where they are, in one line each.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from pathlib import Path

INCLUDE = re.compile(r'^\s*(?:#\s*)?--8<--\s+"([^"]+)"\s*$')


def faults(markdown: str, base_paths: Sequence[Path]) -> Iterator[tuple[int, str]]:
    """(line number, what is wrong) for each include line whose file or section is missing."""
    for number, line in enumerate(markdown.splitlines(), start=1):
        match = INCLUDE.match(line)
        if not match:
            continue
        path, _, section = match.group(1).partition(":")
        found = next((base / path for base in base_paths if (base / path).is_file()), None)
        if found is None:
            yield number, f'the included file "{path}" does not exist'
        elif section and f"[start:{section}]" not in found.read_text():
            yield number, f'"{path}" has no section "{section}"'
