"""Fixtures shared by every test package."""

from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
MINI_FRAMEWORK = DATA / "frameworks" / "mini.yaml"


@pytest.fixture
def mini_framework_path() -> Path:
    return MINI_FRAMEWORK
