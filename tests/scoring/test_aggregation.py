"""Golden scores on the mini edition, computed by hand (the arithmetic is in the comments)."""

from __future__ import annotations

import pytest

from roam.assessment.model import Evidence
from roam.framework.model import Framework
from roam.scoring.engine import score
from roam.scoring.result import Coverage, ScoringRules
from tests.helpers.scoring_builders import answered, make_assessment, node, status

# Everything answered:
#   C.1.1.a  1200 USD        recorded, never scored
#   R.A.1.a  mid    -> 50
#   R.A.1.b  high   -> 100   (indicator weight 2)
#   R.A.2.a  40 %   -> 40
#   R.B.1.a  10     -> 80    (lower is better: 100 - 100 * 10 / 50)
#   O.A.1.a  low    -> 0
ALL_ANSWERED = {
    "C.1.1.a": answered(value=1200),
    "R.A.1.a": answered("mid"),
    "R.A.1.b": answered("high"),
    "R.A.2.a": answered(value=40),
    "R.B.1.a": answered(value=10),
    "O.A.1.a": answered("low"),
}
R_A_1 = (50 * 1 + 100 * 2) / 3  # 83.333...
R_A = (R_A_1 + 40) / 2  # 61.666...
R = (R_A + 80) / 2  # 70.833...
OVERALL = (R + 0) / 2  # 35.416...: R and O; the contextual C is not scored


def test_every_level_of_the_tree_when_everything_is_answered(mini: Framework) -> None:
    report = score(make_assessment(ALL_ANSWERED), mini)
    expected = {
        "R.A.1": R_A_1,
        "R.A.2": 40.0,
        "R.A": R_A,
        "R.B.1": 80.0,
        "R.B": 80.0,
        "R": R,
        "O.A.1": 0.0,
        "O.A": 0.0,
        "O": 0.0,
    }
    for code, value in expected.items():
        assert node(report, code).score == pytest.approx(value), code
    assert report.overall.score == pytest.approx(OVERALL)
    assert not report.overall.incomplete


def test_categories_come_in_framework_order_and_the_contextual_one_has_no_score(
    mini: Framework,
) -> None:
    report = score(make_assessment(ALL_ANSWERED), mini)
    assert [c.code for c in report.categories] == ["C", "R", "O"]
    context = report.category("C")
    assert context.score is None
    assert context.band is None
    assert context.coverage == Coverage(answered=1)


def test_bands_are_labels_of_the_score(mini: Framework) -> None:
    report = score(make_assessment(ALL_ANSWERED), mini)
    assert report.category("R").band == "Developing"  # 70.8 >= 50
    assert report.category("O").band == "Early"  # 0 >= 0
    assert report.overall.band == "Early"  # 35.4 < 50
    assert node(report, "R.B.1.a").band == "Developing"  # 80


# Mixed statuses:
#   R.A.1.a  not applicable   left out of the mean
#   R.A.1.b  mid   -> 50
#   R.A.2.a  no data          left out by default, a data gap
#   R.B.1.a  not assessed     left out, marks R.B, R and overall incomplete
#   O.A.1.a  high  -> 100
#   C.1.1.a  (no answer)      not assessed: the contextual category is incomplete
MIXED = {
    "R.A.1.a": status("not_applicable"),
    "R.A.1.b": answered("mid"),
    "R.A.2.a": status("no_data"),
    "R.B.1.a": status("not_assessed", justification=""),
    "O.A.1.a": answered("high"),
}


def test_not_applicable_no_data_and_not_assessed_are_left_out(mini: Framework) -> None:
    report = score(make_assessment(MIXED), mini)
    # R.A.1 = 50 (only R.A.1.b); R.A.2 = None (no data); R.A = 50; R.B = None; R = 50
    assert node(report, "R.A.1").score == 50.0
    assert node(report, "R.A.2").score is None
    assert node(report, "R.B").score is None
    assert report.category("R").score == 50.0
    # overall = (50 + 100) / 2
    assert report.overall.score == 75.0
    assert report.data_gaps == ("R.A.2.a",)


def test_not_assessed_marks_every_node_above_it_incomplete(mini: Framework) -> None:
    report = score(make_assessment(MIXED), mini)
    incomplete = {
        code
        for code in ("R.B.1.a", "R.B.1", "R.B", "R", "R.A", "O", "C")
        if node(report, code).incomplete
    }
    assert incomplete == {"R.B.1.a", "R.B.1", "R.B", "R", "C"}
    assert report.overall.incomplete


def test_coverage_counts_each_status_at_every_level(mini: Framework) -> None:
    report = score(make_assessment(MIXED), mini)
    r = report.category("R").coverage
    assert r == Coverage(answered=1, not_applicable=1, no_data=1, not_assessed=1)
    assert r.percent("answered") == 25.0
    assert r.complete == 75.0  # 3 of 4 have a decided status
    assert node(report, "R.A").coverage == Coverage(answered=1, not_applicable=1, no_data=1)
    # overall: all six in-scope indicators, the contextual one included
    assert report.overall.coverage == Coverage(
        answered=2, not_applicable=1, no_data=1, not_assessed=2
    )


