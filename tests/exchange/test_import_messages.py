"""The import summaries stay readable, and every bad cell says what was left out."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from roam.exchange.review import listed_codes
from roam.framework import Framework
from tests.helpers.exchange_workbooks import edit_workbook, export, fill_answers, load, row_of, run

CHANGED = [f"Z.A.{n}.a" for n in range(1, 31)]  # 30 answers "changed since the export"


def test_listed_codes_names_ten_then_counts_the_rest() -> None:
    codes = [f"R.A.{n}.a" for n in range(1, 304)]
    text = listed_codes(codes)
    assert text == ", ".join(codes[:10]) + " and 293 more"
    assert listed_codes(codes[:10]) == ", ".join(codes[:10])
    assert listed_codes(codes[:2]) == "R.A.1.a, R.A.2.a"


def test_a_stale_report_warning_is_one_short_line(
    assessment_file: Path, framework: Framework
) -> None:
    report = export(assessment_file, assessment_file.parent / "report.xlsx", framework)

    def stale(workbook: openpyxl.Workbook) -> None:
        stamp = workbook["_roam"]
        for code in CHANGED:  # answers the report knew and the assessment no longer has
            stamp.append([f"answer.{code}", "0" * 64])
        sheet = workbook["R Rights"]
        sheet.cell(row_of(sheet, "R.A.1.a"), 15).value = "query"

    reviewed = edit_workbook(report, report.with_name("reviewed.xlsx"), stale)

    result = run("import-review", assessment_file, reviewed, "--dry-run")

    assert result.exit_code == 0, result.output
    [warning] = [line for line in result.output.splitlines() if "older version" in line]
    assert warning.endswith("changed since: " + ", ".join(sorted(CHANGED)[:10]) + " and 20 more")
    assert len(warning.split("changed since: ")[1]) < 150


def test_every_bad_cell_says_whether_its_row_was_imported(
    assessment_file: Path, template: Path
) -> None:
    rows = {
        "R.A.1.b": {"level": "very high"},  # a bad level: row not imported
        "R.A.2.a": {"value": 120},  # outside the range: row not imported
        "O.A.1.a": {"level": "high", "year": "last year"},  # only the year is lost
    }

    def fill(workbook: openpyxl.Workbook) -> None:
        fill_answers(workbook["Answers"], rows)

    filled = edit_workbook(template, template.with_name("filled.xlsx"), fill)

    result = run("import-answers", assessment_file, filled)

    assert result.exit_code == 0, result.output
    assert "2 rows not imported, 3 bad cells" in result.output
    lines = result.output.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("bad cells (3)"))
    assert lines[start] == "bad cells (3); each says what was left out, the rest was imported:"
    bad = lines[start + 1 : start + 4]
    assert sum(line.endswith("; row not imported") for line in bad) == 2
    assert sum(line.endswith("; left empty") for line in bad) == 1
    assert load(assessment_file).answers["O.A.1.a"].level == "high"
