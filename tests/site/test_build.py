"""The site builds strictly, shows what the snippets made, and fails loudly when something is wrong."""

from __future__ import annotations

import json
import logging
import re
import shutil
import subprocess
import sys
import textwrap
import xml.etree.ElementTree as ET
from pathlib import Path

import course
import paths
import pytest
from bs4 import BeautifulSoup
from support.project import ROOT, built_page, chapters, copy_project, mkdocs_build


def page(site: Path, name: str) -> BeautifulSoup:
    return built_page(site / name / "index.html")


def test_every_figure_on_a_page_exists_in_both_variants(site):
    soup = page(site, "linear-regression")
    light = [img["src"] for img in soup.select('img[src$="#only-light"]')]
    dark = [img["src"] for img in soup.select('img[src$="#only-dark"]')]
    assert len(light) == (ROOT / paths.DOCS / "linear-regression.md").read_text().count("](figures/") > 0
    assert [src.replace(".svg#only-light", "-dark.svg#only-dark") for src in light] == dark
    for src in light + dark:
        svg = (site / "linear-regression" / src.split("#")[0]).resolve()
        assert ET.parse(svg).getroot().tag == "{http://www.w3.org/2000/svg}svg", src
    for img in soup.select("article img"):  # the figures (the header logo is decoration)
        assert len(img["alt"]) > 40, f"{img['src']} needs a description"


def test_pages_are_a_course_each_linking_to_the_previous_and_next(site):
    from mkdocs.config import load_config

    def pages(nav):
        for item in nav:
            value = next(iter(item.values())) if isinstance(item, dict) else item
            yield from pages(value) if isinstance(value, list) else [value]

    nav = load_config(str(ROOT / paths.CONFIG))["nav"]
    order = list(pages(nav))
    urls = [paths.page_url(page) for page in order]
    # The home page lists the chapters in the same order, made from the nav (site_build/course.py).
    home = built_page(site / "index.html")
    listed = [li.select_one("a")["href"] for li in home.select("article ol > li")]
    assert listed == [paths.page_url(c.page) for c in course.chapters(nav, ROOT / paths.DOCS)]
    assert len(listed) >= 7 and all(url in urls for url in listed)
    # Every page's navigation numbers the chapters as the home page does, each by its own title,
    # and says which are optional (docs/curvature.md is).
    titles = [built_page(site / url / "index.html").h1.get_text().strip("¶ ") for url in listed]
    optional = [c.optional for c in course.chapters(nav, ROOT / paths.DOCS)]
    assert any(optional)
    for i, url in enumerate(urls):
        soup = built_page(site / url / "index.html")
        links = [number.parent for number in soup.select(".md-nav--primary a.md-nav__link > .nav-number")]
        numbered = [
            (a.select_one(".nav-number").get_text(), a.select_one(".md-ellipsis").get_text().strip())
            for a in links
        ]
        assert numbered == [(str(n), title) for n, title in enumerate(titles, start=1)], url
        assert ["optional" in a["class"] for a in links] == optional, url
        prev = soup.select_one("a.md-footer__link--prev")
        after = soup.select_one("a.md-footer__link--next")
        here = site / url
        if i > 0:
            assert (here / prev["href"]).resolve() == (site / urls[i - 1]).resolve()
        if i < len(urls) - 1:
            assert (here / after["href"]).resolve() == (site / urls[i + 1]).resolve()


def test_each_chapter_ends_its_lesson_with_what_to_remember(site):
    """After its last lesson and before its exercises (the note of what differs from the original
    may come between, an optional section, and the last chapter's reading list), each chapter sums
    up in a few points."""
    for chapter in chapters():
        soup = page(site, paths.page_url(chapter.page).rstrip("/"))
        try_it = soup.select_one("article h2#try-it")
        recap = try_it.find_previous("div", class_="key-idea")
        assert recap is not None and recap.select_one(".admonition-title").get_text() == "What to remember"
        assert recap.find_parent("section", class_="optional") is None, (
            f"{chapter.key}: its recap is optional"
        )
        between = [
            h2["id"]
            for h2 in recap.find_all_next("h2")
            if h2.sourceline < try_it.sourceline and "optional" not in h2.get("class", [])
        ]
        assert between in ([], ["where-to-read-on"]), f"{chapter.key}: {between} between its recap and Try it"
        assert len(recap.select("li")) >= 4, chapter.key
        # What differs from the original, where a chapter says it, comes after the recap, as a
        # rule: linear regression's stood halfway through its lesson.
        for differs in soup.select("article details.note"):
            if differs.summary.get_text().startswith("What differs"):
                assert recap.sourceline < differs.sourceline < try_it.sourceline, chapter.key


