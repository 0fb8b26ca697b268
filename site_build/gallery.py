"""Run the snippets and keep what they print and draw.

Like sphinx-gallery, each snippet in `snippets/` is executed as a script, in a
fresh process of its own, as a reader runs a copied file (forked from a Python
that has imported torch and matplotlib once: site_build/forkserver.py); every
figure open when it calls `plt.show()` is saved as SVG, once for a light page
and once recoloured for a dark one, and what it prints is kept per section
(the `# --8<-- [start:name]` markers that pages include code by), so a page
can show each piece of output under the code that printed it. A file the snippet
writes into its working folder named `<name>.explorer.json` (a plain `json.dump`)
is kept beside the figures: the numbers a page's interactive explorer starts from.
The run's variables and its figures, as they stood at each show, are kept too
(pickled with cloudpickle): the tests read the very run a page shows, instead of
running each snippet a second time.

A notebook page (`docs/<page>.ipynb`) is run the same way, its code cells one
after another as one script, each cell a section named by its id: its page shows
each cell's output and figures under the cell (site_build/notebook_page.py).

Results live in `<cache>/<name>/`, where the name is the snippet's path under
`snippets/` without `.py` (a notebook's is `<page>/notebook`), and are reused
while the cache key (the source's bytes, the generator's source, the pinned
arithmetic, the torch and matplotlib versions) is unchanged, so a prose-only
rebuild runs nothing and imports neither torch nor matplotlib. Stale sources
run side by side, one process per core.

This module knows nothing of MkDocs. Command line:

    python site_build/gallery.py [--project DIR] [--cache DIR] [--force]
"""

from __future__ import annotations

import argparse
import colorsys
import functools
import hashlib
import io
import json
import os
import re
import runpy
import sys
import tempfile
import traceback
import types
from concurrent.futures import ThreadPoolExecutor
from contextlib import redirect_stdout
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import arithmetic
import cloudpickle
import figure_font
import forkserver
import paths

CACHE_DIR = paths.ROOT / paths.RENDERED

OUTPUT_FILE = "output.txt"
STDERR_FILE = "stderr.txt"  # what a snippet wrote to stderr (warnings), kept if it wrote anything
NOTEBOOK = "notebook"  # a notebook page's result is named <page>/notebook
NOTEBOOK_SCRIPT = "notebook.py"  # its code cells as one script, kept beside its result
EXPLORER_DATA = "*.explorer.json"  # what a snippet writes for a page's explorer, kept like a figure
RUN_STATE_FILE = "run.pickle"  # the run's variables and figures, for the tests (Rendered.run_state)
MANIFEST_FILE = "manifest.json"  # written last: its presence marks a complete result
SECTION_NAME = re.compile(r"[a-z][-_0-9a-z]*")
SECTION_MARK = re.compile(rf"--8<--\s+\[(start|end):({SECTION_NAME.pattern})\]")
WHOLE_FILE = ""  # the section name for output printed outside every section

# Matplotlib settings that make an SVG the same bytes on every run.
SVG_RC = {
    "svg.hashsalt": "pytorch-first-steps",
    "svg.fonttype": "none",  # text as <text>, drawn with the glyphs it carries (figure_font.py)
}
# No metadata: a date would differ between runs, and the rest (creator, format) is about 600
# bytes a figure that no reader sees.
NO_METADATA = {"Date": None, "Creator": None, "Format": None, "Type": None}
SVG_SAVE = {"format": "svg", "metadata": NO_METADATA, "bbox_inches": "tight"}
# The colours a snippet's lines and markers take in turn (C0, C1, ...): matplotlib's, but each
# 3:1 or more against the light page (#ffffff) and the dark one (#1e2129), the contrast WCAG asks
# of the parts of a graphic. Its C1 orange was 2.5:1 on white; C5, C6, C8 and C9 failed a page.
COLOURS = (
    *("#1f77b4", "#d95f02", "#2ca02c", "#d62728", "#9467bd"),
    *("#a0674b", "#c2549d", "#7f7f7f", "#8a8a1a", "#16929e"),
)
# Each one's twin on the dark page, lighter, 5:1 or more there (the blue was 3.4:1 and looked dim).
DARK_COLOURS = dict(
    zip(
        COLOURS,
        (
            *("#60a5fa", "#fb923c", "#4ade80", "#f87171", "#c4a5fd"),
            *("#d6a285", "#f472b6", "#a3a3a3", "#c8c85a", "#38c8d6"),
        ),
        strict=True,
    )
)


