"""`roam template`: the data-collection workbook, its drop-downs, protection and selection."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from openpyxl.utils import get_column_letter

from roam.assessment.create import new_assessment
from roam.framework import Framework, load_framework
from roam.workbooks.template_layout import COLUMN_NUMBER, HEADER_ROW
from roam.workbooks.template_writer import build_template
from tests.helpers.exchange_workbooks import row_of, run
from tests.helpers.files import MINI_FRAMEWORK


@pytest.fixture
def template(assessment_file: Path) -> openpyxl.Workbook:
    out = assessment_file.parent / "template.xlsx"
    result = run("template", assessment_file, "-o", out)
    assert result.exit_code == 0, result.output
    assert f"wrote {out}: 6 indicators" in result.output
    return openpyxl.load_workbook(out)


def _validation_for(sheet: openpyxl.worksheet.worksheet.Worksheet, cell: str) -> str | None:
    for validation in sheet.data_validations.dataValidation:
        if cell in validation.sqref:
            return str(validation.formula1)
    return None


def test_sheets_instructions_first_and_hidden_helpers(template: openpyxl.Workbook) -> None:
    assert template.sheetnames == ["Instructions", "Answers", "Lists", "_roam"]
    states = {sheet.title: sheet.sheet_state for sheet in template.worksheets}
    assert states == {
        "Instructions": "visible",
        "Answers": "visible",
        "Lists": "hidden",
        "_roam": "hidden",
    }
    assert template.security.lockStructure
    text = " ".join(str(c.value) for row in template["Instructions"].iter_rows() for c in row)
    assert "Your name" in text and "roam import-answers" in text


def test_one_row_per_indicator_with_text_guidance_and_scale(
    template: openpyxl.Workbook,
) -> None:
    sheet = template["Answers"]
    headers = [cell.value for cell in sheet[HEADER_ROW]]
    assert headers[:11] == [
        "Code",
        "Indicator",
        "Question and guidance",
        "Scale or unit",
        "Team's answer now",
        "Status",
        "Level",
        "Value",
        "Year",
        "Justification",
        "Confidence",
    ]
    assert headers[11:] == [
        f"Evidence {g} {part}"
        for g in (1, 2, 3)
        for part in ("kind", "citation", "link", "date published")
    ]
    codes = [sheet.cell(row, 1).value for row in range(HEADER_ROW + 1, sheet.max_row + 1)]
    assert codes == ["C.1.1.a", "R.A.1.a", "R.A.1.b", "R.A.2.a", "R.B.1.a", "O.A.1.a"]
    row = row_of(sheet, "R.A.1.a")
    assert sheet.cell(row, 2).value == "A law exists"
    assert sheet.cell(row, 3).value == "R.A.1 Is there a law?"
    assert sheet.cell(row, 4).value == "Three levels:\nLow\nMid\nHigh"
    percent = row_of(sheet, "R.A.2.a")
    assert sheet.cell(percent, 4).value == (
        "Unit: %; possible values from 0 to 100; give the year the value refers to"
    )


def test_drop_downs_for_status_level_confidence_and_evidence_kind(
    template: openpyxl.Workbook,
) -> None:
    sheet = template["Answers"]
    row = row_of(sheet, "R.A.1.b")

    def at(key: str) -> str | None:
        return _validation_for(sheet, sheet.cell(row, COLUMN_NUMBER[key]).coordinate)

    # Words, not ids: the importer maps them back.
    assert at("status") == '"Answered,N/A,No data,Not assessed"'
    assert at("level") == '"Low,Mid,High"'
    assert at("confidence") == '"low,medium,high"'
    assert at("evidence3.kind") == (
        '"law or regulation,official statistic,survey,court decision,report,media,'
        'interview,expert judgement,dataset"'
    )
    # A quantitative row gets no level list: it is answered with a number.
    quantitative = row_of(sheet, "R.A.2.a")
    assert (
        _validation_for(sheet, sheet.cell(quantitative, COLUMN_NUMBER["level"]).coordinate) is None
    )


def test_protected_except_the_input_cells(template: openpyxl.Workbook) -> None:
    sheet = template["Answers"]
    assert sheet.protection.sheet
    scaled, quantitative = row_of(sheet, "R.A.1.a"), row_of(sheet, "R.A.2.a")

    def locked(row: int, key: str) -> bool:
        return bool(sheet.cell(row, COLUMN_NUMBER[key]).protection.locked)

    for key in ("code", "indicator", "guidance", "scale"):
        assert locked(scaled, key), key
    for key in (
        "status",
        "level",
        "justification",
        "confidence",
        "evidence1.citation",
        "evidence3.date",
    ):
        assert not locked(scaled, key), key
    # Only the cells that fit the indicator's kind are open.
    assert locked(scaled, "value") and locked(scaled, "year")
    assert locked(quantitative, "level")
    assert not locked(quantitative, "value") and not locked(quantitative, "year")
    assert template["Instructions"].protection.sheet


def _long_scale_framework(tmp_path: Path) -> Framework:
    levels = [f"level_{n}_" + "x" * 30 for n in range(8)]  # 8 ids of 38 characters: > 255
    text = MINI_FRAMEWORK.read_text(encoding="utf-8").replace(
        "      - {id: low, score: 0, label: Low}\n"
        "      - {id: mid, score: 50, label: Mid}\n"
        "      - {id: high, score: 100, label: High}\n",
        "".join(
            f"      - {{id: {x}, score: {n * 10}, label: {x}}}\n" for n, x in enumerate(levels)
        ),
    )
    path = tmp_path / "long.yaml"
    path.write_text(text, encoding="utf-8")
    return load_framework(path)


def test_long_drop_down_lists_go_to_a_hidden_sheet_range(tmp_path: Path) -> None:
    framework = _long_scale_framework(tmp_path)
    levels = [level.id for level in framework.scales["three"].levels]
    assert len(",".join(levels)) > 255
    assessment = new_assessment(framework, country="Kenya", iso="KEN", scope="full")
    workbook = build_template(assessment, framework, ["R.A.1.a", "O.A.1.a"])
    sheet = workbook["Answers"]

    level = get_column_letter(COLUMN_NUMBER["level"])
    formula = _validation_for(sheet, f"{level}{HEADER_ROW + 1}")

    assert formula == "'Lists'!$A$1:$A$8"
    assert [workbook["Lists"].cell(row, 1).value for row in range(1, 9)] == levels
    assert _validation_for(sheet, f"{level}{HEADER_ROW + 2}") == formula  # one list, shared
    assert workbook["Lists"].sheet_state == "hidden"


def test_codes_select_indicators_or_whole_branches(assessment_file: Path) -> None:
    out = assessment_file.parent / "t.xlsx"

    def codes_in(*options: str) -> list[str]:
        result = run("template", assessment_file, "-o", out, *options)
        assert result.exit_code == 0, result.output
        sheet = openpyxl.load_workbook(out)["Answers"]
        return [sheet.cell(r, 1).value for r in range(HEADER_ROW + 1, sheet.max_row + 1)]

    assert codes_in("--codes", "R.A") == ["R.A.1.a", "R.A.1.b", "R.A.2.a"]
    assert codes_in("--codes", "O.A.1.a,C", "--codes", "R.B.1.a") == [
        "C.1.1.a",
        "R.B.1.a",
        "O.A.1.a",
    ]
    assert codes_in("--category", "R") == ["R.A.1.a", "R.A.1.b", "R.A.2.a", "R.B.1.a"]
    assert codes_in("--category", "R", "--unanswered") == ["R.A.1.b", "R.A.2.a", "R.B.1.a"]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--codes", "R.Z.1.a"], "'R.Z.1.a' is not a code of mini 1.0"),
        (["--category", "Q"], "'Q' is not a category of mini (C, R, O)"),
        (["--codes", "O", "--category", "R"], "no indicator of the assessment's scope matches"),
    ],
)
def test_bad_selection_is_one_line_and_exit_2(
    assessment_file: Path, options: list[str], message: str
) -> None:
    out = assessment_file.parent / "t.xlsx"
    result = run("template", assessment_file, "-o", out, *options)
    assert result.exit_code == 2
    assert message in result.output
    assert not out.exists()


def test_output_must_be_xlsx(assessment_file: Path) -> None:
    result = run("template", assessment_file, "-o", assessment_file.with_suffix(".xls"))
    assert result.exit_code == 2
    assert "give the output a .xlsx name" in result.output


def test_the_whole_built_in_edition_round_trips_unfilled(tmp_path: Path) -> None:
    from roam.exchange.answer_import import import_answers
    from roam.workbooks.filled_template_reader import read_filled_template
    from roam.workbooks.template_writer import write_template

    framework = load_framework()
    assessment = new_assessment(framework, country="Kenya", iso="KEN", scope="full")
    codes = list(framework.places)
    path = write_template(assessment, framework, codes, tmp_path / "all.xlsx")

    template = read_filled_template(path)

    assert [row.code.value for row in template.rows] == codes
    assert len(codes) == 303
    summary = import_answers(assessment, framework, template)
    assert summary.changes == [] and summary.bad_cells == []
