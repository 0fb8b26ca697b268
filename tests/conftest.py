"""Shared fixtures: the rendered snippets and one strict build of the site (helpers live in support/)."""

from __future__ import annotations

import os
import shutil
import sys
from collections import Counter
from pathlib import Path
from typing import NamedTuple

import arithmetic
import gallery
import paths
import pytest
from support.explorers import EXPLORERS
from support.project import PUBLISHED_ENV, ROOT, mkdocs_build
from support.tiers import SPECIMEN

# pytest keeps each test module with its asserts rewritten as bytecode in __pycache__, unless
# Python is told to write none (PYTHONDONTWRITEBYTECODE, set in many containers): then both
# workers rewrite every module again on every run, about 1.3 s each. The suite keeps its own.
sys.dont_write_bytecode = False
# Tests, and every process they start, compute with the site's arithmetic (see site_build/arithmetic.py).
arithmetic.pin()
# Snippets call plt.show(); in tests nothing may open a window.
os.environ.setdefault("MPLBACKEND", "Agg")
os.environ["NO_MKDOCS_2_WARNING"] = "1"
# Builds in one test session share a build date (make sets it to the last commit's time).
os.environ.setdefault("SOURCE_DATE_EPOCH", "1764000000")


def _shared_run(item) -> str | None:
    """What costly run a test shares with others when they are on one worker: a page's visits in
    the browser (the visited fixture; the page is the test's path parameter or its explorer's, and
    a test with neither is counted with the specimen, which most of them look at); a chapter's kept
    snippet runs loaded in the worker (support.captured loads each once per worker): the tests of
    tests/chapters/test_<key>.py, and any test that needs no built site with a snippet of
    snippets/<key>/ among its parameters; the generator's fork server, which imports torch and
    matplotlib (the tests of site_build/gallery.py); or a build made for several tests (the small
    broken sites, the published site)."""
    params = item.callspec.params if hasattr(item, "callspec") else {}
    if "visited" in item.fixturenames:
        explorer_page = EXPLORERS[params["explorer"]][0] if "explorer" in params else SPECIMEN
        return "visits-" + params.get("path", explorer_page)
    if item.path.name == "test_gallery.py":
        return "gallery-forkserver"
    for costly in ("small_site_builds", "published"):  # one process builds them, for all its tests
        if costly in item.fixturenames:
            return costly
    if item.path.parent.name == "chapters":
        return "chapter-" + item.path.stem.removeprefix("test_").replace("_", "-")
    if "site" not in item.fixturenames:
        for value in params.values():
            if isinstance(value, str) and value.split("/")[0] in CHAPTERS:
                return "chapter-" + value.split("/")[0]
    return None


CHAPTERS = {folder.name for folder in (ROOT / paths.SNIPPETS).iterdir() if folder.is_dir()}


@pytest.hookimpl(tryfirst=True)  # before xdist reads the groups from the marks
def pytest_collection_modifyitems(items):
    """Tests that share a costly run go to one pytest-xdist worker (--dist loadgroup), so that it
    runs once; the others go wherever a worker is free.

    The workers take work in this order (pyproject.toml: --no-loadscope-reorder): a test marked
    starts_first; then the groups, largest first, but with the two workers starting on the
    largest group that needs the built site (its worker builds it) and the largest that does
    not (the other works meanwhile instead of waiting for the site); then the single tests, so
    that no worker is left with a long piece of work at the end while the other has nothing to do."""
    groups = {item: _shared_run(item) for item in items}
    for item, group in groups.items():
        if group:
            item.add_marker(pytest.mark.xdist_group(group))
    sizes = Counter(group for group in groups.values() if group)
    largest_first = sorted(sizes, key=lambda group: -sizes[group])
    need_site = {group for item, group in groups.items() if "site" in item.fixturenames}
    with_site = next((group for group in largest_first if group in need_site), None)
    without_site = next((group for group in largest_first if group not in need_site), None)
    starters = [group for group in (with_site, without_site) if group]
    rank = {group: i for i, group in enumerate(starters + [g for g in largest_first if g not in starters])}
    order = {item: index for index, item in enumerate(items)}
    items.sort(
        key=lambda item: (
            item.get_closest_marker("starts_first") is None,
            groups[item] is None,
            rank.get(groups[item], 0),
            order[item],
        )
    )


@pytest.fixture(scope="session")
def rendered() -> dict[str, gallery.Rendered]:
    """Every snippet's output and figures, by snippet name (cached between runs)."""
    return {result.name: result for result in gallery.render_all()}


@pytest.fixture(scope="session")
def site(tmp_path_factory, rendered) -> Path:
    """The whole site, built once with --strict, and shared by the pytest-xdist workers.

    The first worker to get here builds it; the other waits on the lock and reuses it.
    """
    from filelock import FileLock

    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent  # the session's folder, above each worker's own
    site_dir, built = shared / "site", shared / "site.built"
    with FileLock(shared / "site.lock"):
        if not built.exists():
            shutil.rmtree(site_dir, ignore_errors=True)
            result = mkdocs_build(ROOT / "mkdocs.yml", site_dir, "--strict")
            assert result.returncode == 0, result.stderr
            built.touch()
    return site_dir


class Published(NamedTuple):
    site: Path
    imported: frozenset[str]  # which of torch and matplotlib the build imported


@pytest.fixture(scope="session")
def published(tmp_path_factory, rendered) -> Published:
    """The site as the Pages workflow builds it (under a sub-path, its address and repository set),
    from the warm snippet cache: so it is also the prose-only rebuild that must import no torch."""
    site = tmp_path_factory.mktemp("published")
    result = mkdocs_build(
        ROOT / "mkdocs.yml", site, "--strict", env=PUBLISHED_ENV, python=("-X", "importtime")
    )
    assert result.returncode == 0, result.stderr
    # `-X importtime` lists every module imported, its name last: "import time: 12 | 34 | torch".
    listed = {line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines() if "|" in line}
    assert "mkdocs" in listed  # the list is there to read
    return Published(site, frozenset(listed & {"torch", "matplotlib"}))


def pytest_terminal_summary(terminalreporter):
    """Print what tests recorded with record_property("report", ...): page weights and the like."""
    lines = [
        value
        for report in terminalreporter.stats.get("passed", []) + terminalreporter.stats.get("failed", [])
        for name, value in getattr(report, "user_properties", [])
        if name == "report"
    ]
    if lines:
        terminalreporter.section("measurements")
        for line in sorted(lines):
            terminalreporter.write_line(line)
