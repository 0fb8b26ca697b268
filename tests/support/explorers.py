"""The site's explorers (docs/javascripts/): each one's page and the labels of its sliders.

Apart from support/chromium.py, so that tests/conftest.py can group a test by its explorer's page
without the browser's modules (a copy of the project for a test may have no measure/)."""

EXPLORERS = {
    "sigmoid": ("sigmoid/", ["W (steepness)", "b (shift)"]),
    "steps": ("linear-regression/", ["learning rate"]),
    "threshold": ("judging-a-classifier/", ["threshold"]),
}
