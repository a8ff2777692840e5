"""The mini edition as a fixture for the scoring tests."""

from __future__ import annotations

import pytest

from roam.framework.model import Framework
from tests.helpers.scoring_builders import mini_copy


@pytest.fixture
def mini() -> Framework:
    return mini_copy()
