"""Formula and error cells: typed text that Excel or LibreOffice turned into a formula.

Anything starting with ``=``, ``+`` or ``-`` typed into a General cell becomes a
formula, often one that evaluates to ``#NAME?`` or ``#VALUE!``.  The input cells
of the template and the report are formatted as Text so this does not happen
when typing, and both importers report a formula or error cell that still
arrives as a bad cell (sheet, cell, reason), importing the rest.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import openpyxl
import pytest
from openpyxl.utils import get_column_letter

from roam.framework import Framework
from roam.workbooks.filled_template_reader import read_filled_template
from roam.workbooks.sheets.category import COMMENT_COLUMN, DECISION_COLUMN, FIRST_ROW
from roam.workbooks.template_layout import COLUMN_NUMBER, HEADER_ROW
from tests.helpers.exchange_workbooks import edit_workbook, export, fill_answers, load, row_of, run

RIGHTS = "R Rights"
TEXT_FORMAT = "@"
ADVICE = "not text; type the text again, or start it with an apostrophe (')"


@pytest.fixture
def report(assessment_file: Path, framework: Framework) -> Path:
    return export(assessment_file, assessment_file.parent / "report.xlsx", framework)


def fill(template: Path, rows: dict[str, dict[str, object]]) -> tuple[Path, dict[str, int]]:
    where: dict[str, int] = {}

    def edit(workbook: openpyxl.Workbook) -> None:
        where.update(fill_answers(workbook["Answers"], rows))

    return edit_workbook(template, template.with_name("filled.xlsx"), edit), where


def cell(key: str, row: int) -> str:
    return f"Answers!{get_column_letter(COLUMN_NUMBER[key])}{row}"


# --- the input cells are Text, so typing "=..." stays text ------------------------------


def test_template_text_inputs_have_the_text_number_format(template: Path) -> None:
    workbook = openpyxl.load_workbook(template)
    sheet = workbook["Answers"]
    row = HEADER_ROW + 1
    text_keys = ["status", "level", "justification", "confidence"] + [
        f"evidence{g}.{part}" for g in (1, 2, 3) for part in ("kind", "citation", "link")
    ]
    for key in text_keys:
        assert sheet.cell(row, COLUMN_NUMBER[key]).number_format == TEXT_FORMAT, key
    # Numbers and dates keep their formats: their checks need numbers.
    assert sheet.cell(row, COLUMN_NUMBER["evidence1.date"]).number_format == "yyyy-mm-dd"
    instructions = workbook["Instructions"]
    unlocked = [c for r in instructions.iter_rows() for c in r if c.protection.locked is False]
    assert len(unlocked) == 2  # the contributor's name and organisation
    assert all(c.number_format == TEXT_FORMAT for c in unlocked)


def test_report_liaison_cells_have_the_text_number_format(report: Path) -> None:
    sheet = openpyxl.load_workbook(report)[RIGHTS]
    last = sheet.max_row
    for row in range(FIRST_ROW, last + 1):
        assert sheet.cell(row, COMMENT_COLUMN).number_format == TEXT_FORMAT, row
        assert sheet.cell(row, DECISION_COLUMN).number_format == TEXT_FORMAT, row


# --- import-answers ----------------------------------------------------------------------


def test_a_formula_justification_is_a_bad_cell_and_the_answer_imports(
    assessment_file: Path, template: Path
) -> None:
    filled, where = fill(
        template,
        {
            "R.A.1.b": {"level": "mid", "justification": "=- no source publishes this"},
            "O.A.1.a": {"level": "high", "justification": "Policy adopted in 2020."},
        },
    )

    result = run("import-answers", assessment_file, filled)

    assert result.exit_code == 0, result.output
    assert "imported 2 new" in result.output and "1 bad cell" in result.output
    expected = (
        f"  {cell('justification', where['R.A.1.b'])}: holds a formula "
        f"(=- no source publishes this), {ADVICE}; left empty\n"
    )
    assert expected in result.output
    answers = load(assessment_file).answers
    assert (answers["R.A.1.b"].level, answers["R.A.1.b"].justification) == ("mid", "")
    assert answers["O.A.1.a"].justification == "Policy adopted in 2020."


def test_an_error_value_in_a_text_cell_is_a_bad_cell(assessment_file: Path, template: Path) -> None:
    filled, where = fill(
        template,
        {"R.A.1.b": {"level": "mid", "justification": "#VALUE!", "evidence1.citation": "#REF!"}},
    )
    assert (
        openpyxl.load_workbook(filled)["Answers"]
        .cell(where["R.A.1.b"], COLUMN_NUMBER["justification"])
        .data_type
        == "e"
    )

    result = run("import-answers", assessment_file, filled)

    assert result.exit_code == 0, result.output
    row = where["R.A.1.b"]
    assert f"  {cell('justification', row)}: holds an error (#VALUE!), {ADVICE}; left empty\n" in (
        result.output
    )
    assert f"  {cell('evidence1.citation', row)}: holds an error (#REF!)" in result.output
    answer = load(assessment_file).answers["R.A.1.b"]
    assert (answer.level, answer.justification, answer.evidence) == ("mid", "", [])
    assert "#VALUE!" not in assessment_file.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("serial", "shown"),
    [(1.66487650939164e16, "1.66487650939164e+16"), (-110627871943, "-110627871943")],
)
def test_a_date_cell_past_any_calendar_is_a_bad_cell_with_no_openpyxl_warning(
    assessment_file: Path, template: Path, serial: float, shown: str
) -> None:
    """openpyxl reads such a cell as #VALUE! and prints a warning of its own."""
    evidence = {"evidence1.kind": "court_decision", "evidence1.citation": "Ruling 12/2021"}
    filled, where = fill(
        template, {"R.A.1.b": {"level": "mid", **evidence, "evidence1.date": serial}}
    )
    with pytest.warns(UserWarning, match="outside the limits for dates"):
        sheet = openpyxl.load_workbook(filled)["Answers"]
    assert sheet.cell(where["R.A.1.b"], COLUMN_NUMBER["evidence1.date"]).value == "#VALUE!"

    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a warning reaching the user fails the test
        result = run("import-answers", assessment_file, filled)

    assert result.exit_code == 0, result.output
    assert (
        f"  {cell('evidence1.date', where['R.A.1.b'])}: holds the number {shown} formatted "
        "as a date, but no date has that number; type the date as YYYY-MM-DD; left empty\n"
    ) in result.output
    assert "UserWarning" not in result.output
    [item] = load(assessment_file).answers["R.A.1.b"].evidence
    assert (item.citation, item.published) == ("Ruling 12/2021", None)