def test_no_data_as_zero_counts_no_data_as_a_score_of_zero(mini: Framework) -> None:
    report = score(make_assessment(MIXED), mini, ScoringRules(no_data_as_zero=True))
    # R.A.2 = 0; R.A = (50 + 0) / 2 = 25; R = 25 (R.B still has nothing); overall (25 + 100) / 2
    assert node(report, "R.A.2.a").score == 0.0
    assert report.category("R").score == 25.0
    assert report.overall.score == 62.5
    assert report.data_gaps == ("R.A.2.a",)  # still a gap, whatever the rule


def test_a_node_with_nothing_scoreable_has_no_score(mini: Framework) -> None:
    answers = {code: status("not_applicable") for code in ("R.A.1.a", "R.A.1.b", "R.A.2.a")}
    answers["R.B.1.a"] = status("no_data")
    report = score(make_assessment(answers), mini)
    assert report.category("R").score is None
    assert report.category("R").band is None
    assert not report.category("R").incomplete
    # O is not assessed at all: no score either, and the overall has nothing to average
    assert report.category("O").score is None
    assert report.overall.score is None


def test_question_weights(mini: Framework) -> None:
    mini.category("R").themes[0].questions[1].weight = 2  # R.A.2
    report = score(make_assessment(ALL_ANSWERED), mini)
    # R.A = (83.333 * 1 + 40 * 2) / 3
    assert node(report, "R.A").score == pytest.approx((R_A_1 + 2 * 40) / 3)
    assert node(report, "R.A.2").weight == 2.0


def test_theme_weights(mini: Framework) -> None:
    mini.category("R").themes[1].weight = 3  # R.B
    report = score(make_assessment(ALL_ANSWERED), mini)
    # R = (61.667 * 1 + 80 * 3) / 4
    assert report.category("R").score == pytest.approx((R_A + 3 * 80) / 4)
    assert node(report, "R.B").weight == 3.0


def test_category_weights(mini: Framework) -> None:
    mini.category("R").weight = 3
    report = score(make_assessment(ALL_ANSWERED), mini)
    # overall = (70.833 * 3 + 0 * 1) / 4
    assert report.overall.score == pytest.approx((R * 3 + 0) / 4)
    assert report.category("R").weight == 3.0
    assert report.category("O").weight == 1.0  # no weight in the YAML: 1


def test_core_scope_drops_the_nodes_outside_it(mini: Framework) -> None:
    # core: R.A.1.a, R.A.2.a, O.A.1.a and the contextual C.1.1.a; R.A.1.b and R.B.1.a drop out.
    report = score(make_assessment(ALL_ANSWERED, scope="core"), mini)
    assert report.find("R.A.1.b") is None
    assert report.find("R.B") is None  # no in-scope indicator left in the theme
    # R.A.1 = 50; R.A.2 = 40; R.A = 45 = R; overall = (45 + 0) / 2
    assert report.category("R").score == 45.0
    assert report.overall.score == 22.5
    assert report.overall.coverage.total == 4


def test_custom_scope_keeps_only_the_listed_indicators(mini: Framework) -> None:
    report = score(make_assessment(ALL_ANSWERED, scope="custom", custom=["R.B.1.a"]), mini)
    assert [c.code for c in report.categories] == ["R"]
    assert report.overall.score == 80.0
    assert report.robustness["default"] == {"R": 80.0}


def test_evidence_is_counted_per_answer_and_summed_up(mini: Framework) -> None:
    item = Evidence(kind="report", citation="Annual report")
    answers = {
        "R.A.1.a": answered("mid", evidence=[item, item.model_copy(update={"citation": "Law"})]),
        "R.B.1.a": answered(value=10, evidence=[item]),
        "O.A.1.a": status("not_applicable", evidence=[item]),
    }
    report = score(make_assessment(answers), mini)
    assert node(report, "R.A.1.a").evidence_count == 2
    assert report.category("R").evidence_count == 3
    assert report.category("O").evidence_count == 1
    assert report.overall.evidence_count == 4


def test_confidence_is_summarised_over_answered_indicators(mini: Framework) -> None:
    answers = {
        "R.A.1.a": answered("mid", confidence="high"),
        "R.A.1.b": answered("mid", confidence="high"),
        "R.A.2.a": answered(value=10, confidence="low"),
        "R.B.1.a": answered(value=10),
        "O.A.1.a": status("no_data", confidence="high"),  # not answered: not counted
    }
    report = score(make_assessment(answers), mini)
    r = report.category("R").confidence
    assert (r.low, r.medium, r.high, r.unstated) == (1, 0, 2, 1)
    o = report.category("O").confidence
    assert (o.low, o.medium, o.high, o.unstated) == (0, 0, 0, 0)


def test_the_assessment_is_not_changed_by_scoring(mini: Framework) -> None:
    assessment = make_assessment(dict(MIXED))
    before = assessment.model_dump()
    score(assessment, mini)
    assert assessment.model_dump() == before
