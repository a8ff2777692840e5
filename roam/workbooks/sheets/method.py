"""Method: everything a reader needs to recompute any score in the workbook by hand.

The steps in words, the rules in force, the scales, the goalposts of the
quantitative indicators in scope, the bands, and every node of the score tree
with the weight the engine used and the score it gave.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from roam.exchange.workbook_labels import value_label
from roam.framework.model import QuantitativeIndicator
from roam.scoring.display_rules import BAND_MIN_COMPLETE
from roam.scoring.result import NodeScore
from roam.workbooks.context import ReportContext
from roam.workbooks.inert_cells import CellValue
from roam.workbooks.layout import merged_note
from roam.workbooks.printing import prepare_printing
from roam.workbooks.styles import (
    PLAIN,
    SCORE,
    SUBTITLE,
    TEXT,
    TITLE,
    set_widths,
)
from roam.workbooks.tables import table_name, write_table

STEPS = (
    "method.step.indicator",
    "method.step.unusable",
    "method.step.excluded",
    "method.step.aggregation",
    "method.step.bands",
)
# Seven columns that A4 landscape prints at full size: 10 pt text stays 10 pt.
_LAST_COLUMN = 7
_WIDTHS = {"A": 14, "B": 40, "C": 12, "D": 11, "E": 11, "F": 11, "G": 40}


def build_method(ctx: ReportContext, sheet: Worksheet) -> None:
    set_widths(sheet, _WIDTHS)
    ctx.cells.put(sheet, 1, 1, sheet.title, TITLE)
    merged_note(ctx.cells, sheet, 2, ctx.label("disclaimer"), _LAST_COLUMN)
    merged_note(ctx.cells, sheet, 3, ctx.provenance_note(), _LAST_COLUMN)
    ctx.cells.put(sheet, 4, 1, ctx.label("method.title"), SUBTITLE)
    row = 5
    for key in STEPS:
        merged_note(ctx.cells, sheet, row, ctx.label(key), _LAST_COLUMN, style=TEXT)
        row += 1
    row = _rules_in_force(ctx, sheet, row + 1)
    row = _scales(ctx, sheet, row + 1)
    row = _goalposts(ctx, sheet, row + 1)
    row = _bands(ctx, sheet, row + 1)
    row = _summary(ctx, sheet, row + 1)
    # The score tree runs to many printed pages: it starts a page, and its header
    # row repeats on every page after (a sheet has one range of title rows).
    weights = row + 1
    sheet.row_breaks.append(Break(id=weights - 1))
    _weights(ctx, sheet, weights)
    header = weights + 1
    prepare_printing(sheet, ctx.assessment.country, ctx.lang, f"{header}:{header}")


def _section(
    ctx: ReportContext,
    sheet: Worksheet,
    row: int,
    *,
    title_key: str,
    header_keys: Sequence[str],
    rows: Sequence[Sequence[CellValue]],
    styles: Sequence[str],
) -> int:
    ctx.cells.put(sheet, row, 1, ctx.label(title_key), SUBTITLE)
    last = write_table(
        sheet,
        ctx.cells,
        row + 1,
        name=table_name("method", title_key.rsplit(".", 1)[-1]),
        headers=[ctx.label(key) for key in header_keys],
        rows=rows,
        column_styles=styles,
        empty_note=ctx.label("cover.none"),
    )
    return last + 1


def _rules_in_force(ctx: ReportContext, sheet: Worksheet, row: int) -> int:
    rules = ctx.report.rules
    parts = [
        ctx.label(f"method.mean.{rules.mean}"),
        ctx.label(
            "method.weights.equal" if rules.equal_indicator_weights else "method.weights.framework"
        ),
        ctx.label("method.nodata.zero" if rules.no_data_as_zero else "method.nodata.excluded"),
    ]
    ctx.cells.put(sheet, row, 1, ctx.label("method.used"), SUBTITLE)
    merged_note(ctx.cells, sheet, row + 1, "; ".join(parts), _LAST_COLUMN, style=TEXT)
    return row + 2


def _scales(ctx: ReportContext, sheet: Worksheet, row: int) -> int:
    rows: list[list[CellValue]] = []
    for scale in ctx.framework.scales.values():
        for level in scale.levels:
            rows.append([ctx.text(scale.name), ctx.text(level.label), level.id, level.score])
    return _section(
        ctx,
        sheet,
        row,
        title_key="method.scales",
        header_keys=["col.scale", "col.level", "col.level_id", "col.score"],
        rows=rows,
        styles=[TEXT, TEXT, PLAIN, SCORE],
    )


def _goalposts(ctx: ReportContext, sheet: Worksheet, row: int) -> int:
    rows: list[list[CellValue]] = []
    for place in ctx.places_in_scope():
        indicator = place.indicator
        if isinstance(indicator, QuantitativeIndicator):
            rows.append(
                [
                    indicator.code,
                    ctx.text(indicator.text),
                    indicator.unit,
                    indicator.goalposts.lower,
                    indicator.goalposts.upper,
                    value_label("direction", indicator.direction, ctx.lang),
                    ctx.text(indicator.goalposts.rationale),
                ]
            )
    return _section(
        ctx,
        sheet,
        row,
        title_key="method.goalposts",
        header_keys=[
            "col.code",
            "col.indicator",
            "col.unit",
            "col.lower",
            "col.upper",
            "col.direction",
            "col.rationale",
        ],
        rows=rows,
        styles=[PLAIN, TEXT, TEXT, PLAIN, PLAIN, TEXT, TEXT],
    )


def _bands(ctx: ReportContext, sheet: Worksheet, row: int) -> int:
    # The description in the wide column B, so it reads as a sentence.
    rows: list[list[CellValue]] = [
        [ctx.text(band.label), ctx.text(band.description), band.min]
        for band in sorted(ctx.framework.bands, key=lambda b: b.min)
    ]
    last = _section(
        ctx,
        sheet,
        row,
        title_key="method.bands",
        header_keys=["col.band", "col.description", "col.min"],
        rows=rows,
        styles=[TEXT, TEXT, SCORE],
    )
    threshold = ctx.label("method.band_threshold").format(min=f"{BAND_MIN_COMPLETE:.0f}")
    merged_note(ctx.cells, sheet, last, threshold, _LAST_COLUMN, style=TEXT)
    return last + 1


def _summary(ctx: ReportContext, sheet: Worksheet, row: int) -> int:
    """The overall figure, here and only here, as what it is: a check on the method."""
    overall = ctx.report.overall
    ctx.cells.put(sheet, row, 1, ctx.label("method.summary"), SUBTITLE)
    ctx.cells.put(sheet, row + 1, 1, ctx.label("col.overall"), PLAIN)
    ctx.cells.put(sheet, row + 1, 2, overall.score, SCORE)
    merged_note(ctx.cells, sheet, row + 2, ctx.label("method.summary.note"), _LAST_COLUMN)
    return row + 3


def _weights(ctx: ReportContext, sheet: Worksheet, row: int) -> int:
    rows: list[list[CellValue]] = []
    # Coverage is on the dashboard and the category sheets; recomputing needs weights.
    for node in _preorder([ctx.report.overall]):
        code = ctx.label("col.overall") if node.level == "overall" else node.code
        rows.append([code, ctx.label(f"level.{node.level}"), node.weight, node.score])
    return _section(
        ctx,
        sheet,
        row,
        title_key="method.weights",
        header_keys=["col.node", "col.level_of_node", "col.weight", "col.score"],
        rows=rows,
        styles=[PLAIN, PLAIN, PLAIN, SCORE],
    )


def _preorder(nodes: Sequence[NodeScore]) -> Iterator[NodeScore]:
    for node in nodes:
        yield node
        yield from _preorder(node.children)
