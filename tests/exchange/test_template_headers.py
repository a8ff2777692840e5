"""import-answers finds the template's columns by their headers, not their positions."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from roam.workbooks.template_columns import french_header
from roam.workbooks.template_layout import COLUMN_NUMBER, COLUMNS, HEADER_ROW
from tests.helpers.exchange_workbooks import edit_workbook, fill_answers, load, row_of, run

FILLED = {
    "R.A.1.b": {
        "level": "low",
        "justification": "Courts apply the law in two regions only.",
        "confidence": "medium",
        "evidence1.citation": "Judiciary annual report 2023",
        "evidence1.link": "https://judiciary.example/2023",
    }
}


def filled_then(template: Path, name: str, change) -> Path:  # type: ignore[no-untyped-def]
    """The template filled with FILLED, then changed by ``change(sheet)``."""

    def edit(workbook: openpyxl.Workbook) -> None:
        sheet = workbook["Answers"]
        fill_answers(sheet, FILLED)
        change(sheet)

    return edit_workbook(template, template.with_name(name), edit)


def assert_imported_right(assessment_file: Path, workbook: Path) -> None:
    result = run("import-answers", assessment_file, workbook, "--contributor", "Ana")
    assert result.exit_code == 0, result.output
    assert "1 new" in result.output and "0 bad cells" in result.output
    answer = load(assessment_file).answers["R.A.1.b"]
    assert (answer.level, answer.confidence) == ("low", "medium")
    assert answer.justification == "Courts apply the law in two regions only."
    assert [(e.citation, e.location) for e in answer.evidence] == [
        ("Judiciary annual report 2023", "https://judiciary.example/2023")
    ]


def test_columns_in_another_order_import_by_header(assessment_file: Path, template: Path) -> None:
    def swap(sheet) -> None:  # type: ignore[no-untyped-def]
        # Justification and Confidence trade places, headers and values alike.
        left, right = COLUMN_NUMBER["justification"], COLUMN_NUMBER["confidence"]
        for row in range(HEADER_ROW, sheet.max_row + 1):
            a, b = sheet.cell(row, left), sheet.cell(row, right)
            a.value, b.value = b.value, a.value

    assert_imported_right(assessment_file, filled_then(template, "swapped.xlsx", swap))


def test_french_headers_are_read(assessment_file: Path, template: Path) -> None:
    def translate(sheet) -> None:  # type: ignore[no-untyped-def]
        for number, column in enumerate(COLUMNS, start=1):
            sheet.cell(HEADER_ROW, number).value = french_header(column.key)

    workbook = filled_then(template, "fr.xlsx", translate)
    assert (
        openpyxl.load_workbook(workbook)["Answers"].cell(HEADER_ROW, COLUMN_NUMBER["year"]).value
        == "Année"
    )
    assert_imported_right(assessment_file, workbook)


def test_an_inserted_column_is_refused_by_name(assessment_file: Path, template: Path) -> None:
    def insert(sheet) -> None:  # type: ignore[no-untyped-def]
        column = COLUMN_NUMBER["justification"]
        sheet.insert_cols(column)
        sheet.cell(HEADER_ROW, column).value = "Reviewer notes"
        sheet.cell(row_of(sheet, "R.A.1.b"), column).value = "asked twice"

    workbook = filled_then(template, "inserted.xlsx", insert)
    before = assessment_file.read_bytes()
    result = run("import-answers", assessment_file, workbook)

    assert result.exit_code == 2
    assert result.output.startswith(
        f"{workbook}: sheet 'Answers' row 3: unknown column 'Reviewer notes' "
        f"(column {COLUMN_NUMBER['justification']})"
    )
    assert "nothing was imported" in result.output
    assert assessment_file.read_bytes() == before


@pytest.mark.parametrize("key", ["confidence", "evidence2.date", "code"])
def test_a_deleted_column_is_refused_by_name(
    assessment_file: Path, template: Path, key: str
) -> None:
    def delete(sheet) -> None:  # type: ignore[no-untyped-def]
        sheet.delete_cols(COLUMN_NUMBER[key])

    header = next(column.header for column in COLUMNS if column.key == key)
    result = run("import-answers", assessment_file, filled_then(template, "less.xlsx", delete))

    assert result.exit_code == 2
    assert f"column '{header}' is missing" in result.output


def test_the_text_columns_may_be_deleted(assessment_file: Path, template: Path) -> None:
    def narrow(sheet) -> None:  # type: ignore[no-untyped-def]
        sheet.delete_cols(COLUMN_NUMBER["indicator"], 3)  # indicator, guidance, scale

    assert_imported_right(assessment_file, filled_then(template, "narrow.xlsx", narrow))


def test_a_header_given_twice_is_refused(assessment_file: Path, template: Path) -> None:
    def double(sheet) -> None:  # type: ignore[no-untyped-def]
        sheet.cell(HEADER_ROW, COLUMN_NUMBER["scale"]).value = "Level"

    result = run("import-answers", assessment_file, filled_then(template, "double.xlsx", double))

    assert result.exit_code == 2
    level = COLUMN_NUMBER["level"]
    assert f"column 'Level' appears twice (columns 4 and {level})" in result.output
