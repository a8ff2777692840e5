"""Dashboard: category and theme scores with coverage, three charts, links.

No overall figure: one number invites comparing countries, which UNESCO's
indicators refuse; it is on the Method sheet as a diagnostic summary.  The charts
read the score tables on this sheet, so what a chart shows is exactly what the
table beside it says, and both are the engine's values.  A partial assessment is
plotted as far as it goes: the categories with a score come first in the table
and make the chart's range, and a note names the ones left out.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from openpyxl.chart import BarChart, RadarChart, Reference, Series
from openpyxl.chart.label import DataLabelList
from openpyxl.chart.shapes import GraphicalProperties
from openpyxl.drawing.line import LineProperties
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from roam.framework.model import Theme
from roam.scoring.display_rules import SCORE_NUMBER_FORMAT
from roam.scoring.result import NodeScore
from roam.workbooks.context import ReportContext
from roam.workbooks.inert_cells import CellValue
from roam.workbooks.layout import fit_row, merged_note, width_cm
from roam.workbooks.printing import prepare_printing
from roam.workbooks.sheet_names import sheet_reference
from roam.workbooks.styles import (
    HEADER,
    LINK,
    NUMBER,
    PERCENT,
    PLAIN,
    SCORE,
    STATUS_COLOURS,
    SUBTITLE,
    TEXT,
    TITLE,
    set_widths,
)

# The name column takes most theme names on one line; the whole prints at 90 % or
# more (see roam.workbooks.printing).
_WIDTHS = {
    "A": 8,
    "B": 40,
    "C": 7,
    "D": 25,
    "E": 9.5,
    "F": 7.5,
    "G": 8.5,
    "H": 9.5,
    "I": 11.5,
    "J": 19.5,
}
_WIDTH_LIST = list(_WIDTHS.values())
STATUS_COLUMNS = ("answered", "not_applicable", "no_data", "not_assessed")
_HEADER_KEYS = (
    "col.code",
    "col.category",
    "col.score",
    "col.band",
    "col.answered",
    "col.not_applicable",
    "col.no_data",
    "col.not_assessed",
    "col.complete",
    "col.sheet",
)
_ROW_STYLES = (PLAIN, TEXT, SCORE, PLAIN, NUMBER, NUMBER, NUMBER, NUMBER, PERCENT, LINK)
_NAME_COLUMN, _SCORE_COLUMN, _FIRST_STATUS_COLUMN, _LINK_COLUMN = 2, 3, 5, 10
CHART_HEIGHT = 8.0  # cm, the radar and coverage charts
_RADAR_MIN = 3
_CM_PER_ROW = 0.53  # default row height (15 pt) in centimetres, to place charts under tables


@dataclass(frozen=True, slots=True)
class _Block:
    """Rows of a score table: first and last data row, and the scored rows among them."""

    first: int
    last: int
    scored_last: int


def build_dashboard(
    ctx: ReportContext, sheet: Worksheet, theme_rows: dict[str, tuple[str, int]]
) -> None:
    """``theme_rows``: theme code -> (category sheet title, row of its first indicator)."""
    cells = ctx.cells
    set_widths(sheet, _WIDTHS)
    cells.put(sheet, 1, 1, f"{ctx.label('title.dashboard')}: {ctx.assessment.country}", TITLE)
    subtitle = (
        f"{ctx.text(ctx.framework.title)} · {ctx.label('scope.' + ctx.assessment.scope)} "
        f"({len(ctx.scope)} {ctx.label('scope.count')})"
    )
    cells.put(sheet, 2, 1, subtitle, PLAIN)
    merged_note(cells, sheet, 3, ctx.label("disclaimer"), _LINK_COLUMN)
    if ctx.report.overall.incomplete:
        merged_note(cells, sheet, 4, ctx.label("dash.incomplete"), _LINK_COLUMN)
    merged_note(cells, sheet, 5, ctx.band_note(), _LINK_COLUMN)

    cells.put(sheet, 6, 1, ctx.label("dash.categories"), SUBTITLE)
    categories = _category_table(ctx, sheet, 7)
    chart_row = categories.last + 2
    unplotted = _unplotted(ctx)
    if unplotted:
        note = ctx.label("dash.not_plotted").format(codes=", ".join(unplotted))
        merged_note(cells, sheet, chart_row, note, _LINK_COLUMN)
        chart_row += 1
    _category_chart(ctx, sheet, categories, f"A{chart_row}", width_cm(_WIDTH_LIST[:3]) - 0.3)
    _coverage(ctx, sheet, categories, f"D{chart_row}", width_cm(_WIDTH_LIST[3:]))
    # Page 1: tables and the two small charts; page 2: theme chart; then the theme table.
    themes = _scored_themes(ctx)
    bars_row = chart_row + _rows_for(CHART_HEIGHT) + 1
    # A spare row on each side of a break: Excel and LibreOffice read break ids one apart.
    sheet.row_breaks.append(Break(id=bars_row - 2))
    bars_height = max(6.0, 1.5 + 0.55 * len(themes))
    table_row = bars_row + (_rows_for(bars_height) + 2 if themes else 0)
    if themes:
        sheet.row_breaks.append(Break(id=table_row - 2))
    cells.put(sheet, table_row, 1, ctx.label("dash.themes"), SUBTITLE)
    block = _theme_table(ctx, sheet, table_row + 1, themes, theme_rows)
    if themes:
        _theme_bars(ctx, sheet, block, f"A{bars_row}", (width_cm(_WIDTH_LIST), bars_height))
    sheet.freeze_panes = "A6"
    prepare_printing(sheet, ctx.assessment.country, ctx.lang)


def _node_values(ctx: ReportContext, node: NodeScore) -> list[CellValue]:
    coverage = node.coverage
    return [
        node.score,
        ctx.band_label(node),
        coverage.answered,
        coverage.not_applicable,
        coverage.no_data,
        coverage.not_assessed,
        coverage.complete,
    ]


def _header(ctx: ReportContext, sheet: Worksheet, row: int, name_key: str) -> None:
    keys = (_HEADER_KEYS[0], name_key, *_HEADER_KEYS[2:])
    headers = [ctx.label(k) for k in keys]
    ctx.cells.put_row(sheet, row, headers, HEADER)
    fit_row(sheet, row, headers, [HEADER] * len(headers), _WIDTH_LIST)


def _score_row(ctx: ReportContext, sheet: Worksheet, row: int, values: list[CellValue]) -> None:
    styles = _ROW_STYLES[: len(values)]
    ctx.cells.put_row(sheet, row, values, styles)
    fit_row(sheet, row, values, styles, _WIDTH_LIST[: len(values)])


def _category_table(ctx: ReportContext, sheet: Worksheet, top: int) -> _Block:
    """Categories with a score (the charts' range), those without one yet, contextual ones."""
    _header(ctx, sheet, top, "col.category")
    nodes = {node.code: node for node in ctx.report.categories}
    present = [c for c in ctx.framework.categories if c.code in nodes]
    scored = [c for c in present if not c.contextual and nodes[c.code].score is not None]
    waiting = [c for c in present if not c.contextual and nodes[c.code].score is None]
    contextual = [c for c in present if c.contextual]
    row = top + 1
    for category in [*scored, *waiting, *contextual]:
        values = [category.code, ctx.text(category.name), *_node_values(ctx, nodes[category.code])]
        _score_row(ctx, sheet, row, values)
        title = ctx.category_sheets.get(category.code)
        if title is not None:
            _link(ctx, sheet, row, title, "A1")
        row += 1
    return _Block(first=top + 1, last=row - 1, scored_last=top + len(scored))


def _unplotted(ctx: ReportContext) -> list[str]:
    """Scored categories in scope that have no score yet, as "O Openness"."""
    return [
        f"{category.code} {ctx.text(category.name)}"
        for category in ctx.scored_categories()
        if (node := ctx.nodes.get(category.code)) is not None and node.score is None
    ]


def _scored_themes(ctx: ReportContext) -> list[tuple[Theme, NodeScore]]:
    """Themes of scored categories with an indicator in scope, in framework order."""
    return [
        (theme, node)
        for category in ctx.scored_categories()
        for theme in category.themes
        if (node := ctx.nodes.get(theme.code)) is not None
    ]


def _theme_table(
    ctx: ReportContext,
    sheet: Worksheet,
    top: int,
    themes: list[tuple[Theme, NodeScore]],
    theme_rows: dict[str, tuple[str, int]],
) -> _Block:
    _header(ctx, sheet, top, "col.theme")
    row = top + 1
    for theme, node in themes:
        values = [theme.code, ctx.text(theme.name), *_node_values(ctx, node)]
        _score_row(ctx, sheet, row, values)
        if theme.code in theme_rows:
            title, first_row = theme_rows[theme.code]
            _link(ctx, sheet, row, title, f"A{first_row}")
        row += 1
    return _Block(first=top + 1, last=row - 1, scored_last=row - 1)


def _rows_for(height_cm: float) -> int:
    return math.ceil(height_cm / _CM_PER_ROW)


def _link(ctx: ReportContext, sheet: Worksheet, row: int, title: str, target: str) -> None:
    cell = ctx.cells.put(sheet, row, _LINK_COLUMN, title, LINK)
    cell.hyperlink = Hyperlink(ref=cell.coordinate, location=sheet_reference(title, target))


def _show_axes(chart: RadarChart | BarChart) -> None:
    # Excel hides axes that are not explicitly kept (LibreOffice draws them anyway).
    chart.x_axis.delete = False
    chart.y_axis.delete = False


def _category_chart(
    ctx: ReportContext, sheet: Worksheet, block: _Block, anchor: str, width: float
) -> None:
    """A radar of the categories with a score; bars when fewer than three have one.

    A radar needs three axes to draw a shape, and an empty cell leaves a hole that
    LibreOffice draws as a blank chart: only scored rows are in its range.
    """
    count = block.scored_last - block.first + 1
    if count <= 0:
        return
    if count < _RADAR_MIN:
        _category_bars(ctx, sheet, block, anchor, width)
        return
    chart = RadarChart(type="marker")
    chart.title = ctx.label("dash.radar")
    chart.style = 26
    data = Reference(sheet, min_col=_SCORE_COLUMN, min_row=block.first, max_row=block.scored_last)
    labels = Reference(sheet, min_col=1, min_row=block.first, max_row=block.scored_last)
    chart.add_data(data, titles_from_data=False)
    chart.set_categories(labels)
    chart.series[0].graphicalProperties.line = LineProperties(solidFill="2E75B6", w=28575)
    chart.y_axis.scaling.min = 0
    chart.y_axis.scaling.max = 100
    chart.y_axis.majorUnit = 25
    chart.y_axis.number_format = "0"
    chart.legend = None
    _show_axes(chart)
    chart.width, chart.height = width, CHART_HEIGHT
    sheet.add_chart(chart, anchor)


def _category_bars(
    ctx: ReportContext, sheet: Worksheet, block: _Block, anchor: str, width: float
) -> None:
    chart = BarChart()
    chart.type = "col"
    chart.title = ctx.label("dash.radar")
    chart.add_data(
        Reference(sheet, min_col=_SCORE_COLUMN, min_row=block.first, max_row=block.scored_last),
        titles_from_data=False,
    )
    chart.set_categories(
        Reference(sheet, min_col=1, min_row=block.first, max_row=block.scored_last)
    )
    chart.series[0].graphicalProperties = GraphicalProperties(solidFill="2E75B6")
    _value_labels(chart)
    _score_axis(chart, 25)
    chart.legend = None
    _show_axes(chart)
    chart.width, chart.height = width, CHART_HEIGHT
    sheet.add_chart(chart, anchor)


def _value_labels(chart: BarChart) -> None:
    chart.dataLabels = DataLabelList()
    chart.dataLabels.showVal = True
    # Say so explicitly: LibreOffice otherwise adds the series and category names.
    chart.dataLabels.showSerName = False
    chart.dataLabels.showCatName = False
    chart.dataLabels.showLegendKey = False
    chart.dataLabels.showPercent = False
    chart.dataLabels.numFmt = SCORE_NUMBER_FORMAT


def _score_axis(chart: BarChart, step: int) -> None:
    chart.y_axis.scaling.min = 0
    chart.y_axis.scaling.max = 100
    chart.y_axis.majorUnit = step
    chart.y_axis.number_format = "0"


def _coverage(
    ctx: ReportContext, sheet: Worksheet, block: _Block, anchor: str, width: float
) -> None:
    chart = BarChart()
    chart.type = "bar"
    chart.grouping = "stacked"
    chart.overlap = 100
    chart.gapWidth = 60
    chart.title = ctx.label("dash.coverage")
    for offset, status in enumerate(STATUS_COLUMNS):
        column = _FIRST_STATUS_COLUMN + offset
        values = Reference(sheet, min_col=column, min_row=block.first, max_row=block.last)
        series = Series(values, title=ctx.label(f"col.{status}"))
        series.graphicalProperties = GraphicalProperties(solidFill=STATUS_COLOURS[status])
        series.graphicalProperties.line.solidFill = STATUS_COLOURS[status]
        chart.series.append(series)
    chart.set_categories(Reference(sheet, min_col=1, min_row=block.first, max_row=block.last))
    chart.x_axis.scaling.orientation = "maxMin"
    chart.legend.position = "b"
    _show_axes(chart)
    chart.width, chart.height = width, CHART_HEIGHT
    sheet.add_chart(chart, anchor)


def _theme_bars(
    ctx: ReportContext, sheet: Worksheet, block: _Block, anchor: str, size: tuple[float, float]
) -> None:
    chart = BarChart()
    chart.type = "bar"
    chart.title = ctx.label("dash.bar")
    chart.add_data(
        Reference(sheet, min_col=_SCORE_COLUMN, min_row=block.first, max_row=block.scored_last),
        titles_from_data=False,
    )
    # Bars named by the theme's name (column B), not its code alone.
    chart.set_categories(
        Reference(sheet, min_col=_NAME_COLUMN, min_row=block.first, max_row=block.scored_last)
    )
    series = chart.series[0]
    series.graphicalProperties = GraphicalProperties(solidFill="2E75B6")
    _value_labels(chart)
    chart.x_axis.scaling.orientation = "maxMin"
    _score_axis(chart, 20)
    chart.legend = None
    chart.gapWidth = 40
    _show_axes(chart)
    chart.width, chart.height = size
    sheet.add_chart(chart, anchor)
