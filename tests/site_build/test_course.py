"""The chapter list comes from the nav, and each chapter's summary from its own page."""

from __future__ import annotations

import course
import pytest

NAV = [
    {"Home": "index.md"},
    {"The sigmoid": "sigmoid.md"},
    {"Linear regression": "linear-regression.md"},
    {"Notebook": "simulation.ipynb"},
    {"Reference": [{"Glossary": "glossary.md"}]},
]


def page(folder, name, description, title="Title", optional=False):
    front = f"---\ndescription: {description}\n" + ("optional: true\n" if optional else "") + "---\n"
    (folder / name).write_text((front if description else "") + f"# {title}\n\nText.\n")


def test_chapters_are_the_top_level_pages_in_nav_order(tmp_path):
    page(tmp_path, "sigmoid.md", "Scores into probabilities.")
    page(tmp_path, "linear-regression.md", "A straight line, fitted.")
    found = course.chapters(NAV, tmp_path)
    assert [(c.key, c.title) for c in found] == [
        ("sigmoid", "The sigmoid"),
        ("linear-regression", "Linear regression"),
    ]
    text = course.expand(f"Intro\n\n{course.MARKER}\n\nMore", found)
    assert text == (
        'Intro\n\n<div class="grid cards chapters" markdown>\n\n'
        "1. [**The sigmoid**](sigmoid.md) Scores into probabilities.\n"
        "2. [**Linear regression**](linear-regression.md) A straight line, fitted.\n\n</div>\n\nMore"
    )


def test_a_chapter_without_a_description_is_an_error(tmp_path):
    page(tmp_path, "sigmoid.md", "Scores into probabilities.")
    page(tmp_path, "linear-regression.md", None)
    with pytest.raises(course.CourseError, match=r"linear-regression\.md: a chapter needs a description"):
        course.chapters(NAV, tmp_path)


def test_a_chapter_says_its_place_in_the_course_above_its_title(tmp_path):
    page(tmp_path, "sigmoid.md", "Scores into probabilities.")
    page(tmp_path, "linear-regression.md", "A straight line, fitted.")
    found = course.chapters(NAV, tmp_path)
    nav = [*NAV[:2], {"The simulation": "simulation.ipynb"}, *NAV[2:]]
    assert course.place("linear-regression.md", nav, found) == "Chapter 2 of 2"
    assert course.place("simulation.ipynb", nav, found) == "A notebook, after chapter 1"
    assert course.place("glossary.md", nav, found) is None
    title = '<h1 id="linear-regression">Linear regression</h1>'
    assert (
        course.with_place(title, "Chapter 2 of 2") == '<p class="chapter-place">Chapter 2 of 2</p>\n' + title
    )
    assert course.with_place(title, None) == title


def test_a_chapter_lists_its_sections_under_its_sources(tmp_path):
    page(tmp_path, "sigmoid.md", "Scores into probabilities.")
    page(tmp_path, "linear-regression.md", "A straight line, fitted.")
    found = course.chapters(NAV, tmp_path)
    html = (
        '<h1 id="the-sigmoid">The sigmoid</h1><details class="info"><summary>Sources</summary></details>'
        '<p>Text</p><h2 id="its-shape">Its shape<a class="headerlink" href="#its-shape">¶</a></h2>'
        '<h2 id="try-it">Try it</h2>'
    )
    listed = course.with_contents(html, "sigmoid.md", found)
    assert listed == html.replace(
        "</details>",
        '</details>\n<details class="chapter-contents"><summary>Contents</summary><ol>'
        '<li><a href="#its-shape">Its shape</a></li><li><a href="#try-it">Try it</a></li></ol></details>',
        1,
    )
    assert course.with_contents(html, "glossary.md", found) == html


def test_a_chapter_the_nav_names_no_title_is_named_by_its_page_and_may_be_optional(tmp_path):
    page(tmp_path, "sigmoid.md", "Scores into probabilities.", title="The sigmoid function")
    page(tmp_path, "curvature.md", "How the cost bends.", title="Curvature", optional=True)
    found = course.chapters(["index.md", "sigmoid.md", "curvature.md"], tmp_path)
    assert [(c.title, c.optional) for c in found] == [("The sigmoid function", False), ("Curvature", True)]
    assert course.place("curvature.md", [], found) == "Chapter 2 of 2 · optional"
    (tmp_path / "sigmoid.md").write_text("---\ndescription: Scores.\n---\nNo title.\n")
    with pytest.raises(course.CourseError, match=r"sigmoid\.md: a chapter needs a title"):
        course.chapters(["sigmoid.md"], tmp_path)


def test_the_navigation_numbers_each_chapter_wherever_the_page_is(tmp_path):
    page(tmp_path, "sigmoid.md", "Scores into probabilities.")
    page(tmp_path, "curvature.md", "How the cost bends.", optional=True)
    found = course.chapters(["index.md", "sigmoid.md", "curvature.md"], tmp_path)

    def link(href, active=""):
        return f'<a href="{href}" class="md-nav__link{active}">\n  <span class="md-ellipsis">T</span></a>'

    def numbered(href, number, classes="md-nav__link"):
        return (
            f'<a href="{href}" class="{classes}">\n  <span class="nav-number">{number}</span>'
            '<span class="md-ellipsis">T</span></a>'
        )

    # From the sigmoid's page: its own label and link, the other chapter's, and links to no chapter.
    nav = (
        '<label class="md-nav__link md-nav__link--active" for="__toc">\n  <span class="md-ellipsis">T</span>'
        + link("./", " md-nav__link--active")
        + link("../curvature/")
        + link("..")
        + link("#its-shape")
        + '<label class="md-nav__link" for="__nav_3">\n  <span class="md-ellipsis">T</span>'
    )
    assert course.with_numbers_in_nav(nav, "sigmoid.md", found) == (
        '<label class="md-nav__link md-nav__link--active" for="__toc">\n  <span class="nav-number">1</span>'
        '<span class="md-ellipsis">T</span>'
        + numbered("./", 1, "md-nav__link md-nav__link--active")
        + numbered("../curvature/", 2, "md-nav__link optional")
        + link("..")
        + link("#its-shape")
        + '<label class="md-nav__link" for="__nav_3">\n  <span class="md-ellipsis">T</span>'
    )
    # From the home page, the same chapters by other paths.
    assert course.with_numbers_in_nav(link("sigmoid/") + link("curvature/"), "index.md", found) == (
        numbered("sigmoid/", 1) + numbered("curvature/", 2, "md-nav__link optional")
    )