def test_page_shows_the_training_log_of_the_run(site):
    text = page(site, "linear-regression").get_text()
    assert "Epoch 2000/2000 W: 1.997, b: 0.006 Cost: 0.000005" in text
    assert "dcost/dW: by hand -18.6667, autograd -18.6667" in text


def test_math_is_mathml_with_no_latex_left(site):
    soup = page(site, "linear-regression")
    assert len(soup.select('math[display="block"]')) >= 5
    assert len(soup.select('math[display="inline"]')) >= 10
    text = soup.select_one("article").get_text()
    for leftover in ("\\(", "\\)", "\\[", "\\]", "$$", "\\frac"):
        assert leftover not in text


def test_site_loads_nothing_from_other_hosts(site):
    """No CDN, no web fonts: every script, stylesheet and image is the site's own."""
    for html in site.rglob("*.html"):
        soup = built_page(html)
        loaded = [s["src"] for s in soup.find_all(["script", "img"], src=True)]
        loaded += [
            link["href"] for link in soup.find_all("link", href=True) if link.get("rel") != ["canonical"]
        ]
        assert loaded, html
        for url in loaded:
            assert not url.startswith(("http:", "https:", "//")), f"{html}: {url}"


@pytest.mark.slow
def test_warm_build_imports_neither_torch_nor_matplotlib(published):
    """A prose-only rebuild reuses the cache: it must not even import torch (the published build,
    made from the session's warm cache, is one)."""
    assert published.imported == frozenset()


# Small sites of their own, to see the build fail (and, once, succeed).
def small_site(folder: Path, page: str, snippet: str) -> Path:
    (folder / "docs").mkdir(parents=True)
    (folder / "snippets").mkdir()
    (folder / "docs" / "index.md").write_text(textwrap.dedent(page))
    (folder / "snippets" / "example.py").write_text(textwrap.dedent(snippet))
    config = folder / "mkdocs.yml"
    config.write_text(
        textwrap.dedent(
            f"""\
            site_name: failing
            strict: true
            hooks: [{ROOT / "site_build" / "mkdocs_hooks.py"}]
            markdown_extensions:
              - pymdownx.arithmatex:
                  generic: true
              - pymdownx.snippets:
                  base_path: [!relative $config_dir]
                  check_paths: true
            """
        )
    )
    return config


BROKEN = [
    pytest.param(
        "# Page\n",
        'x = 1\n\nraise RuntimeError("the model diverged")\n',
        "snippet failed: snippets/example.py:3: RuntimeError: the model diverged",
        id="a snippet raises: its file and line",
    ),
    pytest.param(
        "# Page\n",
        "x = 1\nif x = 2:\n    pass\n",
        "snippet failed: snippets/example.py:2: SyntaxError:",
        id="a snippet does not parse: its file and line",
    ),
    pytest.param(
        '# Page\n\n```python\n--8<-- "snippets/example.py:nope"\n```\n',
        "# --8<-- [start:yes]\nprint(1)\n# --8<-- [end:yes]\n",
        'docs/index.md:4: "snippets/example.py" has no section "nope"',
        id="an include names a missing section: page and line",
    ),
    pytest.param(
        '# Page\n\nText.\n\n```python\n--8<-- "snippets/gone.py"\n```\n',
        "print(1)\n",
        'docs/index.md:6: the included file "snippets/gone.py" does not exist',
        id="an include names a missing file: page and line",
    ),
    pytest.param(
        "# Page\n\n![A plot](figures/example/plot.svg)\n",
        'print("no figure here")\n',
        "figures/example/plot.svg",
        id="a page shows a figure no snippet drew",
    ),
    pytest.param(
        "# Page\n\n$$\n\\foo{x}\n$$\n",
        'print("fine")\n',
        "index.md: cannot render `\\foo{x}`: Unsupported function name: \\foo",
        id="a formula uses an unknown command: the page and the command",
    ),
    pytest.param(
        "# Page\n\nSee $\\frac{1}{2$.\n",
        'print("fine")\n',
        "index.md: cannot render `\\frac{1}{2`: Unexpected end of input in a macro argument",
        id="a formula has an unbalanced brace",
    ),
]
DRAWN = """\
    import matplotlib.pyplot as plt

    plt.figure(num="plot")
    plt.plot([0, 1])
    plt.show()
    """
SMALL_SITES = {
    **{case.id: case.values[:2] for case in BROKEN},
    "a figure the snippet drew": ("# Page\n\n![A plot](figures/example/plot.svg)\n", DRAWN),
}