def test_a_formula_for_the_level_keeps_the_row_out(assessment_file: Path, template: Path) -> None:
    filled, where = fill(
        template,
        {
            "R.A.1.b": {"level": '=IF(1,"mid")', "justification": "Partly."},
            "O.A.1.a": {"level": "high"},
        },
    )

    result = run("import-answers", assessment_file, filled)

    assert result.exit_code == 0, result.output
    assert (
        f'  {cell("level", where["R.A.1.b"])}: holds a formula (=IF(1,"mid")), {ADVICE}; '
        f"row not imported\n"
    ) in result.output
    assert "1 new" in result.output and "1 row not imported, 1 bad cell" in result.output
    answers = load(assessment_file).answers
    assert answers["R.A.1.b"].level is None and answers["R.A.1.b"].history == []
    assert answers["O.A.1.a"].level == "high"


def test_a_formula_without_a_stored_result_is_not_lost_silently(template: Path) -> None:
    """openpyxl writes formulas without a cached value; reading values only saw a blank."""
    filled, where = fill(template, {"R.A.1.b": {"level": "mid", "justification": "=1+"}})
    [row] = [r for r in read_filled_template(filled).rows if r.code.text == "R.A.1.b"]
    assert row.justification.not_text is not None
    assert row.justification.not_text.kind == "formula"
    assert str(row.justification.ref) == cell("justification", where["R.A.1.b"])


# --- import-review -----------------------------------------------------------------------


