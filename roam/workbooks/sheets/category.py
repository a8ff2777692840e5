"""One sheet per category: a row per in-scope indicator, and the liaison's two columns.

Rows follow the framework (theme, then question, then indicator), as national
reports do.  The sheet is protected without a password, and its table rows are
unlocked: Excel and LibreOffice sort a protected sheet only where every cell of the
range is unlocked.  The liaison's decision and comment cells are the yellow ones;
the team's cells keep what was exported, which the review import checks against a
hash per row in the stamp (an edited team cell is named, never imported).  The
decision offers accept, query or reject; its values stay in English in every
language because the review importer reads them.
"""

from __future__ import annotations

from openpyxl.formatting.rule import ColorScaleRule
from openpyxl.styles import Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from roam.assessment.model import Answer
from roam.exchange.provenance import row_fingerprint
from roam.exchange.workbook_labels import value_label
from roam.framework.model import Category, IndicatorPlace
from roam.workbooks.answer_text import answer_text
from roam.workbooks.context import ReportContext
from roam.workbooks.inert_cells import CellValue
from roam.workbooks.layout import merged_note
from roam.workbooks.printing import prepare_printing
from roam.workbooks.sheets.evidence import is_web_link
from roam.workbooks.styles import (
    LABEL,
    LIAISON,
    PLAIN,
    QUESTION_ROW,
    SCORE,
    SCORE_HIGH,
    SCORE_LOW,
    SCORE_MID,
    TEXT,
    THEME_ROW,
    TITLE,
)
from roam.workbooks.tables import table_name, write_table

DECISIONS = ("accept", "query", "reject")
TEXT_FORMAT = "@"
HEADER_ROW = 5
FIRST_ROW = HEADER_ROW + 1
# (header label key, style, width); the order is the column order.  Themes and
# questions are group rows above their indicators, not columns, and the widths add
# up to a page that A4 landscape prints at 90 % or more: 10 pt text reads at 9 pt.
COLUMNS: tuple[tuple[str, str, float], ...] = (
    ("col.code", PLAIN, 9),
    ("col.indicator", TEXT, 23),
    ("col.status", PLAIN, 10),
    ("col.answer", TEXT, 11),
    ("col.score", SCORE, 7),
    ("col.justification", TEXT, 24),
    ("col.evidence", TEXT, 20),
    # The liaison's cells, next to what they judge.
    ("col.decision", LIAISON, 11),
    ("col.liaison_comment", LIAISON, 16),
    ("col.details", TEXT, 12),
)
CODE_COLUMN = 1
INDICATOR_COLUMN = 2
INTRO_COLUMNS = 7
SCORE_COLUMN = 5
DECISION_COLUMN = 8
COMMENT_COLUMN = 9
LIAISON_COLUMNS = (DECISION_COLUMN, COMMENT_COLUMN)
_UNLOCKED = Protection(locked=False)
_SHORT_LINK = 24  # characters of a web address shown under its citation


def build_category(
    ctx: ReportContext, sheet: Worksheet, category: Category
) -> dict[str, tuple[str, int]]:
    """Fill ``sheet``; returns theme code -> (sheet title, row of the theme's group row)."""
    cells = ctx.cells
    for index, (_, _, width) in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    cells.put(sheet, 1, 1, f"{category.code} {ctx.text(category.name)}", TITLE)
    merged_note(cells, sheet, 2, ctx.label("cat.intro"), INTRO_COLUMNS)
    _summary(ctx, sheet, category)

    rows, row_styles, indicator_rows, theme_rows = _grouped_rows(ctx, sheet, category)
    write_table(
        sheet,
        cells,
        HEADER_ROW,
        name=table_name("category", category.code),
        headers=[ctx.label(key) for key, _, _ in COLUMNS],
        rows=rows,
        column_styles=[style for _, style, _ in COLUMNS],
        empty_note=ctx.label("cat.empty"),
        row_styles=row_styles,
    )
    if indicator_rows:
        last = FIRST_ROW + len(rows) - 1
        _score_colours(sheet, last)
        _decision_list(ctx, sheet, last)
        _text_inputs(sheet, last)
        _unlock(sheet, last)
    # Code and indicator stay in view while the liaison scrolls to the decision.
    sheet.freeze_panes = sheet.cell(FIRST_ROW, INDICATOR_COLUMN + 1).coordinate
    _protect(sheet)
    prepare_printing(
        sheet,
        ctx.assessment.country,
        ctx.lang,
        f"{HEADER_ROW}:{HEADER_ROW}",
        last_column=len(COLUMNS),
    )
    # The table's columns only: a group row's text running on past them would widen
    # the printed page, and shrink every page of the sheet with it.
    last_row = max(FIRST_ROW + len(rows) - 1, HEADER_ROW + 1)
    sheet.print_area = f"A1:{get_column_letter(len(COLUMNS))}{last_row}"
    return theme_rows


