"""The site as the Pages workflow builds it: under a sub-path, with its address and repository set."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from support.project import PUBLISHED_ENV, ROOT

SITE_URL, REPO_URL = PUBLISHED_ENV["SITE_URL"], PUBLISHED_ENV["REPO_URL"]
# A second build of the whole site: CI's (make test-all), like every test that builds a changed copy.
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def published(published):
    return published.site


def soup(path):
    return BeautifulSoup(path.read_text(), "html.parser")


def test_pages_have_canonical_links_and_the_sitemap_full_addresses(published):
    assert soup(published / "sigmoid" / "index.html").select_one('link[rel="canonical"]')["href"] == (
        f"{SITE_URL}sigmoid/"
    )
    addresses = re.findall(r"<loc>([^<]+)</loc>", (published / "sitemap.xml").read_text())
    assert f"{SITE_URL}sigmoid/" in addresses and all(a.startswith(SITE_URL) for a in addresses)


def test_404_finds_its_assets_under_the_sub_path(published):
    page = soup(published / "404.html")
    assets = [tag.get("href") or tag.get("src") for tag in page.select("link[href], script[src], img[src]")]
    local = [a for a in assets if not a.startswith(("http:", "https:", "data:"))]
    assert local and all(a.startswith("/pytorch-first-steps/") for a in local), local
    for address in local:
        assert (published / address.removeprefix("/pytorch-first-steps/").split("#")[0]).is_file(), address


def test_every_page_links_the_repository_and_its_own_source(published):
    page = soup(published / "sigmoid" / "index.html")
    assert page.select_one(f'a.md-source[href="{REPO_URL}"]')
    # No data-md-component="source": Material's script would ask api.github.com for stars.
    assert not page.select('[data-md-component="source"]')
    assert page.select_one(f'a[href="{REPO_URL}/raw/main/docs/sigmoid.md"]'), "no link to the page's source"


def test_logo_and_favicon_are_our_own(published):
    page = soup(published / "index.html")
    icon = page.select_one('link[rel="icon"]')["href"]
    logo = page.select_one(".md-header__button.md-logo img")["src"]
    assert icon == logo == "assets/logo.svg"
    assert (published / logo).read_bytes() == (ROOT / "docs" / "assets" / "logo.svg").read_bytes()


def test_the_home_page_is_a_landing_page(published):
    """A clear start (the first chapter of the nav), one picture from the course, the chapter list."""
    import course
    import paths
    from mkdocs.config import load_config

    first = course.chapters(load_config(str(ROOT / paths.CONFIG))["nav"], ROOT / paths.DOCS)[0]
    page = soup(published / "index.html")
    content = page.select_one("article")
    [start] = content.select("a.md-button--primary")
    assert start["href"] == paths.page_url(first.page) and start.text.startswith("Start")
    # The button comes before the first section, and a figure of the course right after it.
    first_heading = content.select_one("h2")
    assert start.find_next("h2") is first_heading
    figure = start.find_next("figure")
    assert figure.find_next("h2") is first_heading and figure.select_one('img[src*="figures/"]')["alt"]
    assert len(content.select("h2 ~ .chapters ol li a")) >= 7  # what you will learn: every chapter


def test_each_page_with_code_opens_its_notebook_in_colab_from_the_branch_the_workflow_fills(published):
    """Colab opens notebooks from GitHub: the Pages workflow pushes every notebook the site serves
    (site/*/*.ipynb) to take_home.NOTEBOOK_BRANCH, and each button points at one of them."""
    import take_home
    import yaml

    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text())
    [upload] = [s for s in workflow["jobs"]["build"]["steps"] if s.get("with", {}).get("name") == "notebooks"]
    served = {
        path.relative_to(published).as_posix()
        for path in published.glob(upload["with"]["path"].removeprefix("site/"))
    }
    push = workflow["jobs"]["notebooks"]["steps"][-1]["run"]
    assert f"--initial-branch {take_home.NOTEBOOK_BRANCH}" in push and push.rstrip().endswith(
        take_home.NOTEBOOK_BRANCH
    )
    colab = f"https://colab.research.google.com/github/example/pytorch-first-steps/blob/{take_home.NOTEBOOK_BRANCH}/"
    pages = [p for p in published.glob("*/index.html") if (p.parent / f"{p.parent.name}.ipynb").exists()]
    assert len(pages) >= 10
    for page in pages:
        [link] = soup(page).select("div.take-home a:-soup-contains('Open in Colab')")
        assert link["href"].startswith(colab) and link["href"].removeprefix(colab) in served, link["href"]


def test_the_notebooks_need_only_what_colab_has(published):
    """torch and matplotlib, which Colab has, and Python's own modules."""
    import ast
    import sys

    import nbformat

    for path in published.glob("*/*.ipynb"):
        cells = nbformat.read(path, as_version=4).cells
        code = "\n".join(cell.source for cell in cells if cell.cell_type == "code")
        modules = {
            name.split(".")[0]
            for node in ast.walk(ast.parse(code))
            for name in (
                [alias.name for alias in node.names]
                if isinstance(node, ast.Import)
                else [node.module]
                if isinstance(node, ast.ImportFrom) and node.module
                else []
            )
        }
        assert modules and modules <= {"torch", "matplotlib"} | sys.stdlib_module_names, (path.name, modules)
