"""Printed pages a liaison reads: 9 pt or more, repeated headers, unbroken header words."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from roam.exchange.workbook_labels import label
from roam.workbooks.layout import column_widths, header_width, width_cm
from roam.workbooks.printing import (
    MIN_PRINT_SCALE,
    prepare_printing,
    print_scale,
    printed_width_cm,
)
from roam.workbooks.sheets.category import COLUMNS
from roam.workbooks.template_layout import (
    ANSWERS_SHEET,
    COLUMN_NUMBER,
    HEADER_ROW,
    INSTRUCTIONS_SHEET,
)
from roam.workbooks.template_layout import COLUMNS as TEMPLATE_COLUMNS
from roam.workbooks.template_writer import build_template
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
    # The columns as Excel (7 pixels a unit) and LibreOffice (about 0.2 cm) draw them
    # fit at >= 90 %, so 10 pt text prints at 9 pt or more; French headers included.
    assert printable / printed_width_cm(widths) >= MIN_PRINT_SCALE
    assert printed_width_cm(widths) >= width_cm(widths)
    assert sheet.print_area == f"'R Droits'!$A$1:$J${sheet.max_row}"


A4_LONG_SIDE_CM = 29.7


def _smallest_points(sheet: Worksheet) -> float:
    sizes = [
        float(cell.font.size)
        for row in sheet.iter_rows()
        for cell in row
        if cell.value is not None and cell.font is not None and cell.font.size
    ]
    return min(sizes, default=10.0)


def _effective_points(workbook: openpyxl.Workbook) -> dict[str, float]:
    """Each printed sheet's smallest text as it prints: font size times the print scale."""
    return {
        sheet.title: _smallest_points(sheet) * print_scale(sheet)
        for sheet in workbook.worksheets
        if sheet.sheet_state == "visible"
    }


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_sheet_of_the_report_prints_at_nine_points_or_more(tmp_path: Path, lang: str) -> None:
    framework = mini_framework()
    path = export_report(
        mini_assessment(framework), tmp_path / "r.xlsx", framework=framework, lang=lang
    )
    workbook = openpyxl.load_workbook(path)
    points = _effective_points(workbook)
    assert len(points) >= 10  # cover, dashboard, categories, registers, method
    small = {title: round(size, 2) for title, size in points.items() if size < 9.0}
    assert not small, small
    for sheet in workbook.worksheets:
        if sheet.sheet_state == "visible":
            assert sheet.page_setup.orientation == "landscape", sheet.title
            assert int(sheet.page_setup.paperSize) == int(sheet.PAPERSIZE_A4), sheet.title
            assert sheet.oddFooter.center.size >= 10, sheet.title


def test_the_method_and_evidence_sheets_fit_the_page_width(tmp_path: Path) -> None:
    framework = mini_framework()
    path = export_report(mini_assessment(framework), tmp_path / "r.xlsx", framework=framework)
    workbook = openpyxl.load_workbook(path)
    for title in (label("sheet.method"), label("sheet.evidence")):
        sheet = workbook[title]
        assert sheet.page_setup.fitToWidth == 1, title
        assert print_scale(sheet) >= MIN_PRINT_SCALE, title


def test_the_template_answers_sheet_prints_full_size_across_pages(tmp_path: Path) -> None:
    framework = mini_framework()
    assessment = mini_assessment(framework)
    template = build_template(assessment, framework, list(framework.places)[:4])
    points = _effective_points(template)
    assert set(points) == {INSTRUCTIONS_SHEET, ANSWERS_SHEET}
    assert min(points.values()) >= 9.0, points
    answers = template[ANSWERS_SHEET]
    assert print_scale(answers) == 1.0
    assert answers.print_title_cols == "$A:$A"  # the codes on every page across
    assert answers.print_title_rows == f"${HEADER_ROW}:${HEADER_ROW}"
    assert answers.page_setup.pageOrder == "overThenDown"
    # Pages across end where a part ends: what is asked, the answer, each evidence group.
    ends = [brk.id for brk in answers.col_breaks.brk]
    assert ends == [
        COLUMN_NUMBER[key] for key in ("current", "confidence", "evidence1.date", "evidence2.date")
    ]
    starts = [1, *ends]
    stops = [*ends, len(TEMPLATE_COLUMNS)]
    printable = A4_LONG_SIDE_CM - 2.54 * (answers.page_margins.left + answers.page_margins.right)
    for start, stop in zip(starts, stops, strict=True):
        first = start + 1 if start > 1 else 1
        widths = [TEMPLATE_COLUMNS[0].width] * (first > 1) + [
            c.width for c in TEMPLATE_COLUMNS[first - 1 : stop]
        ]
        assert printed_width_cm(widths) <= printable, (start, stop)


def test_a_sheet_too_wide_for_nine_points_prints_across_pages_instead() -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for column in range(1, 21):
        sheet.column_dimensions[get_column_letter(column)].width = 15
        sheet.cell(1, column, "text")
    prepare_printing(sheet, "Examplia", "en", "1:1")
    assert not sheet.sheet_properties.pageSetUpPr.fitToPage
    assert print_scale(sheet) == 1.0
    assert sheet.print_title_cols == "$A:$A"
    narrow = workbook.create_sheet("narrow")
    narrow.cell(1, 1, "text")
    prepare_printing(narrow, "Examplia", "en")
    assert narrow.sheet_properties.pageSetUpPr.fitToPage and narrow.page_setup.fitToWidth == 1
