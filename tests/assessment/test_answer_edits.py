"""Every committed edit of an answer is recorded once, with the old and the new value."""

from __future__ import annotations

import datetime as dt

import pytest

from roam.assessment.answer_edits import set_answer_field
from roam.assessment.model import Answer, Evidence

WHEN = dt.datetime(2024, 5, 2, 14, 30, tzinfo=dt.UTC)


def test_a_change_is_recorded_with_old_and_new() -> None:
    answer = Answer()
    assert set_answer_field(answer, "status", "answered", "ana", WHEN)
    assert answer.status == "answered"
    [change] = answer.history
    assert (change.field, change.old, change.new, change.who, change.time) == (
        "status",
        "not_assessed",
        "answered",
        "ana",
        WHEN,
    )


def test_setting_the_same_value_records_nothing() -> None:
    answer = Answer(level="mid")
    assert not set_answer_field(answer, "level", "mid", "ana", WHEN)
    assert answer.history == []


def test_each_edit_appends_in_order() -> None:
    answer = Answer(status="answered")
    for level in ("low", "mid", "mid", "high"):
        set_answer_field(answer, "level", level, "ana", WHEN)
    assert [(c.old, c.new) for c in answer.history] == [
        (None, "low"),
        ("low", "mid"),
        ("mid", "high"),
    ]


def test_nested_review_state_is_recorded_under_its_dotted_name() -> None:
    answer = Answer()
    set_answer_field(answer, "review.state", "queried", "liaison", WHEN)
    assert answer.review.state == "queried"
    assert [(c.field, c.old, c.new) for c in answer.history] == [
        ("review.state", "draft", "queried")
    ]


def test_evidence_change_is_stored_as_plain_data() -> None:
    answer = Answer()
    source = Evidence(kind="report", citation="Annual report", published=dt.date(2023, 1, 31))
    set_answer_field(answer, "evidence", [source], "ana", WHEN)
    assert answer.evidence == [source]
    assert answer.history[0].old == []
    assert answer.history[0].new == [
        {
            "kind": "report",
            "citation": "Annual report",
            "location": "",
            "publisher": "",
            "published": "2023-01-31",
            "accessed": None,
            "confidential": False,
        }
    ]


def test_invalid_value_is_refused_and_the_answer_is_unchanged() -> None:
    answer = Answer(status="answered", level="mid")
    with pytest.raises(ValueError, match="status"):
        set_answer_field(answer, "status", "finished", "ana", WHEN)
    with pytest.raises(ValueError, match="either a level or a value"):
        set_answer_field(answer, "value", 3.0, "ana", WHEN)
    assert (answer.status, answer.level, answer.value, answer.history) == (
        "answered",
        "mid",
        None,
        [],
    )


@pytest.mark.parametrize("field", ["history", "colour", "review.colour", "status.x"])
def test_unknown_or_reserved_fields_are_refused(field: str) -> None:
    with pytest.raises(ValueError):
        set_answer_field(Answer(), field, "x", "ana", WHEN)
