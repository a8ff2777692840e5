"""Fixtures of the report tests: the mini edition and an assessment that uses every part."""

from __future__ import annotations

from pathlib import Path

import pytest

from roam.assessment.model import Assessment
from roam.framework import Framework
from tests.helpers.report_assessment import mini_assessment, mini_framework


@pytest.fixture
def framework() -> Framework:
    return mini_framework()


@pytest.fixture
def assessment(framework: Framework) -> Assessment:
    return mini_assessment(framework)


@pytest.fixture
def report_path(tmp_path: Path) -> Path:
    return tmp_path / "report.xlsx"
