"""Export the demo report, against a bare openpyxl script writing as many cells.

The baseline writes the very values the report holds, at the same places on
the same number of sheets, with no styles, charts, validation or properties;
the ratio is what roam's layout, styling and charts cost on top of writing data.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.demo_files import demo_assessment, scratch
from benchmarks.harness import Budget, Measurement, NotAvailable, Spec, compare

SPECS = [
    Spec(
        key="report_export",
        label="export the demo report",
        baseline_label="bare openpyxl: same cell values, same sheets, no styles or charts",
        target=2.0,
    )
]

SheetCells = list[tuple[str, list[tuple[int, int, Any]]]]


def operation() -> Callable[[], Path]:
    try:
        from roam.workbooks.workbook import export_report
    except ImportError as exc:
        raise NotAvailable(f"report export: {exc}") from None
    from roam.assessment.loader import load_assessment
    from roam.framework.loader import load_framework

    framework = load_framework()
    assessment = load_assessment(demo_assessment(), framework)
    target = scratch() / "examplia-report.xlsx"
    return lambda: export_report(assessment, target, framework=framework)


def cells_of(path: Path) -> SheetCells:
    """Every non-empty cell value of every sheet, as (row, column, value)."""
    from openpyxl import load_workbook

    workbook = load_workbook(path)
    sheets = []
    for sheet in workbook.worksheets:
        values = [
            (cell.row, cell.column, cell.value)
            for row in sheet.iter_rows()
            for cell in row
            if cell.value is not None
        ]
        sheets.append((sheet.title, values))
    return sheets


def bare_writer(sheets: SheetCells, target: Path) -> Callable[[], None]:
    from openpyxl import Workbook

    def write() -> None:
        workbook = Workbook()
        workbook.remove(workbook.active)
        for title, values in sheets:
            sheet = workbook.create_sheet(title)
            for row, column, value in values:
                sheet.cell(row=row, column=column, value=value)
        workbook.save(target)

    return write


def measure(budget: Budget) -> dict[str, Measurement]:
    export = operation()
    sheets = cells_of(export())
    bare = bare_writer(sheets, scratch() / "bare.xlsx")
    measurement = compare(export, bare, budget.repeats(9), warmup=1)
    total = sum(len(values) for _, values in sheets)
    measurement.note = f"{len(sheets)} sheets, {total:,} cell values"
    return {"report_export": measurement}


def profile_target(key: str) -> Callable[[], object]:
    return operation()
