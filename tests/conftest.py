"""Fixtures shared by every test package."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from tests.helpers.calls import recorded_calls
from tests.helpers.files import MINI_FRAMEWORK

# Tests never read or fill the user's own cache of validated files (CLI children
# too).  Set on import, not in a hook: conftest files below this one load an
# edition when pytest imports them, before any hook runs.
_VALIDATED_CACHE = tempfile.mkdtemp(prefix="roam-test-cache-")
os.environ["ROAM_CACHE_DIR"] = _VALIDATED_CACHE
# Nor the user's key for the cache's entries.
_CONFIG = tempfile.mkdtemp(prefix="roam-test-config-")
os.environ["ROAM_CONFIG_DIR"] = _CONFIG


def pytest_unconfigure(config: pytest.Config) -> None:
    shutil.rmtree(_VALIDATED_CACHE, ignore_errors=True)
    shutil.rmtree(_CONFIG, ignore_errors=True)


@pytest.fixture
def mini_framework_path() -> Path:
    return MINI_FRAMEWORK


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A cache of validated files of the test's own (the folder appears on the first store)."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("ROAM_CACHE_DIR", str(folder))
    return folder


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The assessment files this process parsed (rather than took from the cache)."""
    from roam.assessment import loader

    return recorded_calls(
        monkeypatch, loader, "parse_marked_bytes", lambda raw, shown, *_: Path(shown).name
    )