def site_style() -> dict:
    """The rc settings that give a snippet's figures the site's look: the pages' text face, its
    colours, an open frame (no top or right line), a legend without a border."""
    from cycler import cycler

    figure_font.register()
    return {
        # The pages' text face, and DejaVu for what it lacks: named as the family, so that
        # matplotlib takes each glyph from the first that has it (a generic "sans-serif" is one
        # font, not a list).
        "font.family": list(figure_font.FAMILIES),
        "axes.prop_cycle": cycler(color=COLOURS),
        "axes.spines.top": False,
        "axes.spines.right": False,
        "legend.edgecolor": "none",
    }


class SnippetError(Exception):
    """A snippet raised; the message names the snippet's file and line."""


@dataclass(frozen=True)
class Rendered:
    """What one snippet printed and drew, as files in its cache folder."""

    snippet: Path  # snippets/<chapter>/<name>.py, or a notebook page, docs/<page>.ipynb
    name: str  # the snippet's path under snippets/, without .py: "sigmoid/shape"; "<page>/notebook"
    folder: Path
    figures: tuple[str, ...]  # figure names; files are NAME.svg and NAME-dark.svg
    narrow: tuple[str, ...] = ()  # those with a variant for phones: NAME-narrow.svg, NAME-narrow-dark.svg
    data: tuple[str, ...] = ()  # the *.explorer.json files it wrote, by file name
    shown_in: tuple[str, ...] = ()  # the section whose code showed each figure ("" for none)

    @property
    def output(self) -> Path:
        return self.folder / OUTPUT_FILE

    @property
    def script(self) -> Path:
        """The Python that ran: the snippet, or the notebook's cells as one script."""
        return _script(self.snippet, self.folder)

    def sections(self) -> dict[str, str]:
        """What each section printed (WHOLE_FILE: what was printed outside every section)."""
        printed: dict[str, str] = {}
        section = WHOLE_FILE
        for line in self.output.read_text().splitlines(keepends=True):
            mark = SECTION_MARK.fullmatch(line.strip())
            if mark:
                section = mark[2] if mark[1] == "start" else WHOLE_FILE
            else:
                printed[section] = printed.get(section, "") + line
        return printed

    def figure_files(self) -> list[Path]:
        files = []
        for name in self.figures:
            sizes = ("", "-narrow") if name in self.narrow else ("",)
            files += [
                self.folder / f"{name}{size}{variant}.svg" for size in sizes for variant in ("", "-dark")
            ]
        return files

    def data_files(self) -> list[Path]:
        return [self.folder / name for name in self.data]

    def run_state(self) -> tuple[dict, dict]:
        """The variables the run left, and each figure as it stood when shown, by name: what
        `python snippets/x.py` would leave in a Python session. Unpickled afresh at each call."""
        import pickle

        state = pickle.loads((self.folder / RUN_STATE_FILE).read_bytes())
        return state["variables"], {name: pickle.loads(fig) for name, fig in state["figures"].items()}


# The generator and how it runs a snippet, as this process loaded them. Read from the files at
# each key, an edit made while a process runs (a `mkdocs serve`, a test session) would stamp what
# the old code made with the new code's key, and the stale result would never run again.
_GENERATOR_SOURCE = b"".join(
    Path(module).read_bytes() for module in (__file__, forkserver.__file__, figure_font.__file__)
)


def cache_key(snippet: Path) -> str:
    """Hash of everything that can change a snippet's output."""
    digest = hashlib.sha256()
    digest.update(snippet.read_bytes())
    digest.update(_GENERATOR_SOURCE)
    digest.update(json.dumps(arithmetic.PINNED, sort_keys=True).encode())
    for package in ("torch", "matplotlib"):
        digest.update(f"{package}=={metadata.version(package)}".encode())
    digest.update((figure_font.NOTO_FILES.parent / "package.json").read_bytes())  # the text face's version
    return digest.hexdigest()


def render(
    snippet: Path, cache_dir: Path = CACHE_DIR, force: bool = False, name: str | None = None
) -> Rendered:
    """Return the snippet's cached result, running it first if the cache is stale."""
    return _first_failure_raised(_render_many([(snippet, name or snippet.stem)], cache_dir, force))[0]


def sources(project: Path) -> list[tuple[Path, str]]:
    """What a project runs, with the name of each result: every snippet, then every notebook page."""
    snippets, docs = project / paths.SNIPPETS, project / paths.DOCS
    named = [
        (path, path.relative_to(snippets).with_suffix("").as_posix())
        for path in sorted(snippets.rglob("*.py"))
    ]
    named += [
        (path, f"{path.relative_to(docs).with_suffix('').as_posix()}/{NOTEBOOK}")
        for path in sorted(docs.rglob("*.ipynb"))
    ]
    return named


