"""The common shape of the list sheets: a title, a note, then one filterable table."""

from __future__ import annotations

from collections.abc import Sequence

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from roam.workbooks.context import ReportContext
from roam.workbooks.inert_cells import CellValue
from roam.workbooks.layout import merged_note
from roam.workbooks.printing import prepare_printing
from roam.workbooks.styles import TITLE
from roam.workbooks.tables import table_name, write_table

HEADER_ROW = 4


def write_register(
    ctx: ReportContext,
    sheet: Worksheet,
    *,
    name: str,
    note: str,
    columns: Sequence[tuple[str, str, float]],
    rows: Sequence[Sequence[CellValue]],
    empty_note: str,
    headers: Sequence[str] | None = None,
) -> int:
    """``columns``: (header label key, style, width) each; ``headers`` overrides the labels.

    Returns the last row used.
    """
    for index, (_, _, width) in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    ctx.cells.put(sheet, 1, 1, sheet.title, TITLE)
    if note:
        merged_note(ctx.cells, sheet, 2, note, len(columns))
    last = write_table(
        sheet,
        ctx.cells,
        HEADER_ROW,
        name=table_name(name),
        headers=headers or [ctx.label(key) for key, _, _ in columns],
        rows=rows,
        column_styles=[style for _, style, _ in columns],
        empty_note=empty_note,
    )
    sheet.freeze_panes = f"A{HEADER_ROW + 1}"
    prepare_printing(sheet, ctx.assessment.country, ctx.lang, f"{HEADER_ROW}:{HEADER_ROW}")
    return last


def text_inputs(sheet: Worksheet, column: int, last: int) -> None:
    """The liaison's comment cells of ``column`` take what is typed as text ("@").

    Otherwise a comment starting with "=" or "-" becomes a formula (see the category
    sheets, which do the same for their liaison cells).
    """
    for row in range(HEADER_ROW + 1, last + 1):
        sheet.cell(row, column).number_format = "@"
