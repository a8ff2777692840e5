"""How a sheet prints: A4 landscape, repeated header rows, and text no smaller than 9 pt.

A sheet is fitted to the page width only while that keeps 10 pt text at 9 pt or
more; a sheet too wide for that prints at full size across pages instead, with its
first column repeated on each, so no printed page is unreadable.

Excel and LibreOffice draw a unit of column width differently: Excel as 7 pixels
plus 5 a column (at 96 dpi), LibreOffice between 0.196 and 0.206 cm (measured on
LibreOffice's PDFs of the report's sheets: the unit varies with the columns).  A sheet
is measured by the wider, LibreOffice's widest, so that what it predicts is never
larger than what prints; a sheet meant to fit keeps its widths to about 145 units.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from openpyxl.utils.cell import range_boundaries
from openpyxl.worksheet.worksheet import Worksheet

from roam.exchange.workbook_labels import label
from roam.workbooks.inert_cells import header_footer_text
from roam.workbooks.layout import column_widths, width_cm

A4_CM = (21.0, 29.7)
LIBREOFFICE_CM_PER_UNIT = 0.206
MIN_PRINT_SCALE = 0.9  # 10 pt text prints at 9 pt or more
FOOTER_POINTS = 10  # scaled with the page, as LibreOffice does: 9 pt or more at 90 %
MARGIN_INCHES = 0.4


def printed_width_cm(widths: Sequence[float]) -> float:
    """The width of columns this wide on paper at 100 %: the wider of Excel's and LibreOffice's."""
    return max(width_cm(widths), LIBREOFFICE_CM_PER_UNIT * sum(widths))


def printable_width_cm(sheet: Worksheet) -> float:
    short, long = A4_CM
    paper = long if sheet.page_setup.orientation == "landscape" else short
    margins = sheet.page_margins
    return paper - 2.54 * ((margins.left or 0) + (margins.right or 0))


def fitted_scale(sheet: Worksheet, last_column: int) -> float:
    """The scale that fitting columns 1 to ``last_column`` to the page width gives.

    A whole percentage, rounded down as the spreadsheets choose it; at most 1.
    """
    widths = column_widths(sheet, 1, last_column)
    percent = math.floor(100 * printable_width_cm(sheet) / printed_width_cm(widths))
    return min(1.0, percent / 100)


def print_scale(sheet: Worksheet) -> float:
    """The scale at which ``sheet`` prints, from its page setup and column widths."""
    setup = sheet.page_setup
    fitted = sheet.sheet_properties.pageSetUpPr is not None and bool(
        sheet.sheet_properties.pageSetUpPr.fitToPage
    )
    if fitted and setup.fitToWidth == 1:
        return fitted_scale(sheet, printed_columns(sheet))
    return (setup.scale or 100) / 100


def printed_columns(sheet: Worksheet) -> int:
    """The last column that prints: the print area's, or the last one used."""
    area = sheet.print_area
    if area:
        # "'Sheet'!$A$1:$J$40": the first range, without its sheet.
        max_column = range_boundaries(area.split(",")[0].rsplit("!", 1)[-1])[2]
        if max_column is not None:
            return int(max_column)
    return int(sheet.max_column)


def prepare_printing(
    sheet: Worksheet,
    country: str,
    lang: str,
    title_rows: str | None = None,
    *,
    last_column: int | None = None,
) -> None:
    """A4 landscape, repeated header rows, page number and country below.

    Fitted to the page width if 10 pt text still prints at 9 pt or more; otherwise at
    full size across pages with column A repeated.  Set the column widths first.
    """
    setup = sheet.page_setup
    setup.orientation = "landscape"
    setup.paperSize = sheet.PAPERSIZE_A4
    sheet.print_options.gridLines = False
    sheet.page_margins.left = sheet.page_margins.right = MARGIN_INCHES
    sheet.page_margins.top = sheet.page_margins.bottom = 0.6
    if title_rows:
        sheet.print_title_rows = title_rows
    columns = last_column or sheet.max_column
    if fitted_scale(sheet, columns) >= MIN_PRINT_SCALE:
        setup.fitToWidth = 1
        setup.fitToHeight = 0
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
    else:
        print_across_pages(sheet)
    for part, text in (
        (sheet.oddFooter.left, country),
        (sheet.oddFooter.center, None),
        (sheet.oddFooter.right, sheet.title),
    ):
        part.text = label("footer.page", lang) if text is None else header_footer_text(text)
        part.size = FOOTER_POINTS


def print_across_pages(sheet: Worksheet) -> None:
    """Full size, the columns running on over as many pages as they need, column A on each."""
    sheet.page_setup.scale = 100
    sheet.sheet_properties.pageSetUpPr.fitToPage = False
    sheet.print_title_cols = "A:A"
    # Each band of rows prints across all its pages before the next band.
    sheet.page_setup.pageOrder = "overThenDown"