def render_all(
    project: Path = paths.ROOT, cache_dir: Path | None = None, force: bool = False
) -> list[Rendered]:
    """Render every snippet and notebook of a project; raise the first failure, in their order."""
    return _first_failure_raised(run_all(project, cache_dir, force))


def run_all(
    project: Path = paths.ROOT, cache_dir: Path | None = None, force: bool = False
) -> list[Rendered | SnippetError]:
    """Every snippet's and notebook's result, or the error it raised: none stops the others. One
    process at a time: a second waits, then finds the cache warm."""
    from filelock import FileLock

    named = sources(project)
    cache_dir = cache_dir or project / paths.RENDERED
    cache_dir.mkdir(parents=True, exist_ok=True)
    with FileLock(cache_dir / ".lock"):
        _forget_removed(cache_dir, {name for _, name in named})
        return _render_many(named, cache_dir, force)


def _forget_removed(cache_dir: Path, names: set[str]) -> None:
    """Delete the results of snippets that are gone, so that no page can still include them.

    A result is the files beside its manifest; a folder below it may be another snippet's.
    """
    for manifest in cache_dir.rglob(MANIFEST_FILE):
        if manifest.parent.relative_to(cache_dir).as_posix() not in names:
            result = manifest.parent
            kept = (OUTPUT_FILE, NOTEBOOK_SCRIPT, STDERR_FILE, RUN_STATE_FILE)
            for stale in (*(result / name for name in kept), *result.glob("*.svg"), manifest):
                stale.unlink(missing_ok=True)


def _render_many(
    named: list[tuple[Path, str]], cache_dir: Path, force: bool
) -> list[Rendered | SnippetError]:
    """Cached results where the key matches; the rest run side by side, one process each."""
    results: dict[str, Rendered | SnippetError] = {}
    stale = []
    for snippet, name in named:
        folder, key = cache_dir / name, cache_key(snippet)
        manifest = folder / MANIFEST_FILE
        saved = json.loads(manifest.read_text()) if manifest.exists() and not force else {}
        if saved.get("key") == key:
            results[name] = Rendered(snippet, name, folder, *_listed(saved))
        else:
            stale.append((snippet, name, folder, key))

    def run(job):
        snippet, name, folder, key = job
        try:
            return name, Rendered(snippet, name, folder, *_run_standalone(snippet, folder, key))
        except SnippetError as error:
            return name, error

    # Each snippet runs with one thread (site_build/arithmetic.py), so one process per core; the
    # largest first (a fair guess at the longest), so that no core is left alone with a long one.
    stale.sort(key=lambda job: job[0].stat().st_size, reverse=True)
    with ThreadPoolExecutor(max_workers=len(os.sched_getaffinity(0))) as pool:
        results.update(pool.map(run, stale))
    return [results[name] for _, name in named]


def _first_failure_raised(results: list[Rendered | SnippetError]) -> list[Rendered]:
    """The results, unless one is a failure: then the first in order, whatever finished first."""
    for result in results:
        if isinstance(result, SnippetError):
            raise result
    return results


def _listed(saved: dict) -> tuple[tuple[str, ...], ...]:
    """A manifest's lists, in the order of Rendered's fields: figures, narrow, data, shown_in."""
    return tuple(saved["figures"]), tuple(saved["narrow"]), tuple(saved["data"]), tuple(saved["shown_in"])


# A fresh child of the fork server for each snippet: torch and matplotlib are imported once
# (site_build/forkserver.py), with deprecation warnings as errors from the first import on.
IMPORTS = ["matplotlib", "matplotlib.pyplot", "torch"]


def start_forkserver(preload: list[str] = (*IMPORTS, "gallery:warm_up")) -> forkserver.Forkserver:
    """A fork server for snippets: the pinned arithmetic, matplotlib's Agg, deprecations as errors."""
    arithmetic.pin()  # inherited by the server and each child: the same digits on every machine
    return forkserver.Forkserver(
        list(preload), ["-W", "error::DeprecationWarning"], env={**os.environ, "MPLBACKEND": "Agg"}
    )


def warm_up() -> None:
    """In the fork server, once: what every snippet would pay at its first use of torch and of
    matplotlib's SVG. The optimizer's first step imports torch._dynamo (about 1 s, measured on a
    2-core VM: the largest part of a small snippet's run); the first text loads its font and the
    first formula builds matplotlib's math parser. It draws no random number and opens no pyplot
    figure, and leaves one thread, so that the children it forks start as a fresh process would
    (with torch._dynamo and sympy imported, as any snippet that steps an optimizer has them).
    """
    import torch
    from matplotlib.figure import Figure
    from matplotlib.pyplot import rc_context

    x = torch.linspace(-1, 1, 8).reshape(8, 1)
    w = torch.zeros(1, 1, requires_grad=True)
    optimizer = torch.optim.SGD([w], lr=0.1)
    torch.nn.functional.binary_cross_entropy_with_logits(x @ w, (x > 0).float()).backward()
    optimizer.step()
    figure = Figure()
    axes = figure.subplots()
    axes.plot([0, 1], [0, 1], label="a line")
    axes.set_title("$\\sigma(x)$")
    axes.legend()
    figure_font.warm_up()
    with rc_context({**SVG_RC, **site_style()}):
        figure.savefig(io.BytesIO(), **SVG_SAVE)


