"""A real spreadsheet program opens the report and prints it to PDF."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from roam.framework import Framework
from roam.workbooks.template_writer import write_template
from roam.workbooks.workbook import export_report
from tests.helpers.libreoffice import SOFFICE, convert_to_pdf, pdf_pages
from tests.helpers.report_assessment import mini_assessment

pytestmark = [
    pytest.mark.libreoffice,
    pytest.mark.skipif(
        SOFFICE is None,
        reason="soffice not on PATH (apt-get install libreoffice-calc-nogui to run this test)",
    ),
]


def test_libreoffice_prints_the_report_to_pdf(tmp_path: Path, framework: Framework):
    workbook = export_report(
        mini_assessment(framework), tmp_path / "report.xlsx", framework=framework
    )
    result = convert_to_pdf(workbook, tmp_path)
    assert result.returncode == 0, result.stderr
    pdf = tmp_path / "report.pdf"
    assert pdf.is_file(), f"no PDF written; soffice said: {result.stdout} {result.stderr}"
    # Cover (one page), dashboard (three), and at least a page for each other sheet.
    assert pdf_pages(pdf) >= 12


PDFTOTEXT = shutil.which("pdftotext")
_WORD = re.compile(
    r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>'
)


def _calibri_is_carlito() -> bool:
    """LibreOffice prints Calibri with Carlito, its metric twin; another font has other widths."""
    fc_match = shutil.which("fc-match")
    if fc_match is None:
        return False
    found = subprocess.run([fc_match, "Calibri"], capture_output=True, text=True, check=False)
    return "Carlito" in found.stdout


def _word_heights(pdf: Path, page: int) -> dict[str, float]:
    """Each word of ``page`` with the height of its box, in points."""
    assert PDFTOTEXT is not None
    result = subprocess.run(
        [PDFTOTEXT, "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    )
    return {
        word: float(y_max) - float(y_min) for y_min, y_max, word in _WORD.findall(result.stdout)
    }


def _pages_with(pdf: Path, word: str) -> list[int]:
    return [page for page in range(1, pdf_pages(pdf) + 1) if word in _word_heights(pdf, page)]


CARLITO = pytest.mark.skipif(
    not _calibri_is_carlito(),
    reason="no Carlito font (apt-get install fonts-crosextra-carlito): widths would differ",
)


@pytest.fixture
def ten_points(tmp_path_factory: pytest.TempPathFactory) -> float:
    """The height of a 10 pt Calibri word as the same program prints it at 100 %."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    folder = tmp_path_factory.mktemp("yardstick")
    yardstick = Workbook()
    yardstick.active.cell(1, 1, "Yardstick").font = Font(name="Calibri", size=10)
    yardstick.active.page_setup.scale = 100
    yardstick.save(folder / "yardstick.xlsx")
    assert convert_to_pdf(folder / "yardstick.xlsx", folder).returncode == 0
    return _word_heights(folder / "yardstick.pdf", 1)["Yardstick"]


@pytest.mark.skipif(PDFTOTEXT is None, reason="pdftotext (poppler-utils) not on PATH")
@CARLITO
def test_printed_category_method_and_evidence_sheets_read_at_nine_points_or_more(
    tmp_path: Path, framework: Framework, ten_points: float
) -> None:
    export_report(mini_assessment(framework), tmp_path / "report.xlsx", framework=framework)
    assert convert_to_pdf(tmp_path / "report.xlsx", tmp_path).returncode == 0
    pdf = tmp_path / "report.pdf"
    # Body text in 10 pt Calibri, one word each: an indicator row, the Method's score
    # tree header, the Evidence register's header (each on that sheet's pages only).
    for word, sheet in (("R.A.1.a", "Rights"), ("Node", "Method"), ("Publisher", "register")):
        pages = [page for page in _pages_with(pdf, word) if sheet in _word_heights(pdf, page)]
        assert pages, (word, sheet)
        for page in pages:
            printed = 10 * _word_heights(pdf, page)[word] / ten_points
            assert printed >= 9.0, f"{sheet}: '{word}' prints at {printed:.1f} pt"


@pytest.mark.skipif(PDFTOTEXT is None, reason="pdftotext (poppler-utils) not on PATH")
@CARLITO
def test_the_printed_template_reads_at_full_size(
    tmp_path: Path, framework: Framework, ten_points: float
) -> None:
    codes = list(framework.places)
    write_template(mini_assessment(framework), framework, codes, tmp_path / "template.xlsx")
    assert convert_to_pdf(tmp_path / "template.xlsx", tmp_path).returncode == 0
    pdf = tmp_path / "template.pdf"
    # The Answers sheet prints its parts on pages side by side, each with the codes:
    # what is asked, the answer, then one page per evidence group.
    pages = _pages_with(pdf, codes[0])
    assert len(pages) == 5
    for page in pages:
        printed = 10 * _word_heights(pdf, page)[codes[0]] / ten_points
        assert printed >= 9.0, f"page {page}: codes print at {printed:.1f} pt"
    headers = [set(_word_heights(pdf, page)) for page in pages]
    assert "guidance" in headers[0] and "Justification" in headers[1]
    assert all("citation" in words for words in headers[2:])


PDFTOHTML = shutil.which("pdftohtml")
_FONT = re.compile(r'<fontspec id="(\d+)" size="(-?\d+)"')
_TEXT = re.compile(r'<text top="\d+" left="\d+" width="\d+" height="\d+" font="(\d+)">')
ZOOM = 3  # pdftohtml's largest: sizes in thirds of a point


def _smallest_text_per_page(pdf: Path) -> list[float]:
    """The smallest font size of each page, in points, as pdftohtml reads the PDF."""
    assert PDFTOHTML is not None
    xml = subprocess.run(
        [PDFTOHTML, "-xml", "-i", "-stdout", "-zoom", str(ZOOM), str(pdf)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    sizes = {font: int(size) / ZOOM for font, size in _FONT.findall(xml)}
    pages = xml.split("<page number=")[1:]
    return [min((sizes[font] for font in _TEXT.findall(page)), default=99.0) for page in pages]


@pytest.mark.skipif(PDFTOHTML is None, reason="pdftohtml (poppler-utils) not on PATH")
@CARLITO
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_no_printed_page_of_the_report_or_template_has_text_under_nine_points(
    tmp_path: Path, framework: Framework, lang: str
) -> None:
    assessment = mini_assessment(framework)
    export_report(assessment, tmp_path / "report.xlsx", framework=framework, lang=lang)
    write_template(assessment, framework, list(framework.places), tmp_path / "template.xlsx")
    for name in ("report", "template"):
        assert convert_to_pdf(tmp_path / f"{name}.xlsx", tmp_path).returncode == 0
        smallest = _smallest_text_per_page(tmp_path / f"{name}.pdf")
        assert len(smallest) > 3
        # pdftohtml rounds sizes to a third of a point: 9 pt reads as 9.0.
        small = [(page, size) for page, size in enumerate(smallest, start=1) if size < 9.0]
        assert not small, f"{name}: pages with text under 9 pt: {small}"
