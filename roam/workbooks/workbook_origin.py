"""Which roam workbook a file is, and who saved it: the stamp and the document properties."""

from __future__ import annotations

import contextlib
import datetime as dt
from typing import Any

from openpyxl.workbook.workbook import Workbook

from roam.exchange.incoming import WorkbookOrigin
from roam.exchange.provenance import ANSWER_KEY_PREFIX, ROW_KEY_PREFIX, STAMP_SHEET
from roam.exchange.read_cells import NotText
from roam.workbooks.untrusted_xlsx import DEFAULT_LIMITS, WorkbookLimits, sheet_rows


def workbook_properties(workbook: Workbook) -> dict[str, Any]:
    """The document properties a reader may want: who saved it last, and when."""
    props = workbook.properties
    return {
        "creator": props.creator,
        "last_modified_by": props.lastModifiedBy,
        "modified": props.modified,
        "created": props.created,
    }


def custom_properties(workbook: Workbook) -> dict[str, str]:
    """The workbook's custom document properties as name -> text."""
    found: dict[str, str] = {}
    with contextlib.suppress(AttributeError, TypeError):
        for prop in workbook.custom_doc_props.props:
            found[str(prop.name)] = "" if prop.value is None else str(prop.value)
    return found


def key_value_sheet(
    workbook: Workbook, title: str, source: str, limits: WorkbookLimits = DEFAULT_LIMITS
) -> dict[str, str] | None:
    """Key (column A) / value (column B) rows of sheet ``title``; None if there is no such sheet."""
    if title not in workbook.sheetnames:
        return None
    pairs: dict[str, str] = {}
    for _number, values in sheet_rows(workbook, title, source, limits):
        if len(values) >= 1 and isinstance(values[0], str) and values[0].strip():
            value = values[1] if len(values) > 1 else None
            # A stamp value is text roam wrote; a formula there is not one of them.
            unusable = value is None or isinstance(value, NotText)
            pairs[values[0].strip()] = "" if unusable else str(value)
    return pairs


def read_origin(
    workbook: Workbook, source: str, limits: WorkbookLimits = DEFAULT_LIMITS
) -> WorkbookOrigin:
    """The ``roam.*`` stamp (hidden ``_roam`` sheet, else custom properties) and who saved it."""
    pairs = custom_properties(workbook)
    sheet = key_value_sheet(workbook, STAMP_SHEET, source, limits)
    pairs.update(sheet or {})
    prefixes = ("roam.", ANSWER_KEY_PREFIX, ROW_KEY_PREFIX)
    stamp = {key: value for key, value in pairs.items() if key.startswith(prefixes)}
    properties = workbook.properties
    modified = properties.modified if isinstance(properties.modified, dt.datetime) else None
    return WorkbookOrigin(
        source=source,
        stamp=stamp,
        last_modified_by=properties.lastModifiedBy,
        modified=modified,
        has_stamp_sheet=sheet is not None,
    )
