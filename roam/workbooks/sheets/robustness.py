"""Robustness: each scored category under the default and the alternative rules."""

from __future__ import annotations

from openpyxl.worksheet.worksheet import Worksheet

from roam.exchange.workbook_labels import value_label
from roam.workbooks.context import ReportContext
from roam.workbooks.inert_cells import CellValue
from roam.workbooks.layout import merged_note
from roam.workbooks.sheets.register import write_register
from roam.workbooks.styles import SCORE, TEXT


def build_robustness(ctx: ReportContext, sheet: Worksheet) -> None:
    table = ctx.report.robustness
    rules = list(table)
    codes = [c.code for c in ctx.scored_categories() if any(c.code in table[r] for r in rules)]
    columns = [("col.category", TEXT, 30)] + [("col.score", SCORE, 16)] * len(rules)
    headers = [ctx.label("col.category")] + [value_label("rule", r, ctx.lang) for r in rules]
    rows: list[list[CellValue]] = []
    for code in codes:
        name = ctx.text(ctx.framework.category(code).name)
        rows.append([f"{code} {name}", *(table[rule].get(code) for rule in rules)])
    last = write_register(
        ctx,
        sheet,
        name="robustness",
        note=ctx.label("robust.intro"),
        columns=columns,
        rows=rows,
        empty_note=ctx.label("no_score"),
        headers=headers,
    )
    row = last + 2
    for rule in rules:
        key = f"method.rule.{rule}"
        text = f"{value_label('rule', rule, ctx.lang)}: {ctx.label(key)}"
        merged_note(ctx.cells, sheet, row, text, max(3, len(columns)))
        row += 1