_GroupedRows = tuple[
    list[list[CellValue]], list[list[str | None] | None], list[int], dict[str, tuple[str, int]]
]


def _grouped_rows(ctx: ReportContext, sheet: Worksheet, category: Category) -> _GroupedRows:
    """Rows under a group row per theme and per question, as national reports read.

    A group row carries the theme's or question's code in the Code column, so sorting
    by code puts every row back in framework order; its liaison cells stay locked and
    blank, so the review importer passes over it.
    """
    rows: list[list[CellValue]] = []
    styles: list[list[str | None] | None] = []
    indicator_rows: list[int] = []
    theme_rows: dict[str, tuple[str, int]] = {}
    blank: list[CellValue] = [None] * (len(COLUMNS) - 2)
    theme_code = question_code = None
    for place in ctx.places_in_scope(category):
        if place.theme.code != theme_code:
            theme_code = place.theme.code
            theme_rows[theme_code] = (sheet.title, FIRST_ROW + len(rows))
            rows.append([theme_code, ctx.text(place.theme.name), *blank])
            styles.append([THEME_ROW] * len(COLUMNS))
        if place.question.code != question_code:
            question_code = place.question.code
            rows.append([question_code, ctx.text(place.question.text), *blank])
            styles.append([PLAIN, QUESTION_ROW, *[None] * len(blank)])
        indicator_rows.append(FIRST_ROW + len(rows))
        row = _row(ctx, place)
        ctx.stamp.row_hashes[place.indicator.code] = row_fingerprint(team_cells(row))
        rows.append(row)
        styles.append(None)
    return rows, styles, indicator_rows, theme_rows


def _summary(ctx: ReportContext, sheet: Worksheet, category: Category) -> None:
    node = ctx.nodes.get(category.code)
    ctx.cells.put(sheet, 3, 1, ctx.label("col.score"), LABEL)
    if node is None:
        return
    ctx.cells.put(sheet, 3, 2, node.score, SCORE)
    coverage = node.coverage
    counts = " · ".join(
        f"{ctx.label('col.' + status)} {getattr(coverage, status)}"
        for status in ("answered", "not_applicable", "no_data", "not_assessed")
    )
    ctx.cells.put(sheet, 3, 3, f"{ctx.band_label(node)} ({counts})".lstrip(), PLAIN)
    # The bands with their ranges, where a band is shown.
    merged_note(ctx.cells, sheet, 4, ctx.band_note(), INTRO_COLUMNS)


def _row(ctx: ReportContext, place: IndicatorPlace) -> list[CellValue]:
    indicator = place.indicator
    answer = ctx.answer(indicator.code)
    return [
        indicator.code,
        ctx.text(indicator.text),
        value_label("status", answer.status, ctx.lang),
        answer_text(ctx.framework, ctx.lang, place, answer),
        ctx.score(indicator.code),
        answer.justification,
        _evidence_summary(ctx, answer),
        None,
        None,
        _details(ctx, place, answer),
    ]


def _details(ctx: ReportContext, place: IndicatorPlace, answer: Answer) -> str:
    """Kind, core, confidence, stakeholders and review state: one short line each."""
    lang = ctx.lang
    lines = [value_label("kind", place.indicator.kind, lang)]
    if place.indicator.core:
        lines.append(ctx.label("details.core"))
    if answer.confidence:
        confidence = value_label("confidence", answer.confidence, lang)
        lines.append(ctx.label("details.confidence").format(value=confidence))
    if answer.stakeholders:
        groups = ", ".join(value_label("group", g, lang) for g in answer.stakeholders)
        lines.append(ctx.label("details.stakeholders").format(value=groups))
    review = value_label("review", answer.review.state, lang)
    lines.append(ctx.label("details.review").format(value=review))
    return "\n".join(lines)


