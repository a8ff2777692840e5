"""Recommendations, grouped by the stakeholder group they address.

A recommendation to several groups appears under each of them, as national
reports list them; within a group, high priority comes first.
"""

from __future__ import annotations

from openpyxl.worksheet.worksheet import Worksheet

from roam.assessment.model import STAKEHOLDER_GROUPS
from roam.exchange.workbook_labels import value_label
from roam.workbooks.context import ReportContext
from roam.workbooks.inert_cells import CellValue
from roam.workbooks.sheets.register import text_inputs, write_register
from roam.workbooks.styles import LABEL, LIAISON, PLAIN, TEXT

COLUMNS = (
    ("col.group", LABEL, 22),
    ("col.id", PLAIN, 10),
    ("col.recommendation", TEXT, 46),
    ("col.priority", PLAIN, 10),
    ("col.timeframe", PLAIN, 13),
    ("col.indicators", TEXT, 22),
    ("col.liaison_note", LIAISON, 22),
)
_PRIORITY_ORDER = {"high": 0, "medium": 1, "low": 2}


def build_recommendations(ctx: ReportContext, sheet: Worksheet) -> None:
    rows: list[list[CellValue]] = []
    recommendations = ctx.assessment.recommendations
    for group in STAKEHOLDER_GROUPS:
        addressed = [r for r in recommendations if group in r.groups]
        addressed.sort(key=lambda r: _PRIORITY_ORDER[r.priority])
        for recommendation in addressed:
            rows.append(
                [
                    value_label("group", group, ctx.lang),
                    recommendation.id,
                    recommendation.text,
                    value_label("priority", recommendation.priority, ctx.lang),
                    value_label("timeframe", recommendation.timeframe, ctx.lang),
                    ", ".join(recommendation.indicators),
                    None,
                ]
            )
    last = write_register(
        ctx,
        sheet,
        name="recommendations",
        note="",
        columns=COLUMNS,
        rows=rows,
        empty_note=ctx.label("rec.none"),
    )
    text_inputs(sheet, len(COLUMNS), last)
