"""Fixtures of the open-data tests: the built-in edition and Examplia with its mapped
indicators emptied (the material itself is in tests/helpers/open_data.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from roam.framework import Framework, load_framework
from tests.helpers.open_data import make_examplia


@pytest.fixture(scope="session")
def framework() -> Framework:
    return load_framework(None)


@pytest.fixture
def examplia(tmp_path: Path, framework: Framework) -> Path:
    return make_examplia(tmp_path, framework)
