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


def page(folder, name, description):
    front = f"---\ndescription: {description}\n---\n" if description else ""
    (folder / name).write_text(f"{front}# Title\n")


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
