"""Slips that used to pass unnoticed: future dates, an unassigned ISO code, another
framework version, and text that no file can store."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from roam.assessment.model import Evidence
from roam.assessment.storage import SaveError, save_assessment
from roam.errors import RoamError
from roam.framework import Framework
from roam.scoring.readiness import readiness
from roam.workbooks.workbook import export_report
from tests.helpers.exchange_workbooks import edit_workbook, fill_answers, load, run


def test_a_future_year_and_source_date_are_refused_on_import(
    assessment_file: Path, template: Path
) -> None:
    def fill(workbook) -> None:  # type: ignore[no-untyped-def]
        fill_answers(
            workbook["Answers"],
            {
                "R.A.2.a": {"value": 41.5, "year": 2199},
                "R.A.1.b": {
                    "level": "low",
                    "evidence1.citation": "Court statistics",
                    "evidence1.date": dt.date(2999, 12, 31),
                },
            },
        )

    filled = edit_workbook(template, template.with_name("filled.xlsx"), fill)
    result = run("import-answers", assessment_file, filled, "--contributor", "Ana")

    assert result.exit_code == 0, result.output
    assert "'2199' is a year in the future; left empty" in result.output
    assert "2999-12-31 is a date in the future; left empty" in result.output
    answers = load(assessment_file).answers
    assert answers["R.A.2.a"].year is None
    assert [item.published for item in answers["R.A.1.b"].evidence] == [None]


def test_check_flags_future_dates(assessment_file: Path, framework: Framework) -> None:
    assessment = load(assessment_file)
    answer = assessment.answers["R.A.1.a"]
    answer.year = 2199
    answer.evidence.append(
        Evidence(kind="report", citation="Annual report", published=dt.date(2999, 12, 31))
    )
    save_assessment(assessment, assessment_file, framework, backup=False)

    findings = readiness(assessment, framework, today=dt.date(2026, 1, 15))
    future = [f for f in findings if f.check == "future_date"]
    assert [(f.code, f.message) for f in future] == [
        (
            "R.A.1.a",
            "after today (2026-01-15): year 2199; Annual report published 2999-12-31",
        )
    ]
    result = run("check", assessment_file)
    assert result.exit_code == 1
    assert "Dates in the future" in result.output
    assert "year 2199; Annual report published 2999-12-31" in result.output


def test_an_unassigned_iso_code_loads_with_a_warning(assessment_file: Path) -> None:
    text = assessment_file.read_text(encoding="utf-8").replace("iso: KEN", "iso: FRE")
    assessment_file.write_bytes(text.encode("utf-8"))

    result = run("score", assessment_file)

    assert result.exit_code == 0, result.output
    assert "'FRE' is not an assigned ISO 3166-1 alpha-3 country code" in result.output
    assert "FRA for France" in result.output
    refused = run("new", assessment_file.with_name("fre.yaml"), "--iso", "FRE", "--country", "X")
    assert refused.exit_code == 2
    assert "'FRE' is not an assigned ISO 3166-1 alpha-3 country code" in refused.output


def test_another_framework_version_warns(assessment_file: Path, framework: Framework) -> None:
    assessment = load(assessment_file)
    assessment.framework.version = "2016.1"
    save_assessment(assessment, assessment_file, framework, backup=False)
    assert framework.version != "2016.1"

    result = run("score", assessment_file)

    assert result.exit_code == 0, result.output
    assert (
        f"made against {framework.id} version 2016.1, but roam has version {framework.version}"
    ) in result.output


@pytest.mark.parametrize("field", ["country", "justification", "citation"])
def test_a_lone_surrogate_gets_a_readable_error(
    assessment_file: Path, framework: Framework, field: str
) -> None:
    assessment = load(assessment_file)
    answer = assessment.answers["R.A.1.a"]
    target = {"country": assessment, "justification": answer, "citation": answer.evidence[0]}
    setattr(target[field], field, "Access \ud800 Act")
    before = assessment_file.read_bytes()

    with pytest.raises(SaveError, match="is a lone surrogate \\(U\\+D800\\)") as saved:
        save_assessment(assessment, assessment_file, framework)
    with pytest.raises(RoamError, match="is a lone surrogate") as exported:
        export_report(assessment, assessment_file.with_name("r.xlsx"), framework=framework)

    assert field in str(saved.value) and field in str(exported.value)
    assert "character 8" in str(saved.value)
    assert assessment_file.read_bytes() == before
    assert not assessment_file.with_name("r.xlsx").exists()
