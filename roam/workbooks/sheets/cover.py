"""Cover: who assessed what, against which edition, and the provenance stamp.

The assessment and provenance blocks sit in fixed cells (see ``STAMP_CELLS``;
they also carry workbook-level defined names) so a person or a program finds
the hashes in the same place in every report.  Lists of variable length (team,
board, milestones) come after them.
"""

from __future__ import annotations

from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.worksheet import Worksheet

from roam.assessment.model import MILESTONE_KINDS, STAKEHOLDER_GROUPS, Milestone
from roam.exchange.workbook_labels import value_label
from roam.workbooks.context import ReportContext
from roam.workbooks.inert_cells import CellValue
from roam.workbooks.layout import merged_note
from roam.workbooks.printing import prepare_printing
from roam.workbooks.sheet_names import sheet_reference
from roam.workbooks.sheets.cover_review import write_review_block
from roam.workbooks.styles import (
    DATE,
    DATETIME,
    LABEL,
    MONO,
    NOTE,
    PLAIN,
    SUBTITLE,
    TEXT,
    TITLE,
    set_widths,
)

# Stamp key -> cell on the cover, and the defined name that points at it.
STAMP_CELLS = {
    "roam.toolkit_version": ("B15", "roam_toolkit_version"),
    "roam.framework.hash": ("B16", "roam_framework_hash"),
    "roam.answers_hash": ("B17", "roam_answers_hash"),
    "roam.generated": ("B18", "roam_generated"),
}
_FIRST_LIST_ROW = 22
_WIDTHS = {"A": 38, "B": 80}


def build_cover(ctx: ReportContext, sheet: Worksheet) -> None:
    cells = ctx.cells
    a, fw = ctx.assessment, ctx.framework
    set_widths(sheet, _WIDTHS)
    cells.put(sheet, 1, 1, ctx.label("title.report"), TITLE)
    cells.put(sheet, 2, 1, f"{a.country} — {ctx.text(fw.title)}", SUBTITLE)
    merged_note(cells, sheet, 3, ctx.label("disclaimer"), 2)
    merged_note(cells, sheet, 4, ctx.provenance_note(), 2)

    scope = f"{ctx.label('scope.' + a.scope)}: {len(ctx.scope)} {ctx.label('scope.count')}"
    cells.put(sheet, 5, 1, ctx.label("cover.assessment"), SUBTITLE)
    _pairs(
        ctx,
        sheet,
        6,
        [
            ("cover.country", a.country, PLAIN),
            ("cover.iso", a.iso, PLAIN),
            ("cover.edition", ctx.text(fw.title), PLAIN),
            ("cover.framework_id", f"{fw.id} {fw.version}", PLAIN),
            ("cover.scope", scope, PLAIN),
            ("cover.languages", ", ".join(a.languages), PLAIN),
            ("cover.created", a.created.date(), DATE),
        ],
    )
    stamp = ctx.stamp
    cells.put(sheet, 14, 1, ctx.label("cover.provenance"), SUBTITLE)
    _pairs(
        ctx,
        sheet,
        15,
        [
            ("cover.toolkit_version", stamp.toolkit_version, PLAIN),
            ("cover.framework_hash", stamp.framework_hash, MONO),
            ("cover.answers_hash", stamp.answers_hash, MONO),
            ("cover.generated", stamp.generated.replace(microsecond=0), DATETIME),
            ("cover.language", ctx.lang, PLAIN),
            ("cover.redacted", ctx.label("yes" if ctx.redact_confidential else "no"), PLAIN),
        ],
    )
    for coordinate, name in STAMP_CELLS.values():
        absolute = f"${coordinate[0]}${coordinate[1:]}"
        reference = sheet_reference(sheet.title, absolute)
        ctx.workbook.defined_names[name] = DefinedName(name, attr_text=reference)

    # The liaison's block first: it says what to do with the rest.
    row = write_review_block(ctx, sheet, _FIRST_LIST_ROW, _WIDTHS["B"])
    row = _team(ctx, sheet, row + 1)
    row = _board(ctx, sheet, row + 1)
    _milestones(ctx, sheet, row + 1)
    # Fitted to the width only: squeezed onto one page, the cover printed at 7 pt.
    prepare_printing(sheet, a.country, ctx.lang)


def _pairs(
    ctx: ReportContext, sheet: Worksheet, row: int, pairs: list[tuple[str, CellValue, str]]
) -> None:
    for offset, (key, value, style) in enumerate(pairs):
        ctx.cells.put(sheet, row + offset, 1, ctx.label(key), LABEL)
        ctx.cells.put(sheet, row + offset, 2, value, style)


def _team(ctx: ReportContext, sheet: Worksheet, row: int) -> int:
    ctx.cells.put(sheet, row, 1, ctx.label("cover.team"), SUBTITLE)
    row += 1
    if not ctx.assessment.team:
        ctx.cells.put(sheet, row, 1, ctx.label("cover.none"), NOTE)
        return row + 1
    for person in ctx.assessment.team:
        ctx.cells.put(sheet, row, 1, person.name, LABEL)
        ctx.cells.put(sheet, row, 2, person.role, TEXT)
        row += 1
    return row


def _board(ctx: ReportContext, sheet: Worksheet, row: int) -> int:
    """Every stakeholder group with its members, so a group with nobody shows as a gap."""
    ctx.cells.put(sheet, row, 1, ctx.label("cover.mab"), SUBTITLE)
    row += 1
    for group in STAKEHOLDER_GROUPS:
        members = [m for m in ctx.assessment.mab if m.group == group]
        names = "; ".join(
            f"{m.name} ({m.organisation})" if m.organisation else m.name for m in members
        )
        ctx.cells.put(
            sheet, row, 1, f"{value_label('group', group, ctx.lang)} ({len(members)})", LABEL
        )
        ctx.cells.put(sheet, row, 2, names, TEXT)
        row += 1
    return row


def _milestones(ctx: ReportContext, sheet: Worksheet, row: int) -> int:
    ctx.cells.put(sheet, row, 1, ctx.label("cover.milestones"), SUBTITLE)
    row += 1
    recorded: dict[str, Milestone] = {m.kind: m for m in ctx.assessment.milestones}
    for kind in MILESTONE_KINDS:
        milestone = recorded.get(kind, Milestone(kind=kind))
        parts = [value_label("mstatus", milestone.status, ctx.lang)]
        if milestone.date is not None:
            parts.append(milestone.date.isoformat())
        if milestone.note:
            parts.append(milestone.note)
        ctx.cells.put(sheet, row, 1, value_label("milestone", kind, ctx.lang), LABEL)
        ctx.cells.put(sheet, row, 2, " — ".join(parts), TEXT)
        row += 1
    return row
