"""The mini and built-in editions as fixtures for the storage tests."""

from __future__ import annotations

import pytest

from roam.errors import SourceError
from roam.framework import load_framework
from roam.framework.model import Framework
from tests.helpers.files import MINI_FRAMEWORK


@pytest.fixture(scope="session")
def mini() -> Framework:
    return load_framework(MINI_FRAMEWORK)


@pytest.fixture(scope="session")
def built_in() -> Framework:
    try:
        return load_framework()
    except SourceError as exc:
        pytest.skip(f"the built-in edition does not load yet: {exc.lines[0]}")
