"""import-review refuses or warns, by name, where it used to guess; its summary says what it did.

Each test builds the liaison's workbook from a real export, changed the way a
person (or a re-save by someone else) changes it.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from roam.assessment.lock import AssessmentLock
from roam.assessment.storage import save_assessment
from roam.exchange.workbook_labels import label
from roam.framework import Framework
from tests.helpers.exchange_workbooks import (
    RIGHTS,
    edit_workbook,
    export,
    header_column,
    liaison,
    load,
    row_of,
    run,
)

DECISION = label("col.decision")


@pytest.fixture
def report(assessment_file: Path, framework: Framework) -> Path:
    return export(assessment_file, assessment_file.parent / "report.xlsx", framework)


def resaved_by(source: Path, target: Path, person: str) -> Path:
    """``source`` opened and saved again by someone else, changing nothing else."""

    def stamp(workbook: openpyxl.Workbook) -> None:
        workbook.properties.lastModifiedBy = person

    return edit_workbook(source, target, stamp)


# --- item 11: the same comments, saved by another person ------------------------------


def test_a_workbook_resaved_by_someone_else_adds_nothing_again(
    assessment_file: Path, report: Path
) -> None:
    decisions = {"R.A.1.a": ("accept", "Well sourced."), "R.A.1.b": ("query", "Which courts?")}
    reviewed = edit_workbook(
        report, report.with_name("reviewed.xlsx"), liaison(decisions, saved_by="Amina Odhiambo")
    )
    first = run("import-review", assessment_file, reviewed)
    assert first.exit_code == 0, first.output
    assert "recorded as by: Amina Odhiambo (who saved the workbook last" in first.output
    after_first = load(assessment_file)

    # The liaison's office re-saves the cumulative workbook; it comes back unchanged.
    again = resaved_by(reviewed, report.with_name("reviewed-again.xlsx"), "Jean Martin")
    second = run("import-review", assessment_file, again)

    assert second.exit_code == 0, second.output
    assert "0 comments, 2 already imported" in second.output
    assert "recorded as by: Jean Martin" in second.output
    answers = load(assessment_file).answers
    for code in decisions:
        thread = answers[code].review.thread
        assert [comment.author for comment in thread] == ["Amina Odhiambo"], code
        assert answers[code].history == after_first.answers[code].history, code


# --- item 12: scope, contradictions, renamed headers, the lost stamp sheet -------------


def test_a_code_outside_the_scope_creates_no_answer(
    assessment_file: Path, report: Path, framework: Framework
) -> None:
    # The report was made of the full scope; the team then narrowed it to core.
    assessment = load(assessment_file)
    assessment.scope = "core"
    del assessment.answers["R.A.1.b"]  # not a core indicator
    save_assessment(assessment, assessment_file, framework, backup=False)
    reviewed = edit_workbook(
        report,
        report.with_name("reviewed.xlsx"),
        liaison({"R.A.1.a": ("accept", None), "R.A.1.b": ("query", "Which courts?")}),
    )

    result = run("import-review", assessment_file, reviewed, "--reviewer", "Liaison")

    assert result.exit_code == 0, result.output
    assert "1 accepted, 0 queried" in result.output
    assert "R.A.1.b is not in this assessment's scope (core); its review was not imported" in (
        result.output
    )
    assert "R.A.1.b" not in load(assessment_file).answers


def test_two_rows_with_opposite_decisions_are_refused_by_name(
    assessment_file: Path, report: Path
) -> None:
    def duplicate(workbook: openpyxl.Workbook) -> None:
        sheet = workbook[RIGHTS]
        header = 5
        decision = header_column(sheet, DECISION, header)
        row = row_of(sheet, "R.A.1.a")
        copy = sheet.max_row + 1
        for column in range(1, sheet.max_column + 1):
            sheet.cell(copy, column).value = sheet.cell(row, column).value
        sheet.cell(row, decision).value = "accept"
        sheet.cell(copy, decision).value = "reject"

    reviewed = edit_workbook(report, report.with_name("reviewed.xlsx"), duplicate)
    result = run("import-review", assessment_file, reviewed, "--reviewer", "Liaison")

    assert result.exit_code == 0, result.output
    assert "0 accepted, 0 queried, 0 rejected, 0 comments" in result.output
    assert (
        # R.A.1.a is on row 8, under its theme's and question's group rows; decisions in H.
        "R.A.1.a has rows with different decisions (accept at R Rights!H8, reject at R Rights!H"
        in result.output
    ), result.output
    assert result.output.count("none of them was imported") == 2
    review = load(assessment_file).answers["R.A.1.a"].review
    assert (review.state, review.thread) == ("draft", [])


@pytest.mark.parametrize("renamed", [DECISION, label("col.liaison_comment")])
def test_a_renamed_liaison_header_is_refused_by_name(
    assessment_file: Path, report: Path, renamed: str
) -> None:
    def rename(workbook: openpyxl.Workbook) -> None:
        sheet = workbook[RIGHTS]
        sheet.cell(5, header_column(sheet, renamed, 5)).value = "Verdict"

    reviewed = edit_workbook(report, report.with_name("reviewed.xlsx"), rename)
    before = assessment_file.read_bytes()
    result = run("import-review", assessment_file, reviewed)

    assert result.exit_code == 2
    assert result.output == (
        f"{reviewed}: sheet 'R Rights' has no column headed '{renamed}' (renamed or deleted?); "
        f"give it back its header and import again; nothing was imported\n"
    )
    assert assessment_file.read_bytes() == before


def test_a_workbook_without_review_columns_is_refused(assessment_file: Path, report: Path) -> None:
    def strip(workbook: openpyxl.Workbook) -> None:
        for sheet in workbook.worksheets:
            for row in sheet.iter_rows(max_row=20):
                for cell in row:
                    if cell.value == label("col.code"):
                        cell.value = "Ref"

    stripped = edit_workbook(report, report.with_name("stripped.xlsx"), strip)
    result = run("import-review", assessment_file, stripped)

    assert result.exit_code == 2
    assert "no sheet has the report's columns 'Code', 'Liaison decision'" in result.output


def without_stamp_sheet(workbook: openpyxl.Workbook) -> None:
    workbook.remove(workbook["_roam"])


def test_without_the_stamp_sheet_unchanged_answers_are_not_called_changed(
    assessment_file: Path, report: Path
) -> None:
    def review(workbook: openpyxl.Workbook) -> None:
        liaison({"R.A.1.a": ("accept", None)})(workbook)
        without_stamp_sheet(workbook)

    reviewed = edit_workbook(report, report.with_name("reviewed.xlsx"), review)
    assert "_roam" not in openpyxl.load_workbook(reviewed).sheetnames

    result = run("import-review", assessment_file, reviewed, "--reviewer", "Liaison")

    assert result.exit_code == 0, result.output
    assert "changed since" not in result.output
    assert "1 accepted" in result.output
    assert load(assessment_file).answers["R.A.1.a"].review.state == "accepted"


def test_without_the_stamp_sheet_a_changed_assessment_withholds_accepts(
    assessment_file: Path, report: Path, framework: Framework
) -> None:
    assessment = load(assessment_file)
    assessment.answers["R.A.1.a"].justification = "Rewritten after the export."
    save_assessment(assessment, assessment_file, framework, backup=False)

    def review(workbook: openpyxl.Workbook) -> None:
        liaison({"R.A.1.a": ("accept", None), "R.A.1.b": ("accept", None)})(workbook)
        without_stamp_sheet(workbook)

    reviewed = edit_workbook(report, report.with_name("reviewed.xlsx"), review)
    result = run("import-review", assessment_file, reviewed, "--reviewer", "Liaison")

    assert result.exit_code == 0, result.output
    assert "has lost its hidden sheet '_roam'" in result.output
    assert "2 accepts withheld" in result.output
    answers = load(assessment_file).answers
    assert answers["R.A.1.a"].review.state == "draft"


# --- issue 31 item 15: what the CLI says ------------------------------------------------


def test_a_locked_assessment_says_to_close_it_not_to_open_it_read_only(
    assessment_file: Path, report: Path
) -> None:
    reviewed = edit_workbook(
        report, report.with_name("reviewed.xlsx"), liaison({"R.A.1.a": ("accept", None)})
    )
    with AssessmentLock(assessment_file):
        result = run("import-review", assessment_file, reviewed)

    assert result.exit_code == 2
    assert "read-only" not in result.output
    assert "close it there (in the TUI: ctrl+q) or wait until that session ends" in result.output
    assert "--dry-run shows what the import would change" in result.output


def test_a_dry_run_says_what_would_be_imported(assessment_file: Path, report: Path) -> None:
    reviewed = edit_workbook(
        report,
        report.with_name("reviewed.xlsx"),
        liaison({"R.A.1.a": ("maybe", None), "R.A.1.b": ("query", "Which courts?")}),
    )
    result = run("import-review", assessment_file, reviewed, "--dry-run")

    assert result.exit_code == 0, result.output
    assert "the rest would be imported" in result.output
    assert "the rest was imported" not in result.output


def test_an_untouched_report_says_what_was_compared(assessment_file: Path, report: Path) -> None:
    result = run("import-review", assessment_file, report)

    assert result.exit_code == 0, result.output
    assert f"nothing to change in {assessment_file}: report.xlsx holds no liaison decision" in (
        result.output
    )
    reviewed = edit_workbook(
        report, report.with_name("reviewed.xlsx"), liaison({"R.A.1.a": ("accept", None)})
    )
    run("import-review", assessment_file, reviewed)
    again = run("import-review", assessment_file, reviewed)
    assert (
        "compared the 1 row of reviewed.xlsx that holds a decision or comment with the review "
        "threads: 1 already there"
    ) in again.output
