"""Printed pages a liaison reads: repeated headers on long tables, unbroken header words."""

from __future__ import annotations

import openpyxl
import pytest
from openpyxl.utils import get_column_letter

from roam.exchange.workbook_labels import label
from roam.workbooks.layout import column_widths, header_width, width_cm
from roam.workbooks.sheets.category import COLUMNS
from roam.workbooks.workbook import export_report
from tests.helpers.report_assessment import mini_assessment, mini_framework


@pytest.fixture(scope="module")
def french(tmp_path_factory: pytest.TempPathFactory) -> openpyxl.Workbook:
    framework = mini_framework()
    path = tmp_path_factory.mktemp("fr") / "EXA-fr.xlsx"
    export_report(mini_assessment(framework), path, framework=framework, lang="fr")
    return openpyxl.load_workbook(path)


def test_the_method_score_tree_repeats_its_header_on_every_page(
    french: openpyxl.Workbook,
) -> None:
    sheet = french[label("sheet.method", "fr")]
    header = next(
        row
        for row in range(1, sheet.max_row + 1)
        if sheet.cell(row, 1).value == label("col.node", "fr")
    )
    assert sheet.print_title_rows == f"${header}:${header}"
    # The score tree starts a page, so its first page has its header too.
    assert [brk.id for brk in sheet.row_breaks.brk] == [header - 2]
    assert sheet.cell(header - 1, 1).value == label("method.weights", "fr")


def test_no_header_word_is_wider_than_its_column(french: openpyxl.Workbook) -> None:
    decision = label("col.decision", "fr")
    assert "correspondant" in decision  # the word that used to break mid-word
    for sheet in french.worksheets:
        for table in sheet.tables.values():
            first = openpyxl.utils.cell.range_boundaries(table.ref)
            min_col, min_row, max_col, _ = first
            for column in range(min_col, max_col + 1):
                text = str(sheet.cell(min_row, column).value)
                width = sheet.column_dimensions[get_column_letter(column)].width
                assert width >= header_width(text), (sheet.title, text, width)


def test_header_width_fits_the_longest_word() -> None:
    assert header_width("Décision du correspondant") > 10  # the column was 10 wide
    assert header_width("Décision du correspondant") == header_width("correspondant")
    assert header_width("") == header_width("   ")


def test_a_category_sheet_fits_a4_landscape_at_ninety_percent_or_more(
    french: openpyxl.Workbook,
) -> None:
    sheet = french["R Droits"]
    setup = sheet.page_setup
    assert (setup.orientation, int(setup.paperSize)) == ("landscape", int(sheet.PAPERSIZE_A4))
    assert (setup.fitToWidth, setup.fitToHeight) == (1, 0)
    widths = column_widths(sheet, 1, len(COLUMNS))
    printable = A4_LONG_SIDE_CM - 2.54 * (sheet.page_margins.left + sheet.page_margins.right)
    # The columns as a spreadsheet draws them (Calibri's 7 pixels a unit) fit at >= 90 %,
    # so 10 pt text prints at 9 pt or more; the French headers' widening included.
    assert printable / width_cm(widths) >= MIN_PRINT_SCALE
    assert sheet.print_area == f"'R Droits'!$A$1:$J${sheet.max_row}"


A4_LONG_SIDE_CM = 29.7
MIN_PRINT_SCALE = 0.9
