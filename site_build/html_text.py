"""Walk a finished page's HTML as markup and runs of text, knowing something of each run's ancestors.

The glossary (which text is body text?) and the Korean marker (which text is already
lang="ko"?) both rewrite runs of text by what encloses them. Each element gets a flag
from its start tag and its parent's flag; a run of text carries the flag of the innermost
open element. Comments, tags and the content of raw elements (script, style, ...) pass
through untouched.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

TAG = re.compile(r"<(/?)([A-Za-z][\w:-]*)([^>]*)>")
VOID = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
}  # fmt: skip

# flag(element name, the rest of its start tag, its parent's flag) -> this element's flag
Flag = Callable[[str, str, bool], bool]


def pieces(page_html: str, raw: tuple[str, ...], flag: Flag) -> Iterator[tuple[str, bool | None]]:
    """(piece, flag): None for markup and raw content, else the flag of the text's innermost element."""
    token = re.compile(
        rf"<!--.*?-->|<({'|'.join(raw)})\b[^>]*>.*?</\1\s*>|<[^>]*>|[^<]+", re.DOTALL | re.IGNORECASE
    )
    stack: list[tuple[str, bool]] = []  # open elements: (name, flag)
    for match in token.finditer(page_html):
        text = match.group(0)
        if not text.startswith("<"):
            yield text, (stack[-1][1] if stack else False)
            continue
        tag = TAG.fullmatch(text) if match.group(1) is None else None
        if tag:
            closing, name, rest = tag.group(1), tag.group(2).lower(), tag.group(3)
            if closing:
                if any(open_name == name for open_name, _ in stack):
                    while stack and stack.pop()[0] != name:
                        pass
            elif name not in VOID and not rest.rstrip().endswith("/"):
                stack.append((name, flag(name, rest, stack[-1][1] if stack else False)))
        yield text, None
