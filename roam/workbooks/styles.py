"""The report's look: named styles (built once per workbook) and colours.

Every sheet names these styles; none builds a Font or Fill of its own, so the
workbook carries a handful of style records however many cells it has.
"""

from __future__ import annotations

from collections.abc import Mapping

from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Protection, Side
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from roam.scoring.display_rules import SCORE_NUMBER_FORMAT
from roam.workbooks.inert_cells import CellWriter

INK = "1F3864"
ACCENT = "2E75B6"
PALE = "DDEBF7"
LIAISON_FILL = "FFF2CC"
GREY = "595959"
# Red to amber to green for scores; muted so text on it stays readable.
SCORE_LOW, SCORE_MID, SCORE_HIGH = "F8696B", "FFEB84", "63BE7B"
STATUS_COLOURS = {
    "answered": "63BE7B",
    "not_applicable": "A6A6A6",
    "no_data": "F8696B",
    "not_assessed": "FFEB84",
}

TITLE = "roam title"
SUBTITLE = "roam subtitle"
NOTE = "roam note"
LABEL = "roam label"
TEXT = "roam text"
PLAIN = "roam plain"
HEADER = "roam header"
SCORE = "roam score"
NUMBER = "roam number"
PERCENT = "roam percent"
DATE = "roam date"
DATETIME = "roam datetime"
LIAISON = "roam liaison"
LINK = "roam link"
MONO = "roam mono"
# Group rows of the category sheets: a theme, then a question, above their indicators.
THEME_ROW = "roam theme row"
QUESTION_ROW = "roam question row"

_TOP_WRAP = Alignment(wrap_text=True, vertical="top")
_TOP = Alignment(vertical="top")
_LEFT_TOP = Alignment(horizontal="left", vertical="top")
_CENTRE_TOP = Alignment(horizontal="center", vertical="top")
_THIN = Side(style="thin", color="BFBFBF")


def _style(name: str, **parts: object) -> NamedStyle:
    return NamedStyle(name=name, **parts)


def _named_styles() -> list[NamedStyle]:
    body = Font(name="Calibri", size=10)
    return [
        _style(TITLE, font=Font(name="Calibri", size=16, bold=True, color=INK)),
        _style(SUBTITLE, font=Font(name="Calibri", size=12, bold=True, color=ACCENT)),
        _style(
            NOTE,
            font=Font(name="Calibri", size=10, italic=True, color=GREY),
            alignment=Alignment(wrap_text=True, vertical="top"),
        ),
        _style(LABEL, font=Font(name="Calibri", size=10, bold=True), alignment=_TOP),
        _style(TEXT, font=body, alignment=_TOP_WRAP),
        _style(PLAIN, font=body, alignment=_TOP),
        _style(
            HEADER,
            font=Font(name="Calibri", size=10, bold=True, color="FFFFFF"),
            fill=PatternFill("solid", fgColor=INK),
            alignment=Alignment(wrap_text=True, vertical="center"),
            border=Border(bottom=_THIN),
        ),
        _style(
            SCORE,
            font=Font(name="Calibri", size=10, bold=True),
            alignment=_CENTRE_TOP,
            number_format=SCORE_NUMBER_FORMAT,
        ),
        _style(NUMBER, font=body, alignment=_CENTRE_TOP, number_format="0"),
        _style(PERCENT, font=body, alignment=_CENTRE_TOP, number_format='0"%"'),
        _style(DATE, font=body, alignment=_LEFT_TOP, number_format="yyyy-mm-dd"),
        _style(DATETIME, font=body, alignment=_LEFT_TOP, number_format="yyyy-mm-dd hh:mm"),
        _style(
            LIAISON,
            font=body,
            fill=PatternFill("solid", fgColor=LIAISON_FILL),
            alignment=_TOP_WRAP,
            border=Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN),
            protection=Protection(locked=False),
        ),
        _style(
            LINK,
            font=Font(name="Calibri", size=10, color="0563C1", underline="single"),
            alignment=_TOP_WRAP,
        ),
        _style(MONO, font=Font(name="Consolas", size=9), alignment=_TOP),
        # Not wrapped: the name runs on over the empty cells to its right.
        _style(
            THEME_ROW,
            font=Font(name="Calibri", size=10, bold=True, color=INK),
            fill=PatternFill("solid", fgColor=PALE),
            alignment=_TOP,
        ),
        _style(QUESTION_ROW, font=Font(name="Calibri", size=10, italic=True), alignment=_TOP),
    ]


def install_styles(workbook: Workbook) -> CellWriter:
    return CellWriter(workbook, _named_styles())


def set_widths(sheet: Worksheet, widths: Mapping[str, float]) -> None:
    for letter, width in widths.items():
        sheet.column_dimensions[letter].width = width
