"""Readiness checks: each one triggered, and not triggered, on the mini edition."""

from __future__ import annotations

import datetime as dt

import pytest

from roam.assessment.model import Answer, Comment, Evidence, Review
from roam.framework.model import Framework
from roam.scoring.readiness import readiness
from roam.scoring.result import Finding
from tests.helpers.scoring_builders import MINI_CODES, answered, make_assessment, status

TODAY = dt.date(2025, 6, 15)


def source(published: dt.date | None = None, accessed: dt.date | None = None) -> Evidence:
    return Evidence(
        kind="report", citation="Regulator's annual report", published=published, accessed=accessed
    )


RECENT = source(published=dt.date(2024, 1, 1))


def ready_answers() -> dict[str, Answer]:
    """Every mini indicator answered, justified where needed, with recent evidence."""
    return {
        "C.1.1.a": answered(value=1200, evidence=[RECENT]),
        "R.A.1.a": answered("mid", evidence=[RECENT]),
        "R.A.1.b": answered("low", justification="no case was enforced", evidence=[RECENT]),
        "R.A.2.a": answered(value=40, evidence=[RECENT]),
        "R.B.1.a": status("not_applicable", justification="no journalists' register"),
        "O.A.1.a": status("no_data", justification="never surveyed"),
    }


def findings_for(framework: Framework, **changes: Answer) -> list[Finding]:
    answers = {**ready_answers(), **changes}
    return readiness(make_assessment(answers), framework, today=TODAY)


def checks(findings: list[Finding], code: str) -> list[str]:
    return [finding.check for finding in findings if finding.code == code]


def test_a_finished_assessment_has_no_findings(mini: Framework) -> None:
    assert findings_for(mini) == []


def test_not_assessed_indicators_are_listed(mini: Framework) -> None:
    answers = ready_answers()
    del answers["R.A.2.a"]  # never touched
    answers["O.A.1.a"] = status("not_assessed", justification="")
    findings = readiness(make_assessment(answers), mini, today=TODAY)
    assert [(f.check, f.code) for f in findings] == [
        ("not_assessed", "R.A.2.a"),
        ("not_assessed", "O.A.1.a"),
    ]


def test_indicators_outside_the_scope_are_not_checked(mini: Framework) -> None:
    # core leaves out R.A.1.b and R.B.1.a; nothing is said about them even unanswered
    answers = ready_answers()
    del answers["R.A.1.b"], answers["R.B.1.a"]
    findings = readiness(make_assessment(answers, scope="core"), mini, today=TODAY)
    assert findings == []


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        (status("not_applicable", justification=""), "not applicable without a justification"),
        (status("no_data", justification="  "), "no data without a justification"),
        (answered("low", evidence=[RECENT]), "the lowest level is chosen without a justification"),
    ],
)
def test_missing_justifications(mini: Framework, answer: Answer, message: str) -> None:
    findings = findings_for(mini, **{"R.A.1.a": answer})
    # reported once, not a second time among the answer problems
    assert findings == [Finding("missing_justification", "R.A.1.a", message)]


def test_a_level_above_the_lowest_needs_no_justification(mini: Framework) -> None:
    assert findings_for(mini, **{"R.A.1.a": answered("high", evidence=[RECENT])}) == []


@pytest.mark.parametrize(
    ("code", "answer", "message"),
    [
        ("R.A.1.a", answered(evidence=[RECENT]), "choose a level of the scale"),
        ("R.A.2.a", answered(value=40, year=None, evidence=[RECENT]), "give the year"),
        ("R.A.2.a", answered(value=140, evidence=[RECENT]), "outside the possible range"),
    ],
)
def test_answer_problems_are_listed(
    mini: Framework, code: str, answer: Answer, message: str
) -> None:
    findings = findings_for(mini, **{code: answer})
    assert [f.check for f in findings] == ["answer_problem"]
    assert findings[0].code == code
    assert message in findings[0].message


def test_answered_without_evidence(mini: Framework) -> None:
    findings = findings_for(mini, **{"R.A.1.a": answered("mid")})
    assert findings == [Finding("no_evidence", "R.A.1.a", "answered without any evidence")]


def test_not_applicable_and_no_data_need_no_evidence(mini: Framework) -> None:
    # R.B.1.a and O.A.1.a in ready_answers have none and pass
    assert checks(findings_for(mini), "R.B.1.a") == []
    assert checks(findings_for(mini), "O.A.1.a") == []


