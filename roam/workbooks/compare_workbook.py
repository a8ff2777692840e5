"""The cycle-comparison workbook: a summary sheet with a chart, and the indicator changes.

Every figure is the comparison's own value (the scoring engine's scores), written
as a value, never a formula; every text goes through the safe cell writer.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference, Series
from openpyxl.chart.shapes import GraphicalProperties
from openpyxl.worksheet.worksheet import Worksheet

from roam.exchange.workbook_labels import label
from roam.teamwork.compare import CHANGE_KINDS, CHANGE_LABELS, Comparison, Cycle, NodeChange
from roam.teamwork.subject import describe_edition
from roam.workbooks.inert_cells import CellValue, CellWriter
from roam.workbooks.layout import merged_note
from roam.workbooks.printing import prepare_printing
from roam.workbooks.saving import save_workbook
from roam.workbooks.styles import (
    ACCENT,
    NOTE,
    NUMBER,
    PALE,
    PERCENT,
    PLAIN,
    SCORE,
    SUBTITLE,
    TEXT,
    TITLE,
    install_styles,
    set_widths,
)
from roam.workbooks.tables import table_name, write_table

SUMMARY_SHEET = "Summary"
CHANGES_SHEET = "Indicator changes"
UNMAPPED_SHEET = "Unmapped codes"

_NODE_HEADERS = (
    "Code",
    "Name",
    "Score baseline",
    "Score follow-up",
    "Score change",
    "Coverage % baseline",
    "Coverage % follow-up",
    "Coverage change",
    "No data baseline",
    "No data follow-up",
)
_NODE_STYLES = (PLAIN, TEXT, SCORE, SCORE, SCORE, PERCENT, PERCENT, SCORE, NUMBER, NUMBER)
_SCORE_COLUMNS = (3, 4)
_CHART_ROWS = 17  # rows an 8 cm chart covers at the default row height


def write_compare_workbook(comparison: Comparison, path: str | Path) -> Path:
    """Write the comparison workbook to ``path`` (atomically) and return the path."""
    return save_workbook(build_compare_workbook(comparison), path)


def build_compare_workbook(comparison: Comparison) -> Workbook:
    workbook = Workbook()
    cells = install_styles(workbook)
    summary = workbook.active
    summary.title = SUMMARY_SHEET
    _summary(cells, summary, comparison)
    _changes(cells, workbook.create_sheet(CHANGES_SHEET), comparison)
    if comparison.only_in_baseline or comparison.only_in_followup:
        _unmapped(cells, workbook.create_sheet(UNMAPPED_SHEET), comparison)
    workbook.active = 0
    return workbook


# --- summary ------------------------------------------------------------------------------


def _summary(cells: CellWriter, sheet: Worksheet, comparison: Comparison) -> None:
    set_widths(
        sheet,
        {"A": 10, "B": 36, "C": 11, "D": 11, "E": 11, "F": 12, "G": 12, "H": 11, "I": 10, "J": 10},
    )
    cells.put(sheet, 1, 1, f"Cycle comparison: {comparison.country} ({comparison.iso})", TITLE)
    cells.put(sheet, 2, 1, f"Baseline: {_cycle_line(comparison.baseline)}", PLAIN)
    cells.put(sheet, 3, 1, f"Follow-up: {_cycle_line(comparison.followup)}", PLAIN)
    row = _note(cells, sheet, 4, label("disclaimer"))
    for note in comparison.notes:
        row = _note(cells, sheet, row, note)
    row += 1
    cells.put(sheet, row, 1, "Scores and coverage by category", SUBTITLE)
    categories = [n for n in comparison.nodes if n.kind == "category"]
    scored = [n for n in categories if not n.contextual]
    ordered = [comparison.nodes[0], *scored, *(n for n in categories if n.contextual)]
    last = write_table(
        sheet,
        cells,
        row + 1,
        name=table_name("compare", "categories"),
        headers=_NODE_HEADERS,
        rows=[_node_row(node) for node in ordered],
        column_styles=_NODE_STYLES,
    )
    if scored:
        first_scored = row + 3  # under the header and the overall row
        _score_chart(sheet, first_scored, first_scored + len(scored) - 1, f"A{last + 2}")
        last += _CHART_ROWS
    row = _change_counts(cells, sheet, last + 2, comparison)
    cells.put(sheet, row + 1, 1, "Scores and coverage by theme", SUBTITLE)
    write_table(
        sheet,
        cells,
        row + 2,
        name=table_name("compare", "themes"),
        headers=_NODE_HEADERS,
        rows=[_node_row(node) for node in comparison.nodes if node.kind == "theme"],
        column_styles=_NODE_STYLES,
    )
    sheet.freeze_panes = "A5"
    prepare_printing(sheet, comparison.country, "en")


def _cycle_line(cycle: Cycle) -> str:
    a = cycle.assessment
    return (
        f"{cycle.label}, {describe_edition(a)}, scope {a.scope}, "
        f"started {a.created.date().isoformat()}"
    )


def _note(cells: CellWriter, sheet: Worksheet, row: int, text: str) -> int:
    cells.put(sheet, row, 1, text, NOTE)
    sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=len(_NODE_HEADERS))
    sheet.row_dimensions[row].height = 30
    return row + 1


def _node_row(node: NodeChange) -> list[CellValue]:
    before, after = node.baseline, node.followup
    return [
        node.code,
        node.name,
        None if before is None else before.score,
        None if after is None else after.score,
        node.score_change,
        None if before is None else before.complete,
        None if after is None else after.complete,
        node.coverage_change,
        None if before is None else before.no_data,
        None if after is None else after.no_data,
    ]


def _score_chart(sheet: Worksheet, first: int, last: int, anchor: str) -> None:
    chart = BarChart()
    chart.type = "col"
    chart.grouping = "clustered"
    chart.title = "Category scores (0–100)"
    for column, title, colour in zip(
        _SCORE_COLUMNS, ("Baseline", "Follow-up"), (PALE, ACCENT), strict=True
    ):
        series = Series(Reference(sheet, min_col=column, min_row=first, max_row=last), title=title)
        series.graphicalProperties = GraphicalProperties(solidFill=colour)
        series.graphicalProperties.line.solidFill = ACCENT
        chart.series.append(series)
    chart.set_categories(Reference(sheet, min_col=1, min_row=first, max_row=last))
    chart.y_axis.scaling.min = 0
    chart.y_axis.scaling.max = 100
    chart.y_axis.majorUnit = 25
    chart.x_axis.delete = False  # Excel hides axes that are not explicitly kept
    chart.y_axis.delete = False
    chart.legend.position = "b"
    chart.width, chart.height = 16.0, 8.0
    sheet.add_chart(chart, anchor)


def _change_counts(cells: CellWriter, sheet: Worksheet, top: int, comparison: Comparison) -> int:
    cells.put(sheet, top, 1, "Indicator changes", SUBTITLE)
    rows: list[Sequence[CellValue]] = [
        [CHANGE_LABELS[kind], comparison.count(kind)] for kind in CHANGE_KINDS
    ]
    rows.append(["changed without a new justification", len(comparison.unjustified)])
    rows.append(["codes only in the baseline edition", len(comparison.only_in_baseline)])
    rows.append(["codes only in the follow-up edition", len(comparison.only_in_followup)])
    return write_table(
        sheet,
        cells,
        top + 1,
        name=table_name("compare", "counts"),
        headers=["Change", "Indicators"],
        rows=rows,
        column_styles=[TEXT, NUMBER],
        first_column=2,
    )


# --- detail -------------------------------------------------------------------------------


def _changes(cells: CellWriter, sheet: Worksheet, comparison: Comparison) -> None:
    # Narrow enough (with the headers' words) to print on A4 landscape at 90 % or more.
    set_widths(
        sheet,
        {"A": 10, "B": 9, "C": 32, "D": 13, "E": 19, "F": 19, "G": 9, "H": 9, "I": 9, "J": 14},
    )
    cells.put(sheet, 1, 1, f"Indicator changes: {comparison.country}", TITLE)
    merged_note(
        cells,
        sheet,
        2,
        "One row per indicator whose status, level or value changed. 'Same justification': "
        "the answer changed but its justification text did not.",
        10,
    )
    rows = [
        [
            change.code,
            change.category,
            change.text,
            CHANGE_LABELS[change.kind],
            change.baseline,
            change.followup,
            {1: "up", -1: "down"}.get(change.direction, ""),
            change.score_before,
            change.score_after,
            "yes" if change.same_justification else "",
        ]
        for change in comparison.changes
    ]
    write_table(
        sheet,
        cells,
        4,
        name=table_name("compare", "changes"),
        headers=[
            "Code",
            "Category",
            "Indicator",
            "Change",
            "Baseline answer",
            "Follow-up answer",
            "Direction",
            "Score baseline",
            "Score follow-up",
            "Same justification",
        ],
        rows=rows,
        column_styles=[PLAIN, PLAIN, TEXT, PLAIN, TEXT, TEXT, PLAIN, SCORE, SCORE, PLAIN],
        empty_note="No indicator changed between the two cycles.",
    )
    sheet.freeze_panes = "A5"
    prepare_printing(sheet, comparison.country, "en", "4:4")


def _unmapped(cells: CellWriter, sheet: Worksheet, comparison: Comparison) -> None:
    set_widths(sheet, {"A": 14, "B": 40})
    cells.put(sheet, 1, 1, "Codes that exist in only one of the two editions", TITLE)
    cells.put(sheet, 2, 1, "These in-scope indicators could not be compared.", NOTE)
    old = describe_edition(comparison.baseline.assessment)
    new = describe_edition(comparison.followup.assessment)
    rows = [[code, f"baseline only ({old})"] for code in comparison.only_in_baseline]
    rows += [[code, f"follow-up only ({new})"] for code in comparison.only_in_followup]
    write_table(
        sheet,
        cells,
        4,
        name=table_name("compare", "unmapped"),
        headers=["Code", "Exists in"],
        rows=rows,
        column_styles=[PLAIN, PLAIN],
    )
    prepare_printing(sheet, comparison.country, "en", "4:4")
