"""Evidence register: every evidence item of every in-scope answer, in framework order.

With redaction, a confidential item keeps its indicator, kind and dates but
its citation reads "[confidential source]" and its link and publisher are blank.
The Link column holds the address as plain text, wrapped, so paper shows all of
it (LibreOffice never wraps a cell that is a hyperlink); the narrow Open column
beside it is the clickable link, for http(s) addresses only.
"""

from __future__ import annotations

import re

from openpyxl.worksheet.worksheet import Worksheet

from roam.assessment.model import Evidence
from roam.exchange.workbook_labels import value_label
from roam.workbooks.context import ReportContext
from roam.workbooks.inert_cells import CellValue, clean_text
from roam.workbooks.sheets.register import HEADER_ROW, write_register
from roam.workbooks.styles import DATE, LINK, PLAIN, TEXT

# Widths that A4 landscape prints at 90 % or more (10 pt text at 9 pt or more).
COLUMNS = (
    ("col.code", PLAIN, 10),
    ("col.kind", TEXT, 14),
    ("col.citation", TEXT, 32),
    # Plain wrapped text, so a long address prints whole (LibreOffice wraps it at its
    # slashes and hyphens); the Open column beside it is the hyperlink.
    ("col.link", TEXT, 26),
    ("col.open", PLAIN, 8),
    ("col.publisher", TEXT, 16),
    ("col.published", DATE, 11),
    ("col.accessed", DATE, 11),
    ("col.confidential", PLAIN, 12),
)
OPEN_COLUMN = 5
_WEB_SCHEMES = ("http://", "https://")
_SPACE = re.compile(r"\s")


def build_evidence(ctx: ReportContext, sheet: Worksheet) -> None:
    rows: list[list[CellValue]] = []
    links: list[str] = []
    for code in ctx.scope:
        for item in ctx.answer(code).evidence:
            hidden = item.confidential and ctx.redact_confidential
            link = "" if hidden else item.location
            rows.append(_row(ctx, code, item, hidden, link))
            links.append(link)
    write_register(
        ctx,
        sheet,
        name="evidence",
        note="",
        columns=COLUMNS,
        rows=rows,
        empty_note=ctx.label("evidence.none"),
    )
    for offset, link in enumerate(links, start=1):
        if is_web_link(link):
            row = HEADER_ROW + offset
            cell = ctx.cells.put(sheet, row, OPEN_COLUMN, ctx.label("evidence.open"), LINK)
            cell.hyperlink = clean_text(link)


def _row(ctx: ReportContext, code: str, item: Evidence, hidden: bool, link: str) -> list[CellValue]:
    return [
        code,
        value_label("evidence", item.kind, ctx.lang),
        ctx.evidence_citation(item),
        link,
        None,
        "" if hidden else item.publisher,
        item.published,
        item.accessed,
        ctx.label("yes" if item.confidential else "no"),
    ]


def is_web_link(location: str) -> bool:
    """Only plain web addresses become links: never file:, javascript: or the like."""
    text = location.strip()
    return text.lower().startswith(_WEB_SCHEMES) and _SPACE.search(text) is None
