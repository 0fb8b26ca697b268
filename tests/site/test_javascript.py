"""The site's own JavaScript: the explorers' numeric functions under node's test runner, and ESLint."""

from __future__ import annotations

import os
import re
import shutil
import subprocess

import pytest
from support.project import ROOT

ESLINT = ROOT / "node_modules" / ".bin" / "eslint"
LINTED = ["docs/javascripts", "tests/js", "eslint.config.js"]


def node(*args: str, **options) -> subprocess.CompletedProcess:
    if shutil.which("node") is None:
        pytest.fail("no node: the build needs Node.js (Temml), and so do these checks", pytrace=False)
    return subprocess.run(["node", *args], cwd=ROOT, capture_output=True, text=True, timeout=120, **options)


def eslint(*args: str, **options) -> subprocess.CompletedProcess:
    if not ESLINT.exists():
        message = "no ESLint in node_modules: `npm ci` installs package-lock.json's"
        if os.environ.get("CI") == "true":
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    return subprocess.run([ESLINT, *args], cwd=ROOT, capture_output=True, text=True, timeout=120, **options)


def test_the_explorers_numbers_pass_their_node_tests():
    result = node("--test", "tests/js/")
    assert result.returncode == 0, result.stdout + result.stderr
    passed = int(re.search(r"^# pass (\d+)$", result.stdout, re.M).group(1))
    assert passed >= 4 and re.search(r"^# fail 0$", result.stdout, re.M)


def test_a_wrong_number_fails_the_node_tests(tmp_path):
    """The runner really checks: a test that expects a wrong loss fails."""
    # Outside the project: test_eslint_finds_nothing may be linting tests/js/ at this moment.
    test = tmp_path / "wrong.test.js"
    module = (ROOT / "docs/javascripts/explorer-math.js").as_uri()
    test.write_text(
        f'import assert from "node:assert/strict";\nimport {{ test }} from "node:test";\n'
        f'import {{ bce }} from "{module}";\n'
        'test("wrong", () => assert.equal(bce([0.5], [1]), 0.5));\n'
    )
    result = node("--test", str(test))
    assert result.returncode != 0 and "# fail 1" in result.stdout


def test_eslint_finds_nothing():
    result = eslint(*LINTED)
    assert result.returncode == 0, result.stdout + result.stderr


def test_eslint_finds_an_unused_variable():
    bad = "export const a = 1;\nconst unused = 2;\n"
    result = eslint("--stdin", "--stdin-filename", "docs/javascripts/bad.js", input=bad)
    assert result.returncode == 1 and "no-unused-vars" in result.stdout
