"""Fixtures shared by every test package."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
MINI_FRAMEWORK = DATA / "frameworks" / "mini.yaml"


# Tests never read or fill the user's own cache of validated files (CLI children
# too).  Set on import, not in a hook: conftest files below this one load an
# edition when pytest imports them, before any hook runs.
_VALIDATED_CACHE = tempfile.mkdtemp(prefix="roam-test-cache-")
os.environ["ROAM_CACHE_DIR"] = _VALIDATED_CACHE


def pytest_unconfigure(config: pytest.Config) -> None:
    shutil.rmtree(_VALIDATED_CACHE, ignore_errors=True)


@pytest.fixture
def mini_framework_path() -> Path:
    return MINI_FRAMEWORK
