"""The mini edition's assessment (tests/workbooks/conftest.py), drafted and read back."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from roam.assessment.model import Assessment
from roam.framework import Framework

# Helpers live in tests/helpers; all_text and body_lines stay importable from here for the
# TUI tests.
from tests.helpers.documents import all_text, body_lines, draft  # noqa: F401
from tests.workbooks import conftest as report_fixtures

# The report's fixtures: the mini edition and its assessment that exercises every part.
framework = report_fixtures.framework
assessment = report_fixtures.assessment


@pytest.fixture
def drafted(tmp_path: Path, assessment: Assessment, framework: Framework) -> Iterator[Path]:
    yield draft(assessment, framework, tmp_path / "draft.docx")
