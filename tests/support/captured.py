"""What a page shows under a code section: the snippet's captured output for that section."""

from __future__ import annotations

import functools
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
    """A snippet's variables after the build's run of it as a script (the run whose output
    the page shows), shared by the tests of a worker, which only read them."""
    return _run_state(rendered[snippet])[0]


def drawn_figures(rendered, snippet: str) -> dict:
    """The figures a snippet draws, by name, as matplotlib objects laid out as they were saved."""
    return _run_state(rendered[snippet])[1]


def on_both_screens(fig) -> list:
    """The figure and the variant the site draws from it for a phone (gallery.narrow_copy), each
    laid out at its own size."""
    import gallery

    figures = [fig, gallery.narrow_copy(fig)]
    for figure in figures:
        figure.canvas.draw()
    return figures


@functools.cache
def _run_state(result) -> tuple[dict, dict]:
    """The run the page shows, as the build kept it (gallery.Rendered.run_state): its variables,
    and its figures laid out as they were drawn. One load per snippet and test worker."""
    import gallery
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    # Laid out again in the site's style, as the build's run was: the same fonts, the same widths.
    matplotlib.rcParams.update(gallery.site_style())
    namespace, figures = result.run_state()
    for fig in figures.values():
        FigureCanvasAgg(fig).draw()  # places every text, legend and box; fig.canvas renders from here on
    return namespace, figures


def tick_label_gaps(figure):
    """For each axis of a laid-out figure: its name ("x" or "y"), the gaps in pixels between its
    neighbouring shown tick labels, and its labels' font size in pixels."""
    import itertools

    measured = []
    for axis in (a for ax in figure.axes for a in (ax.xaxis, ax.yaxis)):
        shown = [t for t in axis.get_ticklabels() if t.get_visible() and t.get_text()]
        boxes = [t.get_window_extent() for t in shown]
        spans = sorted((b.x0, b.x1) if axis.axis_name == "x" else (b.y0, b.y1) for b in boxes)
        gaps = [start - end for (_, end), (start, _) in itertools.pairwise(spans)]
        measured.append((axis.axis_name, gaps, shown[0].get_fontsize() * figure.dpi / 72))
    return measured


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