def _evidence_summary(ctx: ReportContext, answer: Answer) -> str:
    lines = []
    for item in answer.evidence:
        citation = ctx.evidence_citation(item)
        redacted = item.confidential and ctx.redact_confidential
        details = [] if redacted else [item.publisher] if item.publisher else []
        if item.published is not None and not redacted:
            details.append(str(item.published.year))
        suffix = f" ({', '.join(details)})" if details else ""
        lines.append(f"• {citation}{suffix}")
        if not redacted and is_web_link(item.location):
            lines.append(f"  {short_link(item.location)}")
    return "\n".join(lines)


def short_link(location: str) -> str:
    """A web address without its scheme, cut to a line (the full one is on the register)."""
    text = location.strip().split("://", 1)[-1].removeprefix("www.")
    return text if len(text) <= _SHORT_LINK else text[: _SHORT_LINK - 1] + "…"


def _score_colours(sheet: Worksheet, last: int) -> None:
    column = get_column_letter(SCORE_COLUMN)
    sheet.conditional_formatting.add(
        f"{column}{FIRST_ROW}:{column}{last}",
        ColorScaleRule(
            start_type="num",
            start_value=0,
            start_color=SCORE_LOW,
            mid_type="num",
            mid_value=50,
            mid_color=SCORE_MID,
            end_type="num",
            end_value=100,
            end_color=SCORE_HIGH,
        ),
    )


def _decision_list(ctx: ReportContext, sheet: Worksheet, last: int) -> None:
    validation = DataValidation(
        type="list",
        formula1='"' + ",".join(DECISIONS) + '"',
        allow_blank=True,
        showErrorMessage=True,
        showInputMessage=True,
        promptTitle=ctx.label("col.decision")[:32],
        prompt=ctx.label("cat.decision_prompt"),
        errorTitle=ctx.label("col.decision")[:32],
        error=ctx.label("cat.decision_error"),
    )
    # The whole column, group rows too: after a sort any row may hold an indicator.
    column = get_column_letter(DECISION_COLUMN)
    validation.add(f"{column}{FIRST_ROW}:{column}{last}")
    sheet.add_data_validation(validation)


def _text_inputs(sheet: Worksheet, last: int) -> None:
    """The liaison's cells take what is typed as text (Excel's Text format, "@").

    In a General cell, a comment such as "=- see the 2022 act" or "-> queried"
    becomes a formula (showing #NAME? or #VALUE!), which the importer cannot use.
    """
    for row in range(FIRST_ROW, last + 1):
        for column in (DECISION_COLUMN, COMMENT_COLUMN):
            sheet.cell(row, column).number_format = TEXT_FORMAT


def team_cells(row: list[CellValue]) -> list[CellValue]:
    """The cells of an indicator row that are the team's: all but the liaison's two."""
    return [value for column, value in enumerate(row, start=1) if column not in LIAISON_COLUMNS]


def _unlock(sheet: Worksheet, last: int) -> None:
    """Unlock the table's rows, so that sorting works with the sheet protected.

    Both programs refuse to sort a range with a locked cell on a protected sheet,
    whatever the protection allows.  Titles, notes and the header row stay locked.
    """
    for row in sheet.iter_rows(min_row=FIRST_ROW, max_row=last, max_col=len(COLUMNS)):
        for cell in row:
            cell.protection = _UNLOCKED


def _protect(sheet: Worksheet) -> None:
    """Protected without a password: a guard against slips, not a lock.

    The liaison may filter and sort the table (its rows are unlocked, see
    :func:`_unlock`) and resize columns and rows.
    """
    protection = sheet.protection
    protection.sheet = True
    protection.autoFilter = False
    protection.sort = False
    protection.formatColumns = False
    protection.formatRows = False
