"""Imports respect the assessment's lock and save through the storage module (with a backup)."""

from __future__ import annotations

from pathlib import Path

import pytest

from roam.assessment.lock import AssessmentLock
from roam.workbooks.template_layout import COLUMN_NUMBER
from tests.helpers.exchange_workbooks import edit_workbook, load, row_of, run


@pytest.fixture
def filled(assessment_file: Path) -> Path:
    template = assessment_file.parent / "template.xlsx"
    assert run("template", assessment_file, "-o", template).exit_code == 0

    def edit(workbook) -> None:  # type: ignore[no-untyped-def]
        sheet = workbook["Answers"]
        sheet.cell(row_of(sheet, "R.A.1.b"), COLUMN_NUMBER["level"]).value = "low"

    return edit_workbook(template, assessment_file.parent / "filled.xlsx", edit)


def test_import_into_a_locked_assessment_is_refused(assessment_file: Path, filled: Path) -> None:
    before = assessment_file.read_bytes()
    with AssessmentLock(assessment_file):
        result = run("import-answers", assessment_file, filled)
        dry = run("import-answers", assessment_file, filled, "--dry-run")

    assert result.exit_code == 2
    assert "open for editing by user" in result.output
    assert assessment_file.read_bytes() == before
    # A dry run only reads, so it works while someone edits the file.
    assert dry.exit_code == 0 and "would import 1 new" in dry.output


def test_the_previous_version_is_kept_as_a_backup(assessment_file: Path, filled: Path) -> None:
    before = assessment_file.read_bytes()

    result = run("import-answers", assessment_file, filled)

    assert result.exit_code == 0
    assert f"saved {assessment_file}" in result.output
    assert assessment_file.with_name(assessment_file.name + ".bak").read_bytes() == before
    assert load(assessment_file).answers["R.A.1.b"].level == "low"
    assert not list(assessment_file.parent.glob(".kenya.yaml.tmp-*"))
    assert not assessment_file.with_name(".kenya.yaml.lock").exists()
