"""The malformed-cell corpus: every bad cell is named with its reason, the rest still imports."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import yaml

from roam.exchange.cell_problems import CellError
from roam.exchange.parse import parse_date, parse_number, parse_year
from roam.exchange.read_cells import CellRef, CellValue
from roam.workbooks.template_layout import COLUMN_NUMBER
from tests.helpers.exchange_workbooks import edit_workbook, load, row_of, run
from tests.helpers.files import DATA

CORPUS = DATA / "bad" / "workbook" / "import-malformed-cells.yaml"
CASES: list[dict[str, Any]] = yaml.safe_load(CORPUS.read_text(encoding="utf-8"))
# A valid answer per row; each case then spoils one cell of it.
BASES: dict[str, dict[str, object]] = {
    "R.A.1.b": {
        "status": "answered",
        "level": "mid",
        "justification": "Partly applied.",
        "evidence1.citation": "Court statistics 2022",
    },
    "R.A.2.a": {"status": "answered", "value": 50, "year": 2023},
}
# Another row in every workbook, which must import whatever happens elsewhere.
GOOD_ROW = ("O.A.1.a", {"level": "high", "justification": "Policy adopted in 2020."})


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_malformed_cell_is_reported_and_the_rest_imports(
    case: dict[str, Any], assessment_file: Path, template: Path
) -> None:
    code, column = case["code"], case["column"]
    cells = {**BASES[code], column: case["value"]}
    place: dict[str, int] = {}

    def edit(workbook: openpyxl.Workbook) -> None:
        sheet = workbook["Answers"]
        for row_code, values in ((code, cells), GOOD_ROW):
            row = row_of(sheet, row_code)
            place[row_code] = row
            for key, value in values.items():
                sheet.cell(row, COLUMN_NUMBER[key]).value = value

    workbook = edit_workbook(template, template.with_name("filled.xlsx"), edit)
    letter = openpyxl.utils.get_column_letter(COLUMN_NUMBER[case.get("at", column)])

    result = run("import-answers", assessment_file, workbook)

    assert result.exit_code == 0, result.output
    assert f"  Answers!{letter}{place[code]}: {case['message']}\n" in result.output
    assert "1 bad cell" in result.output
    answers = load(assessment_file).answers
    assert (answers[code].status == "answered") is case["imported"]
    good = answers[GOOD_ROW[0]]
    assert (good.level, good.review.state) == ("high", "submitted")


def test_secondary_bad_cells_lose_only_their_own_value(
    assessment_file: Path, template: Path
) -> None:
    def edit(workbook: openpyxl.Workbook) -> None:
        sheet = workbook["Answers"]
        row = row_of(sheet, "R.A.1.b")
        for key, value in {
            **BASES["R.A.1.b"],
            "confidence": "certain",
            "evidence1.kind": "blog",
            "evidence1.date": "someday",
        }.items():
            sheet.cell(row, COLUMN_NUMBER[key]).value = value

    workbook = edit_workbook(template, template.with_name("filled.xlsx"), edit)
    run("import-answers", assessment_file, workbook)

    answer = load(assessment_file).answers["R.A.1.b"]
    assert (answer.level, answer.justification, answer.confidence) == (
        "mid",
        "Partly applied.",
        None,
    )
    [item] = answer.evidence
    assert (item.kind, item.citation, item.published) == ("report", "Court statistics 2022", None)


def test_bad_cells_are_listed_in_reading_order(assessment_file: Path, template: Path) -> None:
    def edit(workbook: openpyxl.Workbook) -> None:
        sheet = workbook["Answers"]
        spoiled = {"R.B.1.a": {"value": "many"}, "R.A.1.b": {"confidence": "sure", "level": "top"}}
        for code, values in spoiled.items():
            for key, value in values.items():
                sheet.cell(row_of(sheet, code), COLUMN_NUMBER[key]).value = value

    workbook = edit_workbook(template, template.with_name("filled.xlsx"), edit)
    output = run("import-answers", assessment_file, workbook).output

    listed = [
        line.split(":")[0].strip() for line in output.splitlines() if line.startswith("  Answers!")
    ]
    # Every bad cell of a refused row is named, not only the first.
    assert listed == ["Answers!G6", "Answers!K6", "Answers!H8"]


def _cell(value: object) -> CellValue:
    return CellValue(CellRef("Answers", "A1"), value)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("typed", "number"),
    [
        (12, 12.0),
        (12.5, 12.5),
        ("12.5", 12.5),
        ("12,5", 12.5),
        ("1 234", 1234.0),
        ("1\u00a0234,5", 1234.5),
        ("-3", -3.0),
    ],
)
def test_numbers_as_people_type_them(typed: object, number: float) -> None:
    assert parse_number(_cell(typed)) == number


@pytest.mark.parametrize("typed", ["1,234.5.6", "nan", "inf", "12 %", True])
def test_not_numbers(typed: object) -> None:
    with pytest.raises(CellError):
        parse_number(_cell(typed))


@pytest.mark.parametrize(
    ("typed", "date"),
    [
        (dt.datetime(2020, 5, 1, 0, 0), dt.date(2020, 5, 1)),
        (dt.date(2020, 5, 1), dt.date(2020, 5, 1)),
        ("2020-05-01", dt.date(2020, 5, 1)),
        ("2020-5-1", dt.date(2020, 5, 1)),
    ],
)
def test_dates_from_cells_or_iso_text(typed: object, date: dt.date) -> None:
    assert parse_date(_cell(typed)) == date


@pytest.mark.parametrize("typed", ["01/05/2020", "2020", 43952, "2020-13-01"])
def test_ambiguous_or_impossible_dates_are_refused(typed: object) -> None:
    # 01/05/2020 is 1 May in Nairobi and 5 January in New York: roam does not guess.
    with pytest.raises(CellError):
        parse_date(_cell(typed))


def test_a_year_may_be_a_date_or_a_whole_number() -> None:
    assert parse_year(_cell(dt.datetime(2021, 7, 1))) == 2021
    assert parse_year(_cell(2021.0)) == 2021
    with pytest.raises(CellError):
        parse_year(_cell(2021.5))
