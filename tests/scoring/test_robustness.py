"""Category scores under the alternative rules, computed by hand."""

from __future__ import annotations

import math

import pytest

from roam.framework.model import Framework
from roam.scoring.engine import score
from roam.scoring.result import ScoringRules
from tests.helpers.scoring_builders import answered, make_assessment, node, status

# R.A.1.a mid -> 50; R.A.1.b high -> 100 (weight 2); R.A.2.a 40; R.B.1.a no data;
# O.A.1.a low -> 0.  Default: R.A.1 = 250 / 3, R.A = (250 / 3 + 40) / 2, R = R.A (R.B empty).
ANSWERS = {
    "R.A.1.a": answered("mid"),
    "R.A.1.b": answered("high"),
    "R.A.2.a": answered(value=40),
    "R.B.1.a": status("no_data"),
    "O.A.1.a": answered("low"),
}
R_DEFAULT = (250 / 3 + 40) / 2  # 61.666...


def shifted_geometric(pairs: list[tuple[float, float]]) -> float:
    """exp(sum w * ln(s + 1) / sum w) - 1, written out independently of the engine."""
    total = sum(w for _, w in pairs)
    return math.exp(sum(w * math.log(s + 1) for s, w in pairs) / total) - 1


def test_robustness_lists_every_rule_for_the_scored_categories(mini: Framework) -> None:
    robustness = score(make_assessment(ANSWERS), mini).robustness
    assert list(robustness) == [
        "default",
        "no_data_as_zero",
        "equal_indicator_weights",
        "geometric_mean",
    ]
    for scores in robustness.values():
        assert list(scores) == ["R", "O"]  # the contextual C is never scored


def test_default_and_no_data_as_zero(mini: Framework) -> None:
    robustness = score(make_assessment(ANSWERS), mini).robustness
    assert robustness["default"]["R"] == pytest.approx(R_DEFAULT)
    # R.B.1.a counts 0, so R.B = 0 and R = (61.667 + 0) / 2
    assert robustness["no_data_as_zero"]["R"] == pytest.approx(R_DEFAULT / 2)
    assert robustness["default"]["O"] == 0.0


def test_equal_indicator_weights_ignore_the_tree(mini: Framework) -> None:
    robustness = score(make_assessment(ANSWERS), mini).robustness
    # plain mean of R's scored indicators, R.A.1.b's weight 2 ignored: (50 + 100 + 40) / 3
    assert robustness["equal_indicator_weights"]["R"] == pytest.approx(190 / 3)


def test_geometric_mean_at_every_level(mini: Framework) -> None:
    robustness = score(make_assessment(ANSWERS), mini).robustness
    r_a_1 = shifted_geometric([(50, 1), (100, 2)])
    r_a = shifted_geometric([(r_a_1, 1), (40, 1)])
    assert robustness["geometric_mean"]["R"] == pytest.approx(r_a)
    # a lone 0 stays 0: exp(ln(0 + 1)) - 1
    assert robustness["geometric_mean"]["O"] == 0.0


def test_a_zero_lowers_the_geometric_mean_without_zeroing_it(mini: Framework) -> None:
    answers = {"R.A.1.a": answered("low"), "R.A.1.b": answered("high")}
    report = score(make_assessment(answers, scope="custom", custom=list(answers)), mini)
    # weights 1 and 2: exp((ln 1 + 2 ln 101) / 3) - 1 = 101 ** (2 / 3) - 1 = 20.7...
    geometric = report.robustness["geometric_mean"]["R"]
    assert geometric == pytest.approx(101 ** (2 / 3) - 1)
    assert 0 < geometric < report.robustness["default"]["R"]  # arithmetic: 200 / 3


def test_robustness_does_not_depend_on_the_rules_of_the_report(mini: Framework) -> None:
    default = score(make_assessment(ANSWERS), mini)
    zero = score(make_assessment(ANSWERS), mini, ScoringRules(no_data_as_zero=True))
    assert zero.robustness == default.robustness
    assert zero.category("R").score == pytest.approx(R_DEFAULT / 2)


def test_alternative_rules_apply_to_the_whole_report(mini: Framework) -> None:
    assessment = make_assessment(ANSWERS)
    for name, rules in [
        ("equal_indicator_weights", ScoringRules(equal_indicator_weights=True)),
        ("geometric_mean", ScoringRules(mean="geometric")),
    ]:
        report = score(assessment, mini, rules)
        for code in ("R", "O"):
            assert report.category(code).score == pytest.approx(report.robustness[name][code])
    # with equal indicator weights a theme is the plain mean of its indicators too
    equal = score(assessment, mini, ScoringRules(equal_indicator_weights=True))
    assert node(equal, "R.A").score == pytest.approx(190 / 3)
