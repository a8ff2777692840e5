"""An assessment file on the mini edition, and helpers to export, fill and import workbooks."""

from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
from click.testing import CliRunner, Result

from roam.assessment.create import new_assessment
from roam.assessment.loader import load_assessment
from roam.assessment.model import Assessment, Evidence
from roam.cli.main import main
from roam.exchange.workbook_labels import label
from roam.framework import Framework

CREATED = dt.datetime(2024, 3, 1, 9, 0, tzinfo=dt.UTC)
EXPORTED = dt.datetime(2024, 6, 1, 12, 0, tzinfo=dt.UTC)
RIGHTS = "R Rights"  # the report sheet of the Rights category
ANSWERS_PART = "xl/worksheets/sheet2.xml"  # the template's second sheet


def kenya(framework: Framework, path: Path, iso: str = "KEN", country: str = "Kenya") -> Assessment:
    """Full scope of the mini edition; R.A.1.a answered 'mid' with one source, the rest empty."""
    assessment = new_assessment(
        framework, country=country, iso=iso, scope="full", path=path, created=CREATED
    )
    answer = assessment.answers["R.A.1.a"]
    answer.status = "answered"
    answer.level = "mid"
    answer.justification = "The 2019 act exists but is not applied everywhere."
    answer.evidence = [Evidence(kind="law_or_regulation", citation="Access Act 2019")]
    return assessment


def load(path: Path) -> Assessment:
    return load_assessment(path)


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(main, [str(arg) for arg in args], catch_exceptions=False)


def export(assessment_path: Path, out: Path, framework: Framework) -> Path:
    from roam.workbooks.workbook import export_report

    return export_report(load(assessment_path), out, framework=framework, generated=EXPORTED)


def edit_workbook(source: Path, target: Path, edit: Callable[[openpyxl.Workbook], Any]) -> Path:
    """Open ``source`` with openpyxl, apply ``edit``, save as ``target`` (a person filling it)."""
    workbook = openpyxl.load_workbook(source)
    edit(workbook)
    workbook.save(target)
    return target


def row_of(sheet: Any, code: str, code_column: int = 1) -> int:
    """The row number of indicator ``code`` on a sheet (first column holds the codes)."""
    for row in sheet.iter_rows(min_col=code_column, max_col=code_column):
        if row[0].value == code:
            return int(row[0].row)
    raise AssertionError(f"{code} is not on sheet {sheet.title}")


def fill_answers(sheet: Any, cells: dict[str, dict[str, object]]) -> dict[str, int]:
    """Type ``cells`` (code -> template column key -> value) into a template's Answers sheet.

    Returns the row of each code, for tests that name the cells they filled.
    """
    from roam.workbooks.template_layout import COLUMN_NUMBER

    rows: dict[str, int] = {}
    for code, values in cells.items():
        rows[code] = row = row_of(sheet, code)
        for key, value in values.items():
            sheet.cell(row, COLUMN_NUMBER[key]).value = value
    return rows


def header_column(sheet: Any, header: str, header_row: int) -> int:
    for cell in sheet[header_row]:
        if cell.value == header:
            return int(cell.column)
    raise AssertionError(f"no column '{header}' on sheet {sheet.title}")


def liaison(decisions: dict[str, tuple[str | None, str | None]], saved_by: str | None = None):
    """An edit that writes (decision, comment) into the liaison columns of each code's row."""

    def edit(workbook: openpyxl.Workbook) -> None:
        for sheet in workbook.worksheets:
            header = liaison_header_row(sheet)
            if header is None:
                continue
            decision = header_column(sheet, label("col.decision"), header)
            comment = header_column(sheet, label("col.liaison_comment"), header)
            for code, (chosen, text) in decisions.items():
                try:
                    row = row_of(sheet, code)
                except AssertionError:
                    continue
                sheet.cell(row, decision).value = chosen
                sheet.cell(row, comment).value = text
        if saved_by is not None:
            workbook.properties.lastModifiedBy = saved_by

    return edit


def liaison_header_row(sheet: Any) -> int | None:
    """The row of a report sheet holding the liaison's column headers (None: no such row)."""
    for row in sheet.iter_rows(max_row=20):
        if any(cell.value == label("col.decision") for cell in row):
            return int(row[0].row)
    return None


def rewrite(source: Path, target: Path, part: str, change: Callable[[bytes], bytes]) -> Path:
    """Copy the zip ``source`` to ``target`` with one member's bytes changed."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        assert not part or part in old.namelist(), part
        for info in old.infolist():
            data = old.read(info)
            new.writestr(info.filename, change(data) if info.filename == part else data)
    return target
