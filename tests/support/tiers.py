"""Where a check runs: in every `make test`, or in CI's sweep (README, "Where each check runs").

`make test` has a budget (60 s warm on a 2-core machine, `make bench`): a check swept over
every page, scheme and screen runs there on one specimen only, and on the rest in CI
(`make test-all`), and on its own chapter's page in `make test CHAPTER=<key>`.
"""

from __future__ import annotations

import pytest

# The page every `make test` opens for the checks swept over all pages: it has code, display and
# inline formulas, figures in both schemes, tables, tooltips and Korean. CI opens every page.
SPECIMEN = "binary-cross-entropy/"


def sweep(values, *every_run) -> list:
    """A check's parameters: those in every_run run in every `make test`; the others are marked
    slow, so that `make test-all` (what CI runs) covers every page, scheme and screen, and sweep,
    so that `make test CHAPTER=<key>` covers its own page's."""
    marks = [pytest.mark.slow, pytest.mark.sweep]
    return [
        value
        if value in every_run
        else pytest.param(*value, marks=marks)
        if isinstance(value, tuple)
        else pytest.param(value, marks=marks)
        for value in values
    ]
