"""Row heights for wrapped text, and merged notes.

Neither Excel nor LibreOffice grows a row to fit wrapped text when it opens a
generated file (and never for merged cells), so long justifications would show
one line and hide the rest.  The report sizes those rows itself from the text
length and the column width, wrapping words as the spreadsheet does: a slight
overestimate, never a cut.
"""

from __future__ import annotations

from collections.abc import Sequence

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.cell_range import CellRange
from openpyxl.worksheet.dimensions import RowDimension
from openpyxl.worksheet.worksheet import Worksheet

from roam.workbooks.inert_cells import CellValue, CellWriter
from roam.workbooks.styles import HEADER, LIAISON, NOTE, TEXT

WRAPPED_STYLES = frozenset({TEXT, NOTE, HEADER, LIAISON})
# Excel's line height for 10 pt Calibri (LibreOffice's Carlito is 11.85 pt).
LINE_POINTS = 12.75
PADDING_POINTS = 3.0
DEFAULT_WIDTH = 8.43
# Characters of 10 pt text per unit of column width.  Measured against LibreOffice's
# rendering of the demo report (Carlito has Calibri's widths): with 1.25 and words
# wrapped as the spreadsheet wraps them, no row of 250 was cut and the estimate was
# about a tenth too long in all; the older length-based estimate was 27% too long.
CHARS_PER_WIDTH = 1.25
# Bold 10 pt header text per unit of width, and the cell's own margins.
HEADER_CHARS_PER_WIDTH = 1.0
HEADER_MARGIN = 1.5
MAX_ROW_POINTS = 409.0  # Excel's limit


def text_lines(text: str, width: float) -> int:
    """How many lines ``text`` takes in a column ``width`` wide (wrapping at words)."""
    return _lines(text, _per_line(width))


def _per_line(width: float) -> int:
    return max(1, int(width * CHARS_PER_WIDTH) - 1)


def _lines(text: str, per_line: int) -> int:
    if len(text) <= per_line and "\n" not in text:
        return 1
    return sum(_wrapped_lines(paragraph, per_line) for paragraph in text.split("\n"))


def _wrapped_lines(paragraph: str, per_line: int) -> int:
    """Lines of one paragraph wrapped at spaces; a word longer than a line is broken."""
    lines, used = 1, 0
    for word in paragraph.split():
        length = len(word)
        if used and used + 1 + length <= per_line:
            used += 1 + length
            continue
        if used:
            lines += 1
        extra, used = divmod(length, per_line)
        if used == 0 and extra:  # the word fills its last line exactly
            extra, used = extra - 1, per_line
        lines += extra
    return lines


def header_width(header: str) -> float:
    """The narrowest column in which no word of ``header`` is broken across lines."""
    longest = max((len(word) for word in header.split()), default=0)
    return longest / HEADER_CHARS_PER_WIDTH + HEADER_MARGIN


def set_height(sheet: Worksheet, row: int, points: float) -> None:
    # Built whole: cheaper than creating an empty dimension and then setting its height.
    sheet.row_dimensions[row] = RowDimension(sheet, index=row, ht=points, customHeight=True)


def width_cm(widths: Sequence[float]) -> float:
    """The printed width of columns of these widths (7 pixels a unit plus 5 each, at 96 dpi)."""
    return sum(width * 7 + 5 for width in widths) / 96 * 2.54


def height_for(lines: int) -> float:
    return min(MAX_ROW_POINTS, lines * LINE_POINTS + PADDING_POINTS)


def column_widths(sheet: Worksheet, first_column: int, count: int) -> list[float]:
    dimensions = sheet.column_dimensions
    widths = []
    for index in range(first_column, first_column + count):
        letter = get_column_letter(index)
        width = dimensions[letter].width if letter in dimensions else None
        widths.append(width or DEFAULT_WIDTH)
    return widths


class RowFitter:
    """Sizes rows of one table: which columns wrap, and how many characters fit a line."""

    def __init__(self, styles: Sequence[str | None], widths: Sequence[float]) -> None:
        self._wrapped = [
            (index, _per_line(width))
            for index, (style, width) in enumerate(zip(styles, widths, strict=True))
            if style in WRAPPED_STYLES
        ]

    def fit(self, sheet: Worksheet, row: int, values: Sequence[CellValue]) -> None:
        """Make ``row`` tall enough for its longest wrapped text (left alone if one line fits)."""
        lines = 1
        for index, per_line in self._wrapped:
            value = values[index]
            if isinstance(value, str) and (len(value) > per_line or "\n" in value):
                lines = max(lines, _lines(value, per_line))
        if lines > 1:
            set_height(sheet, row, height_for(lines))


def fit_row(
    sheet: Worksheet,
    row: int,
    values: Sequence[CellValue],
    styles: Sequence[str | None],
    widths: Sequence[float],
) -> None:
    """Make one row tall enough for its longest wrapped text."""
    RowFitter(styles, widths).fit(sheet, row, values)


def merged_note(
    cells: CellWriter, sheet: Worksheet, row: int, text: str, last_column: int, *, style: str = NOTE
) -> None:
    """``text`` across columns A to ``last_column`` of ``row``, the row sized to fit it."""
    cells.put(sheet, row, 1, text, style)
    if last_column > 1:
        # Registering the range is all a file needs; ``merge_cells`` also builds
        # placeholder cells and border styles, which costs milliseconds per merge.
        sheet.merged_cells.add(CellRange(min_col=1, min_row=row, max_col=last_column, max_row=row))
    width = sum(column_widths(sheet, 1, last_column))
    set_height(sheet, row, height_for(text_lines(text, width)))