_forkserver = functools.cache(start_forkserver)  # one per process, started at its first stale snippet


def _run_standalone(snippet: Path, folder: Path, key: str) -> tuple[tuple[str, ...], ...]:
    """Run one snippet in a fresh process, from an unrelated folder, as a reader runs a copied file.

    So what a page shows is what `python snippets/x.py` prints: no state leaks from
    one snippet into the next. Deprecation warnings are errors, so that a copied
    snippet keeps working on the next release.
    """
    display = _display_path(snippet)
    folder.mkdir(parents=True, exist_ok=True)
    log = folder / STDERR_FILE
    with tempfile.TemporaryDirectory(prefix="snippet-") as elsewhere:
        status = _forkserver().run(
            "gallery:run_in_child", [snippet.resolve(), folder.resolve(), key, display], Path(elsewhere), log
        )
    if status != 0:
        raise SnippetError(log.read_text().strip() or f"{display}: exit code {status}")
    if not log.read_text():
        log.unlink()
    return _listed(json.loads((folder / MANIFEST_FILE).read_text()))


def run_in_child(snippet: str, folder: str, key: str, display: str) -> int:
    """In the forked child: run the snippet and save what it made; on failure say where, and return 1."""
    try:
        _run_and_save(Path(snippet), Path(folder), key, display)
    except SnippetError as error:
        print(error, file=sys.stderr)
        return 1
    return 0


def run_bare(source: str) -> None:
    """In a forked child: `python snippets/x.py` and nothing else (its output to the job's log); a
    notebook's code cells, one after another."""
    source = Path(source)
    _as_if_run_alone(source)
    if source.suffix == ".ipynb":
        exec(compile(notebook_script(source), str(source), "exec"), {"__name__": "__main__"})
    else:
        runpy.run_path(str(source), run_name="__main__")


def notebook_script(notebook: Path) -> str:
    """A notebook's code cells as one script, each cell a section named by its id, so that what a
    cell prints and draws is kept under its id, as a snippet's is under a section's name."""
    parts = []
    for cell in json.loads(notebook.read_text())["cells"]:
        if cell["cell_type"] != "code":
            continue
        if not SECTION_NAME.fullmatch(cell.get("id", "")):
            raise SnippetError(
                f"{_display_path(notebook)}: a cell's id must be a section name: {cell.get('id')!r}"
            )
        source = cell["source"] if isinstance(cell["source"], str) else "".join(cell["source"])
        parts.append(f"# --8<-- [start:{cell['id']}]\n{source.rstrip()}\n# --8<-- [end:{cell['id']}]\n")
    return "\n".join(parts)


def _run_and_save(snippet: Path, folder: Path, key: str, display: str) -> None:
    """Run the snippet, saving its figures at each show and its output by section."""
    import matplotlib.pyplot as plt

    plt.rcParams.update(site_style())  # a forked child's own matplotlib, set for this snippet
    folder.mkdir(parents=True, exist_ok=True)
    manifest = folder / MANIFEST_FILE
    manifest.unlink(missing_ok=True)
    for old in [*folder.glob("*.svg"), *folder.glob(EXPLORER_DATA)]:
        old.unlink()

    figures: list[str] = []
    narrow: list[str] = []
    shown_in: list[str] = []
    pickled_figures: dict[str, bytes] = {}

    def show(*args, **kwargs):
        for number in plt.get_fignums():
            fig = plt.figure(number)
            name = fig.get_label() or f"figure-{len(figures) + 1}"
            if name in figures:
                raise SnippetError(f"{display}: two figures are named {name!r}")
            pickled_figures[name] = cloudpickle.dumps(fig)  # before the dark variant recolours it
            if _save_svg_pair(fig, folder / name):
                narrow.append(name)
            figures.append(name)
            shown_in.append(stdout.section_running())
        plt.close("all")

    script = _script(snippet, folder)
    if script != snippet:
        script.write_text(notebook_script(snippet))
    stdout = _SectionedStdout(script)
    plt.show = show
    _as_if_run_alone(snippet)
    try:
        with redirect_stdout(stdout):
            variables = runpy.run_path(str(script), run_name="__main__")
    except SnippetError:
        raise
    except BaseException as error:  # SystemExit too: a snippet must run to its end
        raise SnippetError(_describe_failure(script, display, error)) from error

    (folder / OUTPUT_FILE).write_text(stdout.as_sections())
    (folder / RUN_STATE_FILE).write_bytes(_pickled_run(variables, pickled_figures))
    data = []  # the working folder is a fresh temporary one: whatever is here, the snippet wrote
    for written in sorted(Path.cwd().glob(EXPLORER_DATA)):
        (folder / written.name).write_bytes(written.read_bytes())
        data.append(written.name)
    saved = {"key": key, "figures": figures, "narrow": narrow, "data": data, "shown_in": shown_in}
    manifest.write_text(json.dumps(saved, indent=1))


