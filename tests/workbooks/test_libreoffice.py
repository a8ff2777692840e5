"""A real spreadsheet program opens the report and prints it to PDF."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from roam.framework import Framework
from roam.workbooks.workbook import export_report
from tests.helpers.report_assessment import mini_assessment

SOFFICE = shutil.which("soffice")

pytestmark = [
    pytest.mark.libreoffice,
    pytest.mark.skipif(
        SOFFICE is None,
        reason="soffice not on PATH (apt-get install libreoffice-calc-nogui to run this test)",
    ),
]


def convert_to_pdf(workbook: Path, out: Path) -> subprocess.CompletedProcess[str]:
    """Headless conversion with a profile of its own, so parallel runs never collide."""
    profile = out / "profile"
    env = {**os.environ, "HOME": str(out / "home")}
    return subprocess.run(
        [
            str(SOFFICE),
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            str(workbook),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        env=env,
        check=False,
    )


def pdf_pages(pdf: Path) -> int:
    return len(re.findall(rb"/Type\s*/Page(?!s)", pdf.read_bytes()))


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


@pytest.mark.skipif(PDFTOTEXT is None, reason="pdftotext (poppler-utils) not on PATH")
@pytest.mark.skipif(
    not _calibri_is_carlito(),
    reason="no Carlito font (apt-get install fonts-crosextra-carlito): widths would differ",
)
def test_a_printed_category_sheet_reads_at_nine_points_or_more(
    tmp_path: Path, framework: Framework
) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    # The same program prints 10 pt Calibri at 100 %: the yardstick for the report's text.
    yardstick = Workbook()
    yardstick.active.cell(1, 1, "Yardstick").font = Font(name="Calibri", size=10)
    yardstick.active.page_setup.scale = 100
    yardstick.save(tmp_path / "yardstick.xlsx")
    export_report(mini_assessment(framework), tmp_path / "report.xlsx", framework=framework)
    for name in ("yardstick.xlsx", "report.xlsx"):
        assert convert_to_pdf(tmp_path / name, tmp_path).returncode == 0
    ten_points = _word_heights(tmp_path / "yardstick.pdf", 1)["Yardstick"]
    # Pages: the cover (two), the dashboard (three), C Context (one), then R Rights.
    rights = next(
        page
        for page in range(1, pdf_pages(tmp_path / "report.pdf") + 1)
        if "R.A.1.a" in _word_heights(tmp_path / "report.pdf", page)
    )
    words = _word_heights(tmp_path / "report.pdf", rights)
    printed = 10 * words["R.A.1.a"] / ten_points
    assert printed >= 9.0, f"indicator rows print at {printed:.1f} pt"
