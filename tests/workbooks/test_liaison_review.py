"""What the liaison is given to review with, read back with openpyxl and the review reader."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest

from roam.exchange.workbook_labels import label
from roam.framework import Framework
from roam.workbooks.liaison_review import read_reviewed_workbook
from roam.workbooks.sheets.category import COMMENT_COLUMN, DECISION_COLUMN, FIRST_ROW, HEADER_ROW
from roam.workbooks.workbook import export_report
from tests.helpers.report_assessment import mini_assessment


@pytest.fixture
def report(tmp_path: Path, framework: Framework) -> Path:
    return export_report(mini_assessment(framework), tmp_path / "EXA.xlsx", framework=framework)


def _labelled(sheet: openpyxl.worksheet.worksheet.Worksheet, key: str) -> openpyxl.cell.Cell:
    """The cell in column B beside the label ``key`` in column A."""
    row = next(c.row for c in sheet["A"] if c.value == label(key))
    return sheet.cell(row, 2)


def test_the_cover_says_what_to_review_and_how_to_return_it(report: Path) -> None:
    cover = openpyxl.load_workbook(report)["Cover"]
    # mini_assessment: six indicators in scope (C.1.1.a is answered too); R.A.1.a queried.
    assert (
        _labelled(cover, "cover.review_scope").value
        == "6: Answered 4 · N/A 1 · No data 1 · Not assessed 0"
    )
    assert "queried 1" in _labelled(cover, "cover.review_states").value
    assert _labelled(cover, "cover.review_todo").value.startswith("1 indicators")
    assert "import-review" in _labelled(cover, "cover.return").value
    comment = _labelled(cover, "cover.general_comment")
    assert comment.style == "roam liaison" and comment.number_format == "@"
    assert comment.protection.locked is False
    # Printed at the width of the page, not squeezed onto one page.
    assert cover.page_setup.fitToHeight == 0


@pytest.mark.parametrize("title", ["Recommendations", "Data gaps and N-A"])
def test_recommendations_and_data_gaps_take_liaison_comments(report: Path, title: str) -> None:
    sheet = openpyxl.load_workbook(report)[title]
    (table,) = sheet.tables.values()
    header = [cell.value for cell in sheet[table.ref.split(":")[0][1:]]]
    column = header.index(label("col.liaison_note")) + 1
    rows = range(5, sheet.max_row + 1)
    assert all(sheet.cell(row, column).style == "roam liaison" for row in rows)
    assert all(sheet.cell(row, column).number_format == "@" for row in rows)


def test_decisions_beside_the_evidence_are_read_back_and_group_rows_are_not(
    report: Path, tmp_path: Path
) -> None:
    reviewed = tmp_path / "reviewed.xlsx"
    shutil.copyfile(report, reviewed)
    workbook = openpyxl.load_workbook(reviewed)
    sheet = workbook["R Rights"]
    # As a liaison would: a decision in every yellow decision cell.
    filled = []
    for row in range(FIRST_ROW, sheet.max_row + 1):
        cell = sheet.cell(row, DECISION_COLUMN)
        if cell.style == "roam liaison":
            cell.value = "accept"
            filled.append(sheet.cell(row, 1).value)
    workbook.save(reviewed)
    rows = read_reviewed_workbook(reviewed).rows
    decided = [row.code for row in rows if row.decision.value == "accept"]
    assert decided == filled == ["R.A.1.a", "R.A.1.b", "R.A.2.a", "R.B.1.a"]
    # Group rows are read as blank rows, which the importer passes over.
    groups = [row for row in rows if row.code.count(".") < 3]
    assert groups and all(row.decision.blank and row.comment.blank for row in groups)


def test_a_category_sheet_without_its_decision_header_is_refused(
    report: Path, tmp_path: Path
) -> None:
    from roam.errors import SourceError

    edited = tmp_path / "edited.xlsx"
    workbook = openpyxl.load_workbook(report)
    sheet = workbook["R Rights"]
    # Both liaison headers renamed: still known as a category sheet by its other headers.
    sheet.cell(HEADER_ROW, DECISION_COLUMN).value = "My verdict"
    sheet.cell(HEADER_ROW, COMMENT_COLUMN).value = "My notes"
    workbook.save(edited)
    with pytest.raises(SourceError, match="'R Rights' has no column headed 'Liaison decision'"):
        read_reviewed_workbook(edited)
    # The Data gaps sheet has codes and a liaison's note, and is not mistaken for one.
    assert read_reviewed_workbook(report).rows
