"""Reading a liaison's review: the decision and comment columns of a report sent back.

The file is opened as untrusted input (see :mod:`roam.workbooks.untrusted_xlsx`); applying
what it says is :mod:`roam.exchange.review`'s work.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl.workbook.workbook import Workbook

from roam.errors import SourceError
from roam.exchange.incoming import LiaisonRow, ReviewedWorkbook
from roam.exchange.provenance import ROW_KEY_PREFIX, STAMP_SHEET, row_fingerprint
from roam.exchange.read_cells import CellData, CellRef, CellValue
from roam.exchange.workbook_labels import LANGUAGES, label
from roam.workbooks.untrusted_xlsx import (
    DEFAULT_LIMITS,
    WorkbookLimits,
    cell_name,
    open_untrusted_workbook,
    sheet_rows,
)
from roam.workbooks.workbook_origin import read_origin

_HEADER_SEARCH_ROWS = 20


def read_reviewed_workbook(
    path: str | Path, limits: WorkbookLimits = DEFAULT_LIMITS
) -> ReviewedWorkbook:
    """The liaison columns (decision, comment) of every category sheet of an exported report.

    Columns are found by their headers, in any report language, so a liaison
    may sort or filter the rows.  A category sheet (one with the indicator
    columns) that lacks a liaison column is refused by name: its decisions would
    otherwise be lost without a word.
    """
    source = str(path)
    with open_untrusted_workbook(path, limits) as workbook:
        origin = read_origin(workbook, source, limits)
        rows: list[LiaisonRow] = []
        sheets: list[str] = []
        for title in workbook.sheetnames:
            if title == STAMP_SHEET:
                continue
            found = _liaison_rows(workbook, title, source, limits, origin.stamp)
            if found is not None:
                sheets.append(title)
                rows += found
    return ReviewedWorkbook(origin=origin, rows=rows, review_sheets=tuple(sheets))


def _header_words(key: str) -> frozenset[str]:
    return frozenset(label(key, lang).casefold() for lang in LANGUAGES)


def _liaison_rows(
    workbook: Workbook, title: str, source: str, limits: WorkbookLimits, stamp: dict[str, str]
) -> list[LiaisonRow] | None:
    """The rows of a category sheet; None for a sheet without the liaison columns.

    Each row is read by its code, wherever a sort or filter put it, and its team cells
    (every headed column but the liaison's two) are checked against the stamp's hash.
    """
    columns: tuple[int, int, int] | None = None
    team_columns: list[int] = []
    found: list[LiaisonRow] = []
    for number, values in sheet_rows(workbook, title, source, limits):
        if columns is None:
            if number > _HEADER_SEARCH_ROWS:
                return None  # not a category sheet
            columns = _liaison_columns(values, title, source)
            if columns is not None:
                team_columns = _team_columns(values, columns)
            continue
        code_column, decision_column, comment_column = columns
        code = _value_at(values, code_column)
        if not isinstance(code, str) or not code.strip():
            continue
        written = stamp.get(ROW_KEY_PREFIX + code.strip())
        team = [_value_at(values, column) for column in team_columns]
        found.append(
            LiaisonRow(
                code=code.strip(),
                code_ref=CellRef(title, cell_name(code_column, number)),
                decision=_cell(title, values, decision_column, number),
                comment=_cell(title, values, comment_column, number),
                team_edited=written is not None and written != row_fingerprint(team),
            )
        )
    return found if columns is not None else None


def _team_columns(values: tuple[CellData, ...], columns: tuple[int, int, int]) -> list[int]:
    """The headed columns of the table that are not the liaison's, in order."""
    _, decision, comment = columns
    return [
        column
        for column, value in enumerate(values, start=1)
        if isinstance(value, str) and value.strip() and column not in (decision, comment)
    ]


# Headers that only a category sheet has together with the code: a sheet with them
# is one the liaison reviews, so a missing liaison column there is an error.
_CATEGORY_KEYS = ("col.indicator", "col.answer", "col.details")
_LIAISON_KEYS = ("col.decision", "col.liaison_comment")


def _liaison_columns(
    values: tuple[CellData, ...], title: str, source: str
) -> tuple[int, int, int] | None:
    headers = {
        value.strip().casefold(): column
        for column, value in enumerate(values, start=1)
        if isinstance(value, str)
    }

    def column_of(key: str) -> int | None:
        return next((headers[word] for word in _header_words(key) if word in headers), None)

    code = column_of("col.code")
    decision, comment = (column_of(key) for key in _LIAISON_KEYS)
    if code is None:
        return None
    if decision is not None and comment is not None:
        return code, decision, comment
    category_headers = sum(column_of(key) is not None for key in _CATEGORY_KEYS)
    if decision is None and comment is None and category_headers < len(_CATEGORY_KEYS):
        return None  # another sheet with codes: evidence, data gaps, review log
    given = dict(zip(_LIAISON_KEYS, (decision, comment), strict=True))
    missing = [label(key) for key, column in given.items() if column is None]
    raise SourceError.single(
        source,
        f"sheet '{title}' has no column headed "
        + " or ".join(f"'{name}'" for name in missing)
        + " (renamed or deleted?); give it back its header and import again; "
        "nothing was imported",
    )


def _value_at(values: tuple[CellData, ...], column: int) -> CellData:
    return values[column - 1] if column <= len(values) else None


def _cell(title: str, values: tuple[CellData, ...], column: int, row: int) -> CellValue:
    return CellValue(CellRef(title, cell_name(column, row)), _value_at(values, column))
