"""The errata page: the originals' broken code is shown, not run, and really is broken."""

from __future__ import annotations

import pytest
from support import page_blocks


def test_only_the_errata_skip_code_and_always_with_a_reason():
    skipped = [b for page in page_blocks.pages() for b in page_blocks.blocks(page) if b.skip_reason]
    assert {b.page for b in skipped} == {"docs/errata.md"}
    assert skipped and all(b.skip_reason.startswith("original code") for b in skipped)


def test_the_errata_code_really_is_broken():
    """Skipped because it fails: if it ever ran, the page would be wrong."""
    for block in (b for b in page_blocks.blocks(page_blocks.DOCS / "errata.md") if b.skip_reason):
        with pytest.raises((ImportError, AttributeError, NameError)):
            exec(compile("import torch\n" + block.code, block.where, "exec"), {})
