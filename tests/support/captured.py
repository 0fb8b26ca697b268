"""What a page shows under a code section: the snippet's captured output for that section."""

from __future__ import annotations

import re


def section_output(rendered, snippet: str, section: str | None = None) -> str:
    """The text that `--8<-- "<snippet>/output.txt:<section>"` includes (snippet: "sigmoid/function")."""
    text = rendered[snippet].output.read_text()
    if section is None:
        return text
    start_mark, end_mark = f"--8<-- [start:{section}]\n", f"--8<-- [end:{section}]"
    start = text.index(start_mark) + len(start_mark)
    return text[start : text.index(end_mark, start)]


def run_snippet(rendered, snippet: str) -> dict:
    """A snippet's variables after running it as a script, its figures drawn off screen.

    It runs in a temporary folder, as the generator runs it: what it writes there
    (the data of a page's explorer) stays out of the project.
    """
    import contextlib
    import runpy
    import tempfile

    import matplotlib.pyplot as plt

    with tempfile.TemporaryDirectory(prefix="snippet-") as elsewhere, contextlib.chdir(elsewhere):
        namespace = runpy.run_path(str(rendered[snippet].snippet), run_name="__main__")
    plt.close("all")
    return namespace


def numbers(text: str) -> list[float]:
    """Every number in a piece of output, in order."""
    return [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?(?:e[-+]?\d+)?", text)]
