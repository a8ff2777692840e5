"""Data gaps and N/A: what the team could not answer, why, and where data might be found."""

from __future__ import annotations

from openpyxl.worksheet.worksheet import Worksheet

from roam.exchange.workbook_labels import value_label
from roam.workbooks.context import ReportContext
from roam.workbooks.inert_cells import CellValue
from roam.workbooks.sheets.register import text_inputs, write_register
from roam.workbooks.styles import LIAISON, PLAIN, TEXT

COLUMNS = (
    ("col.code", PLAIN, 10),
    ("col.category", TEXT, 14),
    ("col.indicator", TEXT, 28),
    ("col.status", PLAIN, 12),
    ("col.justification", TEXT, 32),
    ("col.sources", TEXT, 26),
    ("col.liaison_note", LIAISON, 20),
)
GAP_STATUSES = ("no_data", "not_applicable")


def build_gaps(ctx: ReportContext, sheet: Worksheet) -> None:
    rows: list[list[CellValue]] = []
    for place in ctx.places_in_scope():
        answer = ctx.answer(place.indicator.code)
        if answer.status not in GAP_STATUSES:
            continue
        rows.append(
            [
                place.indicator.code,
                f"{place.category.code} {ctx.text(place.category.name)}",
                ctx.text(place.indicator.text),
                value_label("status", answer.status, ctx.lang),
                answer.justification,
                "\n".join(ctx.text(source) for source in place.indicator.sources),
                None,
            ]
        )
    last = write_register(
        ctx,
        sheet,
        name="gaps",
        note=ctx.label("gaps.intro"),
        columns=COLUMNS,
        rows=rows,
        empty_note=ctx.label("gaps.none"),
    )
    text_inputs(sheet, len(COLUMNS), last)
