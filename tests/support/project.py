"""The project as the tests see it: where it is, its chapters, a copy of what a build reads, a
build, and a built page parsed."""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
from pathlib import Path

import paths

ROOT = paths.ROOT
# What the Pages workflow sets for its build (the published site, tests/conftest.py).
PUBLISHED_ENV = {
    "SITE_URL": "https://example.org/pytorch-first-steps/",
    "REPO_URL": "https://github.com/example/pytorch-first-steps",
    "EDIT_URI": "blob/main/docs/",
}


@functools.cache
def chapters() -> list:
    """The course's chapters in the nav's order (site_build/course.py). The nav is read as YAML,
    not through load_config, which imports every plugin while tests are collected."""
    import course
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.utils.yaml import get_yaml_loader, yaml_load

    nav = yaml_load((ROOT / paths.CONFIG).read_text(), get_yaml_loader(config=MkDocsConfig()))["nav"]
    return course.chapters(nav, ROOT / paths.DOCS)


def copy_project(destination: Path, with_cache: bool = True) -> Path:
    """What building the site needs, copied; the snippet cache too unless a cold start is wanted."""
    ignored = shutil.ignore_patterns("__pycache__", ".lock")
    for name in paths.BUILD_INPUTS + ((".cache",) if with_cache else ()):
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, destination / name, ignore=ignored, dirs_exist_ok=True)
        else:
            shutil.copy(ROOT / name, destination / name)
    # The installed Node packages (Temml, the math font) are linked, not copied.
    if (ROOT / "node_modules").exists() and not (destination / "node_modules").exists():
        (destination / "node_modules").symlink_to(ROOT / "node_modules")
    return destination


def mkdocs_build(
    config: Path, site_dir: Path, *options: str, env: dict | None = None, python: tuple = (), **popen
):
    """`mkdocs build` in a fresh process, as a reader or CI runs it (python: options of Python's own)."""
    return subprocess.run(
        [
            sys.executable,
            *python,
            "-m",
            "mkdocs",
            "build",
            "--config-file",
            str(config),
            "--site-dir",
            str(site_dir),
            *options,
        ],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        cwd=config.parent,
        timeout=600,
        **popen,
    )


@functools.cache
def built_page(html: Path):
    """A built page's HTML, parsed once per test worker and shared: the tests only read it (a
    dozen of them read every page, and parsing them all takes most of a second)."""
    from bs4 import BeautifulSoup

    return BeautifulSoup(html.read_text(), "html.parser")
