"""Fixtures for the terminal UI tests: assessment files on disk and a private data dir."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from roam.assessment.create import new_assessment
from roam.assessment.loader import load_assessment
from roam.assessment.model import Evidence
from roam.assessment.storage import save_assessment
from roam.framework.loader import load_framework
from roam.tui.settings import DATA_DIR_ENV
from tests.helpers.tui import CREATED, MINI, TODAY


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Recent files and settings go to a temporary folder, never the user's."""
    folder = tmp_path / "roam-data"
    monkeypatch.setenv(DATA_DIR_ENV, str(folder))
    return folder


@pytest.fixture
def mini_file(tmp_path: Path) -> Path:
    """A fresh full-scope assessment of the mini edition: six not-assessed indicators."""
    framework = load_framework(MINI)
    path = tmp_path / "kenya.yaml"
    assessment = new_assessment(
        framework, country="Kenya", iso="KEN", scope="full", path=path, created=CREATED
    )
    save_assessment(assessment, path, framework)
    return path


@pytest.fixture(scope="session")
def _demo_master(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from roam.demo import make_demo

    framework = load_framework()
    path = tmp_path_factory.mktemp("demo") / "examplia.yaml"
    # Dates relative to the same fixed "today" as the checks: the pictures never drift.
    save_assessment(make_demo(framework, path=path, today=TODAY), path, framework)
    return path


@pytest.fixture
def demo_file(_demo_master: Path, tmp_path: Path) -> Iterator[Path]:
    """A private copy of the demo assessment (303 indicators of the built-in edition)."""
    path = tmp_path / "examplia.yaml"
    shutil.copyfile(_demo_master, path)
    yield path


@pytest.fixture
def answered_file(mini_file: Path) -> Path:
    """The mini assessment with R.A.1.a answered 'mid' by the team."""
    framework = load_framework(MINI)
    assessment = load_assessment(mini_file)
    answer = assessment.answers["R.A.1.a"]
    answer.status, answer.level = "answered", "mid"
    answer.justification = "The act exists but courts rarely apply it."
    answer.evidence = [Evidence(kind="law_or_regulation", citation="Access Act 2019")]
    save_assessment(assessment, mini_file, framework)
    return mini_file
