"""Cells read from a workbook: where each sits, and what it holds (a value or :class:`NotText`).

What was wrong with the cells that could not be imported is in :mod:`roam.exchange.cell_problems`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from roam.assessment.size_policy import MAX_CELL_TEXT_CHARS

_CELL_NAME = re.compile(r"^([A-Za-z]{1,3})(\d+)$")
_SHOWN_FORMULA_CHARS = 40


@dataclass(frozen=True, slots=True)
class NotText:
    """A cell that holds a formula or an error value, not something a person typed.

    Text typed into a General cell that starts with ``=``, ``+`` or ``-`` becomes a
    formula in Excel and LibreOffice (often one that evaluates to ``#NAME?`` or
    ``#VALUE!``).  roam never evaluates formulas and never imports an error as text,
    so such cells are reported as bad cells and left out.  So is a date-formatted number
    too large or too small for any date, which openpyxl would otherwise read as ``#VALUE!``.
    """

    kind: str  # "formula", "error", "date" (a number past any calendar) or "long" (text)
    text: str  # the formula ("=A1+1"), the error code ("#VALUE!"), the number or the length

    def __str__(self) -> str:
        return self.text

    @property
    def reason(self) -> str:
        """Why the cell was not imported and what to do, without the consequence."""
        if self.kind == "long":
            return (
                f"holds {self.text} characters; roam imports at most "
                f"{MAX_CELL_TEXT_CHARS:,} from one cell; shorten it"
            )
        if self.kind == "date":
            return (
                f"holds the number {self.text} formatted as a date, but no date has that "
                "number; type the date as YYYY-MM-DD"
            )
        shown = " ".join(self.text.split())
        if len(shown) > _SHOWN_FORMULA_CHARS:
            shown = shown[: _SHOWN_FORMULA_CHARS - 1] + "…"
        what = f"a formula ({shown})" if self.kind == "formula" else f"an error ({shown})"
        return f"holds {what}, not text; type the text again, or start it with an apostrophe (')"


CellData = (
    str | int | float | bool | dt.date | dt.datetime | dt.time | dt.timedelta | NotText | None
)


@dataclass(frozen=True, slots=True)
class CellRef:
    """Where a value sits: sheet title and cell name (``F12``)."""

    sheet: str
    cell: str

    def __str__(self) -> str:
        return f"{self.sheet}!{self.cell}"

    @property
    def position(self) -> tuple[int, int]:
        """(row, column) numbers, for listing cells in reading order."""
        match = _CELL_NAME.match(self.cell)
        if match is None:
            return (0, 0)
        column = 0
        for letter in match[1].upper():
            column = column * 26 + ord(letter) - ord("A") + 1
        return int(match[2]), column


@dataclass(frozen=True, slots=True)
class CellValue:
    """One cell's value as openpyxl read it, with its place."""

    ref: CellRef
    value: CellData = None

    @property
    def blank(self) -> bool:
        return self.value is None or (isinstance(self.value, str) and not self.value.strip())

    @property
    def not_text(self) -> NotText | None:
        """The formula, error or over-long text the cell holds instead of a value, if any."""
        if isinstance(self.value, str) and len(self.value) > MAX_CELL_TEXT_CHARS:
            return NotText("long", f"{len(self.value):,}")  # the size policy's per-cell limit
        return self.value if isinstance(self.value, NotText) else None

    @property
    def text(self) -> str:
        """The value as stripped text ('' when blank); what messages quote."""
        if self.value is None:
            return ""
        if isinstance(self.value, float) and self.value.is_integer():
            return str(int(self.value))
        return str(self.value).strip()
