"""Excel tables (header row, filters, banded rows) written through the safe cell writer."""

from __future__ import annotations

import re
from collections.abc import Sequence

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.filters import AutoFilter
from openpyxl.worksheet.table import Table, TableColumn, TableStyleInfo
from openpyxl.worksheet.worksheet import Worksheet

from roam.workbooks.inert_cells import CellValue, CellWriter, cell_text
from roam.workbooks.layout import RowFitter, column_widths, header_width
from roam.workbooks.styles import HEADER, NOTE


def table_name(*parts: str) -> str:
    """A workbook-unique table name built from codes (letters, digits, underscores)."""
    return "roam_" + "_".join(re.sub(r"\W", "_", part) for part in parts)


def unique_headers(headers: Sequence[str]) -> list[str]:
    """Excel refuses a table whose header cells repeat; number the repeats."""
    seen: dict[str, int] = {}
    result = []
    for header in headers:
        count = seen.get(header.casefold(), 0)
        seen[header.casefold()] = count + 1
        result.append(header if count == 0 else f"{header} {count + 1}")
    return result


def widen_for_headers(sheet: Worksheet, headers: Sequence[str], first_column: int = 1) -> None:
    """Widen each column to its header's longest word, so no word breaks mid-word.

    Header cells wrap; a column narrower than a word splits it ("Décision du
    correspon-/dant"), which no reader should have to piece together.
    """
    widths = column_widths(sheet, first_column, len(headers))
    for offset, (header, width) in enumerate(zip(headers, widths, strict=True)):
        needed = header_width(header)
        if needed > width:
            sheet.column_dimensions[get_column_letter(first_column + offset)].width = needed


def write_table(
    sheet: Worksheet,
    cells: CellWriter,
    top: int,
    *,
    name: str,
    headers: Sequence[str],
    rows: Sequence[Sequence[CellValue]],
    column_styles: Sequence[str | None],
    empty_note: str = "",
    first_column: int = 1,
    row_styles: Sequence[Sequence[str | None] | None] | None = None,
) -> int:
    """Write a header row at ``top`` and the rows under it as one filterable table.

    Returns the last row used.  Without rows there is no table (Excel needs at
    least one data row) but ``empty_note`` under the headers.  Set the column
    widths first: the rows are sized from them.  ``row_styles`` gives rows styles of
    their own (a group row); None in it keeps ``column_styles``.
    """
    header_texts = unique_headers(headers)
    widen_for_headers(sheet, header_texts, first_column)
    widths = column_widths(sheet, first_column, len(headers))
    cells.put_row(sheet, top, header_texts, HEADER, first_column)
    RowFitter([HEADER] * len(headers), widths).fit(sheet, top, header_texts)
    if not rows:
        if empty_note:
            cells.put(sheet, top + 1, first_column, empty_note, NOTE)
        return top + 1
    fitter = RowFitter(column_styles, widths)
    for offset, values in enumerate(rows, start=1):
        own = row_styles[offset - 1] if row_styles else None
        cells.put_row(sheet, top + offset, values, own or column_styles, first_column)
        if own is None:
            fitter.fit(sheet, top + offset, values)
        else:
            RowFitter(own, widths).fit(sheet, top + offset, values)
    last_row = top + len(rows)
    last_column = get_column_letter(first_column + len(headers) - 1)
    ref = f"{get_column_letter(first_column)}{top}:{last_column}{last_row}"
    table = Table(displayName=name, ref=ref, autoFilter=AutoFilter(ref=ref))
    # Named here, from the headers just written: otherwise openpyxl reads every
    # cell of the table back when saving, only to find the header row.
    table.tableColumns = [
        TableColumn(id=index, name=cell_text(header))
        for index, header in enumerate(header_texts, start=1)
    ]
    table.tableStyleInfo = TableStyleInfo(
        name="TableStyleLight9", showRowStripes=True, showColumnStripes=False
    )
    sheet.add_table(table)
    return last_row
