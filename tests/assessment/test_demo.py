"""The Examplia demo: reproducible, complete, and clean apart from its planted findings."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from roam.assessment.model import (
    EVIDENCE_KINDS,
    MILESTONE_KINDS,
    REVIEW_STATES,
    STATUSES,
    Assessment,
)
from roam.assessment.rules import answer_problems
from roam.assessment.storage import assessment_yaml
from roam.demo import DEMO_COUNTRY, DEMO_ISO, make_demo
from roam.framework.model import (
    ContextualIndicator,
    Framework,
    QuantitativeIndicator,
    ScaledIndicator,
)


def _problems(assessment: Assessment, framework: Framework) -> dict[str, list[str]]:
    found = {}
    for code, answer in assessment.answers.items():
        problems = answer_problems(framework.indicator(code), answer, framework)
        if problems:
            found[code] = problems
    return found


def test_same_seed_gives_the_same_file(mini: Framework) -> None:
    assert assessment_yaml(make_demo(mini), mini) == assessment_yaml(make_demo(mini), mini)
    assert make_demo(mini, seed=1) != make_demo(mini, seed=2)


def test_editing_one_demo_leaves_the_next_untouched(mini: Framework) -> None:
    first = make_demo(mini)
    first.team[0].name = "Someone Else"
    first.mab[0].organisation = "Another Ministry"
    second = make_demo(mini)
    assert second.team[0].name != "Someone Else"
    assert second.mab[0].organisation != "Another Ministry"


@pytest.mark.parametrize("cycle", [1, 2])
def test_only_the_planted_justification_gap_breaks_the_rules(
    mini: Framework, built_in: Framework, cycle: int
) -> None:
    for framework in (mini, built_in):
        problems = _problems(make_demo(framework, cycle=cycle), framework)
        assert len(problems) == 1, problems
        [messages] = problems.values()
        assert messages[0].startswith("a justification is required for")


def test_demo_on_the_mini_edition_uses_every_status(mini: Framework) -> None:
    demo = make_demo(mini)
    assert (demo.country, demo.iso, demo.scope) == (DEMO_COUNTRY, DEMO_ISO, "full")
    assert list(demo.answers) == list(mini.places)
    assert {a.status for a in demo.answers.values()} == set(STATUSES)


def test_demo_on_the_built_in_edition_shows_everything(built_in: Framework) -> None:
    demo = make_demo(built_in)
    answers = demo.answers
    statuses = Counter(a.status for a in answers.values())
    assert set(statuses) == set(STATUSES)
    assert statuses["answered"] > 0.8 * len(answers)

    answered_kinds = {
        built_in.indicator(c).kind for c, a in answers.items() if a.status == "answered"
    }
    assert answered_kinds == {"qualitative", "institutional", "quantitative", "contextual"}
    for scale_id, scale in built_in.scales.items():
        used = {
            a.level
            for c, a in answers.items()
            if isinstance(built_in.indicator(c), ScaledIndicator)
            and built_in.indicator(c).scale == scale_id  # type: ignore[union-attr]
        }
        assert {level.id for level in scale.levels} <= used

    for code, answer in answers.items():
        indicator = built_in.indicator(code)
        if answer.value is not None:
            assert answer.year is not None and answer.unit == indicator.unit  # type: ignore[union-attr]

    evidence = [item for a in answers.values() for item in a.evidence]
    # Datasets are what `roam prefill` cites; the demo leaves them to it.
    assert {item.kind for item in evidence} == set(EVIDENCE_KINDS) - {"dataset"}
    assert all(item.citation and (item.location or item.kind == "interview") for item in evidence)
    confidential = sum(item.confidential for item in evidence)
    assert 0 < confidential < 0.1 * len(evidence)
    five_years_before = demo.created.date() - dt.timedelta(days=5 * 365)
    old = [item for item in evidence if item.published and item.published < five_years_before]
    assert 0 < len(old) <= 5
    assert all(
        item.published <= item.accessed for item in evidence if item.published and item.accessed
    )

    assert {a.confidence for a in answers.values()} >= {"low", "medium", "high"}
    assert any(a.disaggregation for a in answers.values())
    assert any(a.stakeholders for a in answers.values())
    assert {a.review.state for a in answers.values()} == set(REVIEW_STATES)
    liaisons = {p.name for p in demo.team if "liaison" in p.role}
    queried = [a for a in answers.values() if a.review.state == "queried"]
    assert queried and all(a.review.thread[0].author in liaisons for a in queried)
    assert any(a.history for a in answers.values())
    assert [m.kind for m in demo.milestones] == list(MILESTONE_KINDS)
    assert len({member.group for member in demo.mab}) >= 5
    assert len(demo.team) >= 3


def test_recommendations_reach_the_groups_and_name_real_indicators(built_in: Framework) -> None:
    recommendations = make_demo(built_in).recommendations
    assert 8 <= len(recommendations) <= 12
    assert len({r.id for r in recommendations}) == len(recommendations)
    groups = {group for r in recommendations for group in r.groups}
    assert groups >= {"government", "judiciary", "private_sector", "civil_society", "media"}
    assert all(r.indicators and set(r.indicators) <= set(built_in.places) for r in recommendations)


@pytest.mark.parametrize("framework_name", ["mini", "built_in"])
def test_second_cycle_is_the_same_country_later_with_some_changes(
    framework_name: str, request: pytest.FixtureRequest
) -> None:
    framework: Framework = request.getfixturevalue(framework_name)
    first, second = make_demo(framework, cycle=1), make_demo(framework, cycle=2)
    assert (second.country, second.iso) == (first.country, first.iso)
    assert second.created > first.created
    gaps_filled = [
        code
        for code, answer in first.answers.items()
        if answer.status == "no_data" and second.answers[code].status == "answered"
    ]
    assert gaps_filled
    moved = [
        code
        for code, answer in first.answers.items()
        if answer.level
        and second.answers[code].level
        and answer.level != second.answers[code].level
    ]
    assert moved


def _values(framework: Framework, cycle: int) -> dict[str, float]:
    demo = make_demo(framework, cycle=cycle)  # type: ignore[arg-type]
    return {code: a.value for code, a in demo.answers.items() if a.value is not None}


@pytest.mark.parametrize("cycle", [1, 2])
def test_every_figure_lies_in_its_valid_range_and_goalposts(
    built_in: Framework, cycle: int
) -> None:
    values = _values(built_in, cycle)
    figures = [
        p.indicator
        for p in built_in.iter_places()
        if isinstance(p.indicator, QuantitativeIndicator | ContextualIndicator)
    ]
    assert len(values) > 0.8 * len(figures)
    for code, value in values.items():
        indicator = built_in.indicator(code)
        assert isinstance(indicator, QuantitativeIndicator | ContextualIndicator), code
        valid = indicator.valid_range
        if valid is not None and valid.min is not None:
            assert value >= valid.min, (code, value)
        if valid is not None and valid.max is not None:
            assert value <= valid.max, (code, value)
        if isinstance(indicator, QuantitativeIndicator):
            posts = indicator.goalposts
            assert posts.lower <= value <= posts.upper, (code, value, posts)
        unit = indicator.unit or ""
        if unit.startswith("%") and not any(w in unit for w in ("GNI", "income")):
            assert 0 <= value <= 100, (code, value)


@pytest.mark.parametrize("cycle", [1, 2])
def test_examplia_looks_like_a_middle_income_country(built_in: Framework, cycle: int) -> None:
    values = _values(built_in, cycle)
    for growth in ("C.1.1.b", "C.1.1.d", "C.2.1.b"):  # GDP, prices, population, % a year
        assert -10 <= values[growth] <= 15, (growth, values[growth])
    shares = {c: values[c] for c in ("C.1.1.c", "C.2.1.c", "C.2.1.d", "C.3.1.c", "C.4.1.c")}
    assert all(0 <= share <= 100 for share in shares.values()), shares
    assert len(set(shares.values())) > 1 and max(shares.values()) < 100, shares
    assert 8_000 <= values["C.1.1.a"] <= 25_000  # GDP per person, PPP
    assert 1_000_000 <= values["C.2.1.a"] <= 50_000_000  # people
    assert 50 <= values["C.6.1.a"] < 200  # mobile subscriptions per 100 people
    assert 0.55 <= values["C.3.1.a"] <= 0.80  # HDI
    assert 45 <= values["A.B.1.a"] <= 85  # Internet users, % of people
    assert values["A.B.1.a"] > values.get("X.A.3.b", 0)  # women a little behind
    # Adult literacy, unless the demo drew it as one of its data gaps.
    assert 80 <= values.get("A.F.1.a", 80) <= 100
    counts = ("R.B.4.a", "R.B.4.b", "R.C.3.b", "O.A.2.b", "M.B.1.b", "M.B.2.b")
    assert all(values[c] == int(values[c]) for c in counts if c in values)


def test_first_drafts_keep_figures_in_range(built_in: Framework) -> None:
    for code, answer in make_demo(built_in).answers.items():
        indicator = built_in.indicator(code)
        for change in answer.history:
            if change.field == "value" and isinstance(change.new, float):
                valid = indicator.valid_range  # type: ignore[union-attr]
                if valid is not None and valid.min is not None:
                    assert change.new >= valid.min, (code, change)
                if valid is not None and valid.max is not None:
                    assert change.new <= valid.max, (code, change)
