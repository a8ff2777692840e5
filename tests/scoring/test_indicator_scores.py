"""Step one of the method: the score of a single answer, and when an answer has none."""

from __future__ import annotations

import pytest

from roam.assessment.model import Answer
from roam.framework.model import Framework
from roam.scoring.engine import score
from roam.scoring.result import NodeScore
from tests.helpers.scoring_builders import answered, make_assessment, status


def indicator_node(framework: Framework, code: str, answer: Answer) -> NodeScore:
    report = score(make_assessment({code: answer}), framework)
    node = report.find(code)
    assert node is not None
    return node


@pytest.mark.parametrize(("level", "expected"), [("low", 0.0), ("mid", 50.0), ("high", 100.0)])
def test_a_scaled_answer_scores_its_level(mini: Framework, level: str, expected: float) -> None:
    node = indicator_node(mini, "R.A.1.a", answered(level))
    assert node.score == expected
    assert node.coverage.answered == 1


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0, 0.0),  # at the lower goalpost
        (40, 40.0),  # 100 * (40 - 0) / (100 - 0)
        (100, 100.0),  # at the upper goalpost
        (12.5, 12.5),
    ],
)
def test_a_quantitative_answer_scores_its_place_between_the_goalposts(
    mini: Framework, value: float, expected: float
) -> None:
    assert indicator_node(mini, "R.A.2.a", answered(value=value)).score == pytest.approx(expected)


@pytest.mark.parametrize(
    ("attacks", "expected"),
    [
        (0, 100.0),  # lower_is_better: the lower goalpost scores 100
        (10, 80.0),  # position 100 * 10 / 50 = 20, inverted: 100 - 20
        (50, 0.0),  # the upper goalpost scores 0
        (75, 0.0),  # position 150, clamped to 100, inverted: 0
        (-5, 100.0),  # position -10, clamped to 0, inverted: 100
    ],
)
def test_lower_is_better_inverts_and_clamps(
    mini: Framework, attacks: float, expected: float
) -> None:
    assert indicator_node(mini, "R.B.1.a", answered(value=attacks)).score == pytest.approx(expected)


def test_a_contextual_indicator_is_answered_but_never_scored(mini: Framework) -> None:
    node = indicator_node(mini, "C.1.1.a", answered(value=1200))
    assert node.score is None
    assert node.coverage.answered == 1
    assert not node.incomplete


@pytest.mark.parametrize("name", ["not_applicable", "no_data", "not_assessed"])
def test_an_answer_that_is_not_answered_has_no_score(mini: Framework, name: str) -> None:
    node = indicator_node(mini, "R.A.1.a", status(name))
    assert node.score is None
    assert getattr(node.coverage, name) == 1


@pytest.mark.parametrize(
    ("code", "answer"),
    [
        ("R.A.1.a", answered()),  # no level chosen
        ("R.A.1.a", answered("excellent")),  # not a level of the scale
        ("R.A.1.a", answered(value=50)),  # a value where a level belongs
        ("R.A.2.a", answered("mid")),  # a level where a value belongs
        ("R.A.2.a", answered()),  # no value entered
        ("R.A.2.a", answered(value=120)),  # outside the possible range 0..100
    ],
)
def test_an_unusable_answer_counts_as_not_assessed(
    mini: Framework, code: str, answer: Answer
) -> None:
    node = indicator_node(mini, code, answer)
    assert node.score is None
    assert node.coverage.not_assessed == 1
    assert node.coverage.answered == 0
    assert node.incomplete


def test_documentation_gaps_do_not_change_a_score(mini: Framework) -> None:
    # Lowest level without justification, a value without its year, no evidence:
    # the readiness checks report these; the scores stay as answered.
    assert indicator_node(mini, "R.A.1.a", answered("low")).score == 0.0
    assert indicator_node(mini, "R.A.2.a", answered(value=30, year=None)).score == 30.0
