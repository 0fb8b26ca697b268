"""The figure and output generator, on small snippets made for each test."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap
import xml.etree.ElementTree as ET

import gallery
import pytest
import torch
from matplotlib.colors import to_hex

PLOT = """\
import matplotlib.pyplot as plt

print("before the figure")
# --8<-- [start:draw]
fig, ax = plt.subplots(num="line")
ax.plot([0, 1], [0, 1], color="C0")
ax.set_title("a title")
ax.annotate("", xy=(1, 0), xytext=(0, 1), arrowprops={"arrowstyle": "->", "color": "black"})
plt.show()
plt.plot([1, 0])
plt.show()
# --8<-- [end:draw]
"""


def write(folder, name, code):
    path = folder / "snippets" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(code))
    return path


@pytest.fixture(scope="module")
def plot(tmp_path_factory) -> gallery.Rendered:
    """PLOT, rendered once for the tests that only read its result (each render is most of a second)."""
    folder = tmp_path_factory.mktemp("plot")
    return gallery.render(write(folder, "plot.py", PLOT), folder / "cache")


def test_output_is_kept_by_section(tmp_path):
    snippet = write(
        tmp_path,
        "sections.py",
        """\
        print("outside")
        # --8<-- [start:define]
        def shout(word):
            print(word.upper())
        print("defined")
        # --8<-- [end:define]
        # --8<-- [start:call]
        for word in ["a", "b"]:
            shout(word)
        # --8<-- [end:call]
        """,
    )
    result = gallery.render(snippet, tmp_path / "cache")
    # A function's output belongs to the section that calls it, not the one that defines it.
    assert result.output.read_text() == (
        "outside\n"
        "--8<-- [start:define]\ndefined\n--8<-- [end:define]\n"
        "--8<-- [start:call]\nA\nB\n--8<-- [end:call]\n"
    )


def test_figures_are_saved_at_each_show_in_two_variants(plot):
    assert plot.figures == ("line", "figure-2")  # named by plt.subplots(num=...), else numbered
    for path in plot.figure_files():
        assert ET.parse(path).getroot().tag == "{http://www.w3.org/2000/svg}svg"
    assert [p.name for p in plot.figure_files()] == [
        "line.svg",
        "line-dark.svg",
        "line-narrow.svg",  # 6.4 inches wide, matplotlib's default: too wide for a phone
        "line-narrow-dark.svg",
        "figure-2.svg",
        "figure-2-dark.svg",
        "figure-2-narrow.svg",
        "figure-2-narrow-dark.svg",
    ]


def test_the_run_is_kept_for_the_tests_variables_gradients_and_figures_as_shown(tmp_path):
    snippet = write(
        tmp_path,
        "state.py",
        """\
        import matplotlib.pyplot as plt
        import torch

        w = torch.tensor([1.0, 2.0], requires_grad=True)
        (3 * w).sum().backward()
        layer = torch.nn.Linear(1, 1)
        layer(torch.ones(1, 1)).sum().backward()
        def double(x):
            return 2 * x
        counting = (n for n in range(3))  # a generator: it cannot be pickled
        fig, ax = plt.subplots(num="line")
        ax.plot([0, 1], [0, 1], color="C0")
        plt.show()
        """,
    )
    variables, figures = gallery.render(snippet, tmp_path / "cache").run_state()
    assert variables["w"].grad.tolist() == [3.0, 3.0]  # a tensor's own pickling drops its .grad
    assert isinstance(variables["layer"].bias, torch.nn.Parameter) and variables["layer"].bias.grad == 1
    assert variables["double"](21) == 42 and "torch" not in variables  # functions, not modules
    assert "counting" not in variables and variables["w"].grad is not None  # the rest is kept
    # The light figure as shown, not the dark variant saved after it (black text, C0 line).
    assert to_hex(figures["line"].axes[0].xaxis.label.get_color()) == "#000000"
    assert to_hex(figures["line"].axes[0].lines[0].get_color()) == to_hex(gallery.COLOURS[0])


def svg_inches(path):
    root = ET.parse(path).getroot()
    return tuple(float(root.get(side).removesuffix("pt")) / 72 for side in ("width", "height"))


def test_a_row_of_panels_is_stacked_for_phones_from_the_same_run(tmp_path):
    panels = """\
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(1, 3, num="row", figsize=(10, 3), sharey=True)
    for i, ax in enumerate(axes):
        ax.plot([0, 1], [0, i])
        ax.set_title(f"panel {i}")
    plt.show()
    _, ax = plt.subplots(num="small", figsize=(4, 3))
    plt.show()
    _, ax = plt.subplots(num="diagram", figsize=(7, 2))
    ax.axis("off")
    ax.text(0.5, 0.5, "a box")
    plt.show()
    """
    result = gallery.render(write(tmp_path, "panels.py", panels), tmp_path / "cache")
    assert result.narrow == ("row",)  # not a figure that fits already, nor a drawing without axes
    wide, narrow = svg_inches(result.folder / "row.svg"), svg_inches(result.folder / "row-narrow.svg")
    assert wide[0] > 7 and wide[1] < 3.5  # bbox_inches="tight" trims the margins
    assert narrow[0] < gallery.NARROW_WIDTH + 0.2 and narrow[1] > 3 * 2.5  # three panels, one above another
    text = (result.folder / "row-narrow-dark.svg").read_text()
    assert all(f"panel {i}" in text for i in range(3))
    assert f"fill: {gallery.DARK_TEXT}" in text  # the dark narrow variant is recoloured too
    # The tick labels that sharey hid on the inner panels are back: each panel has its own.
    assert text.count(">0.0<") + text.count(">0.00<") >= 3


def test_a_legend_of_several_columns_above_a_plot_takes_fewer_on_a_phone():
    """Three entries in a row above the plot were wider than the phone's figure: constrained
    layout made room for them, and the plot was left a sliver (the maths page's descent)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(6, 4))
    for name in ("a first long label", "a second long label", "a third long label"):
        ax.plot([0, 1], [0, 1], label=name)
    ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncols=3, fontsize=9)
    narrow = gallery.narrow_copy(fig)
    narrow.canvas.draw()
    legend = narrow.axes[0].get_legend()
    assert [t.get_text() for t in legend.get_texts()] == [line.get_label() for line in ax.get_lines()]
    assert legend._ncols == 2 and legend.prop.get_size() == 9  # two of these fit, not three
    plot, whole = narrow.axes[0].get_window_extent(), narrow.bbox
    assert plot.width > 0.75 * whole.width  # the plot keeps the figure's width
    assert legend.get_window_extent().y0 >= plot.y1  # still above it
    plt.close("all")