# `mkdocs build` as its command line runs it, for each small site in turn, in one Python: each in
# its own process paid its own start and its own import of torch (about 5 s, eight times). What
# each build printed is told apart by a line the driver writes before it.
BUILD_EACH = """\
import json, os, sys, traceback
from mkdocs.__main__ import cli

for name, config, site in json.loads(sys.argv[1]):
    print(f"=== {name}", file=sys.stderr, flush=True)
    os.chdir(os.path.dirname(config))
    try:
        cli.main(["build", "--config-file", config, "--site-dir", site], standalone_mode=False)
        status = 0
    except SystemExit as exit:
        status = exit.code or 0
    except Exception as error:
        show = getattr(error, "show", None)
        show() if show else traceback.print_exc()
        status = 1
    print(f"=== {name} exit {status}", file=sys.stderr, flush=True)
"""


@pytest.fixture(scope="module")
def small_site_builds(tmp_path_factory) -> dict[str, tuple[int, str, Path]]:
    """Every small site built, by name: (exit status, what the build printed to stderr, its site)."""
    folder = tmp_path_factory.mktemp("small-sites")
    jobs = []
    for number, (name, (page, snippet)) in enumerate(SMALL_SITES.items()):
        config = small_site(folder / str(number), page, snippet)
        jobs.append([name, str(config), str(config.parent / "site")])
    result = subprocess.run(
        [sys.executable, "-c", BUILD_EACH, json.dumps(jobs)], capture_output=True, text=True, timeout=600
    )
    builds = {}
    for name, _, site in jobs:
        start = result.stderr.index(f"=== {name}\n") + len(f"=== {name}\n")
        end = result.stderr.index(f"=== {name} exit ", start)
        status = int(result.stderr[end:].split("\n", 1)[0].rsplit(" ", 1)[1])
        builds[name] = (status, result.stderr[start:end], Path(site))
    return builds


@pytest.mark.slow
@pytest.mark.parametrize("name, complaint", [(case.id, case.values[2]) for case in BROKEN])
def test_the_build_stops_loudly(small_site_builds, name, complaint):
    status, printed, _ = small_site_builds[name]
    assert status != 0
    errors = [line for line in printed.splitlines() if line.startswith(("ERROR", "WARNING"))]
    assert any(complaint in line for line in errors), printed
    assert "gallery.py" not in printed and "site-packages" not in printed  # no internals


@pytest.mark.slow
def test_a_figure_the_snippet_drew_is_served(small_site_builds):
    status, printed, site = small_site_builds["a figure the snippet drew"]
    assert status == 0, printed
    assert (site / "figures" / "example" / "plot-dark.svg").exists()


def test_the_home_page_installs_the_versions_the_site_ran_with():
    """The home page's pip commands name exactly the pins of requirements.txt."""
    pins = dict(
        line.split("==") for line in (ROOT / "requirements.txt").read_text().splitlines() if "==" in line
    )
    home = (ROOT / "docs" / "index.md").read_text()
    shown = re.findall(r"pip install ([\w-]+)==([\w.]+)", home)
    assert {name for name, _ in shown} >= {"torch", "matplotlib"}
    for name, version in shown:
        assert pins[name] == version, f"docs/index.md installs {name}=={version}, the site uses {pins[name]}"


def test_a_link_to_a_missing_heading_stops_the_build():
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    assert config["strict"] is True
    assert config["validation"]["links"]["anchors"] == logging.WARNING


