"""Writing values into worksheet cells safely: the one place every sheet goes through.

A workbook built from what a team typed must never run that text.  openpyxl
stores a string starting with ``=`` as a formula, and text starting with ``+``,
``-``, ``@``, a tab or a carriage return turns into one once the sheet is saved
as CSV and reopened, or the cell is retyped.  Spreadsheet programs skip what
comes before such a character when they read a value (spaces, line breaks,
no-break and zero-width spaces, a byte-order mark, other invisible format
characters) and read full-width ``＝＋－＠`` as their ASCII forms, so
``"\u200b=HYPERLINK(...)"`` counts as formula-like too.

So every string written here is first cleaned (control characters, what XML
cannot hold, Unicode non-characters), then, if it is formula-like, made inert
in two ways: the stored value starts with an apostrophe (``'=HYPERLINK(...)``),
which a CSV export writes as it is and a spreadsheet reopens as text (OWASP's
advice for CSV injection), and the cell gets Excel's quote prefix, so it stays
text when someone edits it.  The order matters: deciding before cleaning let
``"\x07=HYPERLINK(...)"`` reach the sheet as a bare formula.  roam's own
workbook reader takes the apostrophe off again (:func:`text_from_cell`), so a
round trip through a template or a review changes nothing.  Text over Excel's
cell limit is cut with a visible marker (the full text stays in the assessment
file).

:func:`put` writes one value without style; :class:`CellWriter` does the
same and applies the report's named styles, built once per workbook.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from collections.abc import Iterable, Sequence

from openpyxl.cell.cell import Cell
from openpyxl.styles import NamedStyle
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

MAX_CELL_CHARS = 32_767
TRUNCATION_MARKER = " […cut: the full text is in the assessment file]"
# What starts a formula once a spreadsheet has skipped the invisible characters before it
# (compared after NFKC, which folds full-width and small forms onto these), and what
# OWASP lists as dangerous in first place even with nothing after it.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\u2212")  # U+2212 is the minus sign
DANGEROUS_FIRST = ("\t", "\r")
# The mark that makes a formula-like value inert, also in a CSV export.
INERT_MARK = "'"

CellValue = str | int | float | bool | dt.date | dt.datetime | None
_PLANES = range(0x10000, 0x110000, 0x10000)
# What openpyxl's ILLEGAL_CHARACTERS_RE matches (the C0 controls Excel refuses), DEL and the C1
# controls (terminal commands, never text), what XML 1.0 cannot hold at all (lone
# surrogates) and Unicode's non-characters (U+FDD0-U+FDEF, and the last two code points
# of every plane: U+FFFE, U+FFFF, U+1FFFE, ...).
_NOT_IN_A_CELL = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]"
)
# Apart: a character class with code points past U+FFFF is an order of magnitude slower,
# and every string of a workbook goes through this.
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")  # one range: quick
_ASTRAL_NON_CHARACTERS = re.compile(
    "[" + "".join(chr(plane + 0xFFFE) + chr(plane + 0xFFFF) for plane in _PLANES) + "]"
)
# Invisible characters that are neither whitespace nor format characters (Cf) but that
# Unicode says to ignore: the combining grapheme joiner, Hangul fillers, Khmer vowels.
_ALSO_INVISIBLE = frozenset("\u034f\u115f\u1160\u17b4\u17b5\u3164\uffa0")
_SKIPPED_CATEGORIES = frozenset({"Cc", "Cf", "Zs", "Zl", "Zp"})


def clean_text(text: str) -> str:
    """``text`` without the characters Excel or XML refuse, cut to fit one cell."""
    return _cut(_cleaned(text))


def _cleaned(text: str) -> str:
    text = _NOT_IN_A_CELL.sub("", text)
    if not text.isascii() and _ASTRAL.search(text):
        text = _ASTRAL_NON_CHARACTERS.sub("", text)
    return text


def _cut(text: str) -> str:
    if len(text) > MAX_CELL_CHARS:
        text = text[: MAX_CELL_CHARS - len(TRUNCATION_MARKER)] + TRUNCATION_MARKER
    return text


def is_formula_like(text: str) -> bool:
    """Would a spreadsheet (or a CSV export of this cell, reopened) read ``text`` as a formula?

    Decide on cleaned text (:func:`clean_text`): a control character that the cell
    loses must not hide the ``=`` behind it.
    """
    if text.startswith(DANGEROUS_FIRST):
        return True
    for char in text:
        if char.isspace() or char in _ALSO_INVISIBLE:
            continue
        if unicodedata.category(char) in _SKIPPED_CATEGORIES:
            continue
        return unicodedata.normalize("NFKC", char).startswith(FORMULA_TRIGGERS)
    return False


def _needs_mark(text: str) -> bool:
    # A text that already starts with the mark before something formula-like gets
    # another one, so that taking one mark off on reading gives back exactly the text.
    while text.startswith(INERT_MARK):
        text = text[len(INERT_MARK) :]
    return is_formula_like(text)


def cell_text(text: str) -> str:
    """What a cell holds for ``text``: cleaned, cut, and inert if it is formula-like."""
    cleaned = _cleaned(text)
    return _cut(INERT_MARK + cleaned if _needs_mark(cleaned) else cleaned)


def is_inert_text(stored: str) -> bool:
    """Does the cell value ``stored`` carry the mark :func:`cell_text` adds?"""
    return stored.startswith(INERT_MARK) and _needs_mark(stored[len(INERT_MARK) :])


def text_from_cell(stored: str) -> str:
    """The text :func:`cell_text` was given, from the value it stored (the mark taken off).

    A value roam did not mark (one a person typed) comes back unchanged.
    """
    return stored[len(INERT_MARK) :] if is_inert_text(stored) else stored


def put(sheet: Worksheet, row: int, column: int, value: CellValue) -> Cell:
    """Write ``value`` at (row, column) so that it can never become a formula.

    Strings are cleaned, made inert if formula-like (:func:`cell_text`) and always
    stored as strings; numbers, booleans and dates are stored as they are (aware
    times as UTC, NaN and infinities as text).
    """
    return _write(sheet.cell(row=row, column=column), _storable(value))


def _write(cell: Cell, stored: CellValue) -> Cell:
    """Put ``stored`` into ``cell``, after its style (a date keeps its style's number format)."""
    cell.value = stored
    if isinstance(stored, str):
        # openpyxl reads a text such as "#N/A" as an error value; roam's text stays text.
        cell.data_type = "s"
    return cell


def _storable(value: CellValue) -> CellValue:
    """What a cell stores for ``value``: inert text; Excel has no time zones and no NaN,
    so UTC wall time, and non-finite numbers as text."""
    if isinstance(value, str):
        return cell_text(value)
    if isinstance(value, dt.datetime) and value.tzinfo is not None:
        return value.astimezone(dt.UTC).replace(tzinfo=None)
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    return value


class CellWriter:
    """Writes safe values (see :func:`put`) with the named styles of one workbook.

    The styles are registered once; each cell is given its style by name.  A formula-like
    text, stored with its inert mark, also gets Excel's quote prefix, so it stays text
    even when someone edits the cell.
    """

    def __init__(self, workbook: Workbook, styles: Iterable[NamedStyle]) -> None:
        self._names: set[str] = set()
        for style in styles:
            workbook.add_named_style(style)
            self._names.add(style.name)

    def put(
        self, sheet: Worksheet, row: int, column: int, value: CellValue, style: str | None = None
    ) -> Cell:
        return self._put(sheet.cell(row=row, column=column), _storable(value), style)

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
        for offset, value in enumerate(values):
            cell = sheet.cell(row=row, column=first_column + offset)
            self._put(cell, _storable(value), names[offset])

    def apply(self, cell: Cell, name: str) -> None:
        """Give an existing ``cell`` the named style ``name``."""
        cell.style = self._known(name)

    def _put(self, cell: Cell, stored: CellValue, style: str | None) -> Cell:
        if style is not None:
            cell.style = self._known(style)
        if isinstance(stored, str) and stored.startswith(INERT_MARK) and is_inert_text(stored):
            cell.quotePrefix = True
        return _write(cell, stored)

    def _known(self, name: str) -> str:
        if name not in self._names:
            raise KeyError(f"style {name!r} is not one of this workbook's report styles")
        return name


def header_footer_text(text: str) -> str:
    """``text`` for a print header or footer, where ``&`` starts a control code."""
    return clean_text(text).replace("&", "&&").replace("\n", " ")[:100]
