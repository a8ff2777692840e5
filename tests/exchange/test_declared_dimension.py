"""A sheet's declared <dimension> is not trusted: rows and columns past it are read.

openpyxl's read-only sheets stop at the declared dimension, so a workbook whose
dimension is wrong (written by another tool, or edited) lost its last rows
without a word.  The reader reads to the sheet's real end, still counting rows
(and checking widths) so a huge sheet is refused.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import openpyxl
import pytest

from roam.errors import SourceError
from roam.framework import Framework
from roam.workbooks.filled_template_reader import read_filled_template
from roam.workbooks.sheets.category import COMMENT_COLUMN, DECISION_COLUMN
from roam.workbooks.untrusted_xlsx import WorkbookLimits, open_untrusted_workbook, sheet_rows
from tests.helpers.exchange_workbooks import (
    ANSWERS_PART,
    edit_workbook,
    export,
    fill_answers,
    load,
    rewrite,
    run,
)

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


def sheet_part(workbook: Path, title: str) -> str:
    """The zip member holding sheet ``title``."""
    with zipfile.ZipFile(workbook) as archive:
        book = ElementTree.fromstring(archive.read("xl/workbook.xml"))
        rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    target = {rel.get("Id"): rel.get("Target") for rel in rels}
    for sheet in book.iter(f"{_MAIN}sheet"):
        if sheet.get("name") == title:
            path = str(target[sheet.get(f"{_REL}id")]).lstrip("/")
            return path if path.startswith("xl/") else f"xl/{path}"
    raise AssertionError(title)


def declare(source: Path, target: Path, part: str, ref: str) -> Path:
    """``source`` with the dimension of ``part`` rewritten to ``ref``."""

    def smaller(xml: bytes) -> bytes:
        changed, count = re.subn(
            rb'<dimension ref="[^"]*"', f'<dimension ref="{ref}"'.encode(), xml
        )
        assert count == 1
        return changed

    return rewrite(source, target, part, smaller)


def test_template_rows_and_columns_past_the_dimension_are_imported(
    assessment_file: Path, template: Path
) -> None:
    filled_rows = {
        "R.A.1.b": {"level": "mid", "justification": "Partly."},
        "R.A.2.a": {"value": 40, "year": 2023},
        "O.A.1.a": {"level": "high"},
        "R.B.1.a": {"status": "no_data", "justification": "Not counted."},
    }

    def fill(workbook: openpyxl.Workbook) -> None:
        fill_answers(workbook["Answers"], filled_rows)

    filled = edit_workbook(template, template.with_name("filled.xlsx"), fill)
    # Header row 3 and one indicator row, columns A to C: most input cells lie outside.
    lying = declare(filled, template.with_name("lying.xlsx"), ANSWERS_PART, "A1:C4")
    with open_untrusted_workbook(lying) as workbook:
        assert workbook["Answers"].max_row == 4  # what the file claims

    result = run("import-answers", assessment_file, lying)

    assert result.exit_code == 0, result.output
    assert "imported 4 new" in result.output and "0 bad cells" in result.output
    answers = load(assessment_file).answers
    assert answers["R.A.2.a"].value == 40 and answers["R.B.1.a"].status == "no_data"


def test_report_rows_past_the_dimension_are_imported(
    assessment_file: Path, framework: Framework
) -> None:
    report = export(assessment_file, assessment_file.parent / "report.xlsx", framework)
    codes: list[str] = []

    def review(workbook: openpyxl.Workbook) -> None:
        sheet = workbook["R Rights"]
        for row in range(6, sheet.max_row + 1):
            code = sheet.cell(row, 1).value
            # Indicator rows only: a theme's or question's group row has no yellow cells.
            if code and sheet.cell(row, DECISION_COLUMN).style == "roam liaison":
                codes.append(code)
                sheet.cell(row, DECISION_COLUMN).value = "query"
                sheet.cell(row, COMMENT_COLUMN).value = f"Check {code}."

    reviewed = edit_workbook(report, report.with_name("reviewed.xlsx"), review)
    assert len(codes) > 2
    part = sheet_part(reviewed, "R Rights")
    lying = declare(reviewed, report.with_name("lying.xlsx"), part, "A1:P7")

    result = run("import-review", assessment_file, lying, "--reviewer", "Liaison")

    assert result.exit_code == 0, result.output
    assert f"{len(codes)} queried" in result.output
    answers = load(assessment_file).answers
    assert all(answers[code].review.state == "queried" for code in codes)


def test_many_real_rows_under_a_small_dimension_are_still_refused(template: Path) -> None:
    def grow(workbook: openpyxl.Workbook) -> None:
        sheet = workbook["Answers"]
        for row in range(sheet.max_row + 1, sheet.max_row + 40):
            sheet.cell(row, 1).value = f"X.{row}"

    grown = edit_workbook(template, template.with_name("grown.xlsx"), grow)
    lying = declare(grown, template.with_name("lying.xlsx"), ANSWERS_PART, "A1:C4")
    limits = WorkbookLimits(max_rows=20)
    with pytest.raises(SourceError, match="sheet 'Answers' has more than 20 rows"):
        read_filled_template(lying, limits)


def test_cells_far_past_a_small_dimension_are_refused(template: Path) -> None:
    lying = declare(template, template.with_name("lying.xlsx"), ANSWERS_PART, "A1:C4")
    with open_untrusted_workbook(lying) as workbook:
        rows = sheet_rows(workbook, "Answers", str(lying), WorkbookLimits(max_columns=5))
        with pytest.raises(SourceError, match="sheet 'Answers' has cells past column 5"):
            list(rows)