@pytest.mark.slow
def test_a_new_chapter_is_its_page_its_snippet_its_test_and_one_nav_line(tmp_path):
    """The README's "Adding a chapter", followed in a copy of the project: nothing else is touched."""
    project = copy_project(tmp_path / "project")
    shutil.copytree(ROOT / "tests", project / "tests", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", project)
    (project / "docs" / "scratch.md").write_text(
        '---\ndescription: "A throwaway chapter, to show what adding one takes."\n---\n\n# Scratch\n\n'
        '```python\n--8<-- "snippets/scratch/hello.py:count"\n```\n\n'
        '```text title="Output"\n--8<-- "scratch/hello/output.txt:count"\n```\n\n'
        "![Three points on a rising line, drawn by the scratch snippet](figures/scratch/hello/points.svg)\n"
    )
    (project / "snippets" / "scratch").mkdir()
    (project / "snippets" / "scratch" / "hello.py").write_text(
        "import matplotlib.pyplot as plt\n\n# --8<-- [start:count]\nprint('three points:', 3)\n"
        "# --8<-- [end:count]\nplt.subplots(num='points')\nplt.plot([1, 2, 3])\nplt.show()\n"
    )
    (project / "tests" / "chapters" / "test_scratch.py").write_text(
        "from support.captured import section_output\n\n\n"
        "def test_it_counts(rendered):\n"
        "    assert section_output(rendered, 'scratch/hello', 'count') == 'three points: 3\\n'\n"
    )
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text().replace(
            "  - judging-a-classifier.md", "  - scratch.md\n  - judging-a-classifier.md"
        )
    )

    result = mkdocs_build(config, project / "site", "--strict")
    assert result.returncode == 0, result.stderr
    home = BeautifulSoup((project / "site" / "index.html").read_text(), "html.parser")
    listed = {li.select_one("a")["href"]: li.get_text() for li in home.select("article ol > li")}
    assert "A throwaway chapter" in listed["scratch/"]
    chapter = BeautifulSoup((project / "site" / "scratch" / "index.html").read_text(), "html.parser")
    assert "three points: 3" in chapter.select_one("article").get_text()
    assert [img["src"] for img in chapter.select("article img")] == [
        "../figures/scratch/hello/points.svg#only-light",
        "../figures/scratch/hello/points-dark.svg#only-dark",
    ]
    tests = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-n",
            "0",
            "-p",
            "no:cacheprovider",
            "tests/chapters/test_scratch.py",
        ],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert tests.returncode == 0, tests.stdout + tests.stderr
    assert "1 passed" in tests.stdout


def test_serve_watches_every_build_input_outside_docs():
    """mkdocs serve reloads on a change to anything the build reads (site_build/paths.py lists it)."""
    from mkdocs.config import load_config

    watched = {Path(p).name for p in load_config(str(ROOT / paths.CONFIG))["watch"]}
    assert watched == set(paths.BUILD_INPUTS) - {paths.DOCS, paths.CONFIG}


def test_a_page_asks_early_for_the_fonts_it_draws(site):
    """The fonts come with the stylesheets, so the text is not laid out again (and shifted) when
    they arrive: Lighthouse measured a layout shift of 0.1 on the sigmoid page without this."""
    head = built_page(site / "sigmoid" / "index.html").head
    preloaded = [link["href"] for link in head.select('link[rel="preload"][as="font"]')]
    assert preloaded == [
        f"../assets/fonts/{name}"
        for name in (
            "text.woff2",
            "text-bold.woff2",
            "code.woff2",
            "noto-sans-math.woff2",
            "noto-sans-kr.woff2",
        )
    ]
    assert all((site / "sigmoid" / href).resolve().is_file() for href in preloaded)
    assert all(link.has_attr("crossorigin") for link in head.select('link[rel="preload"][as="font"]'))


def test_a_page_load_does_not_restyle_every_element_for_the_palette(site):
    """Material's palette stylesheet is served without its switching rule (site_build/theme_patches.py),
    and it is the site's copy that the pages link."""
    [sheet] = site.glob("assets/stylesheets/palette.*.min.css")
    assert "data-md-color-switching" not in sheet.read_text()
    assert "[data-md-color-scheme=slate]" in sheet.read_text()  # the rest of it is there
    links = [link["href"] for link in page(site, "sigmoid").select('link[rel="stylesheet"]')]
    assert f"../assets/stylesheets/{sheet.name}" in links


def test_heading_links_carry_no_title_for_material_to_make_a_tooltip_of(site):
    """Material mounts a tooltip for every title in a page's text as the page loads (mkdocs.yml's
    toc says what that cost); the glossary's terms are what the tooltips are for."""
    chapters = [path for path in site.glob("*/index.html") if path.parent.name not in {"assets", "search"}]
    assert len(chapters) >= 11
    for path in chapters:
        soup = built_page(path)
        assert soup.select("a.headerlink"), path
        assert soup.select("a.headerlink[title]") == [], path
    assert page(site, "linear-regression").select("abbr[title]")


def test_code_that_only_draws_is_collapsed_on_every_page(site):
    """The rule for drawing code: it runs, is tested and goes home with the downloads, but on the page
    it waits in a collapsed box ("The code for this figure"), so that the lesson reads straight. (The
    notebook page shows its cells as a notebook does.)"""
    drawing = 0
    for markdown in sorted((ROOT / paths.DOCS).glob("*.md")):
        url = paths.page_url(markdown.relative_to(ROOT / paths.DOCS))
        soup = built_page(site / url / "index.html")
        for block in soup.select("article div.language-python"):
            if "plt.show()" in block.get_text():
                drawing += 1
                box = block.find_parent("details")
                assert box is not None and not box.has_attr("open"), (url, block.get_text()[:80])
                assert "figure-code" in box["class"], (url, box["class"])  # its own look (extra.css)
    assert drawing >= 12
