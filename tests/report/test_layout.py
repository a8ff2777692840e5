"""Rows grow to show their wrapped text: a justification is never hidden behind one line."""

from __future__ import annotations

from openpyxl import Workbook

from roam.report.layout import LINE_POINTS, PADDING_POINTS, RowFitter, text_lines
from roam.report.styles import PLAIN, TEXT


def test_short_text_takes_one_line_and_long_text_several():
    assert text_lines("Applied unevenly.", 30) == 1
    # 200 characters in a column 20 wide: at most 22 a line, so at least 10 lines.
    assert text_lines("word " * 40, 20) >= 10
    assert text_lines("one\ntwo\nthree", 30) == 3


def test_only_wrapped_columns_make_a_row_taller():
    sheet = Workbook().active
    fitter = RowFitter([PLAIN, TEXT], [10, 30])
    fitter.fit(sheet, 1, ["x" * 200, "short"])  # long text in a column that does not wrap
    fitter.fit(sheet, 2, ["R.A.1.a", "first\nsecond\nthird"])
    assert sheet.row_dimensions[1].height is None
    assert sheet.row_dimensions[2].height == 3 * LINE_POINTS + PADDING_POINTS
