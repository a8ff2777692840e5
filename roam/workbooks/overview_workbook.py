"""The portfolio workbook: one row per assessment, sorted by country name, never ranked.

There is deliberately no rank column, no sorting by score and no colour scale
on the scores: the framework gives no ranking of countries.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from roam.exchange.workbook_labels import label
from roam.teamwork.overview import Portfolio, PortfolioRow
from roam.workbooks.inert_cells import CellValue, CellWriter
from roam.workbooks.printing import prepare_printing
from roam.workbooks.saving import save_workbook
from roam.workbooks.styles import (
    DATETIME,
    NOTE,
    NUMBER,
    PERCENT,
    PLAIN,
    SCORE,
    TEXT,
    TITLE,
    install_styles,
    set_widths,
)
from roam.workbooks.tables import table_name, write_table

PORTFOLIO_SHEET = "Portfolio"
SKIPPED_SHEET = "Skipped files"
_FIXED_HEADERS = (
    ("Country", 26, TEXT),
    ("ISO", 6, PLAIN),
    ("Edition", 20, PLAIN),
    ("Scope", 8, PLAIN),
    ("Indicators in scope", 10, NUMBER),
    ("Coverage %", 10, PERCENT),
    ("Answered", 10, NUMBER),
    ("Draft", 8, NUMBER),
    ("Submitted", 10, NUMBER),
    ("Queried", 9, NUMBER),
    ("Accepted", 10, NUMBER),
    ("Data gaps", 9, NUMBER),
    ("Open queries", 9, NUMBER),
    ("Readiness findings", 11, NUMBER),
    ("Last change (UTC)", 17, DATETIME),
)
_INTRO = (
    "One row per assessment file, sorted by country name. Category scores are a diagnostic "
    "aid for each national team and are never ranked: compare a country only with its own "
    "earlier assessments of the same scope. Coverage: percent of in-scope indicators with a "
    "decided status. Last change: the latest history entry or review comment."
)
_TOP = 5


def write_overview_workbook(portfolio: Portfolio, path: str | Path) -> Path:
    """Write the portfolio workbook to ``path`` (atomically) and return the path."""
    return save_workbook(build_overview_workbook(portfolio), path)


def build_overview_workbook(portfolio: Portfolio) -> Workbook:
    workbook = Workbook()
    cells = install_styles(workbook)
    sheet = workbook.active
    sheet.title = PORTFOLIO_SHEET
    _portfolio(cells, sheet, portfolio)
    _skipped(cells, workbook.create_sheet(SKIPPED_SHEET), portfolio)
    workbook.active = 0
    return workbook


def _portfolio(cells: CellWriter, sheet: Worksheet, portfolio: Portfolio) -> None:
    count = len(portfolio.rows)
    skipped = len(portfolio.skipped)
    cells.put(sheet, 1, 1, "Portfolio overview of national assessments", TITLE)
    summary = f"{count} assessment{'s' if count != 1 else ''}"
    if skipped:
        summary += f"; {skipped} file{'s' if skipped != 1 else ''} skipped (see '{SKIPPED_SHEET}')"
    generated = portfolio.generated.astimezone().strftime("%Y-%m-%d %H:%M")
    cells.put(sheet, 2, 1, f"{summary}. Generated {generated}.", PLAIN)
    cells.put(sheet, 3, 1, f"{_INTRO} {label('disclaimer')}", NOTE)
    score_headers = [f"{code} score" for code, _ in portfolio.categories]
    width = len(_FIXED_HEADERS) + len(score_headers) + 1
    sheet.merge_cells(start_row=3, start_column=1, end_row=3, end_column=min(width, 16))
    sheet.row_dimensions[3].height = 45
    widths = [w for _, w, _ in _FIXED_HEADERS] + [9] * len(score_headers) + [30]
    set_widths(sheet, {get_column_letter(i + 1): w for i, w in enumerate(widths)})
    codes = [code for code, _ in portfolio.categories]
    write_table(
        sheet,
        cells,
        _TOP,
        name=table_name("portfolio"),
        headers=[*(h for h, _, _ in _FIXED_HEADERS), *score_headers, "File"],
        rows=[_values(row, codes) for row in portfolio.rows],
        column_styles=[*(s for _, _, s in _FIXED_HEADERS), *[SCORE] * len(codes), PLAIN],
        empty_note="No assessment could be read.",
    )
    legend = ", ".join(f"{code}: {name}" for code, name in portfolio.categories)
    if legend:
        cells.put(sheet, 4, 1, f"Categories: {legend}.", NOTE)
    sheet.freeze_panes = sheet.cell(row=_TOP + 1, column=3)
    prepare_printing(sheet, "Portfolio", "en", f"{_TOP}:{_TOP}")


def _values(row: PortfolioRow, codes: list[str]) -> list[CellValue]:
    states = row.review_states
    return [
        row.country,
        row.iso,
        row.edition,
        row.scope,
        row.in_scope,
        row.coverage,
        row.answered,
        states["draft"],
        states["submitted"],
        states["queried"],
        states["accepted"],
        row.data_gaps,
        row.open_queries,
        row.readiness_findings,
        row.last_change,
        *(row.category_scores.get(code) for code in codes),
        row.file,
    ]


def _skipped(cells: CellWriter, sheet: Worksheet, portfolio: Portfolio) -> None:
    set_widths(sheet, {"A": 40, "B": 100})
    cells.put(sheet, 1, 1, "Files that could not be read", TITLE)
    cells.put(sheet, 2, 1, "Fix these files and run `roam overview` again.", NOTE)
    write_table(
        sheet,
        cells,
        4,
        name=table_name("skipped"),
        headers=["File", "Error"],
        rows=[[item.file, item.error] for item in portfolio.skipped],
        column_styles=[PLAIN, TEXT],
        empty_note="No file was skipped.",
    )
    prepare_printing(sheet, "Portfolio", "en", "4:4")