def text_colours(svg_path):
    """The fill colours of the text in an SVG written with svg.fonttype 'none'."""
    return set(re.findall(r"<text [^>]*fill: (#[0-9a-f]{6})", svg_path.read_text()))


def test_dark_variant_has_light_text_and_keeps_data_colours(plot):
    light, dark = plot.folder / "line.svg", plot.folder / "line-dark.svg"
    assert text_colours(light) == set()  # SVG's default: black
    assert text_colours(dark) == {gallery.DARK_TEXT}
    assert to_hex(gallery._for_dark("black")) == gallery.DARK_TEXT
    # The data line keeps its hue: C0, #1f77b4, on the light page, its lighter twin on the dark one.
    assert "stroke: #1f77b4" in light.read_text()
    assert f"stroke: {gallery.DARK_COLOURS['#1f77b4']}" in dark.read_text()
    assert "stroke: #1f77b4" not in dark.read_text()
    # White becomes the page itself, a mid grey stays between the page and the text.
    assert to_hex(gallery._for_dark("white")) == gallery.DARK_PAGE
    assert gallery.DARK_PAGE < to_hex(gallery._for_dark("#808080")) < gallery.DARK_TEXT
    # An annotation's arrow is recoloured too, though the figure does not list it among its children.
    assert "stroke: #000000" in light.read_text()
    assert "stroke: #000000" not in dark.read_text()
    # The light variant has a white background; the dark one is transparent.
    assert "fill: #ffffff" in light.read_text()
    assert "fill: #ffffff" not in dark.read_text()


