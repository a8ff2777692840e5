"""Properties of the aggregation that must hold for any answers and any weights."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from roam.assessment.model import Assessment
from roam.framework.model import Framework
from roam.scoring.engine import score
from roam.scoring.result import NodeScore, ScoreReport, ScoringRules
from tests.helpers.scoring_builders import MINI_CODES, answered, make_assessment, mini_copy, status

ALL_RULES = [
    ScoringRules(no_data_as_zero=zero, equal_indicator_weights=equal, mean=mean)
    for zero in (False, True)
    for equal in (False, True)
    for mean in ("arithmetic", "geometric")
]

STATUS_ANSWERS = st.sampled_from(["not_applicable", "no_data", "not_assessed"]).map(status)
LEVELS = st.sampled_from(["low", "mid", "high"]).map(answered)
PERCENT = st.floats(0, 100, allow_nan=False).map(lambda v: answered(value=v))
ANY_NUMBER = st.floats(-1e6, 1e6, allow_nan=False).map(lambda v: answered(value=v))
# One strategy per mini indicator; None means no answer recorded yet.
ANSWER_FOR = {
    "C.1.1.a": st.none() | STATUS_ANSWERS | ANY_NUMBER,
    "R.A.1.a": st.none() | STATUS_ANSWERS | LEVELS,
    "R.A.1.b": st.none() | STATUS_ANSWERS | LEVELS,
    "R.A.2.a": st.none() | STATUS_ANSWERS | PERCENT,
    "R.B.1.a": st.none() | STATUS_ANSWERS | ANY_NUMBER,
    "O.A.1.a": st.none() | STATUS_ANSWERS | LEVELS,
}
WEIGHT = st.floats(0.1, 10, allow_nan=False)


@st.composite
def assessments(draw: st.DrawFn) -> Assessment:
    answers = {code: draw(strategy) for code, strategy in ANSWER_FOR.items()}
    scope = draw(st.sampled_from(["full", "core"]))
    return make_assessment({c: a for c, a in answers.items() if a is not None}, scope=scope)


@st.composite
def weighted_frameworks(draw: st.DrawFn) -> Framework:
    """The mini edition with a random weight on every node."""
    framework = mini_copy()
    for item in _weighted_items(framework):
        item.weight = draw(WEIGHT)
    return framework


def _weighted_items(framework: Framework) -> Iterator[object]:
    for category in framework.categories:
        yield category
        for theme in category.themes:
            yield theme
            for question in theme.questions:
                yield question
                yield from question.indicators


def scores(report: ScoreReport) -> dict[str, float | None]:
    """Every node's score by code (the overall one as 'overall')."""
    found: dict[str, float | None] = {}

    def walk(node: NodeScore) -> None:
        found[node.code] = node.score
        for child in node.children:
            walk(child)

    walk(report.overall)
    return found


@settings(max_examples=150, deadline=None)
@given(assessments(), weighted_frameworks(), st.sampled_from(ALL_RULES))
def test_every_score_lies_between_0_and_100(
    assessment: Assessment, framework: Framework, rules: ScoringRules
) -> None:
    report = score(assessment, framework, rules)
    values = [*scores(report).values()]
    values += [v for by_code in report.robustness.values() for v in by_code.values()]
    assert all(v is None or 0.0 <= v <= 100.0 for v in values)


@settings(max_examples=150, deadline=None)
@given(assessments(), weighted_frameworks(), st.sampled_from(ALL_RULES), st.data())
def test_adding_a_not_applicable_answer_changes_no_score(
    assessment: Assessment, framework: Framework, rules: ScoringRules, data: st.DataObject
) -> None:
    unanswered = [code for code in MINI_CODES if code not in assessment.answers]
    if not unanswered:
        return
    code = data.draw(st.sampled_from(unanswered))
    before = scores(score(assessment, framework, rules))
    changed = assessment.model_copy(deep=True)
    changed.answers[code] = status("not_applicable")
    assert scores(score(changed, framework, rules)) == before


@settings(max_examples=150, deadline=None)
@given(
    assessments(),
    weighted_frameworks(),
    st.sampled_from([rules for rules in ALL_RULES if not rules.no_data_as_zero]),
)
def test_no_data_as_zero_never_raises_a_score(
    assessment: Assessment, framework: Framework, rules: ScoringRules
) -> None:
    default = scores(score(assessment, framework, rules))
    zero = scores(score(assessment, framework, replace(rules, no_data_as_zero=True)))
    assert zero.keys() == default.keys()
    for code, value in default.items():
        if value is not None:
            assert zero[code] is not None and zero[code] <= value + 1e-9, code


@settings(max_examples=150, deadline=None)
@given(
    assessments(),
    weighted_frameworks(),
    st.sampled_from(ALL_RULES),
    st.floats(0.1, 50, allow_nan=False),
)
def test_scaling_every_weight_by_a_constant_changes_nothing(
    assessment: Assessment, framework: Framework, rules: ScoringRules, factor: float
) -> None:
    scaled = framework.model_copy(deep=True)
    for item in _weighted_items(scaled):
        item.weight *= factor  # type: ignore[attr-defined]
    before = scores(score(assessment, framework, rules))
    after = scores(score(assessment, scaled, rules))
    assert after.keys() == before.keys()
    for code, value in before.items():
        assert after[code] == (None if value is None else pytest.approx(value)), code


def test_the_strategies_reach_every_status() -> None:
    # Guards the properties above against strategies that never produce a case.
    seen: set[str] = set()

    @settings(max_examples=200, deadline=None)
    @given(assessments())
    def collect(assessment: Assessment) -> None:
        seen.update(answer.status for answer in assessment.answers.values())
        seen.update("missing" for code in MINI_CODES if code not in assessment.answers)

    collect()
    assert seen == {"answered", "not_applicable", "no_data", "not_assessed", "missing"}
