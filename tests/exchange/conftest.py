"""Fixtures of the exchange tests: an assessment file on the mini edition, its template."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from roam.assessment.storage import save_assessment
from roam.framework import Framework, load_framework
from tests.helpers.exchange_workbooks import kenya, run
from tests.helpers.files import MINI_FRAMEWORK


@pytest.fixture(scope="session")
def framework() -> Framework:
    return load_framework(MINI_FRAMEWORK)


@pytest.fixture
def assessment_file(tmp_path: Path, framework: Framework) -> Path:
    path = tmp_path / "kenya.yaml"
    save_assessment(kenya(framework, path), path, framework, backup=False)
    return path


@pytest.fixture
def template(assessment_file: Path) -> Path:
    """A data-collection template of the whole assessment, as `roam template` writes it."""
    out = assessment_file.parent / "template.xlsx"
    assert run("template", assessment_file, "-o", out).exit_code == 0
    return out


@pytest.fixture
def no_lock_left(assessment_file: Path) -> Iterator[None]:
    yield
    assert not (assessment_file.parent / f".{assessment_file.name}.lock").exists()