def test_dark_variant_recolours_the_box_around_a_text(tmp_path):
    boxed = """\
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(num="boxed")
    ax.text(0.5, 0.5, "sigmoid", bbox={"facecolor": "none", "edgecolor": "black"})
    plt.show()
    """
    result = gallery.render(write(tmp_path, "boxed.py", boxed), tmp_path / "cache")
    assert "stroke: #000000" in (result.folder / "boxed.svg").read_text()
    assert "stroke: #000000" not in (result.folder / "boxed-dark.svg").read_text()
    assert f"stroke: {gallery.DARK_TEXT}" in (result.folder / "boxed-dark.svg").read_text()


def test_dark_variant_keeps_a_legend_frameless_lightens_contours_recolours_markers_once(tmp_path):
    framed = """\
    import matplotlib.pyplot as plt
    import torch

    fig, ax = plt.subplots(num="valley")
    grid = torch.linspace(-1, 1, 20)
    ax.contour(grid, grid, grid[:, None] ** 2 + grid[None, :] ** 2, levels=3, colors="C0")
    ax.plot([0, 1], [0, 1], label="a line")
    ax.plot([0.5], [0.5], "o", color="black")  # its marker's colours follow the line's
    ax.legend()  # the site's style: no edge, frame alpha 0.8
    plt.show()
    """
    result = gallery.render(write(tmp_path, "valley.py", framed), tmp_path / "cache")
    dark = (result.folder / "valley-dark.svg").read_text()
    legend_frame = re.search(r'<g id="legend_1">\s*<g id="patch_\d+">\s*<path [^>]*style="([^"]*)"', dark)[1]
    assert "stroke" not in legend_frame
    contours = re.search(r'<g id="QuadContourSet_1">.*?</g>', dark, re.DOTALL)[0]
    contour_strokes = re.findall(r"stroke: (#[0-9a-f]{6})", contours)
    assert contour_strokes and set(contour_strokes) == {gallery.DARK_COLOURS["#1f77b4"]}
    # The black marker becomes the page's text colour once, not twice (a dim grey).
    assert re.search(rf'<use [^>]*style="fill: {gallery.DARK_TEXT}; stroke: {gallery.DARK_TEXT}"', dark)


def test_svg_is_the_same_bytes_every_time(plot, tmp_path):
    again = gallery.render(write(tmp_path, "plot.py", PLOT), tmp_path / "cache", force=True)
    for a, b in zip(plot.figure_files(), again.figure_files(), strict=True):
        assert a.read_bytes() == b.read_bytes()
    assert "<dc:date>" not in plot.figure_files()[0].read_text()


def test_unchanged_snippet_is_not_run_again(tmp_path, monkeypatch):
    snippet = write(tmp_path, "plot.py", PLOT)
    first = gallery.render(snippet, tmp_path / "cache")

    def must_not_run(*args):
        raise AssertionError("ran a snippet whose cache was warm")

    monkeypatch.setattr(gallery, "_run_standalone", must_not_run)
    assert gallery.render(snippet, tmp_path / "cache") == first


def test_changed_snippet_runs_again(tmp_path):
    snippet = write(tmp_path, "hello.py", 'print("one")\n')
    assert gallery.render(snippet, tmp_path / "cache").output.read_text() == "one\n"
    snippet.write_text('print("two")\n')
    assert gallery.render(snippet, tmp_path / "cache").output.read_text() == "two\n"


