"""Records read from a file share their sets of given fields, yet each record's stays its own."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from roam.assessment.history import set_answer_field
from roam.assessment.loader import read_assessment
from roam.assessment.model import Answer, Assessment, Evidence
from roam.assessment.storage import save_assessment
from roam.framework.model import Framework

from .builders import small_assessment

WHEN = dt.datetime(2024, 6, 1, tzinfo=dt.UTC)
GIVEN = {"status", "level", "justification", "evidence"}  # what the file gives each answer


@pytest.fixture
def three_alike(tmp_path: Path, mini: Framework) -> Path:
    """Three answers given the same fields, each citing one law."""
    assessment = small_assessment(mini)
    for code in ("R.A.1.a", "R.A.1.b", "O.A.1.a"):
        assessment.answers[code] = Answer(
            status="answered",
            level="mid",
            justification=f"Seen for {code}.",
            evidence=[Evidence(kind="law_or_regulation", citation=f"Act on {code}")],
        )
    path = tmp_path / "kenya.yaml"
    save_assessment(assessment, path, mini)
    return path


def _alike(assessment: Assessment) -> list[Answer]:
    return [assessment.answers[code] for code in ("R.A.1.a", "R.A.1.b", "O.A.1.a")]


@pytest.mark.parametrize("cache", ["off", "on"])
def test_records_given_the_same_fields_share_one_set(
    three_alike: Path, cache: str, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if cache == "off":
        monkeypatch.setenv("ROAM_CACHE_DIR", "off")
    read_assessment(three_alike, cache=True)
    answers = _alike(read_assessment(three_alike, cache=True).assessment)  # from the cache, if on
    first = answers[0].model_fields_set
    assert first == GIVEN
    assert all(answer.model_fields_set is first for answer in answers)
    citations = [answer.evidence[0] for answer in answers]
    assert all(item.model_fields_set is citations[0].model_fields_set for item in citations)


def test_a_record_changed_takes_a_set_of_its_own(three_alike: Path) -> None:
    first, second, third = _alike(read_assessment(three_alike).assessment)
    first.unit = "laws"  # set as an attribute
    set_answer_field(second, "year", 2020, "Amina", WHEN)  # validated by Pydantic
    copied = third.model_copy(update={"confidence": "high"})
    assert "unit" in first.model_fields_set and "year" not in first.model_fields_set
    assert "year" in second.model_fields_set and "unit" not in second.model_fields_set
    assert "confidence" in copied.model_fields_set
    assert third.model_fields_set == GIVEN


def test_the_edition_records_share_their_sets_too(mini: Framework) -> None:
    indicators = [place.indicator for place in mini.iter_places()]
    distinct = {id(indicator.model_fields_set) for indicator in indicators}
    assert len(distinct) < len(indicators)
