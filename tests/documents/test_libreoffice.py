"""A real word processor opens the demo's draft and prints it to PDF."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import pytest

from roam.demo import make_demo
from roam.documents.draft import write_draft
from roam.framework import load_framework
from tests.helpers.libreoffice import SOFFICE, convert_to_pdf, pdf_pages

pytestmark = [
    pytest.mark.libreoffice,
    pytest.mark.slow,
    pytest.mark.skipif(
        SOFFICE is None,
        reason="soffice not on PATH (apt-get install libreoffice-writer-nogui to run this test)",
    ),
]


def _pdf_text(pdf: Path, first: int, last: int) -> str:
    done = subprocess.run(
        ["pdftotext", "-f", str(first), "-l", str(last), str(pdf), "-"],
        capture_output=True,
        text=True,
        check=False,
    )
    return done.stdout if done.returncode == 0 else ""


def test_libreoffice_prints_the_demo_draft(tmp_path: Path):
    framework = load_framework()
    assessment = make_demo(framework, today=dt.date(2025, 3, 1))
    draft = write_draft(assessment, tmp_path / "draft.docx", framework=framework)
    result = convert_to_pdf(draft, tmp_path)
    assert result.returncode == 0, result.stderr
    pdf = tmp_path / "draft.pdf"
    assert pdf.is_file(), f"no PDF written; soffice said: {result.stdout} {result.stderr}"
    # The 303 indicators, their findings and the annexes take well over fifty pages.
    assert pdf_pages(pdf) >= 50
    opening = _pdf_text(pdf, 1, 3)
    if opening:  # pdftotext is optional: the page count above is the test's core
        assert "Examplia" in opening
        assert "Contents" in opening
        assert "Executive summary" in opening
