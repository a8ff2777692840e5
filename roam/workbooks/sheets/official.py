"""Official texts: UNESCO's numbers and wording from the team's overlay, beside roam's.

Written only when an overlay gives official texts for the assessment's edition
(see :mod:`roam.framework.overlay`).  Each row names the overlay file it came from,
so a reader can check it against the publication.
"""

from __future__ import annotations

from openpyxl.worksheet.worksheet import Worksheet

from roam.framework.model import Framework, Sourced
from roam.framework.overlay import Overlay
from roam.workbooks.context import ReportContext
from roam.workbooks.inert_cells import CellValue
from roam.workbooks.layout import merged_note
from roam.workbooks.printing import prepare_printing
from roam.workbooks.styles import PLAIN, TEXT, TITLE, set_widths
from roam.workbooks.tables import table_name, write_table

_WIDTHS = {"A": 12, "B": 12, "C": 60, "D": 60, "E": 8, "F": 30}


def items_by_code(framework: Framework) -> dict[str, Sourced]:
    """Every category, theme, question and indicator of ``framework``, by code."""
    found: dict[str, Sourced] = {}
    for category in framework.categories:
        found[category.code] = category
        for theme in category.themes:
            found[theme.code] = theme
            for question in theme.questions:
                found[question.code] = question
                for indicator in question.indicators:
                    found[indicator.code] = indicator
    return found


def _roam_text(item: Sourced) -> dict[str, str] | None:
    for name in ("text", "name"):
        value = getattr(item, name, None)
        if isinstance(value, dict):
            return value
    return None


def build_official(ctx: ReportContext, sheet: Worksheet, overlay: Overlay) -> None:
    set_widths(sheet, _WIDTHS)
    ctx.cells.put(sheet, 1, 1, sheet.title, TITLE)
    note = ctx.label("official.note")
    if any(official.example for official in overlay.items.values()):
        note = f"{note} {ctx.label('official.example')}"
    merged_note(ctx.cells, sheet, 2, note, 6)
    items = items_by_code(ctx.framework)
    rows: list[list[CellValue]] = []
    for code, item in items.items():
        official = overlay.get(code)
        if official is None:
            continue
        rows.append(
            [
                code,
                official.unesco_ref or "",
                ctx.text(official.text),
                ctx.text(_roam_text(item)),
                official.page,
                official.path.name,
            ]
        )
    write_table(
        sheet,
        ctx.cells,
        4,
        name=table_name("official"),
        headers=[
            ctx.label(key)
            for key in (
                "col.code",
                "col.unesco_ref",
                "col.official_text",
                "col.roam_text",
                "col.page",
                "col.overlay_file",
            )
        ],
        rows=rows,
        column_styles=[PLAIN, PLAIN, TEXT, TEXT, PLAIN, PLAIN],
        empty_note=ctx.label("cover.none"),
    )
    prepare_printing(sheet, ctx.assessment.country, ctx.lang, "4:4")
