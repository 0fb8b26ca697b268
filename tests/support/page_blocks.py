"""The code blocks of a page as a reader sees them: includes expanded, in page order."""

from __future__ import annotations

import io
import linecache
import os
import re
import traceback
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from unittest.mock import patch

import gallery
import markdown
import paths
from mkdocs.config import load_config
from pytest_codeblocks import extract_from_buffer

ROOT = paths.ROOT
DOCS = ROOT / paths.DOCS

PYTHON = {"python", "py"}
# Blocks in these languages are shown, not run. Any other language is an error,
# so that no block is skipped by accident.
NOT_RUN = {"text", "sh", "console", "yaml"}


@dataclass(frozen=True)
class Block:
    page: str  # docs/<page>.md
    lineno: int  # line of the opening fence
    language: str
    code: str
    skip_reason: str | None = None  # set by <!-- pytest.mark.skip(reason="...") --> above the block

    @property
    def where(self) -> str:
        return f"{self.page}:{self.lineno}"


def pages() -> list[Path]:
    return sorted(DOCS.rglob("*.md"))


@cache
def _snippet_expander():
    """pymdownx.snippets with exactly the settings of mkdocs.yml, over freshly rendered output."""
    gallery.render_all()  # pages include the snippets' captured output: render what is stale
    config = load_config(str(ROOT / paths.CONFIG))
    # Code blocks are expanded one at a time: the page-wide auto_append (the glossary) is not theirs.
    settings = {**config.mdx_configs["pymdownx.snippets"], "auto_append": []}
    md = markdown.Markdown(
        extensions=["pymdownx.snippets"], extension_configs={"pymdownx.snippets": settings}
    )
    return md.preprocessors["snippet"]


def blocks(page: Path) -> list[Block]:
    expander = _snippet_expander()
    name = os.path.relpath(page, ROOT)
    found = []
    for block in extract_from_buffer(io.StringIO(page.read_text())):
        # The info string is the whole fence line after the backticks: `python title="x.py"`.
        words = (block.syntax or "").replace("{", " ").replace(".", " ").split()
        language = words[0] if words else ""
        if language not in PYTHON | NOT_RUN:
            raise ValueError(f"{name}:{block.lineno}: code block in unknown language {language!r}")
        code = "\n".join(expander.run(block.code.splitlines()))
        language = "python" if language in PYTHON else language
        found.append(Block(name, block.lineno, language, code, _skip_reason(name, block)))
    return found


SKIP = re.compile(r'^pytest\.mark\.skip\(reason="([^"]+)"\)$')


def _skip_reason(where: str, block) -> str | None:
    """The reason of an explicit skip mark; any other mark, or a skip without a reason, is an error."""
    if not block.marks:
        return None
    match = SKIP.match(block.marks[0].strip()) if len(block.marks) == 1 else None
    if match is None:
        raise ValueError(f'{where}:{block.lineno}: only pytest.mark.skip(reason="...") may mark a block')
    return match.group(1)


class BlockFailed(Exception):
    """A page's code block raised; the message starts with docs/<page>.md:<line>."""


def run(page: Path) -> int:
    """Run the page's Python blocks in order in one namespace; return how many ran."""
    import matplotlib.pyplot as plt

    plt.close("all")
    namespace = {"__name__": "__main__"}
    python_blocks = [b for b in blocks(page) if b.language == "python" and b.skip_reason is None]
    # Like a reader's window: plt.show() displays the figures, and they are gone once closed.
    with patch.object(plt, "show", lambda *args, **kwargs: plt.close("all")):
        for block in python_blocks:
            filename = f"<{block.where}>"
            # Register the source so that the traceback shows the block's lines.
            linecache.cache[filename] = (len(block.code), None, block.code.splitlines(True), filename)
            try:
                exec(compile(block.code, filename, "exec"), namespace)
            except Exception as error:
                raise BlockFailed(f"{block.where}: code block failed\n{traceback.format_exc()}") from error
            finally:
                linecache.cache.pop(filename, None)
    plt.close("all")  # what a page left open must not leak into the next
    return len(python_blocks)
