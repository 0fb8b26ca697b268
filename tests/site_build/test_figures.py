"""A figure written once on a page becomes a sized, lazy light and dark pair."""

from __future__ import annotations

import figures
import pytest

SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="360pt" height="180.5pt" viewBox="0 0 360 180.5"></svg>'


def test_one_figure_becomes_a_light_and_a_dark_image(tmp_path):
    (tmp_path / "fit.svg").write_text(SVG)
    html = '<p>Before</p>\n<img alt="A line through three points" src="../figures/train/fit.svg" />\n'
    asked = []

    def figure_file(src):
        asked.append(src)
        return tmp_path / "fit.svg"

    out = figures.add_dark_twins(html, figure_file)
    assert asked == ["../figures/train/fit.svg"]
    # 360 x 180.5 points are 480 x 241 CSS px, shown a fifth larger (figures.WIDE_SCALE)
    common = 'alt="A line through three points" width="576" height="289" loading="lazy"'
    assert out == (
        f'<p>Before</p>\n<img {common} src="../figures/train/fit.svg#only-light" />\n'
        f'<img {common} src="../figures/train/fit-dark.svg#only-dark" />\n'
    )


def test_images_that_are_not_figures_or_choose_their_variant_are_left_alone():
    html = '<img alt="logo" src="assets/logo.svg" /><img alt="x" src="figures/a/b.svg#only-dark" />'
    assert figures.add_dark_twins(html, lambda src: pytest.fail(f"asked for {src}")) == html


def test_an_svg_without_a_size_is_an_error(tmp_path):
    (tmp_path / "odd.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"></svg>')
    with pytest.raises(ValueError, match=r"odd\.svg: no width and height"):
        figures.add_dark_twins('<img alt="a" src="figures/x/odd.svg">', lambda src: tmp_path / "odd.svg")


def test_a_figure_drawn_narrow_too_becomes_a_picture_for_phones(tmp_path):
    (tmp_path / "fit.svg").write_text(SVG)
    narrow = SVG.replace('width="360pt" height="180.5pt"', 'width="330pt" height="450pt"')
    (tmp_path / "fit-narrow.svg").write_text(narrow)
    (tmp_path / "fit-narrow-dark.svg").write_text(narrow)
    html = '<img alt="A line" src="figures/train/fit.svg" />'
    light, dark = figures.add_dark_twins(html, lambda src: tmp_path / "fit.svg").split("\n")
    image = '<img alt="A line" width="576" height="289" loading="lazy"'
    image += ' src="figures/train/fit.svg#only-light" />'
    assert light == (
        f'<picture><source media="{figures.NARROW_MEDIA}" srcset="figures/train/fit-narrow.svg#only-light"'
        f' width="440" height="600" />{image}</picture>'
    )
    assert dark.startswith("<picture>") and 'srcset="figures/train/fit-narrow-dark.svg#only-dark"' in dark


def test_the_line_break_before_a_caption_goes(tmp_path):
    (tmp_path / "fit.svg").write_text(SVG)
    image = '<img alt="A line" src="figures/fit.svg" />'
    html = f"<figure>\n{image}\n<br />\n<figcaption>Fit.</figcaption>\n</figure>"
    out = figures.add_dark_twins(html, lambda src: tmp_path / "fit.svg")
    assert "<br" not in out and out.endswith('#only-dark" />\n<figcaption>Fit.</figcaption>\n</figure>')
    kept = '<p><img alt="A line" src="figures/fit.svg" /><br />text</p>'
    assert "<br />text" in figures.add_dark_twins(kept, lambda src: tmp_path / "fit.svg")
