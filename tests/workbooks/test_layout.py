"""Rows grow to show their wrapped text: a justification is never hidden behind one line."""

from __future__ import annotations

from openpyxl import Workbook

from roam.workbooks.layout import LINE_POINTS, PADDING_POINTS, RowFitter, text_lines
from roam.workbooks.styles import PLAIN, TEXT


def test_short_text_takes_one_line_and_long_text_several():
    assert text_lines("Applied unevenly.", 30) == 1
    assert text_lines("word " * 40, 20) == 8  # 24 characters a line: five words
    assert text_lines("one\ntwo\nthree", 30) == 3


def test_only_wrapped_columns_make_a_row_taller():
    sheet = Workbook().active
    fitter = RowFitter([PLAIN, TEXT], [10, 30])
    fitter.fit(sheet, 1, ["x" * 200, "short"])  # long text in a column that does not wrap
    fitter.fit(sheet, 2, ["R.A.1.a", "first\nsecond\nthird"])
    assert sheet.row_dimensions[1].height is None
    assert sheet.row_dimensions[2].height == 3 * LINE_POINTS + PADDING_POINTS


def test_lines_are_counted_by_wrapping_words_not_by_length():
    """Measured against LibreOffice: the length-based estimate left rows a quarter too tall."""
    # A column 20 wide holds 24 characters a line: four five-letter words (23), not five.
    assert text_lines("abcde " * 20, 20) == 5
    # A word longer than a line is broken over as many lines as it needs.
    assert text_lines("x" * 30, 10) == 3  # 11 characters a line
    assert text_lines("short " + "x" * 22, 10) == 3
