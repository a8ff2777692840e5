"""`roam export` as a user runs it: default path, options, exit codes, no tracebacks."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from openpyxl import load_workbook

from roam.assessment.create import framework_ref
from roam.assessment.storage import save_assessment
from roam.cli import main
from roam.framework import Framework
from tests.helpers.report_assessment import CONFIDENTIAL_CITATION, mini_assessment


@pytest.fixture
def assessment_file(tmp_path: Path, framework: Framework) -> Path:
    path = tmp_path / "examplia.yaml"
    assessment = mini_assessment(framework)
    assessment.framework = framework_ref(framework, path)
    save_assessment(assessment, path, framework)
    return path


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def _no_traceback(result: Result) -> None:
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_default_path_is_reports_iso_date_in_the_current_folder(
    assessment_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    result = run("export", str(assessment_file))
    assert result.exit_code == 0, result.output
    expected = Path("reports") / f"XEA-{dt.date.today().isoformat()}.xlsx"
    assert (work / expected).is_file()
    assert result.output.strip() == f"wrote {expected}"
    assert load_workbook(work / expected).sheetnames[0] == "Cover"


def test_output_language_and_redaction_options(assessment_file: Path, tmp_path: Path):
    target = tmp_path / "out" / "rapport.xlsx"
    result = run(
        "export", str(assessment_file), "-o", str(target), "--lang", "fr", "--redact-confidential"
    )
    assert result.exit_code == 0, result.output
    workbook = load_workbook(target)
    assert workbook.sheetnames[:2] == ["Couverture", "Tableau de bord"]
    cells = (
        value
        for sheet in workbook.worksheets
        for row in sheet.iter_rows(values_only=True)
        for value in row
    )
    assert CONFIDENTIAL_CITATION not in cells


def test_a_missing_file_is_one_message_and_exit_2(tmp_path: Path):
    result = run("export", str(tmp_path / "nowhere.yaml"))
    assert result.exit_code == 2
    assert "nowhere.yaml" in result.output
    _no_traceback(result)


def test_an_output_name_without_xlsx_is_refused(assessment_file: Path, tmp_path: Path):
    result = run("export", str(assessment_file), "-o", str(tmp_path / "report.pdf"))
    assert result.exit_code == 2
    assert "must end in .xlsx" in result.output
    assert not (tmp_path / "report.pdf").exists()


def test_an_unknown_language_is_a_usage_error(assessment_file: Path):
    result = run("export", str(assessment_file), "--lang", "de")
    assert result.exit_code == 2
    assert "'de' is not one of 'en', 'fr'" in result.output


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0,
    reason="root may write into read-only folders; Windows has no POSIX permission bits",
)
def test_an_unwritable_folder_is_reported_without_traceback(assessment_file: Path, tmp_path: Path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        result = run("export", str(assessment_file), "-o", str(locked / "r.xlsx"))
    finally:
        locked.chmod(0o700)
    assert result.exit_code == 2
    assert "r.xlsx" in result.output
    _no_traceback(result)


def test_an_output_under_a_file_is_reported_without_traceback(
    assessment_file: Path, tmp_path: Path
):
    blocker = tmp_path / "blocker"
    blocker.write_text("not a folder")
    result = run("export", str(assessment_file), "-o", str(blocker / "r.xlsx"))
    assert result.exit_code == 2
    assert "blocker" in result.output
    _no_traceback(result)
