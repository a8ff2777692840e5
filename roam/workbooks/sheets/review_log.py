"""Review log: every comment of every in-scope indicator's review thread, in thread order."""

from __future__ import annotations

from openpyxl.worksheet.worksheet import Worksheet

from roam.exchange.workbook_labels import value_label
from roam.workbooks.context import ReportContext
from roam.workbooks.inert_cells import CellValue
from roam.workbooks.sheets.register import write_register
from roam.workbooks.styles import DATETIME, PLAIN, TEXT

COLUMNS = (
    ("col.code", PLAIN, 11),
    ("col.review_state", PLAIN, 12),
    ("col.time", DATETIME, 17),
    ("col.author", TEXT, 22),
    ("col.role", TEXT, 16),
    ("col.comment", TEXT, 66),
)


def build_review_log(ctx: ReportContext, sheet: Worksheet) -> None:
    rows: list[list[CellValue]] = []
    for code in ctx.scope:
        review = ctx.answer(code).review
        state = value_label("review", review.state, ctx.lang)
        for comment in review.thread:
            rows.append([code, state, comment.time, comment.author, comment.role, comment.text])
    write_register(
        ctx,
        sheet,
        name="review_log",
        note="",
        columns=COLUMNS,
        rows=rows,
        empty_note=ctx.label("log.none"),
    )
