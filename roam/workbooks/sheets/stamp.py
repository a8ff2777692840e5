"""The hidden ``_roam`` sheet: the provenance stamp as machine-readable key/value rows.

Column A holds the keys (``roam.answers_hash``, ``answer.R.B.1.a``, ...), column B
the values, all as plain strings.  The main keys (not those of each answer or row)
are also workbook custom properties, so tools that read document properties see them
without opening a sheet.
"""

from __future__ import annotations

from openpyxl.packaging.custom import StringProperty
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from roam.exchange.provenance import ANSWER_KEY_PREFIX, ROW_KEY_PREFIX, STAMP_SHEET, Stamp
from roam.workbooks.inert_cells import clean_text, put

__all__ = ["STAMP_SHEET", "build_stamp_sheet"]


def build_stamp_sheet(workbook: Workbook, sheet: Worksheet, stamp: Stamp) -> None:
    put(sheet, 1, 1, "key")
    put(sheet, 1, 2, "value")
    for row, (key, value) in enumerate(stamp.items(), start=2):
        put(sheet, row, 1, key)
        put(sheet, row, 2, value)
        if not key.startswith((ANSWER_KEY_PREFIX, ROW_KEY_PREFIX)):
            workbook.custom_doc_props.append(
                StringProperty(name=key, value=clean_text(value)[:255])
            )
    sheet.sheet_state = "hidden"
    sheet.protection.sheet = True