class _RunStatePickler(cloudpickle.Pickler):
    """cloudpickle, keeping each tensor's .grad, which a tensor's own pickling leaves out."""

    def reducer_override(self, obj):
        import torch

        if isinstance(obj, torch.Tensor) and obj.is_leaf and obj.grad is not None:
            bare = obj.detach()  # the same numbers, without the .grad (a plain tensor)
            if isinstance(obj, torch.nn.Parameter):
                bare = torch.nn.Parameter(bare, requires_grad=obj.requires_grad)
            return _with_grad, (bare, obj.requires_grad, obj.grad)
        return super().reducer_override(obj)


def _with_grad(tensor, requires_grad: bool, grad):
    tensor.requires_grad_(requires_grad)
    tensor.grad = grad
    return tensor


def _pickled_run(variables: dict, figures: dict[str, bytes]) -> bytes:
    """A run's own variables (not the imported modules, not Python's dunders) and its pickled
    figures, as one pickle, so that the functions it holds share their globals as they did. A
    variable that cannot be pickled is left out (a test that needs it fails with a KeyError that
    names it); each is tried alone only when the whole does not pickle."""

    def dumped(kept: dict) -> bytes:
        out = io.BytesIO()
        _RunStatePickler(out).dump({"variables": kept, "figures": figures})
        return out.getvalue()

    own = {
        n: v for n, v in variables.items() if not n.startswith("__") and not isinstance(v, types.ModuleType)
    }
    try:
        return dumped(own)
    except Exception:
        return dumped({n: v for n, v in own.items() if _pickles(v)})


def _pickles(value) -> bool:
    try:
        _RunStatePickler(io.BytesIO()).dump(value)
    except Exception:
        return False
    return True


def _script(source: Path, folder: Path) -> Path:
    return folder / NOTEBOOK_SCRIPT if source.suffix == ".ipynb" else source


def _as_if_run_alone(snippet: Path) -> None:
    """Make this forked child look to the snippet like `python snippets/x.py`: imports resolve from
    the snippet's folder, never from site_build/ (the generator's own modules are forgotten), its
    argv is its path, and the random generators it does not seed start from a seed of their own
    (Python's reseeds itself in a forked child; torch's, and NumPy's once imported, would not)."""
    import numpy
    import torch

    ours = Path(__file__).resolve().parent
    sys.path[:] = [str(snippet.resolve().parent)] + [p for p in sys.path[1:] if Path(p).resolve() != ours]
    for name, module in list(sys.modules.items()):
        if Path(getattr(module, "__file__", None) or "/").resolve().parent == ours:
            del sys.modules[name]
    sys.argv = [str(snippet)]
    torch.seed()
    numpy.random.seed()


def _describe_failure(snippet: Path, display: str, error: BaseException) -> str:
    """'snippets/x.py:12: ValueError: ...' for the deepest frame inside the snippet.

    The traceback under it starts at the snippet: the generator's own frames are no clue.
    """
    report = traceback.TracebackException.from_exception(error)
    ours = [i for i, frame in enumerate(report.stack) if Path(frame.filename).resolve() == snippet.resolve()]
    line = report.stack[ours[-1]].lineno if ours else None
    if isinstance(error, SyntaxError):
        line = error.lineno  # the snippet never ran, so no frame is its; the error knows the line
    report.stack = traceback.StackSummary.from_list(report.stack[ours[0] :] if ours else [])
    where = display + (f":{line}" if line else "")
    if line and snippet.name == NOTEBOOK_SCRIPT:  # the notebook's cell, and the line in that cell
        lines = snippet.read_text().splitlines()
        cell = _sections_by_line(lines).get(line)
        first = next(n for n, text in enumerate(lines, start=1) if f"[start:{cell}]" in text)
        where = f"{display}: cell {cell}, line {line - first}"
    detail = "".join(report.format()).rstrip()
    return f"{where}: {type(error).__name__}: {error}\n{detail}"


