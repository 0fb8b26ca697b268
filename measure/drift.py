"""Drift: what the snippets print and draw with the torch installed, against the pinned build's.

The site is built with the torch of requirements.txt, so that it never changes by itself.
Readers install today's torch. This runs every snippet and notebook again with the torch
installed now (deprecation warnings as errors, as the build runs them), into a cache of
its own, and compares each result with the pinned build's (.cache/gallery, made first by
`python site_build/gallery.py` with the pinned torch). It reports:

- the snippets that fail;
- the printed output that differs, as a short diff;
- the figures whose SVG differs;
- the warnings a snippet writes (its stderr).

    python measure/drift.py [--pinned DIR] [--newest DIR] [--report FILE]

prints the report (Markdown) and writes it to FILE too; exits 1 if anything drifted. The
weekly workflow (.github/workflows/drift.yml) runs it with the newest torch. With the
pinned torch installed, as here, it reports no drift.
"""

from __future__ import annotations

import argparse
import difflib
import sys
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIFF_LINES = 20  # of each result's output diff, at most


@dataclass
class Drift:
    """How the newest results differ from the pinned ones, by result name."""

    failed: dict[str, str] = field(default_factory=dict)  # the error's first line
    printed: dict[str, list[str]] = field(default_factory=dict)  # a unified diff, cut short
    drawn: dict[str, list[str]] = field(default_factory=dict)  # the figure files that differ
    warned: dict[str, list[str]] = field(default_factory=dict)  # the warning lines of stderr

    def __bool__(self) -> bool:
        return bool(self.failed or self.printed or self.drawn or self.warned)


def results(cache: Path) -> dict[str, Path]:
    """Each complete result of a gallery cache (a folder with its manifest), by name."""
    return {m.parent.relative_to(cache).as_posix(): m.parent for m in sorted(cache.rglob("manifest.json"))}


def compare(pinned: Path, newest: Path, failures: dict[str, str]) -> Drift:
    """Compare two gallery caches; failures: the newest run's errors, by result name."""
    drift = Drift(failed={name: error.splitlines()[0] for name, error in failures.items()})
    ran = results(newest)
    for name, before in results(pinned).items():
        after = ran.get(name)
        if after is None:
            drift.failed.setdefault(name, "no result")
            continue
        old, new = ((folder / "output.txt").read_text().splitlines() for folder in (before, after))
        diff = list(difflib.unified_diff(old, new, "pinned", "newest", n=0, lineterm=""))
        if diff:
            more = [f"... and {len(diff) - DIFF_LINES} more lines"] if len(diff) > DIFF_LINES else []
            drift.printed[name] = diff[:DIFF_LINES] + more
        figures = sorted({p.name for p in before.glob("*.svg")} | {p.name for p in after.glob("*.svg")})
        changed = [f for f in figures if _bytes(before / f) != _bytes(after / f)]
        if changed:
            drift.drawn[name] = changed
        stderr = after / "stderr.txt"
        warnings = [line for line in _text(stderr).splitlines() if "Warning" in line]
        if warnings:
            drift.warned[name] = warnings
    return drift


def report(drift: Drift, pinned_torch: str, newest_torch: str) -> str:
    lines = [f"# Drift: torch {newest_torch} against the site's torch {pinned_torch}", ""]
    if not drift:
        return "\n".join(
            [*lines, "No drift: every snippet runs, prints and draws the same, with no warning."]
        )
    sections = [
        ("Snippets that fail", {name: [error] for name, error in drift.failed.items()}),
        ("Printed output that differs", drift.printed),
        ("Figures that differ", drift.drawn),
        ("Warnings", drift.warned),
    ]
    for title, found in sections:
        if found:
            lines += [f"## {title} ({len(found)})", ""]
            for name, details in found.items():
                lines += [f"- `{name}`", "", "  ```", *(f"  {line}" for line in details), "  ```", ""]
    return "\n".join(lines)


def _bytes(path: Path) -> bytes | None:
    return path.read_bytes() if path.exists() else None


def _text(path: Path) -> str:
    return path.read_text() if path.exists() else ""


def pinned_torch() -> str:
    """The torch version of requirements.txt."""
    pins = dict(
        line.split("==") for line in (ROOT / "requirements.txt").read_text().splitlines() if "==" in line
    )
    return pins["torch"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pinned", type=Path, default=ROOT / ".cache" / "gallery")
    parser.add_argument("--newest", type=Path, default=ROOT / ".cache" / "drift")
    parser.add_argument("--report", type=Path, help="also write the report here")
    args = parser.parse_args(argv)
    if not results(args.pinned):
        parser.error(f"{args.pinned} has no results: run `python site_build/gallery.py` first, pinned")

    sys.path.insert(0, str(ROOT / "site_build"))
    import gallery

    ran = gallery.run_all(ROOT, args.newest)  # in the order of gallery.sources
    failures = {
        name: str(result)
        for (_, name), result in zip(gallery.sources(ROOT), ran, strict=True)
        if isinstance(result, gallery.SnippetError)
    }
    drift = compare(args.pinned, args.newest, failures)
    text = report(drift, pinned_torch(), metadata.version("torch"))
    print(text)
    if args.report:
        args.report.write_text(text + "\n")
    return 1 if drift else 0


if __name__ == "__main__":
    sys.exit(main())
