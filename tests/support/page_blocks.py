"""The code blocks of a page as a reader sees them: includes expanded, in page order."""

from __future__ import annotations

import contextlib
import io
import linecache
import os
import tempfile
import traceback
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from unittest.mock import patch

import gallery
import page_code
import paths
from mkdocs.config import load_config

ROOT = paths.ROOT
DOCS = ROOT / paths.DOCS

Block = page_code.Block


def pages() -> list[Path]:
    return sorted(DOCS.rglob("*.md"))


@cache
def _snippet_expander():
    """pymdownx.snippets with exactly the settings of mkdocs.yml, over freshly rendered output."""
    gallery.render_all()  # pages include the snippets' captured output: render what is stale
    config = load_config(str(ROOT / paths.CONFIG))
    return page_code.expander(config.mdx_configs["pymdownx.snippets"])


def blocks(page: Path) -> list[Block]:
    return page_code.blocks(page.read_text(), os.path.relpath(page, ROOT), _snippet_expander())


class BlockFailed(Exception):
    """A page's code block raised; the message starts with docs/<page>.md:<line>."""


@dataclass(frozen=True)
class Ran:
    blocks: int  # how many Python blocks ran
    printed: str  # what they printed, in order


def shown(page: Path) -> tuple[list[str], list[str]]:
    """The Python blocks a reader runs on the page, and the page's Output blocks, in page order."""
    found = blocks(page)
    code = [b.code.strip("\n") for b in found if b.language == "python" and b.skip_reason is None]
    outputs = [b.code.strip() for b in found if b.title == "Output"]
    return code, outputs


def assert_printed_in_order(printed: str, outputs: list[str], where: str) -> None:
    """Each Output block of the page appears in what was printed, in the page's order."""
    position = 0
    for number, output in enumerate(outputs, start=1):
        found = printed.find(output, position)
        assert found >= 0, (
            f"{where}: Output block {number} of {len(outputs)} not printed after the ones before:\n{output}"
        )
        position = found + len(output)


def run(page: Path) -> Ran:
    """Run the page's Python blocks in order in one namespace, as a reader pasting them into one session."""
    import matplotlib.pyplot as plt

    plt.close("all")
    namespace = {"__name__": "__main__"}
    python_blocks = [b for b in blocks(page) if b.language == "python" and b.skip_reason is None]
    printed = io.StringIO()
    # Like a reader's window: plt.show() displays the figures, and they are gone once closed.
    # The reader's own folder: what the code writes (an explorer's data) stays out of the project.
    with (
        patch.object(plt, "show", lambda *args, **kwargs: plt.close("all")),
        contextlib.redirect_stdout(printed),
        tempfile.TemporaryDirectory(prefix="page-code-") as folder,
        contextlib.chdir(folder),
    ):
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
    return Ran(len(python_blocks), printed.getvalue())
