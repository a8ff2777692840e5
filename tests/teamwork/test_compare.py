"""`compare_cycles` and its workbook: what changed between two cycles of one country."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from roam.assessment.model import Answer
from roam.assessment.storage import save_assessment
from roam.cli.main import main
from roam.demo import make_demo
from roam.errors import RoamError
from roam.framework.loader import load_framework
from roam.teamwork.compare import Cycle, compare_cycles
from roam.workbooks.compare_workbook import write_compare_workbook
from tests.helpers.files import MINI_FRAMEWORK
from tests.helpers.teamwork_builders import assessment, level, number

MINI = load_framework(MINI_FRAMEWORK)


def mini_cycles() -> tuple[Cycle, Cycle]:
    """Category R of the mini edition in two cycles (see the arithmetic in the first test)."""
    before = {
        "R.A.1.a": level("low", justification="No law yet."),
        "R.A.1.b": level("mid", justification="Patchy."),
        "R.A.2.a": number(40.0, justification="Survey 2022."),
        "R.B.1.a": Answer(status="no_data", justification="Nobody counts attacks."),
        "O.A.1.a": level("mid", justification="Draft policy."),
    }
    after = {
        "R.A.1.a": level("high", justification="The 2024 act is in force."),
        "R.A.1.b": level("mid", justification="Patchy."),
        "R.A.2.a": number(40.0, justification="Survey 2022."),
        "R.B.1.a": number(10.0, justification="Press council count."),
        # the level moved but the justification is the same text: flagged
        "O.A.1.a": level("high", justification="Draft  policy."),
    }
    return (
        Cycle("2022.yaml", assessment(before, scope="full"), MINI),
        Cycle("2024.yaml", assessment(after, scope="full"), MINI),
    )


def test_category_scores_change_as_computed_by_hand() -> None:
    # Mini edition, scale three: low 0, mid 50, high 100; R.A.1.b weighs 2.
    # Baseline R: question R.A.1 = (0*1 + 50*2) / 3 = 33.33; R.A.2 = 40;
    #   theme R.A = (33.33 + 40) / 2 = 36.67; theme R.B has only no data: no score;
    #   category R = 36.67.
    # Follow-up R: R.A.1 = (100*1 + 50*2) / 3 = 66.67; R.A = (66.67 + 40) / 2 = 53.33;
    #   R.B.1.a = 10 attacks on goalposts 0..50, lower is better: 100 - 20 = 80;
    #   category R = (53.33 + 80) / 2 = 66.67.  Change: +30.
    comparison = compare_cycles(*mini_cycles())
    rights = next(n for n in comparison.nodes if n.code == "R")

    assert rights.baseline is not None and rights.followup is not None
    assert rights.baseline.score == pytest.approx(110 / 3)
    assert rights.followup.score == pytest.approx(200 / 3)
    assert rights.score_change == pytest.approx(30.0)
    assert (rights.baseline.no_data, rights.followup.no_data) == (1, 0)
    theme_b = next(n for n in comparison.nodes if n.code == "R.B")
    assert theme_b.baseline is not None and theme_b.baseline.score is None
    assert theme_b.score_change is None


def test_indicator_changes_name_the_kind_direction_and_unchanged_justification() -> None:
    comparison = compare_cycles(*mini_cycles())
    by_code = {change.code: change for change in comparison.changes}

    assert sorted(by_code) == ["O.A.1.a", "R.A.1.a", "R.B.1.a"]
    assert by_code["R.A.1.a"].kind == "level"
    assert (by_code["R.A.1.a"].direction, by_code["R.A.1.a"].same_justification) == (1, False)
    gained = by_code["R.B.1.a"]
    assert (gained.kind, gained.baseline, gained.followup) == (
        "gained_data",
        "no data",
        "answered, value 10 (2023)",
    )
    assert (gained.score_before, gained.score_after) == (None, pytest.approx(80.0))
    # whitespace aside, "Draft policy." was not rewritten although the level rose
    assert [c.code for c in comparison.unjustified] == ["O.A.1.a"]


def test_lost_data_and_other_status_changes_are_told_apart() -> None:
    base, follow = mini_cycles()
    swapped = compare_cycles(follow, base)  # read backwards: data was lost
    kinds = {c.code: c.kind for c in swapped.changes}
    assert kinds["R.B.1.a"] == "lost_data"
    follow.assessment.answers["R.A.2.a"] = Answer(status="not_applicable", justification="x")
    kinds = {c.code: c.kind for c in compare_cycles(base, follow).changes}
    assert kinds["R.A.2.a"] == "status"


def test_different_editions_compare_shared_codes_and_list_the_rest(tmp_path: Path) -> None:
    text = MINI_FRAMEWORK.read_text(encoding="utf-8")
    newer = text.replace('version: "1.0"', 'version: "2.0"').replace(
        "{code: O.A.1.a, kind: institutional", "{code: O.A.1.z, kind: institutional"
    )
    (tmp_path / "mini2.yaml").write_text(newer, encoding="utf-8")
    base, follow = mini_cycles()
    follow_answers = dict(follow.assessment.answers)
    follow_answers["O.A.1.z"] = follow_answers.pop("O.A.1.a")
    later = Cycle(
        "2024.yaml",
        assessment(follow_answers, scope="full").model_copy(
            update={"framework": follow.assessment.framework.model_copy(update={"version": "2.0"})}
        ),
        load_framework(tmp_path / "mini2.yaml"),
    )

    comparison = compare_cycles(base, later)

    assert comparison.only_in_baseline == ("O.A.1.a",)
    assert comparison.only_in_followup == ("O.A.1.z",)
    assert "O.A.1.a" not in {c.code for c in comparison.changes}
    assert any("editions differ" in note for note in comparison.notes)
    workbook = openpyxl.load_workbook(write_compare_workbook(comparison, tmp_path / "c.xlsx"))
    unmapped = list(workbook["Unmapped codes"].iter_rows(min_row=5, values_only=True))
    assert unmapped == [
        ("O.A.1.a", "baseline only (mini 1.0)"),
        ("O.A.1.z", "follow-up only (mini 2.0)"),
    ]


def test_cycles_of_different_countries_are_refused() -> None:
    base = mini_cycles()[0]
    ghana = Cycle("gh.yaml", assessment({}, iso="GHA", country="Ghana"), MINI)
    with pytest.raises(RoamError, match="same country"):
        compare_cycles(base, ghana)


def demo_cycles() -> tuple[Cycle, Cycle]:
    framework = load_framework()
    first = make_demo(framework, seed=11, cycle=1)
    second = make_demo(framework, seed=11, cycle=2)
    return Cycle("cycle1.yaml", first, framework), Cycle("cycle2.yaml", second, framework)


def test_two_demo_cycles_report_every_changed_level_and_every_gained_data_point() -> None:
    base, follow = demo_cycles()
    old, new = base.assessment.answers, follow.assessment.answers
    # The expected sets, read straight from the two files:
    moved = {c for c in old if old[c].status == new[c].status == "answered" and old[c].level}
    moved = {c for c in moved if old[c].level != new[c].level}
    gained = {c for c in old if old[c].status == "no_data" and new[c].status == "answered"}
    assert moved and gained  # the demo's second cycle has both

    comparison = compare_cycles(base, follow)

    assert {c.code for c in comparison.changes if c.kind == "level"} == moved
    assert {c.code for c in comparison.changes if c.kind == "gained_data"} == gained
    assert comparison.count("lost_data") == 0
    overall = comparison.nodes[0]
    assert overall.baseline is not None and overall.followup is not None
    assert overall.followup.no_data == overall.baseline.no_data - len(gained)


def test_the_workbook_has_a_summary_with_a_chart_and_a_detail_sheet(tmp_path: Path) -> None:
    base, follow = demo_cycles()
    code = next(
        c
        for c, answer in base.assessment.answers.items()
        if answer.level and follow.assessment.answers[c].level not in (None, answer.level)
    )
    # A level change made without touching the justification must be visible in the workbook.
    follow.assessment.answers[code].justification = base.assessment.answers[code].justification
    comparison = compare_cycles(base, follow)
    path = write_compare_workbook(comparison, tmp_path / "out" / "compare.xlsx")

    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames == ["Summary", "Indicator changes"]
    summary = workbook["Summary"]
    assert len(summary._charts) == 1
    rows = {row[0]: row for row in summary.iter_rows(values_only=True) if row[0]}
    rights = next(n for n in comparison.nodes if n.code == "R")
    assert rights.baseline is not None and rights.followup is not None
    assert rows["R"][2:5] == pytest.approx(
        (rights.baseline.score, rights.followup.score, rights.score_change)
    )
    detail = {row[0]: row for row in workbook["Indicator changes"].iter_rows(values_only=True)}
    assert detail[code][3] == "level changed"
    assert detail[code][9] == "yes"
    gained = next(c for c in comparison.changes if c.kind == "gained_data")
    assert detail[gained.code][3:6] == ("data gained", "no data", gained.followup)


def test_roam_compare_prints_the_changes_and_writes_the_workbook(tmp_path: Path) -> None:
    base, follow = demo_cycles()
    save_assessment(base.assessment, tmp_path / "c1.yaml")
    save_assessment(follow.assessment, tmp_path / "c2.yaml")
    out = tmp_path / "compare.xlsx"

    result = CliRunner().invoke(
        main, ["compare", str(tmp_path / "c1.yaml"), str(tmp_path / "c2.yaml"), "-o", str(out)]
    )

    assert result.exit_code == 0, result.output
    assert "Level changed (" in result.output and "Data gained (" in result.output
    assert openpyxl.load_workbook(out)["Summary"]["A1"].value.startswith("Cycle comparison")
