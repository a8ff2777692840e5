"""What was wrong with the cells of a workbook that could not be imported.

A problem in a workbook is reported the way a user finds it in Excel:
``Answers!F12: 'very high' is not a level of the scale (absent, initial, ...)``.
"""

from __future__ import annotations

from dataclasses import dataclass

from roam.exchange.read_cells import CellRef


@dataclass(frozen=True, slots=True)
class BadCell:
    """A cell that could not be imported, and why (in words a spreadsheet user follows)."""

    ref: CellRef
    reason: str

    def __str__(self) -> str:
        return f"{self.ref}: {self.reason}"


def reading_order(cells: list[BadCell]) -> list[BadCell]:
    """Bad cells sheet by sheet (in the order first met), then row by row, left to right."""
    sheets: dict[str, int] = {}
    for bad in cells:
        sheets.setdefault(bad.ref.sheet, len(sheets))
    return sorted(cells, key=lambda bad: (sheets[bad.ref.sheet], bad.ref.position))


class CellError(ValueError):
    """Raised by a cell parser; the importer turns it into a :class:`BadCell`."""
