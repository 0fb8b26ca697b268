"""What a page shows under a code section: the snippet's captured output for that section."""

from __future__ import annotations

import functools
import re
from pathlib import Path


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

    One run per snippet and test worker, shared by the tests, which only read it.
    """
    return _run(rendered[snippet].snippet)[0]


def drawn_figures(rendered, snippet: str) -> dict:
    """The figures a snippet draws, by name, as matplotlib objects laid out as they were saved."""
    return _run(rendered[snippet].snippet)[1]


def on_both_screens(fig) -> list:
    """The figure and the variant the site draws from it for a phone (gallery.narrow_copy), each
    laid out at its own size."""
    import gallery

    figures = [fig, gallery.narrow_copy(fig)]
    for figure in figures:
        figure.canvas.draw()
    return figures


@functools.cache
def _run(path: Path) -> tuple[dict, dict]:
    """Run a snippet as a script, as the generator runs it, keeping what each plt.show() showed.

    It runs in a temporary folder: what it writes there (the data of a page's explorer)
    stays out of the project.
    """
    import contextlib
    import runpy
    import tempfile
    from unittest import mock

    import matplotlib.pyplot as plt
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    figures = {}

    def keep(*args, **kwargs):
        for number in plt.get_fignums():
            fig = plt.figure(number)
            figures[fig.get_label()] = fig

    import gallery

    with (
        tempfile.TemporaryDirectory(prefix="snippet-") as elsewhere,
        contextlib.chdir(elsewhere),
        mock.patch.object(plt, "show", keep),
        plt.rc_context(gallery.site_colours()),
    ):
        namespace = runpy.run_path(str(path), run_name="__main__")
    plt.close("all")
    for fig in figures.values():
        FigureCanvasAgg(fig).draw()  # places every text, legend and box; fig.canvas renders from here on
    return namespace, figures


def display_points(line, samples: int = 200):
    """Points along a drawn line, in display coordinates, inside its axes."""
    import numpy as np

    ax = line.axes
    x, y = (np.asarray(v, dtype=float) for v in line.get_data())
    t = np.linspace(0, 1, samples)
    index = np.linspace(0, len(x) - 1, len(x))
    points = ax.transData.transform(
        np.column_stack([np.interp(t * (len(x) - 1), index, x), np.interp(t * (len(x) - 1), index, y)])
    )
    box = ax.get_window_extent()
    return [p for p in points if box.contains(*p)]


def numbers(text: str) -> list[float]:
    """Every number in a piece of output, in order."""
    return [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?(?:e[-+]?\d+)?", text)]
