"""A page's code blocks as a reader sees them: includes expanded, in page order.

One implementation for the build (the chapter downloads, `take_home.py`) and the
tests (`tests/support/page_blocks.py`). The includes are expanded by
pymdownx.snippets with the settings the caller passes, which are mkdocs.yml's.
No MkDocs import.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

PYTHON = {"python", "py"}
# Blocks in these languages are shown, not run. Any other language is an error,
# so that no block is skipped by accident.
NOT_RUN = {"text", "sh", "console", "yaml"}
SKIP = re.compile(r'^pytest\.mark\.skip\(reason="([^"]+)"\)$')


@dataclass(frozen=True)
class Block:
    page: str  # docs/<page>.md
    lineno: int  # line of the opening fence (1-based)
    language: str
    code: str
    skip_reason: str | None = None  # set by <!-- pytest.mark.skip(reason="...") --> above the block
    title: str | None = None  # the fence's title="...": "Output" for a block of printed output

    @property
    def where(self) -> str:
        return f"{self.page}:{self.lineno}"


def expander(snippets_settings: dict):
    """pymdownx.snippets with the given settings (mkdocs.yml's), for one code block at a time."""
    import markdown

    # Code blocks are expanded one at a time: the page-wide auto_append (the glossary) is not theirs.
    settings = {**snippets_settings, "auto_append": []}
    md = markdown.Markdown(
        extensions=["pymdownx.snippets"], extension_configs={"pymdownx.snippets": settings}
    )
    return md.preprocessors["snippet"]


TITLE = re.compile(r'title="([^"]*)"')


def blocks(text: str, name: str, expand) -> list[Block]:
    """The page's fenced blocks (text is the page's Markdown, name how errors call it)."""
    from pytest_codeblocks import extract_from_buffer

    found = []
    for block in extract_from_buffer(io.StringIO(text)):
        # The info string is the whole fence line after the backticks: `python title="x.py"`.
        syntax = block.syntax or ""
        words = syntax.replace("{", " ").replace(".", " ").split()
        language = words[0] if words else ""
        if language not in PYTHON | NOT_RUN:
            raise ValueError(f"{name}:{block.lineno}: code block in unknown language {language!r}")
        code = "\n".join(expand.run(block.code.splitlines()))
        language = "python" if language in PYTHON else language
        title = TITLE.search(syntax)
        found.append(
            Block(name, block.lineno, language, code, _skip_reason(name, block), title and title.group(1))
        )
    return found


def _skip_reason(where: str, block) -> str | None:
    """The reason of an explicit skip mark; any other mark, or a skip without a reason, is an error."""
    if not block.marks:
        return None
    match = SKIP.match(block.marks[0].strip()) if len(block.marks) == 1 else None
    if match is None:
        raise ValueError(f'{where}:{block.lineno}: only pytest.mark.skip(reason="...") may mark a block')
    return match.group(1)
