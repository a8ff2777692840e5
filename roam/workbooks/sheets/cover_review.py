"""The Cover's block for the liaison: what there is to review, how to send it back, and
a cell for general comments.

The counts are the assessment's own (statuses and review states of the indicators
in scope), so the liaison sees the size of the task before opening a category sheet.
"""

from __future__ import annotations

from openpyxl.worksheet.worksheet import Worksheet

from roam.assessment.model import REVIEW_STATES, STATUSES
from roam.exchange.workbook_labels import value_label
from roam.workbooks.context import ReportContext
from roam.workbooks.layout import height_for, set_height, text_lines
from roam.workbooks.styles import LABEL, LIAISON, PLAIN, SUBTITLE, TEXT

TEXT_FORMAT = "@"  # what the liaison types stays text (see the category sheets)
_COMMENT_LINES = 8
_TO_REVIEW = ("submitted", "queried")


def write_review_block(ctx: ReportContext, sheet: Worksheet, row: int, width: float) -> int:
    """Write the block from ``row`` (column B ``width`` wide); returns the next free row."""
    cells = ctx.cells
    answers = [ctx.answer(code) for code in ctx.scope]
    statuses = " · ".join(
        f"{value_label('status', status, ctx.lang)} {sum(a.status == status for a in answers)}"
        for status in STATUSES
    )
    states = " · ".join(
        f"{value_label('review', state, ctx.lang)} {sum(a.review.state == state for a in answers)}"
        for state in REVIEW_STATES
    )
    todo = sum(a.review.state in _TO_REVIEW for a in answers)
    cells.put(sheet, row, 1, ctx.label("cover.review"), SUBTITLE)
    pairs = [
        ("cover.review_scope", f"{len(answers)}: {statuses}"),
        ("cover.review_states", states),
        ("cover.review_todo", ctx.label("cover.review_todo_text").format(count=todo)),
        ("cover.return", ctx.label("cover.return_text")),
    ]
    for offset, (key, text) in enumerate(pairs, start=1):
        cells.put(sheet, row + offset, 1, ctx.label(key), LABEL)
        cells.put(sheet, row + offset, 2, text, TEXT if key == "cover.return" else PLAIN)
    set_height(sheet, row + len(pairs), height_for(text_lines(pairs[-1][1], width)))
    comment_row = row + len(pairs) + 1
    cells.put(sheet, comment_row, 1, ctx.label("cover.general_comment"), LABEL)
    comment = cells.put(sheet, comment_row, 2, None, LIAISON)
    comment.number_format = TEXT_FORMAT
    set_height(sheet, comment_row, height_for(_COMMENT_LINES))
    return comment_row + 1
