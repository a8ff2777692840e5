"""A file's scores come from the cache only while the file, its edition and roam are unchanged."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from roam.assessment.session import open_assessment
from roam.assessment.storage import save_assessment
from roam.framework import validated_cache as cache
from roam.framework.model import Framework
from roam.scoring import engine
from roam.scoring.remembered import score_of_file
from roam.tui.session import Session
from tests.assessment.builders import mini_ref
from tests.conftest import recorded_calls

from .builders import answered, make_assessment

pytestmark = pytest.mark.usefixtures("cache_dir")  # a cache folder of each test's own


@pytest.fixture
def scorings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The countries scored by the engine (rather than taken from the cache)."""
    return recorded_calls(monkeypatch, engine, "score", lambda assessment, *_: assessment.country)


def _save(path: Path, mini: Framework, level: str) -> None:
    assessment = make_assessment({"R.A.1.a": answered(level), "R.A.2.a": answered(value=40.0)})
    assessment.framework = mini_ref(mini)
    save_assessment(assessment, path, mini)


@pytest.fixture
def saved(tmp_path: Path, mini: Framework) -> Path:
    path = tmp_path / "testland.yaml"
    _save(path, mini, "high")
    return path


def _scores_of(path: Path) -> Any:
    with open_assessment(path, read_only=True) as opened:
        return score_of_file(opened.assessment, opened.framework, opened.disk_sha256)


def test_an_unchanged_file_is_scored_once(saved: Path, scorings: list[str]) -> None:
    first = _scores_of(saved)
    again = _scores_of(saved)
    assert scorings == ["Testland"]
    assert again == first
    with open_assessment(saved, read_only=True) as opened:
        assert again == engine.score(opened.assessment, opened.framework)


def test_a_changed_file_is_scored_again(saved: Path, mini: Framework, scorings: list[str]) -> None:
    before = _scores_of(saved)
    _save(saved, mini, "low")
    after = _scores_of(saved)
    assert scorings == ["Testland", "Testland"]
    assert after != before


def test_another_edition_or_a_missing_hash_is_never_answered_from_the_cache(
    saved: Path, scorings: list[str]
) -> None:
    with open_assessment(saved, read_only=True) as opened:
        score_of_file(opened.assessment, opened.framework, opened.disk_sha256)
        other = opened.framework.model_copy(deep=True)
        other._content_hash = "another edition"
        score_of_file(opened.assessment, other, opened.disk_sha256)
        score_of_file(opened.assessment, opened.framework, "")  # no file behind it
    assert scorings == ["Testland"] * 3


def test_without_a_cache_every_file_is_scored(
    saved: Path, scorings: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(cache.CACHE_DIR_ENV, cache.DISABLED)
    assert _scores_of(saved) == _scores_of(saved)
    assert scorings == ["Testland", "Testland"]


def test_the_tui_session_opens_with_the_remembered_scores(saved: Path, scorings: list[str]) -> None:
    Session.open(saved).close()
    session = Session.open(saved)
    try:
        assert scorings == ["Testland"]
        remembered = session.report
        assert session.edit_answer("R.A.1.a", {"level": "low"})  # an edit scores anew
        assert scorings == ["Testland", "Testland"]
        assert remembered is not None and session.report is not None
        assert session.report.overall.score != remembered.overall.score
    finally:
        session.close()