def test_cache_key_covers_the_generator_and_library_versions(tmp_path, monkeypatch):
    snippet = write(tmp_path, "hello.py", 'print("one")\n')
    key = gallery.cache_key(snippet)
    monkeypatch.setattr(gallery.metadata, "version", lambda package: "0.0.0")
    assert gallery.cache_key(snippet) != key


def test_a_failing_snippet_names_its_file_and_line(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    snippet = write(tmp_path, "boom.py", 'import math\n\nx = math.sqrt(4)\nraise ValueError("boom")\n')
    with pytest.raises(gallery.SnippetError, match=r"^snippets/boom\.py:4: ValueError: boom"):
        gallery.render(snippet, tmp_path / "cache")
    # Nothing half-written is left to be taken for a result.
    assert not (tmp_path / "cache" / "boom" / gallery.MANIFEST_FILE).exists()


def test_a_snippet_that_exits_early_is_an_error(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    snippet = write(tmp_path, "quits.py", 'import sys\nprint("hi")\nsys.exit(3)\n')
    with pytest.raises(gallery.SnippetError, match=r"^snippets/quits\.py:3: SystemExit: 3"):
        gallery.render(snippet, tmp_path / "cache")


def test_command_line_renders_everything(tmp_path, capsys):
    write(tmp_path, "hello.py", 'print("one")\n')
    assert gallery.main(["--project", str(tmp_path), "--cache", str(tmp_path / "cache")]) == 0
    assert "hello.py: 0 figure(s)" in capsys.readouterr().out
    assert (tmp_path / "cache" / "hello" / "output.txt").read_text() == "one\n"


def test_each_snippet_runs_alone_from_an_unrelated_folder(tmp_path):
    """State left by one snippet, or a file beside it, is not there for another: as for a reader."""
    write(tmp_path, "a_sets.py", 'import builtins\nbuiltins.LEFT_BEHIND = 1\nprint("set")\n')
    write(tmp_path, "b_reads.py", "print(LEFT_BEHIND)\n")
    with pytest.raises(gallery.SnippetError, match=r"b_reads\.py:1: NameError"):
        gallery.render_all(tmp_path, tmp_path / "cache")
    write(tmp_path, "b_reads.py", 'print(open("a_sets.py").read())\n')
    with pytest.raises(gallery.SnippetError, match="FileNotFoundError"):
        gallery.render_all(tmp_path, tmp_path / "cache")


ALONE = """\
import os
import sys
import threading
import warnings

import matplotlib.pyplot as plt
import torch

torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=0.1).step()  # what a snippet does first

print(sys.argv == [__file__], __name__, os.listdir("."))
print(threading.active_count(), len(os.listdir("/proc/self/task")))  # Python's threads, and all
print(sys.path[0] == os.path.dirname(__file__), [m for m in ("gallery", "paths") if m in sys.modules])
print(torch.get_num_threads(), torch.backends.cpu.get_cpu_capability(), plt.get_backend())
print(warnings.filters[:3])
"""


@pytest.mark.slow  # a fresh Python that imports torch: CI's (README, "Where each check runs")
def test_a_snippet_prints_what_python_snippet_py_prints(tmp_path):
    """Forked from the generator's warm Python, a snippet prints byte for byte what it prints run
    alone: nothing of the server's state (its modules, threads, folder, warning filters) shows."""
    snippet = write(tmp_path, "alone.py", ALONE).resolve()
    rendered = gallery.render(snippet, tmp_path / "cache").output.read_text()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    alone = subprocess.run(
        [sys.executable, "-W", "error::DeprecationWarning", str(snippet)],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        env={**os.environ, "MPLBACKEND": "Agg"},
        check=True,
    )
    assert rendered == alone.stdout
    assert "True __main__ []\n1 1\n" in rendered and "True []" in rendered


def test_unseeded_random_numbers_differ_from_one_snippet_to_the_next(tmp_path):
    """As in two runs of `python snippet.py`: each forked child draws from a seed of its own."""
    draw = """\
import random

import numpy
import torch

print(random.random(), numpy.random.rand(), torch.rand(1))
"""
    write(tmp_path, "one.py", draw)
    write(tmp_path, "two.py", draw)
    one, two = gallery.render_all(tmp_path, tmp_path / "cache")
    first, second = (result.output.read_text().split() for result in (one, two))
    assert all(a != b for a, b in zip(first, second, strict=True)), (first, second)


def test_imports_resolve_as_for_python_snippet_py(tmp_path):
    """From the snippet's own folder, as `python snippets/x.py` does, never from site_build/."""
    write(tmp_path, "helper.py", "VALUE = 42\n")
    snippet = write(tmp_path, "uses.py", "from helper import VALUE\nprint(VALUE)\n")
    assert gallery.render(snippet, tmp_path / "cache").output.read_text() == "42\n"
    write(tmp_path, "uses.py", "import gallery\n")  # the generator's own module is not there for it
    with pytest.raises(gallery.SnippetError, match="ModuleNotFoundError: No module named 'gallery'"):
        gallery.render(tmp_path / "snippets" / "uses.py", tmp_path / "cache")


def test_a_deprecation_warning_fails_the_snippet(tmp_path):
    snippet = write(tmp_path, "old.py", 'import warnings\nwarnings.warn("gone soon", DeprecationWarning)\n')
    with pytest.raises(gallery.SnippetError, match="DeprecationWarning: gone soon"):
        gallery.render(snippet, tmp_path / "cache")


def test_snippets_in_chapter_folders_are_named_by_their_path(tmp_path):
    write(tmp_path, "sigmoid/shape.py", 'print("s")\n')
    (result,) = gallery.render_all(tmp_path, tmp_path / "cache")
    assert result.name == "sigmoid/shape"
    assert result.output == tmp_path / "cache" / "sigmoid" / "shape" / "output.txt"


def test_the_result_of_a_removed_snippet_is_forgotten(tmp_path):
    """Else a page could still include it here, and fail only on a fresh clone."""
    old = write(tmp_path, "sigmoid.py", 'print("old")\n')
    write(tmp_path, "sigmoid/function.py", 'print("new")\n')
    gallery.render_all(tmp_path, tmp_path / "cache")
    assert (tmp_path / "cache" / "sigmoid" / "output.txt").exists()
    old.unlink()
    (result,) = gallery.render_all(tmp_path, tmp_path / "cache")
    assert not (tmp_path / "cache" / "sigmoid" / "output.txt").exists()
    assert result.output.read_text() == "new\n"  # the snippet in the folder of the same name stays


def test_explorer_data_a_snippet_writes_is_kept_beside_its_figures_and_reused(tmp_path):
    snippet = write(
        tmp_path,
        "explore.py",
        'import json\nwith open("steps.explorer.json", "w") as f:\n    json.dump({"lr": 0.01}, f)\n'
        'open("other.json", "w").write("{}")\n',
    )
    first = gallery.render(snippet, tmp_path / "cache")
    assert first.data == ("steps.explorer.json",)  # only *.explorer.json files are kept
    assert [p.read_text() for p in first.data_files()] == ['{"lr": 0.01}']
    assert gallery.render(snippet, tmp_path / "cache") == first  # from the cache, with its data


def test_a_figure_that_cannot_be_copied_is_saved_wide_only(tmp_path):
    lambda_formatter = """\
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(num="formatted", figsize=(8, 3))
    ax.plot([0, 1], [0, 1])
    ax.xaxis.set_major_formatter(lambda value, position: f"{value:.1f} h")
    plt.show()
    """
    result = gallery.render(write(tmp_path, "formatted.py", lambda_formatter), tmp_path / "cache")
    assert result.figures == ("formatted",) and result.narrow == ()


def notebook(tmp_path, *cells):
    """docs/page.ipynb of the project at tmp_path, from (cell id, source) pairs; ids starting "md" are
    Markdown cells."""
    path = tmp_path / "docs" / "page.ipynb"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        json.dumps(
            {
                "cells": [
                    {
                        "cell_type": "markdown" if id.startswith("md") else "code",
                        "id": id,
                        "metadata": {},
                        "source": source,
                    }
                    for id, source in cells
                ]
            }
        )
    )
    return path


def test_a_notebook_runs_its_cells_in_order_and_keeps_each_ones_output_and_figures(tmp_path):
    notebook(
        tmp_path,
        ("cell-1", "import matplotlib.pyplot as plt\nx = 2"),
        ("md-1", "Some prose, print('not run')"),
        ("cell-2", "print(x * 21)"),
        ("cell-3", "plt.figure(num='curve')\nplt.plot([0, 1])\nplt.show()\nprint('drawn')"),
    )
    (result,) = gallery.render_all(tmp_path, tmp_path / "cache")
    assert result.name == "page/notebook"
    assert result.sections() == {"cell-2": "42\n", "cell-3": "drawn\n"}
    assert result.figures == ("curve",) and result.shown_in == ("cell-3",)
    assert (result.folder / "curve-dark.svg").exists()


def test_a_failing_cell_names_the_notebook_the_cell_and_the_line(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    notebook(tmp_path, ("cell-1", "x = 1"), ("cell-2", "y = 2\nraise ValueError('on purpose')"))
    with pytest.raises(
        gallery.SnippetError, match=r"^docs/page\.ipynb: cell cell-2, line 2: ValueError: on purpose"
    ):
        gallery.render_all(tmp_path, tmp_path / "cache")


def test_a_cell_id_must_be_a_section_name(tmp_path):
    notebook(tmp_path, ("7f3a", "x = 1"))
    with pytest.raises(gallery.SnippetError, match="a cell's id must be a section name: '7f3a'"):
        gallery.render_all(tmp_path, tmp_path / "cache")


def test_an_opaque_image_on_the_dark_page_is_lighter_for_larger_values_its_text_readable(tmp_path):
    """A confusion matrix in "Blues" was a near-white block on the dark page, then all but vanished."""
    snippet = write(
        tmp_path,
        "matrix.py",
        """\
        import matplotlib.pyplot as plt

        fig, ax = plt.subplots(num="matrix")
        image = ax.imshow([[0, 10]], cmap="Blues", vmin=0, vmax=10)
        ax.text(0, 0, "low", color="black")
        ax.text(1, 0, "high", color="white")
        plt.show()
        """,
    )
    result = gallery.render(snippet, tmp_path / "cache")
    dark = (result.folder / "matrix-dark.svg").read_text()
    colours = {
        word: colour for colour, word in re.findall(r"<text [^>]*fill: (#[0-9a-f]{6})[^>]*>([a-z]+)<", dark)
    }
    # Larger values lighter on the dark page, each label in the colour that reads on its cell: "low"
    # was black on near-white, "high" white on navy.
    assert colours == {"low": gallery.DARK_TEXT}  # and "high" black: SVG's default, no fill written
    assert ">high<" in dark
    assert gallery.contrast(gallery.DARK_TEXT, gallery.DARK_PAGE) > 7 > gallery.contrast("#ffffff", "#f7fbff")


def test_clip_paths_are_numbered_in_order_not_named_by_a_hash(plot):
    """A clip path's name is its place in the file, so that a layout differing in a last bit,
    with the same coordinates written, gives the same bytes (site_build/gallery.py)."""
    svg = (plot.folder / "line-narrow.svg").read_text()
    names = re.findall(r'<clipPath id="([^"]+)"', svg)
    assert names == [f"clip{n}" for n in range(1, len(names) + 1)] and names
    assert all(f"url(#{name})" in svg for name in names)
