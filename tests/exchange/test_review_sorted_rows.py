"""A review read back after the liaison sorted the rows, or typed into a team cell."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from roam.exchange.provenance import row_fingerprint
from roam.framework import Framework
from roam.workbooks.sheets.category import COMMENT_COLUMN, DECISION_COLUMN, FIRST_ROW
from tests.helpers.exchange_workbooks import edit_workbook, export, load, row_of, run

JUSTIFICATION_COLUMN = 6


def _reverse_rows(sheet: openpyxl.worksheet.worksheet.Worksheet) -> None:
    """The table's rows in reverse order, every cell moved with its row (a sort)."""
    rows = [
        [sheet.cell(row, column).value for column in range(1, DECISION_COLUMN + 3)]
        for row in range(FIRST_ROW, sheet.max_row + 1)
    ]
    for offset, values in enumerate(reversed(rows)):
        for column, value in enumerate(values, start=1):
            sheet.cell(FIRST_ROW + offset, column).value = value


def test_decisions_are_read_by_code_after_the_rows_were_reordered(
    assessment_file: Path, framework: Framework
) -> None:
    report = export(assessment_file, assessment_file.parent / "report.xlsx", framework)

    def review(workbook: openpyxl.Workbook) -> None:
        sheet = workbook["R Rights"]
        _reverse_rows(sheet)
        sheet.cell(row_of(sheet, "R.A.1.a"), DECISION_COLUMN).value = "accept"
        sheet.cell(row_of(sheet, "R.B.1.a"), DECISION_COLUMN).value = "query"
        sheet.cell(row_of(sheet, "R.B.1.a"), COMMENT_COLUMN).value = "Which survey?"

    reviewed = edit_workbook(report, report.with_name("reviewed.xlsx"), review)
    result = run("import-review", assessment_file, reviewed, "--reviewer", "Liaison")

    assert result.exit_code == 0, result.output
    assert "1 accepted, 1 queried" in result.output
    assert "team's cells were edited" not in result.output
    answers = load(assessment_file).answers
    assert answers["R.A.1.a"].review.state == "accepted"
    assert answers["R.B.1.a"].review.thread[-1].text == "Queried: Which survey?"


def test_an_edited_team_cell_is_named_and_not_imported(
    assessment_file: Path, framework: Framework
) -> None:
    report = export(assessment_file, assessment_file.parent / "report.xlsx", framework)
    before = load(assessment_file).answers["R.A.1.a"].justification
    edited_row = 0

    def review(workbook: openpyxl.Workbook) -> None:
        nonlocal edited_row
        sheet = workbook["R Rights"]
        edited_row = row_of(sheet, "R.A.1.a")
        sheet.cell(edited_row, JUSTIFICATION_COLUMN).value = "The liaison's own wording."
        sheet.cell(edited_row, DECISION_COLUMN).value = "accept"

    reviewed = edit_workbook(report, report.with_name("reviewed.xlsx"), review)
    result = run("import-review", assessment_file, reviewed, "--reviewer", "Liaison")

    assert result.exit_code == 0, result.output
    assert "team's cells were edited" in result.output
    assert f"R.A.1.a (R Rights row {edited_row})" in result.output
    assert "R.A.1.b" not in result.output.split("team's cells were edited")[1].split("\n")[0]
    assessment = load(assessment_file)
    # The decision still counts; the answer stays the team's.
    assert assessment.answers["R.A.1.a"].review.state == "accepted"
    assert assessment.answers["R.A.1.a"].justification == before


def test_a_row_fingerprint_survives_a_spreadsheets_re_save_but_not_an_edit() -> None:
    written = ["R.A.1.a", "Indicator text", "Answered", 100.0, "Line one\nline two", None]
    resaved = ["R.A.1.a", "Indicator text", "Answered", 100, "Line one\r\nline  two", ""]
    assert row_fingerprint(written) == row_fingerprint(resaved)
    assert row_fingerprint(written) != row_fingerprint([*written[:4], "Line one", None])
    assert row_fingerprint(written) != row_fingerprint([*written[:3], 50.0, *written[4:]])
