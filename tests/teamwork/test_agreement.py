"""`agreement`: percent agreement and weighted kappa between two researchers."""

from __future__ import annotations

from pathlib import Path

import pytest

from roam.assessment.model import Answer, FrameworkRef
from roam.errors import RoamError
from roam.framework.loader import load_framework
from roam.framework.model import Framework
from roam.teamwork.agreement import agreement
from roam.teamwork.kappa import weighted_kappa
from roam.teamwork.subject import Labelled
from tests.helpers.teamwork_builders import assessment, level, number

TEN_REF = FrameworkRef(id="ten", version="1", path="ten.yaml")

# Rater A and rater B on ten indicators of one three-level scale (low < mid < high).
RATINGS = [
    ("low", "low"),
    ("low", "mid"),
    ("mid", "mid"),
    ("mid", "mid"),
    ("mid", "high"),
    ("high", "high"),
    ("high", "high"),
    ("high", "mid"),
    ("low", "high"),
    ("mid", "low"),
]


def ten_indicator_framework(folder: Path) -> Framework:
    indicators = "\n".join(
        f"              - {{code: R.A.1.{letter}, kind: qualitative, scale: three, text: Item}}"
        for letter in "abcdefghij"
    )
    path = folder / "ten.yaml"
    path.write_text(
        f"""id: ten
version: "1"
title: Ten items
languages: [en]
source: {{publisher: roam, title: Test, year: 2024}}
scales:
  three:
    name: Three
    levels:
      - {{id: low, score: 0, label: Low}}
      - {{id: mid, score: 50, label: Mid}}
      - {{id: high, score: 100, label: High}}
categories:
  - code: R
    name: Rights
    themes:
      - code: R.A
        name: Theme
        questions:
          - code: R.A.1
            text: Question
            indicators:
{indicators}
  - code: O
    name: Openness
    themes:
      - code: O.A
        name: Theme
        questions:
          - code: O.A.1
            text: Question
            indicators:
              - {{code: O.A.1.a, kind: quantitative, text: Share, unit: "%",
                  goalposts: {{lower: 0, upper: 100}}}}
""",
        encoding="utf-8",
    )
    return load_framework(path)


def rated_files() -> tuple[Labelled, Labelled]:
    codes = [f"R.A.1.{letter}" for letter in "abcdefghij"]
    a = {code: level(x) for code, (x, _) in zip(codes, RATINGS, strict=True)}
    b = {code: level(y) for code, (_, y) in zip(codes, RATINGS, strict=True)}
    a["O.A.1.a"] = number(55.0)
    b["O.A.1.a"] = Answer(status="no_data", justification="No survey.")
    return (
        Labelled("a.yaml", assessment(a, framework=TEN_REF)),
        Labelled("b.yaml", assessment(b, framework=TEN_REF)),
    )


def test_weighted_kappa_matches_the_hand_computed_example(tmp_path: Path) -> None:
    # Contingency table (rows: A, columns: B; levels low, mid, high = positions 0, 1, 2, k = 3):
    #            low  mid  high | row
    #   low        1    1     1 |  3
    #   mid        1    2     1 |  4
    #   high       0    1     2 |  3
    #   column     2    4     4 | 10
    # Percent agreement: the diagonal 1 + 2 + 2 = 5 of 10 = 50 %.
    #
    # Linear disagreement d = |i - j| / 2: d(0,1) = d(1,2) = 0.5, d(0,2) = 1.
    #   observed: four one-step pairs (0.5 each) + one two-step pair (1) = 3.0; / 10 = 0.30
    #   expected: sum of row_i * col_j * d_ij / 10²
    #     low row  3 * (2*0 + 4*0.5 + 4*1)  = 3 * 6   = 18
    #     mid row  4 * (2*0.5 + 4*0 + 4*0.5) = 4 * 3   = 12
    #     high row 3 * (2*1 + 4*0.5 + 4*0)   = 3 * 4   = 12   -> 42 / 100 = 0.42
    #   kappa = 1 - 0.30 / 0.42 = 1 - 5/7 = 2/7 = 0.2857
    # Quadratic disagreement d = ((i - j) / 2)²: d(0,1) = d(1,2) = 0.25, d(0,2) = 1.
    #   observed: 4 * 0.25 + 1 = 2.0; / 10 = 0.20
    #   expected: low  3 * (4*0.25 + 4*1)    = 3 * 5   = 15
    #             mid  4 * (2*0.25 + 4*0.25) = 4 * 1.5 = 6
    #             high 3 * (2*1 + 4*0.25)    = 3 * 3   = 9    -> 30 / 100 = 0.30
    #   kappa = 1 - 0.20 / 0.30 = 1/3
    framework = ten_indicator_framework(tmp_path)
    report = agreement(*rated_files(), framework)
    rights = report.categories[0]

    assert rights.code == "R"
    assert (rights.compared, rights.agreed, rights.rated) == (10, 5, 10)
    assert rights.percent == pytest.approx(50.0)
    assert rights.kappa["linear"] == pytest.approx(2 / 7)
    assert rights.kappa["quadratic"] == pytest.approx(1 / 3)
    # only the ninth item (low against high) is two or more levels apart
    assert [(g.code, g.level_a, g.level_b, g.steps) for g in rights.wide_gaps] == [
        ("R.A.1.i", "low", "high", 2)
    ]


def test_a_status_disagreement_counts_against_agreement_but_not_in_kappa(tmp_path: Path) -> None:
    report = agreement(*rated_files(), ten_indicator_framework(tmp_path))
    openness = report.categories[1]
    assert (openness.compared, openness.agreed, openness.rated) == (1, 0, 0)
    assert openness.kappa == {"linear": None, "quadratic": None}
    # overall: 5 of the 11 compared indicators agree
    assert (report.overall.compared, report.overall.agreed) == (11, 5)


def test_kappa_is_undefined_when_both_raters_give_one_level_to_everything() -> None:
    assert weighted_kappa([(0.5, 0.5)] * 4, "linear") is None


def test_kappa_is_one_for_perfect_agreement_and_negative_below_chance() -> None:
    assert weighted_kappa([(0, 0), (0.5, 0.5), (1, 1)], "quadratic") == pytest.approx(1.0)
    # two items, each rated at opposite ends: observed 1, expected (0+1+1+0)/4 = 0.5
    assert weighted_kappa([(0, 1), (1, 0)], "linear") == pytest.approx(1 - 1 / 0.5)


def test_agreement_refuses_files_of_different_countries(tmp_path: Path) -> None:
    a, _ = rated_files()
    other = Labelled("gh.yaml", assessment({}, iso="GHA", country="Ghana", framework=TEN_REF))
    with pytest.raises(RoamError, match="same country"):
        agreement(a, other, ten_indicator_framework(tmp_path))


def test_json_names_the_weights_and_rounds_kappa(tmp_path: Path) -> None:
    data = agreement(*rated_files(), ten_indicator_framework(tmp_path)).to_json()
    assert data["kappa_weights"]["linear"] == "1 - |i-j|/(k-1)"
    rights = data["categories"][0]
    assert rights["kappa_linear"] == round(2 / 7, 4)
    assert rights["wide_gaps"] == [
        {"code": "R.A.1.i", "first": "low", "second": "high", "steps": 2}
    ]
