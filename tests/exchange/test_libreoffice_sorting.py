"""Sorting and filtering a protected category sheet in LibreOffice, then importing the review.

A headless LibreOffice, driven through its Python-UNO bridge as its Data menu would be
(libreoffice_sort_filter.py), sorts the table by status, decides on a row where the
sort put it, filters on one status and saves as xlsx; `roam import-review` reads it.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from roam.framework import Framework
from roam.workbooks.sheets.category import FIRST_ROW
from tests.helpers.exchange_workbooks import export, load, run

SOFFICE = shutil.which("soffice")
SCRIPT = Path(__file__).with_name("libreoffice_sort_filter.py")


def _python_with_uno() -> str | None:
    """A Python that can import LibreOffice's ``uno`` (python3-uno), if there is one."""
    for found in (shutil.which("python3"), "/usr/bin/python3"):
        if found is None or not Path(found).exists():
            continue
        probe = subprocess.run([found, "-c", "import uno"], capture_output=True, check=False)
        if probe.returncode == 0:
            return found
    return None


UNO_PYTHON = _python_with_uno() if SOFFICE else None

pytestmark = [
    pytest.mark.libreoffice,
    pytest.mark.skipif(SOFFICE is None, reason="soffice is not installed"),
    pytest.mark.skipif(
        UNO_PYTHON is None, reason="no Python with LibreOffice's uno (apt-get install python3-uno)"
    ),
]


def test_a_liaison_sorts_and_filters_a_protected_sheet_in_libreoffice_and_the_review_imports(
    assessment_file: Path, framework: Framework, tmp_path: Path
) -> None:
    report = export(assessment_file, tmp_path / "report.xlsx", framework)
    before = openpyxl.load_workbook(report)["R Rights"]
    codes_before = [before.cell(row, 1).value for row in range(FIRST_ROW, before.max_row + 1)]
    sorted_report = tmp_path / "sorted.xlsx"
    assert UNO_PYTHON is not None and SOFFICE is not None
    done = subprocess.run(
        [
            UNO_PYTHON,
            str(SCRIPT),
            SOFFICE,
            str(report),
            str(sorted_report),
            str(tmp_path / "lo-profile"),
            "R Rights",
            "R.A.1.a",
        ],
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["protected"] is True
    # The sort happened under the protection: by status, descending, "Not assessed" first.
    assert seen["codes"] != codes_before and sorted(seen["codes"]) == sorted(codes_before)
    assert seen["codes"][0] == "R.A.1.b"
    # The filter on "Answered" left R.A.1.a alone in view.
    assert "R.A.1.a" not in seen["hidden"] and "R.A.1.b" in seen["hidden"]

    saved = openpyxl.load_workbook(sorted_report)["R Rights"]
    assert saved.protection.sheet
    rows = {saved.cell(row, 1).value: row for row in range(FIRST_ROW, saved.max_row + 1)}
    assert saved.row_dimensions[rows["R.A.1.b"]].hidden
    assert not saved.row_dimensions[rows["R.A.1.a"]].hidden

    result = run("import-review", assessment_file, sorted_report, "--reviewer", "Liaison")
    assert result.exit_code == 0, result.output
    assert "1 rejected" in result.output and "0 bad cells" in result.output
    # LibreOffice's re-save of the team's cells is not taken for an edit.
    assert "team's cells were edited" not in result.output
    review = load(assessment_file).answers["R.A.1.a"].review
    assert review.state == "queried" and review.thread[-1].text == "Rejected."
