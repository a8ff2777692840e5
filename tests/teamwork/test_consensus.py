"""`resolve_conflict`: the team's decision is applied and remembered."""

from __future__ import annotations

import pytest

from roam.assessment.model import AnswerVersion
from roam.teamwork.consensus import resolve_conflict
from roam.teamwork.merge import merge_assessments
from tests.helpers.teamwork_builders import at, evidence, three_files


def test_resolving_applies_the_chosen_version_clears_conflicts_and_records_who() -> None:
    answer = merge_assessments(three_files()).assessment.answers["R.A.1.b"]
    bens = next(v for v in answer.conflicts if v.source == "ben.yaml")

    change = resolve_conflict(answer, bens, "MAB chair", at(20))

    assert (answer.level, answer.justification, answer.conflicts) == (
        "low",
        "Rarely applied.",
        [],
    )
    assert answer.history[-1] is change
    assert (change.who, change.time, change.field) == ("MAB chair", at(20), "consensus")
    assert change.new["source"] == "ben.yaml"
    assert [v["level"] for v in change.old] == ["mid", "low", "mid"]  # what was on the table


def test_the_team_may_agree_on_a_version_no_file_held() -> None:
    answer = merge_assessments(three_files()).assessment.answers["O.A.1.a"]
    agreed = AnswerVersion(
        source="workshop",
        status="answered",
        level="mid",
        justification="x",
        confidence="medium",
        evidence=[evidence("Workshop minutes")],
    )
    resolve_conflict(answer, agreed, "Team", at(21))
    assert (answer.status, answer.level, answer.confidence) == ("answered", "mid", "medium")
    assert answer.conflicts == []
    assert [e.citation for e in answer.evidence] == ["Workshop minutes"]


def test_resolving_adds_the_chosen_evidence_and_removes_none() -> None:
    answer = merge_assessments(three_files()).assessment.answers["R.A.1.b"]
    answer.evidence = [evidence("Kept report")]
    chosen = answer.conflicts[1].model_copy(
        update={"evidence": [evidence("kept REPORT "), evidence("New survey")]}
    )
    resolve_conflict(answer, chosen, "Team", at(22))
    assert [e.citation for e in answer.evidence] == ["Kept report", "New survey"]


def test_a_decision_without_a_name_is_refused() -> None:
    answer = merge_assessments(three_files()).assessment.answers["R.A.1.b"]
    with pytest.raises(ValueError, match="who decided"):
        resolve_conflict(answer, answer.conflicts[1], "  ", at(20))
    assert len(answer.conflicts) == 3
