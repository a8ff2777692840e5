"""Who wrote the texts: the edition's statement and each item's provenance, shown to people."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from roam.cli import main
from roam.framework import load_framework
from roam.framework.loader import list_editions
from roam.framework.provenance import (
    item_provenance_label,
    provenance_statement,
    unesco_reference,
)
from roam.workbooks.workbook import export_report
from tests.editions.sourced import RATIONALE, STATEMENT, STATEMENT_FR, sourced_mini
from tests.helpers.files import MINI_FRAMEWORK
from tests.helpers.report_assessment import mini_assessment


def test_every_built_in_edition_states_who_wrote_its_texts_in_one_sentence() -> None:
    editions = list_editions()
    assert editions
    for folder in editions:
        framework = load_framework(folder)
        assert framework.provenance is not None, folder.name
        for language in ("en", "fr"):
            statement = provenance_statement(framework, language)
            assert statement.count(". ") == 0 and statement.endswith("."), statement
            assert "roam" in statement
        assert "UNESCO" in provenance_statement(framework)


def test_an_item_without_provenance_takes_the_editions_and_a_ref_only_when_given(
    tmp_path: Path,
) -> None:
    framework = load_framework(sourced_mini(tmp_path))
    question = framework.places["R.A.1.a"].question
    assert framework.provenance_of(question) == "unesco-draft"
    assert unesco_reference(question) == "UNESCO B.7"
    indicator = framework.indicator("R.A.1.a")
    assert framework.provenance_of(indicator) == "roam"
    assert item_provenance_label(framework, indicator) == "written for roam"
    assert unesco_reference(indicator) is None


def test_an_edition_that_says_nothing_is_not_passed_off_as_unescos() -> None:
    framework = load_framework(MINI_FRAMEWORK)
    assert "do not cite them as UNESCO's" in provenance_statement(framework)


def test_a_wrong_provenance_is_refused_with_its_line(tmp_path: Path) -> None:
    path = sourced_mini(tmp_path)
    text = path.read_text(encoding="utf-8").replace("provenance: unesco-draft", "provenance: who")
    path.write_bytes(text.encode("utf-8"))
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 2
    assert "sourced-mini.yaml:" in result.output and "provenance" in result.output


def test_validate_prints_the_statement_and_counts_by_provenance(tmp_path: Path) -> None:
    path = sourced_mini(tmp_path)
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 0, result.output
    assert f"texts: {STATEMENT}" in result.output
    assert "indicators by provenance: unesco 0, unesco-draft 0, roam 6" in result.output
    result = CliRunner().invoke(main, ["validate", "--json", str(path)])
    counts = json.loads(result.output)["provenance"]
    assert counts["statement"] == STATEMENT
    assert counts["questions"] == {"unesco": 0, "unesco-draft": 1, "roam": 4, "unesco_ref": 1}
    assert counts["indicators"]["roam"] == 6


@pytest.mark.parametrize(("lang", "statement"), [("en", STATEMENT), ("fr", STATEMENT_FR)])
def test_cover_and_method_state_who_wrote_the_texts_and_why_the_goalposts(
    tmp_path: Path, lang: str, statement: str
) -> None:
    framework = load_framework(sourced_mini(tmp_path))
    target = tmp_path / "report.xlsx"
    export_report(mini_assessment(framework), target, framework=framework, lang=lang)
    workbook = load_workbook(target)
    cover, method = workbook.worksheets[0], workbook.worksheets[-3]
    assert statement in str(cover["A4"].value)
    assert statement in str(method["A3"].value)
    rows = [[cell for cell in row] for row in method.iter_rows(values_only=True)]
    goalposts = next(row for row in rows if row[0] == "R.A.2.a")
    assert RATIONALE in goalposts
