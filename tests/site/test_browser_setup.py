"""Without a browser the browser tests skip with a clear message, except in CI, where they fail."""

from __future__ import annotations

import local_site
import pytest
from support import chromium


@pytest.fixture
def no_chromium(monkeypatch):
    monkeypatch.delenv("CHROMIUM", raising=False)
    monkeypatch.setattr(local_site.shutil, "which", lambda name: None)
    monkeypatch.setattr(local_site, "CHROMIUM", "/nonexistent/chromium")


def test_missing_browser_skips_on_a_developer_machine(no_chromium, monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="apt-get install chromium"):
        chromium.require_chromium()


def test_missing_browser_fails_in_ci(no_chromium, monkeypatch):
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="no Chromium"):
        chromium.require_chromium()


def test_chromium_path_can_be_given(monkeypatch):
    monkeypatch.setenv("CHROMIUM", "/opt/chrome/chrome")
    assert chromium.require_chromium() == "/opt/chrome/chrome"