def _display_path(path: Path) -> str:
    """The path as a reader types it: relative to the working directory."""
    return os.path.relpath(path)


class _SectionedStdout(io.TextIOBase):
    """Collects printed text by the snippet section whose top-level statement printed it.

    The top-level statement decides, not the line of the `print` call itself,
    so output of a function defined in one section and called in another is
    shown under the caller.
    """

    def __init__(self, snippet: Path):
        self._path = str(snippet)
        self._section_at_line = _sections_by_line(snippet.read_text().splitlines())
        self.chunks: dict[str, list[str]] = {}

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        self.chunks.setdefault(self.section_running(), []).append(text)
        return len(text)

    def section_running(self) -> str:
        """The section of the snippet's top-level statement that is running now."""
        line = None
        frame = sys._getframe(1)
        while frame is not None:
            if frame.f_code.co_filename == self._path and frame.f_code.co_name == "<module>":
                line = frame.f_lineno
            frame = frame.f_back
        return self._section_at_line.get(line, WHOLE_FILE)

    def as_sections(self) -> str:
        """All output, each section's wrapped in the markers pymdownx.snippets reads."""
        parts = []
        for section, chunks in self.chunks.items():
            text = "".join(chunks)
            if section == WHOLE_FILE:
                parts.append(text)
            else:
                parts.append(f"--8<-- [start:{section}]\n{text}--8<-- [end:{section}]\n")
        return "".join(parts)


def _sections_by_line(lines: list[str]) -> dict[int, str]:
    """Line number (1-based) to the innermost section that contains it."""
    open_sections: list[str] = []
    owner = {}
    for number, line in enumerate(lines, start=1):
        mark = SECTION_MARK.search(line)
        if mark and mark.group(1) == "start":
            open_sections.append(mark.group(2))
        elif mark and open_sections and open_sections[-1] == mark.group(2):
            open_sections.pop()
        elif open_sections:
            owner[number] = open_sections[-1]
    return owner


def _save_svg_pair(fig, stem: Path) -> bool:
    """Save the figure for a light and a dark page, and its narrow variant if it has one.

    Returns whether it has one: `<name>-narrow.svg` and `<name>-narrow-dark.svg`.
    """
    import matplotlib.pyplot as plt

    narrow = narrow_copy(fig)
    variants = [(fig, "")] + ([(narrow, "-narrow")] if narrow is not None else [])

    def save(figure, name: str, **options) -> None:
        svg = io.StringIO()
        figure.savefig(svg, **SVG_SAVE, **options)
        stem.with_name(name).write_text(figure_font.with_font(_numbered_clip_ids(svg.getvalue())))

    with plt.rc_context(SVG_RC):
        for figure, suffix in variants:
            save(figure, f"{stem.name}{suffix}.svg")
            _recolour_for_dark(figure)
            save(figure, f"{stem.name}{suffix}-dark.svg", transparent=True)
    if narrow is not None:
        plt.close(narrow)
    return narrow is not None


CLIP_ID = re.compile(r'<clipPath id="(p[0-9a-f]+)"')


def _numbered_clip_ids(svg: str) -> str:
    """The SVG with its clip paths named clip1, clip2, ... in the order they are defined.

    matplotlib names each from a hash of its rectangle at full float precision, so a last-bit
    difference in a layout that changes no coordinate it writes still changed the bytes: a
    narrow figure's name differed between two machines' builds (what-next's Adam figure)."""
    for number, name in enumerate(dict.fromkeys(CLIP_ID.findall(svg)), start=1):
        svg = svg.replace(f'id="{name}"', f'id="clip{number}"')
        svg = svg.replace(f"url(#{name})", f"url(#clip{number})")
    return svg


# A phone's text column is about 360 CSS px; a figure this wide (in inches, 96 px each at 100 %
# zoom) is shown a little larger there, and its 9-10 pt text at 11-12 px (at 4.6 inches, 9.5 to
# 10.5 px: two phone reviewers found it the smallest text of the page).
NARROW_WIDTH = 4.0
# Each stacked panel, in inches, and a figure of one panel at most: at 3 inches a panel whose
# legend sat above it kept a plot of 110 to 140 px on a phone, S-curves and boundaries cramped.
NARROW_PANEL_HEIGHT = 3.3
NARROW_SINGLE_HEIGHT = 4.0


