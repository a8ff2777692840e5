"""A round trip through LibreOffice keeps the data: what a liaison on LibreOffice sends back.

Each workbook is filled with openpyxl, then opened and saved as xlsx by
LibreOffice (headless, with a throw-away profile), then imported.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from roam.exchange.workbook_labels import label
from roam.framework import Framework
from roam.workbooks.template_layout import COLUMN_NUMBER
from tests.helpers.exchange_workbooks import (
    edit_workbook,
    export,
    fill_answers,
    header_column,
    load,
    row_of,
    run,
)

pytestmark = [
    pytest.mark.libreoffice,
    pytest.mark.skipif(shutil.which("soffice") is None, reason="soffice is not installed"),
]


def through_libreoffice(workbook: Path, tmp_path: Path) -> Path:
    """``workbook`` opened and saved again as .xlsx by LibreOffice."""
    out = tmp_path / "libreoffice"
    out.mkdir(exist_ok=True)
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(out),
            str(workbook),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    converted = out / workbook.name
    assert converted.exists()
    assert converted.read_bytes() != workbook.read_bytes()
    return converted


def test_review_survives_libreoffice(
    assessment_file: Path, framework: Framework, tmp_path: Path
) -> None:
    report = export(assessment_file, tmp_path / "report.xlsx", framework)

    def review(workbook: openpyxl.Workbook) -> None:
        sheet = workbook["R Rights"]
        decision = header_column(sheet, label("col.decision"), 5)
        comment = header_column(sheet, label("col.liaison_comment"), 5)
        for code, chosen, text in (
            ("R.A.1.a", "accept", "Clear; « accents » and ünïcode survive."),
            ("R.A.1.b", "reject", "Line one.\nLine two: =SUM(A1) stays text."),
        ):
            row = row_of(sheet, code)
            sheet.cell(row, decision).value = chosen
            sheet.cell(row, comment).value = text

    reviewed = edit_workbook(report, tmp_path / "reviewed.xlsx", review)
    result = run(
        "import-review",
        assessment_file,
        through_libreoffice(reviewed, tmp_path),
        "--reviewer",
        "Liaison",
    )

    assert result.exit_code == 0, result.output
    assert "1 accepted, 0 queried, 1 rejected, 2 comments" in result.output
    assert "older version" not in result.output  # the stamp survived intact
    answers = load(assessment_file).answers
    assert answers["R.A.1.a"].review.state == "accepted"
    assert answers["R.A.1.a"].review.thread[0].text == (
        "Accepted: Clear; « accents » and ünïcode survive."
    )
    assert answers["R.A.1.b"].review.state == "queried"
    assert answers["R.A.1.b"].review.thread[0].text == (
        "Rejected: Line one.\nLine two: =SUM(A1) stays text."
    )


def test_template_survives_libreoffice(assessment_file: Path, tmp_path: Path) -> None:
    template = tmp_path / "template.xlsx"
    assert run("template", assessment_file, "-o", template).exit_code == 0

    def fill(workbook: openpyxl.Workbook) -> None:
        sheet = workbook["Answers"]
        cells = {
            "R.A.1.b": {
                "level": "low",
                "justification": "Rarely applied.",
                "confidence": "low",
                "evidence1.kind": "court_decision",
                "evidence1.citation": "Case 7/2021",
                "evidence1.link": "https://courts.example/7",
                "evidence1.date": dt.datetime(2021, 3, 15),
            },
            "R.A.2.a": {"value": 61.25, "year": 2023},
            "R.B.1.a": {"status": "no_data", "justification": "Not counted."},
        }
        fill_answers(sheet, cells)
        workbook["Instructions"]["B15"] = "Amina"

    filled = edit_workbook(template, tmp_path / "filled.xlsx", fill)
    converted = through_libreoffice(filled, tmp_path)
    kept = openpyxl.load_workbook(converted)
    assert kept["_roam"].sheet_state == "hidden" and kept["Answers"].protection.sheet

    result = run("import-answers", assessment_file, converted)

    assert result.exit_code == 0, result.output
    assert "imported 3 new" in result.output and "0 bad cells" in result.output
    answers = load(assessment_file).answers
    low = answers["R.A.1.b"]
    assert (low.level, low.justification, low.confidence) == ("low", "Rarely applied.", "low")
    [item] = low.evidence
    assert (item.kind, item.citation, item.location, item.published) == (
        "court_decision",
        "Case 7/2021",
        "https://courts.example/7",
        dt.date(2021, 3, 15),
    )
    assert low.history[0].who == "Amina"
    assert (answers["R.A.2.a"].value, answers["R.A.2.a"].year) == (61.25, 2023)
    assert answers["R.B.1.a"].status == "no_data"


def test_formulas_saved_by_libreoffice_are_bad_cells_not_text(
    assessment_file: Path, framework: Framework, tmp_path: Path
) -> None:
    """Text that became a formula keeps out of the answers and threads, with its cell named.

    LibreOffice evaluates the formula and stores its result (#NAME? or #VALUE!) beside it;
    before, that result was imported as the justification or the liaison's comment.
    """
    template = tmp_path / "template.xlsx"
    assert run("template", assessment_file, "-o", template).exit_code == 0
    rows: dict[str, int] = {}

    def fill(workbook: openpyxl.Workbook) -> None:
        sheet = workbook["Answers"]
        rows["R.A.1.b"] = row = row_of(sheet, "R.A.1.b")
        sheet.cell(row, COLUMN_NUMBER["level"]).value = "low"
        sheet.cell(row, COLUMN_NUMBER["justification"]).value = "=- no source publishes this"

    filled = edit_workbook(template, tmp_path / "filled.xlsx", fill)
    result = run("import-answers", assessment_file, through_libreoffice(filled, tmp_path))

    assert result.exit_code == 0, result.output
    assert "imported 1 new" in result.output and "1 bad cell" in result.output
    justification = openpyxl.utils.get_column_letter(COLUMN_NUMBER["justification"])
    assert f"  Answers!{justification}{rows['R.A.1.b']}: holds a formula (" in result.output
    answer = load(assessment_file).answers["R.A.1.b"]
    assert (answer.level, answer.justification) == ("low", "")

    report = export(assessment_file, tmp_path / "report.xlsx", framework)

    def review(workbook: openpyxl.Workbook) -> None:
        sheet = workbook["R Rights"]
        rows["review"] = row = row_of(sheet, "R.A.1.a")
        sheet.cell(row, header_column(sheet, label("col.decision"), 5)).value = "query"
        comment = header_column(sheet, label("col.liaison_comment"), 5)
        rows["comment"] = comment
        sheet.cell(row, comment).value = '=HYPERLINK("x")'

    reviewed = edit_workbook(report, tmp_path / "reviewed.xlsx", review)
    result = run(
        "import-review", assessment_file, through_libreoffice(reviewed, tmp_path), "--reviewer", "L"
    )

    assert result.exit_code == 0, result.output
    cell = f"{openpyxl.utils.get_column_letter(rows['comment'])}{rows['review']}"
    assert f"  R Rights!{cell}: holds a formula (=HYPERLINK(" in result.output
    assert "1 queried" in result.output and "1 bad cell" in result.output
    thread = load(assessment_file).answers["R.A.1.a"].review.thread
    assert [c.text for c in thread] == ["Queried."]