@pytest.mark.parametrize(
    ("evidence", "old"),
    [
        (source(published=dt.date(2019, 6, 1)), True),  # six years before TODAY
        (source(published=dt.date(2021, 6, 1)), False),  # four years
        (source(published=dt.date(2020, 6, 15)), False),  # exactly five years: not older
        (source(published=dt.date(2020, 6, 14)), True),  # five years and a day
        (source(accessed=dt.date(2018, 1, 1)), True),  # no publication date: accessed counts
        (source(published=dt.date(2024, 1, 1), accessed=dt.date(2010, 1, 1)), False),
        (source(), False),  # undated: nothing to measure
    ],
)
def test_old_evidence(mini: Framework, evidence: Evidence, old: bool) -> None:
    findings = findings_for(mini, **{"R.A.1.a": answered("mid", evidence=[evidence])})
    assert checks(findings, "R.A.1.a") == (["old_evidence"] if old else [])


def test_old_evidence_names_the_oldest_item(mini: Framework) -> None:
    older = Evidence(kind="survey", citation="Household survey", published=dt.date(2012, 3, 1))
    items = [source(published=dt.date(2015, 1, 1)), older, RECENT]
    findings = findings_for(mini, **{"R.A.1.a": answered("mid", evidence=items)})
    assert findings == [
        Finding(
            "old_evidence",
            "R.A.1.a",
            "2 evidence items are older than 5 years (oldest: Household survey, 2012-03-01)",
        )
    ]


def test_the_age_limit_is_configurable(mini: Framework) -> None:
    answers = ready_answers()
    answers["R.A.1.a"] = answered("mid", evidence=[source(dt.date(2019, 1, 1))])
    assessment = make_assessment(answers)
    assert readiness(assessment, mini, today=TODAY, max_age_years=10) == []
    assert [f.check for f in readiness(assessment, mini, today=TODAY, max_age_years=5)] == [
        "old_evidence"
    ]


def test_age_is_measured_from_29_february(mini: Framework) -> None:
    # five years before 29 February 2024 is 28 February 2019
    answers = ready_answers()
    answers["R.A.1.a"] = answered("mid", evidence=[source(dt.date(2019, 2, 27))])
    findings = readiness(make_assessment(answers), mini, today=dt.date(2024, 2, 29))
    assert [f.check for f in findings] == ["old_evidence"]
    answers["R.A.1.a"] = answered("mid", evidence=[source(dt.date(2019, 2, 28))])
    assert readiness(make_assessment(answers), mini, today=dt.date(2024, 2, 29)) == []


@pytest.mark.parametrize(
    ("state", "open_query"),
    [("queried", True), ("draft", False), ("submitted", False), ("accepted", False)],
)
def test_open_review_queries(mini: Framework, state: str, open_query: bool) -> None:
    comment = Comment(author="Ann", time=dt.datetime(2025, 1, 2), text="Which year is this?")
    review = Review.model_validate({"state": state, "thread": [comment]})
    findings = findings_for(mini, **{"R.A.1.a": answered("mid", evidence=[RECENT], review=review)})
    if open_query:
        assert findings == [
            Finding(
                "open_query",
                "R.A.1.a",
                "a reviewer's query is open; last comment by Ann: Which year is this?",
            )
        ]
    else:
        assert findings == []


def test_an_undecided_conflict_is_a_finding(mini: Framework) -> None:
    from roam.assessment.model import AnswerVersion

    answer = answered("mid", evidence=[RECENT])
    answer.conflicts = [AnswerVersion(source="lena.yaml", status="answered", level="high")]
    assert findings_for(mini, **{"R.A.1.a": answer}) == [
        Finding(
            "open_conflict",
            "R.A.1.a",
            "the merged files differ (lena.yaml); the team decides which version stands",
        )
    ]


def test_findings_come_in_framework_order_then_check_order(mini: Framework) -> None:
    queried = Review(state="queried")
    old = source(published=dt.date(2000, 1, 1))
    answers = {
        # listed out of framework order on purpose
        "O.A.1.a": answered("mid"),
        "R.A.1.b": answered("low", evidence=[old], review=queried),
        "C.1.1.a": status("not_applicable", justification=""),
    }
    findings = readiness(make_assessment(answers), mini, today=TODAY)
    assert [(f.code, f.check) for f in findings] == [
        ("C.1.1.a", "missing_justification"),
        ("R.A.1.a", "not_assessed"),
        ("R.A.1.b", "missing_justification"),
        ("R.A.1.b", "old_evidence"),
        ("R.A.1.b", "open_query"),
        ("R.A.2.a", "not_assessed"),
        ("R.B.1.a", "not_assessed"),
        ("O.A.1.a", "no_evidence"),
    ]
    assert {f.code for f in findings} <= set(MINI_CODES)


def test_a_negative_age_limit_is_refused(mini: Framework) -> None:
    with pytest.raises(ValueError, match="must not be negative"):
        readiness(make_assessment(ready_answers()), mini, max_age_years=-1)
