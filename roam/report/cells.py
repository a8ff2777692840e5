"""Writing values into worksheet cells safely: the one place every sheet goes through.

A workbook built from what a team typed must never run that text.  openpyxl
stores a string starting with ``=`` as a formula, and a leading ``+``, ``-``,
``@``, tab or carriage return turns into one once the text is exported as CSV
or retyped.  So every string written here is forced to be a plain string
(``data_type = "s"``, plus Excel's quote prefix for the dangerous ones), the
control characters Excel refuses are removed, and text over Excel's cell limit
is cut with a visible marker (the full text stays in the assessment file).

:func:`put` writes one value without style; :class:`CellWriter` does the
same and applies the report's named styles, built once per workbook.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable, Sequence

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import NamedStyle
from openpyxl.styles.cell_style import StyleArray
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

MAX_CELL_CHARS = 32_767
TRUNCATION_MARKER = " […cut: the full text is in the assessment file]"
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")

CellValue = str | int | float | bool | dt.date | dt.datetime | None
# openpyxl's ILLEGAL_CHARACTERS_RE (the C0 controls Excel refuses), plus what XML 1.0
# cannot hold at all: lone surrogates and the non-characters U+FFFE and U+FFFF.
_NOT_IN_XML = re.compile(ILLEGAL_CHARACTERS_RE.pattern + "|[\ud800-\udfff\ufffe\uffff]")


def clean_text(text: str) -> str:
    """``text`` without the characters Excel or XML refuse, cut to fit one cell."""
    text = _NOT_IN_XML.sub("", text)
    if len(text) > MAX_CELL_CHARS:
        text = text[: MAX_CELL_CHARS - len(TRUNCATION_MARKER)] + TRUNCATION_MARKER
    return text


def is_formula_like(text: str) -> bool:
    """Would a spreadsheet (or a CSV export of this cell) read ``text`` as a formula?"""
    return text.startswith(FORMULA_TRIGGERS)


def put(sheet: Worksheet, row: int, column: int, value: CellValue) -> Cell:
    """Write ``value`` at (row, column) so that it can never become a formula.

    Strings are cleaned and always stored as strings; numbers, booleans and
    dates are stored as they are (aware times as UTC, NaN and infinities as text).
    """
    return _new_cell(sheet, row, column, value, None)


def _new_cell(
    sheet: Worksheet, row: int, column: int, value: CellValue, style: StyleArray | None
) -> Cell:
    # A cell built whole and added directly costs a third less than Worksheet.cell()
    # followed by assignments; a report writes tens of thousands of them.
    if isinstance(value, str):
        cell = Cell(sheet, row=row, column=column, value=clean_text(value), style_array=style)
        cell.data_type = "s"
    else:
        cell = Cell(sheet, row=row, column=column, value=_storable(value), style_array=style)
    sheet._add_cell(cell)
    return cell


def _storable(value: CellValue) -> CellValue:
    """Excel has no time zones and no NaN: store UTC wall time, and non-finite numbers as text."""
    if isinstance(value, dt.datetime) and value.tzinfo is not None:
        return value.astimezone(dt.UTC).replace(tzinfo=None)
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    return value


class CellWriter:
    """Writes safe values (see :func:`put`) with the named styles of one workbook.

    The styles are registered once, and each cell receives a copy of its style's
    record as it is built (cheaper than ``cell.style = name``, which searches the
    workbook's styles every time).  A formula-like text also gets Excel's quote
    prefix, so the text stays text even when someone edits the cell.
    """

    def __init__(self, workbook: Workbook, styles: Iterable[NamedStyle]) -> None:
        self._records: dict[str | None, StyleArray | None] = {None: None}
        self._quoted: dict[str | None, StyleArray] = {}
        for style in styles:
            workbook.add_named_style(style)
            self._records[style.name] = style.as_tuple()

    def put(
        self, sheet: Worksheet, row: int, column: int, value: CellValue, style: str | None = None
    ) -> Cell:
        return _new_cell(sheet, row, column, value, self._record(style, value))

    def put_row(
        self,
        sheet: Worksheet,
        row: int,
        values: Sequence[CellValue],
        style: str | Sequence[str | None] | None = None,
        first_column: int = 1,
    ) -> None:
        """Write one row from ``first_column``; ``style`` is one name or one per value."""
        names = [style] * len(values) if style is None or isinstance(style, str) else style
        record = self._record
        for offset, value in enumerate(values):
            _new_cell(sheet, row, first_column + offset, value, record(names[offset], value))

    def apply(self, cell: Cell, name: str) -> None:
        """Give an existing ``cell`` the named style ``name``."""
        cell._style = StyleArray(self._record(name, None))

    def _record(self, name: str | None, value: CellValue) -> StyleArray | None:
        """The style record for ``value`` in style ``name`` (the cell copies it)."""
        if isinstance(value, str) and is_formula_like(value):
            return self._quoted_record(name)
        try:
            return self._records[name]
        except KeyError:
            raise KeyError(f"style {name!r} is not one of this workbook's report styles") from None

    def _quoted_record(self, name: str | None) -> StyleArray:
        quoted = self._quoted.get(name)
        if quoted is None:
            base = self._record(name, None)
            quoted = StyleArray(base) if base is not None else StyleArray()
            quoted.quotePrefix = 1
            self._quoted[name] = quoted
        return quoted


def safe_sheet_title(title: str, taken: Iterable[str] = ()) -> str:
    """A valid, unique sheet title: at most 31 characters, none of ``[]:*?/\\``.

    A long title is cut at the last word that fits, so "M Multistakeholder
    participation" becomes "M Multistakeholder" rather than a broken word.
    """
    cleaned = clean_text(title)
    for forbidden in "[]:*?/\\":
        cleaned = cleaned.replace(forbidden, "-")
    cleaned = cleaned.strip().strip("'") or "Sheet"
    if len(cleaned) > 31:
        cut = cleaned[:31]
        cleaned = cut.rsplit(" ", 1)[0] if " " in cut else cut
    used = {t.casefold() for t in taken}
    candidate, number = cleaned, 2
    while candidate.casefold() in used:
        suffix = f" ({number})"
        candidate = cleaned[: 31 - len(suffix)] + suffix
        number += 1
    return candidate


def header_footer_text(text: str) -> str:
    """``text`` for a print header or footer, where ``&`` starts a control code."""
    return clean_text(text).replace("&", "&&").replace("\n", " ")[:100]


def sheet_reference(title: str, cell: str = "A1") -> str:
    """A reference to ``cell`` on sheet ``title``, quoted as Excel wants (``'It''s'!A1``)."""
    return "'" + title.replace("'", "''") + "'!" + cell
