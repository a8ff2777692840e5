"""One sheet per category: a row per in-scope indicator, and the liaison's two columns.

Rows follow the framework (theme, then question, then indicator), as national
reports do.  The sheet is protected without a password; only the liaison's
decision and comment cells are unlocked, and the decision offers accept, query
or reject.  The decision values stay in English in every language because the
review importer reads them.
"""

from __future__ import annotations

from openpyxl.formatting.rule import ColorScaleRule
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from roam.assessment.model import Answer
from roam.exchange.workbook_labels import value_label
from roam.framework.model import Category, IndicatorPlace, ScaledIndicator
from roam.report.cells import CellValue
from roam.report.context import ReportContext
from roam.report.layout import merged_note
from roam.report.styles import (
    LABEL,
    LIAISON,
    PLAIN,
    SCORE,
    SCORE_HIGH,
    SCORE_LOW,
    SCORE_MID,
    TEXT,
    TITLE,
    prepare_printing,
)
from roam.report.tables import table_name, write_table

DECISIONS = ("accept", "query", "reject")
TEXT_FORMAT = "@"
HEADER_ROW = 5
FIRST_ROW = HEADER_ROW + 1
# (header label key, style, width); the order is the column order.
COLUMNS: tuple[tuple[str, str, float], ...] = (
    ("col.code", PLAIN, 9),
    ("col.theme", TEXT, 12),
    ("col.question", TEXT, 24),
    ("col.indicator", TEXT, 30),
    ("col.core", PLAIN, 5),
    ("col.kind", PLAIN, 11),
    ("col.status", PLAIN, 10),
    ("col.answer", TEXT, 12),
    ("col.score", SCORE, 7),
    ("col.justification", TEXT, 32),
    ("col.evidence", TEXT, 30),
    ("col.confidence", PLAIN, 10),
    ("col.stakeholders", TEXT, 14),
    ("col.review_state", PLAIN, 9),
    ("col.decision", LIAISON, 10),
    ("col.liaison_comment", LIAISON, 24),
)
CODE_COLUMN = 1
INTRO_COLUMNS = 8
SCORE_COLUMN = 9
DECISION_COLUMN = 15
COMMENT_COLUMN = 16


def build_category(
    ctx: ReportContext, sheet: Worksheet, category: Category
) -> dict[str, tuple[str, int]]:
    """Fill ``sheet``; returns theme code -> (sheet title, row of the theme's first indicator)."""
    cells = ctx.cells
    for index, (_, _, width) in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    cells.put(sheet, 1, 1, f"{category.code} {ctx.text(category.name)}", TITLE)
    merged_note(cells, sheet, 2, ctx.label("cat.intro"), INTRO_COLUMNS)
    _summary(ctx, sheet, category)

    places = ctx.places_in_scope(category)
    rows = [_row(ctx, place) for place in places]
    theme_rows: dict[str, tuple[str, int]] = {}
    for offset, place in enumerate(places):
        theme_rows.setdefault(place.theme.code, (sheet.title, FIRST_ROW + offset))
    write_table(
        sheet,
        cells,
        HEADER_ROW,
        name=table_name("category", category.code),
        headers=[ctx.label(key) for key, _, _ in COLUMNS],
        rows=rows,
        column_styles=[style for _, style, _ in COLUMNS],
        empty_note=ctx.label("cat.empty"),
    )
    if places:
        last = FIRST_ROW + len(places) - 1
        _score_colours(sheet, last)
        _decision_list(ctx, sheet, last)
        _text_inputs(sheet, last)
    sheet.freeze_panes = sheet.cell(FIRST_ROW, CODE_COLUMN + 1).coordinate
    _protect(sheet)
    prepare_printing(sheet, ctx.assessment.country, ctx.lang, f"{HEADER_ROW}:{HEADER_ROW}")
    return theme_rows


def _summary(ctx: ReportContext, sheet: Worksheet, category: Category) -> None:
    node = ctx.nodes.get(category.code)
    ctx.cells.put(sheet, 3, 1, ctx.label("col.score"), LABEL)
    if node is None:
        return
    ctx.cells.put(sheet, 3, 2, node.score, SCORE)
    ctx.cells.put(sheet, 3, 3, ctx.band_label(node), PLAIN)
    coverage = node.coverage
    counts = " · ".join(
        f"{ctx.label('col.' + status)} {getattr(coverage, status)}"
        for status in ("answered", "not_applicable", "no_data", "not_assessed")
    )
    ctx.cells.put(sheet, 3, 4, counts, PLAIN)


def _row(ctx: ReportContext, place: IndicatorPlace) -> list[CellValue]:
    indicator, lang = place.indicator, ctx.lang
    answer = ctx.answer(indicator.code)
    stakeholders = ", ".join(value_label("group", g, lang) for g in answer.stakeholders)
    return [
        indicator.code,
        f"{place.theme.code} {ctx.text(place.theme.name)}",
        f"{place.question.code} {ctx.text(place.question.text)}",
        ctx.text(indicator.text),
        ctx.label("yes" if indicator.core else "no"),
        value_label("kind", indicator.kind, lang),
        value_label("status", answer.status, lang),
        _answer_text(ctx, place, answer),
        ctx.score(indicator.code),
        answer.justification,
        _evidence_summary(ctx, answer),
        value_label("confidence", answer.confidence, lang),
        stakeholders,
        value_label("review", answer.review.state, lang),
        None,
        None,
    ]


def _answer_text(ctx: ReportContext, place: IndicatorPlace, answer: Answer) -> str:
    if answer.status != "answered":
        return ""
    indicator = place.indicator
    if isinstance(indicator, ScaledIndicator):
        if answer.level is None:
            return ""
        level = ctx.framework.scale_for(indicator).level(answer.level)
        return answer.level if level is None else ctx.text(level.label)
    if answer.value is None:
        return ""
    unit = answer.unit or indicator.unit or ""
    text = f"{plain_number(answer.value)} {unit}".rstrip()
    return f"{text} ({answer.year})" if answer.year is not None else text


def plain_number(value: float) -> str:
    """A number as people write it: 12,402,000 or 0.734, never 1.2402e+07."""
    if value != 0 and abs(value) < 0.001:
        return f"{value:g}"
    if value.is_integer() and abs(value) < 1e15:
        return f"{int(value):,}"
    return f"{value:,.6f}".rstrip("0").rstrip(".")


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
    return "\n".join(lines)


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


def _protect(sheet: Worksheet) -> None:
    """Protected without a password: a guard against slips, not a lock.

    The liaison may still filter, sort, resize columns and rows.
    """
    protection = sheet.protection
    protection.sheet = True
    protection.autoFilter = False
    protection.sort = False
    protection.formatColumns = False
    protection.formatRows = False
