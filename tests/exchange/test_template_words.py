"""The template speaks words, shows the team's answer, and the words import back."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from roam.workbooks.template_layout import COLUMN_NUMBER
from tests.helpers.exchange_workbooks import edit_workbook, fill_answers, load, row_of, run


def test_the_template_shows_the_teams_current_answer(template: Path) -> None:
    sheet = openpyxl.load_workbook(template)["Answers"]
    current = COLUMN_NUMBER["current"]
    assert sheet.cell(row_of(sheet, "R.A.1.a"), current).value == "Answered: Mid"
    assert sheet.cell(row_of(sheet, "R.A.1.b"), current).value is None  # not assessed
    assert sheet.cell(row_of(sheet, "R.A.1.a"), current).protection.locked is True


def test_words_chosen_from_the_drop_downs_import_as_their_ids(
    assessment_file: Path, template: Path
) -> None:
    def fill(workbook: openpyxl.Workbook) -> None:
        fill_answers(
            workbook["Answers"],
            {
                "R.A.1.b": {
                    "level": "High",
                    "justification": "Applied in every court.",
                    "evidence1.kind": "court decision",
                    "evidence1.citation": "Case 9/2022",
                },
                "O.A.1.a": {"status": "N/A", "justification": "No such body here."},
                "R.B.1.a": {"status": "No data", "justification": "Not counted."},
            },
        )

    filled = edit_workbook(template, template.with_name("filled.xlsx"), fill)
    result = run("import-answers", assessment_file, filled)
    assert result.exit_code == 0, result.output
    assert "0 bad cells" in result.output
    answers = load(assessment_file).answers
    assert (answers["R.A.1.b"].status, answers["R.A.1.b"].level) == ("answered", "high")
    assert answers["R.A.1.b"].evidence[0].kind == "court_decision"
    assert answers["O.A.1.a"].status == "not_applicable"
    assert answers["R.B.1.a"].status == "no_data"


def test_the_instructions_print_whole_on_a_landscape_page(template: Path) -> None:
    sheet = openpyxl.load_workbook(template)["Instructions"]
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.fitToWidth == 1
    # A step of two lines or more gets a row tall enough for it (they overlapped before).
    long_steps = [
        row
        for row in range(1, sheet.max_row + 1)
        if isinstance(sheet.cell(row, 1).value, int) and len(str(sheet.cell(row, 2).value)) > 150
    ]
    assert long_steps
    assert all((sheet.row_dimensions[row].height or 0) > 15 for row in long_steps)