def narrow_copy(fig):
    """The figure redrawn for a phone from the same run, or None if it is narrow enough already.

    A copy (pickled and unpickled: the same artists, the same data) at NARROW_WIDTH, its
    panels stacked one above another in reading order, laid out afresh by matplotlib's
    constrained layout. Figures whose axes are not all on a grid (a diagram drawn in
    data coordinates, a 3D sketch) have no narrow variant: squeezing them breaks them.
    """
    import pickle

    from matplotlib.gridspec import GridSpec

    width, height = fig.get_size_inches()
    panels = [ax for ax in fig.axes if ax.get_subplotspec() is not None]
    if width <= NARROW_WIDTH or not panels or len(panels) != len(fig.axes):
        return None
    if any(not ax.axison or ax.name != "rectilinear" for ax in panels):
        return None
    try:
        copy = pickle.loads(pickle.dumps(fig))
    except (pickle.PicklingError, TypeError, AttributeError):
        return None  # a figure holding a lambda (a tick formatter, say) cannot be copied: wide only
    panels = [ax for ax in copy.axes]
    order = sorted(
        panels, key=lambda ax: (ax.get_subplotspec().rowspan.start, ax.get_subplotspec().colspan.start)
    )
    grid = GridSpec(len(order), 1, figure=copy)
    for row, ax in enumerate(order):
        ax.set_subplotspec(grid[row])
        ax.tick_params(labelleft=True, labelbottom=True)  # a shared axis hid the inner panels' labels
    if len(order) == 1:
        panel_height = min(height * NARROW_WIDTH / width * 1.5, NARROW_SINGLE_HEIGHT)
    else:
        panel_height = NARROW_PANEL_HEIGHT
    copy.set_size_inches(NARROW_WIDTH, panel_height * len(order))
    for ax in order:
        _legend_in_fewer_columns(ax)
    # Room between a panel's x label and the title of the panel under it (constrained layout's
    # default packed them together), in inches.
    copy.set_layout_engine("constrained", h_pad=0.12, hspace=0.06)
    return copy


def _legend_in_fewer_columns(ax) -> None:
    """A legend of several columns laid out again in as many as the phone's figure is wide
    enough for, where it was: above a plot, a row of three entries wider than the figure took
    its width from the plot (constrained layout made room for it), and left the plot a sliver;
    one entry to a row, a legend of five took half the figure."""
    legend = ax.get_legend()
    if legend is None or legend._ncols == 1:  # (matplotlib keeps the count private)
        return
    handles, labels = ax.get_legend_handles_labels()
    anchor = legend.get_bbox_to_anchor().transformed(ax.transAxes.inverted())  # in the plot's terms
    place = {"loc": legend._loc, "bbox_to_anchor": anchor.bounds, "fontsize": legend.prop.get_size()}
    for columns in range(legend._ncols, 0, -1):
        legend = ax.legend(handles, labels, ncols=columns, **place)
        if legend.get_window_extent().width <= 0.9 * ax.figure.bbox.width:
            return


# Greys are mapped between these two for Material's dark (slate) scheme: black becomes the
# colour of the page's text, white the page itself, and a grey between them keeps its place.
DARK_PAGE = "#1e2129"
DARK_TEXT = "#cfd2d9"  # what black becomes: a little brighter than body text, for small labels


def _for_dark(color):
    """Swap the lightness of a grey (black text becomes light); a colour of the site's cycle
    becomes its lighter twin; leave other hues alone."""
    from matplotlib.colors import to_hex, to_rgba

    r, g, b, a = to_rgba(color)
    twin = DARK_COLOURS.get(to_hex((r, g, b)))
    if twin:
        return (*to_rgba(twin)[:3], a)
    if max(r, g, b) - min(r, g, b) > 0.1:
        return (r, g, b, a)
    ink = 1 - (r + g + b) / 3
    page, text = to_rgba(DARK_PAGE), to_rgba(DARK_TEXT)
    return (*(p + ink * (t - p) for p, t in zip(page[:3], text[:3], strict=True)), a)


