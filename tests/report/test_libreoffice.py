"""A real spreadsheet program opens the report and prints it to PDF."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from roam.framework import Framework
from roam.report.workbook import export_report
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
