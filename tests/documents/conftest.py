"""Fixtures of the draft tests: the mini edition, its assessment that exercises every part
(the report tests' own, from tests/helpers/report_assessment.py), and its draft."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from roam.assessment.model import Assessment
from roam.framework import Framework
from tests.helpers.documents import draft
from tests.helpers.report_assessment import mini_assessment, mini_framework, save_mini_assessment


@pytest.fixture
def framework() -> Framework:
    return mini_framework()


@pytest.fixture
def assessment(framework: Framework) -> Assessment:
    return mini_assessment(framework)


@pytest.fixture
def drafted(tmp_path: Path, assessment: Assessment, framework: Framework) -> Iterator[Path]:
    yield draft(assessment, framework, tmp_path / "draft.docx")


@pytest.fixture
def assessment_file(tmp_path: Path, framework: Framework) -> Path:
    """The mini assessment saved as a file, for the command-line tests."""
    return save_mini_assessment(framework, tmp_path / "examplia.yaml")