def review(report: Path, cells: dict[str, tuple[object, object]]) -> tuple[Path, dict[str, int]]:
    where: dict[str, int] = {}

    def edit(workbook: openpyxl.Workbook) -> None:
        sheet = workbook[RIGHTS]
        for code, (decision, comment) in cells.items():
            where[code] = row = row_of(sheet, code)
            sheet.cell(row, DECISION_COLUMN).value = decision
            sheet.cell(row, COMMENT_COLUMN).value = comment

    return edit_workbook(report, report.with_name("reviewed.xlsx"), edit), where


def test_a_formula_comment_is_a_bad_cell_and_the_decision_still_imports(
    assessment_file: Path, report: Path
) -> None:
    reviewed, where = review(
        report,
        {
            "R.A.1.a": ("query", '=HYPERLINK("x")'),
            "R.A.1.b": ("accept", "Fine."),
        },
    )

    result = run("import-review", assessment_file, reviewed, "--reviewer", "Liaison")

    assert result.exit_code == 0, result.output
    comment = f"{get_column_letter(COMMENT_COLUMN)}{where['R.A.1.a']}"
    assert (
        f'  {RIGHTS}!{comment}: holds a formula (=HYPERLINK("x")), {ADVICE}; '
        f"the comment was not imported\n"
    ) in result.output
    assert "1 accepted, 1 queried, 0 rejected, 2 comments, 1 bad cell" in result.output
    answers = load(assessment_file).answers
    queried = answers["R.A.1.a"].review
    assert queried.state == "queried"
    assert [c.text for c in queried.thread] == ["Queried."]  # never "Queried: #VALUE!"
    assert [c.text for c in answers["R.A.1.b"].review.thread] == ["Accepted: Fine."]


def test_an_error_comment_and_a_formula_decision_are_bad_cells(
    assessment_file: Path, report: Path
) -> None:
    reviewed, where = review(
        report,
        {"R.A.1.a": ("#VALUE!", "Please check."), "R.A.1.b": ("query", "#NAME?")},
    )
    # openpyxl stores these strings as error cells, as Excel does for a failed formula.
    sheet = openpyxl.load_workbook(reviewed)[RIGHTS]
    assert sheet.cell(where["R.A.1.b"], COMMENT_COLUMN).data_type == "e"

    result = run("import-review", assessment_file, reviewed, "--reviewer", "Liaison")

    assert result.exit_code == 0, result.output
    decision = f"{get_column_letter(DECISION_COLUMN)}{where['R.A.1.a']}"
    comment = f"{get_column_letter(COMMENT_COLUMN)}{where['R.A.1.b']}"
    assert (
        f"  {RIGHTS}!{decision}: holds an error (#VALUE!), {ADVICE}; "
        f"the review state is unchanged\n"
    ) in result.output
    assert f"  {RIGHTS}!{comment}: holds an error (#NAME?), {ADVICE}; " in result.output
    answers = load(assessment_file).answers
    assert [c.text for c in answers["R.A.1.a"].review.thread] == ["Please check."]
    assert answers["R.A.1.a"].review.state == "draft"
    assert [c.text for c in answers["R.A.1.b"].review.thread] == ["Queried."]


def test_text_that_looks_like_a_formula_is_still_text(assessment_file: Path, report: Path) -> None:
    """A comment stored as text (typed into the Text cell) is imported as it reads."""

    def edit(workbook: openpyxl.Workbook) -> None:
        sheet = workbook[RIGHTS]
        target = sheet.cell(row_of(sheet, "R.A.1.a"), COMMENT_COLUMN)
        target.value = "=- no source publishes this"
        target.data_type = "s"  # what Excel stores for a Text cell

    reviewed = edit_workbook(report, report.with_name("reviewed.xlsx"), edit)

    result = run("import-review", assessment_file, reviewed, "--reviewer", "Liaison")

    assert result.exit_code == 0, result.output
    assert "0 bad cells" in result.output
    thread = load(assessment_file).answers["R.A.1.a"].review.thread
    assert [c.text for c in thread] == ["=- no source publishes this"]
