"""measure/screenshots.py: one page, in both schemes and on both screens, as PNGs a person can look at."""

from __future__ import annotations

import pytest
import screenshots
from PIL import Image


@pytest.mark.slow
def test_a_page_is_shot_in_both_schemes_on_both_screens(browser, base_url, tmp_path):
    taken = screenshots.take(browser, base_url, ["glossary/"], tmp_path)
    shots = {path.name: Image.open(path).convert("RGB") for path in taken}
    assert sorted(shots) == [
        f"glossary-{scheme}-{screen}.png"
        for scheme in ("default", "slate")
        for screen in ("desktop", "phone")
    ]
    assert shots["glossary-default-desktop.png"].width == 1280
    assert shots["glossary-default-phone.png"].width == 390 * 2  # the phone's device scale
    # The page's background at the right edge, below the header: light in one scheme, dark in the other.
    x, y = 1275, 300
    assert sum(shots["glossary-default-desktop.png"].getpixel((x, y))) > 600
    assert sum(shots["glossary-slate-desktop.png"].getpixel((x, y))) < 200