def _recolour_for_dark(fig) -> None:
    """Recolour the greys of a finished figure (text, axes, black markers) for a dark page."""
    from matplotlib.collections import Collection
    from matplotlib.colors import ListedColormap
    from matplotlib.contour import ContourSet
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch
    from matplotlib.text import Annotation, Text

    artists = fig.findobj()
    # The text over an image is coloured for its cell (_image_for_dark), not as a grey.
    over_images = {id(text) for ax in fig.axes if ax.images for text in ax.texts}
    for ax in fig.axes:
        for image in ax.images:
            _image_for_dark(image, ax.texts)
    # An annotation's arrow is not among the figure's children; recolour it with the rest.
    artists += [a.arrow_patch for a in artists if isinstance(a, Annotation) and a.arrow_patch]
    # Nor is the box a text is drawn in (text(..., bbox=...)).
    artists += [t.get_bbox_patch() for t in artists if isinstance(t, Text) and t.get_bbox_patch()]
    for artist in artists:
        if id(artist) in over_images:
            continue
        if isinstance(artist, Text):
            artist.set_color(_for_dark(artist.get_color()))
        elif isinstance(artist, Line2D):
            # All three read first: a marker's colours follow the line's ("auto") until set, and
            # read after set_color they would be recoloured twice (black, to a dim grey).
            line, edge, face = artist.get_color(), artist.get_markeredgecolor(), artist.get_markerfacecolor()
            artist.set_color(_for_dark(line))
            artist.set_markeredgecolor(_for_dark(edge))
            artist.set_markerfacecolor(_for_dark(face))
        elif isinstance(artist, Patch):
            # An invisible edge or fill stays so: a patch with an alpha of its own (a legend's
            # frame, framealpha 0.8) would give the recoloured "none" that alpha, and a border.
            if artist.get_edgecolor()[3] > 0:
                artist.set_edgecolor(_for_dark(artist.get_edgecolor()))
            if artist.get_facecolor()[3] > 0:
                artist.set_facecolor(_for_dark(artist.get_facecolor()))
        elif isinstance(artist, ContourSet) and artist.colors is not None:
            # Contour lines drawn in named colours (not a colour map) take their dark twins.
            artist.set_cmap(ListedColormap([_for_dark(c) for c in artist.get_cmap().colors]))
        elif isinstance(artist, Collection) and artist.get_array() is None:
            # Colour-mapped collections (contours, scatter with c=...) keep their colormap.
            artist.set_edgecolors([_for_dark(c) for c in artist.get_edgecolors()])
            artist.set_facecolors([_for_dark(c) for c in artist.get_facecolors()])
    for ax in fig.axes:
        # Ticks are made afresh when the figure is saved; give the new ones the light colour too.
        ax.tick_params(which="both", colors=DARK_TEXT)


def _image_for_dark(image, texts) -> None:
    """An opaque colour-mapped image (a confusion matrix) was a bright block on the dark page: its
    colours now run from a faint tint of the page to a bright one, and a text over one of its cells
    takes whichever of the two text colours reads better there. A translucent image (regions
    tinted over a plot) is already darkened by the page and keeps its colours."""
    from matplotlib.colors import LinearSegmentedColormap, to_rgb

    if image.get_alpha() not in (None, 1):
        return
    # Larger values lighter, as on the light page they are darker: from a faint tint of the map's
    # hue over the page to that hue at 70 % lightness (its strongest colour, navy for "Blues",
    # all but vanished on the dark page; at 75 % the largest cell glared at night).
    hue, _, saturation = colorsys.rgb_to_hls(*image.get_cmap()(1.0)[:3])
    bright = colorsys.hls_to_rgb(hue, 0.7, saturation)
    faint = [0.8 * p + 0.2 * b for p, b in zip(to_rgb(DARK_PAGE), bright, strict=True)]
    image.set_cmap(LinearSegmentedColormap.from_list("dark", [faint, bright]))
    data = image.get_array()
    rows, cols = data.shape[:2]
    left, right, bottom, top = image.get_extent()
    first_row = top if image.origin == "upper" else bottom  # the edge row 0 is drawn at
    last_row = bottom if image.origin == "upper" else top
    for text in texts:
        x, y = text.get_position()
        col = int((x - left) / (right - left) * cols)
        row = int((y - first_row) / (last_row - first_row) * rows)
        if 0 <= row < rows and 0 <= col < cols:
            cell = image.get_cmap()(image.norm(data[row, col]))
            text.set_color(max((DARK_TEXT, "black"), key=lambda colour: contrast(colour, cell)))


def luminance(colour) -> float:
    """WCAG 2's relative luminance of a colour (any form matplotlib reads: "#1e2129", (r, g, b))."""
    from matplotlib.colors import to_rgb

    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in to_rgb(colour)]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(one, other) -> float:
    """WCAG's contrast ratio of two colours (the tests' checks of the figures use it too)."""
    darker, lighter = sorted([luminance(one), luminance(other)])
    return (lighter + 0.05) / (darker + 0.05)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--project", type=Path, default=paths.ROOT, help="its snippets/ and docs/*.ipynb")
    parser.add_argument("--cache", type=Path, default=None, help="default: the project's .cache/gallery")
    parser.add_argument("--force", action="store_true", help="run every snippet even if cached")
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    try:
        results = render_all(args.project, args.cache, args.force)
    except SnippetError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    for result in results:
        where = _display_path(result.folder)
        print(f"{_display_path(result.snippet)}: {len(result.figures)} figure(s) in {where}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
