"""Reading a filled data-collection template back: its input cells and its stamp.

The file is opened as untrusted input (see :mod:`roam.workbooks.untrusted_xlsx`) and its
columns are found by their headers (:mod:`roam.workbooks.template_columns`); checking and
applying the answers is :mod:`roam.exchange`'s work.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.utils.cell import column_index_from_string, coordinate_from_string
from openpyxl.utils.exceptions import CellCoordinatesException

from roam.assessment.size_policy import person_name
from roam.errors import RoamError
from roam.exchange.incoming import EvidenceCells, FilledTemplate, TemplateRow
from roam.exchange.read_cells import CellData, CellRef, CellValue
from roam.workbooks.template_columns import columns_by_header
from roam.workbooks.template_layout import (
    ANSWERS_SHEET,
    COLUMNS,
    COLUMNS_KEY,
    CONTRIBUTOR_KEY,
    EVIDENCE_GROUPS,
    FORMAT_KEY,
    HEADER_ROW,
    HEADER_ROW_KEY,
    ORGANISATION_KEY,
    SHEET_KEY,
    TEMPLATE_FORMAT,
)
from roam.workbooks.untrusted_xlsx import (
    DEFAULT_LIMITS,
    WorkbookLimits,
    cell_name,
    open_untrusted_workbook,
    sheet_rows,
)
from roam.workbooks.workbook_origin import read_origin


def read_filled_template(
    path: str | Path, limits: WorkbookLimits = DEFAULT_LIMITS
) -> FilledTemplate:
    """The input cells of a filled template, with the stamp that says whose it is.

    Raises :class:`~roam.errors.SourceError` for an unsafe or unreadable file and
    :class:`RoamError` for a workbook that is not a roam template.
    """
    source = str(path)
    with open_untrusted_workbook(path, limits) as workbook:
        origin = read_origin(workbook, source, limits)
        stamp = origin.stamp
        if FORMAT_KEY not in stamp:
            hint = (
                " (it looks like a report: import a liaison's review with `roam import-review`)"
                if "roam.answers_hash" in stamp
                else ""
            )
            raise RoamError(
                f"{source}: not a roam data-collection template{hint}; "
                f"make one with `roam template`"
            )
        if _format_of(stamp) > TEMPLATE_FORMAT:
            raise RoamError(
                f"{source}: made by a newer roam (template format "
                f"{stamp[FORMAT_KEY]}); update roam to import it"
            )
        sheet = stamp.get(SHEET_KEY, ANSWERS_SHEET)
        if sheet not in workbook.sheetnames:
            raise RoamError(f"{source}: the sheet '{sheet}' is missing; was it renamed?")
        header_row = _header_row(stamp, source)
        read = sheet_rows(workbook, sheet, source, limits, header_row)
        _, headers = next(read, (header_row, ()))
        numbers = columns_by_header(
            headers,
            {column.key: column.header for column in COLUMNS},
            _stamped_columns(stamp.get(COLUMNS_KEY, "")),
            f"{source}: sheet '{sheet}' row {header_row}",
        )
        rows = [_template_row(sheet, values, numbers, number) for number, values in read]
        contributor = _contributor(workbook, stamp, source, limits)
    return FilledTemplate(origin=origin, contributor=contributor, rows=rows)


def _header_row(stamp: dict[str, str], source: str) -> int:
    listed = stamp.get(HEADER_ROW_KEY) or str(HEADER_ROW)
    try:
        row = int(listed)
    except ValueError:
        row = 0
    if row < 1:
        raise RoamError(
            f"{source}: the template's stamp names header row {listed!r}, which is not a row; "
            f"was the hidden _roam sheet edited?"
        )
    return row


def _format_of(stamp: dict[str, str]) -> int:
    try:
        return int(stamp[FORMAT_KEY])
    except ValueError:
        return TEMPLATE_FORMAT + 1  # unreadable: treat as a format this roam does not know


def _stamped_columns(listed: str) -> list[str]:
    """The column keys the template was made with, as its stamp lists them."""
    return [key for key in listed.split(",") if key] or [column.key for column in COLUMNS]


def _template_row(
    sheet: str, values: tuple[CellData, ...], numbers: dict[str, int], row: int
) -> TemplateRow:
    def cell(key: str) -> CellValue:
        column = numbers.get(key, 0)
        value = values[column - 1] if 0 < column <= len(values) else None
        return CellValue(CellRef(sheet, cell_name(column or 1, row)), value)

    groups = tuple(
        EvidenceCells(
            kind=cell(f"evidence{g}.kind"),
            citation=cell(f"evidence{g}.citation"),
            link=cell(f"evidence{g}.link"),
            date=cell(f"evidence{g}.date"),
        )
        for g in range(1, EVIDENCE_GROUPS + 1)
        if f"evidence{g}.citation" in numbers
    )
    return TemplateRow(
        code=cell("code"),
        status=cell("status"),
        level=cell("level"),
        value=cell("value"),
        year=cell("year"),
        justification=cell("justification"),
        confidence=cell("confidence"),
        evidence=groups,
    )


def _contributor(
    workbook: Workbook, stamp: dict[str, str], source: str, limits: WorkbookLimits
) -> str | None:
    name = _stamped_cell(workbook, stamp.get(CONTRIBUTOR_KEY, ""), source, limits)
    organisation = _stamped_cell(workbook, stamp.get(ORGANISATION_KEY, ""), source, limits)
    # The size policy: a name too long for the history (it repeats per change) is no name.
    return person_name(
        f"{name} ({organisation})" if name and organisation else name or organisation
    )


def _stamped_cell(workbook: Workbook, where: str, source: str, limits: WorkbookLimits) -> str:
    """The text in the cell the stamp names as ``Sheet!B12``; '' if there is none."""
    sheet, _, name = where.partition("!")
    if sheet not in workbook.sheetnames:
        return ""
    try:
        letters, row = coordinate_from_string(name)
    except (ValueError, CellCoordinatesException):
        return ""
    if row < 1:
        return ""
    column = column_index_from_string(letters)
    for number, values in sheet_rows(workbook, sheet, source, limits, row):
        value = values[column - 1] if column <= len(values) else None
        cell = CellValue(CellRef(sheet, name), value)
        # A name typed as "=..." became a formula: not a name roam can record.
        return cell.text if number == row and cell.not_text is None else ""
    return ""
