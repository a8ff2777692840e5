"""The report workbook, read back with openpyxl: sheets, rows, scores, charts, liaison cells."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from roam.assessment.model import Answer, Assessment
from roam.assessment.rules import in_scope_codes
from roam.exchange.provenance import answers_hash
from roam.exchange.workbook_labels import label
from roam.framework import Framework
from roam.scoring.engine import score
from roam.workbooks.sheets.category import (
    COLUMNS,
    COMMENT_COLUMN,
    DECISION_COLUMN,
    FIRST_ROW,
    HEADER_ROW,
    INDICATOR_COLUMN,
)
from roam.workbooks.styles import LIAISON
from roam.workbooks.workbook import export_report
from tests.helpers.report_assessment import CONFIDENTIAL_CITATION, mini_assessment, mini_framework

GENERATED = dt.datetime(2024, 5, 6, 7, 8, 9, tzinfo=dt.UTC)
SHEETS_EN = [
    "Cover",
    "Dashboard",
    "C Context",
    "R Rights",
    "O Openness",
    "Evidence register",
    "Data gaps and N-A",
    "Recommendations",
    "Review log",
    "Method",
    "Robustness",
    "_roam",
]


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Workbook, Assessment, Framework]:
    framework = mini_framework()
    assessment = mini_assessment(framework)
    path = tmp_path_factory.mktemp("report") / "EXA.xlsx"
    export_report(assessment, path, framework=framework, generated=GENERATED)
    return load_workbook(path), assessment, framework


@pytest.fixture(scope="module")
def workbook(exported: tuple[Workbook, Assessment, Framework]) -> Workbook:
    return exported[0]


def _table_rows(sheet: Worksheet) -> list[tuple[object, ...]]:
    """The data rows of the sheet's one table."""
    (table,) = sheet.tables.values()
    rows = list(sheet[table.ref])
    return [tuple(cell.value for cell in row) for row in rows[1:]]


def _indicators(sheet: Worksheet, lang: str = "en") -> dict[str, dict[str, object]]:
    """A category sheet's indicator rows by code, each as column label key -> value.

    Found by the header texts, as the review importer finds its columns; group rows
    (a theme or a question) are the rows without the liaison's yellow decision cell.
    """
    keys = {label(key, lang): key for key, _, _ in COLUMNS}
    headers = [keys[str(cell.value)] for cell in sheet[HEADER_ROW] if cell.value in keys]
    rows: dict[str, dict[str, object]] = {}
    for row in sheet.iter_rows(min_row=FIRST_ROW, max_col=len(headers)):
        if row[DECISION_COLUMN - 1].style == LIAISON:
            values = dict(zip(headers, (cell.value for cell in row), strict=True))
            rows[str(values["col.code"])] = values
    return rows


def test_sheets_come_in_the_national_report_order(workbook: Workbook):
    assert workbook.sheetnames == SHEETS_EN
    assert workbook["_roam"].sheet_state == "hidden"
    assert all(workbook[name].sheet_state == "visible" for name in SHEETS_EN[:-1])


def test_each_category_sheet_has_one_row_per_in_scope_indicator(exported):
    workbook, assessment, framework = exported
    scope = in_scope_codes(framework, assessment)
    for title, category in (("C Context", "C"), ("R Rights", "R"), ("O Openness", "O")):
        codes = list(_indicators(workbook[title]))
        assert codes == [c for c in scope if c.startswith(category + ".")]


def test_themes_and_questions_are_group_rows_above_their_indicators(workbook: Workbook):
    sheet = workbook["R Rights"]
    rows = [(row[0], row[1]) for row in _table_rows(sheet)]
    # mini.yaml: theme R.A (questions R.A.1 and R.A.2), theme R.B (question R.B.1).
    assert [code for code, _ in rows] == [
        "R.A", "R.A.1", "R.A.1.a", "R.A.1.b", "R.A.2", "R.A.2.a", "R.B", "R.B.1", "R.B.1.a",
    ]  # fmt: skip
    # Sorting by code gives the framework order back.
    assert [code for code, _ in rows] == sorted(code for code, _ in rows)
    assert rows[1][1] == "Is there a law?"  # the question's text, once
    theme = sheet.cell(FIRST_ROW, INDICATOR_COLUMN)
    assert theme.style == "roam theme row" and not theme.alignment.wrap_text  # runs on
    for column in range(INDICATOR_COLUMN + 1, len(COLUMNS) + 1):
        assert sheet.cell(FIRST_ROW, column).value is None  # room to run on


def test_core_scope_lists_only_core_and_contextual_indicators(tmp_path: Path):
    framework = mini_framework()
    assessment = mini_assessment(framework, scope="core")
    path = export_report(assessment, tmp_path / "core.xlsx", framework=framework)
    workbook = load_workbook(path)
    # mini.yaml: core R.A.1.a, R.A.2.a, O.A.1.a, plus the contextual C.1.1.a.
    assert list(_indicators(workbook["R Rights"])) == ["R.A.1.a", "R.A.2.a"]
    assert list(_indicators(workbook["O Openness"])) == ["O.A.1.a"]
    assert list(_indicators(workbook["C Context"])) == ["C.1.1.a"]


def test_indicator_scores_are_the_engines_values(exported):
    workbook, assessment, framework = exported
    report = score(assessment, framework)
    for title in ("R Rights", "O Openness", "C Context"):
        for code, row in _indicators(workbook[title]).items():
            node = report.find(code)
            assert node is not None
            assert row["col.score"] == node.score


def test_category_and_overall_scores_match_hand_computed_values(workbook: Workbook):
    # R.A.1 = (100 x 1 + 50 x 2) / 3; R.A.2 = 80; R.A = mean of both; R.B has no data,
    # so R = R.A.  O has only an N/A indicator: no score.  Overall = R alone.
    expected_r = ((100 + 2 * 50) / 3 + 80) / 2
    assert workbook["R Rights"]["B3"].value == pytest.approx(expected_r)
    assert workbook["O Openness"]["B3"].value is None
    dashboard = workbook["Dashboard"]
    rows = {
        dashboard.cell(row, 1).value: [dashboard.cell(row, c).value for c in range(1, 10)]
        for row in range(8, 11)
    }
    assert list(rows) == ["R", "O", "C"]  # no overall row on the Dashboard
    method = workbook["Method"]
    overall = next(c.row for c in method["A"] if c.value == label("method.summary")) + 1
    assert method.cell(overall, 2).value == pytest.approx(expected_r)
    assert rows["R"][2] == pytest.approx(expected_r)
    # Coverage columns: answered, N/A, no data, not assessed.
    assert rows["R"][4:8] == [3, 0, 1, 0]
    assert rows["O"][4:8] == [0, 1, 0, 0]
    assert rows["C"][3] == label("not_scored")


def test_no_formulas_anywhere(workbook: Workbook):
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            assert all(cell.data_type != "f" for cell in row), sheet.title


def test_dashboard_has_radar_theme_and_coverage_charts_with_visible_axes(workbook: Workbook):
    charts = workbook["Dashboard"]._charts
    kinds = sorted(type(chart).__name__ for chart in charts)
    # mini.yaml: only R has a score (O's one indicator is N/A), too few for a radar.
    assert kinds == ["BarChart", "BarChart", "BarChart"]
    for chart in charts:
        assert chart.x_axis.delete is False
        assert chart.y_axis.delete is False
    # The category chart shows the categories with a score, never the contextual one.
    assert charts[0].series[0].cat.numRef.f == "'Dashboard'!$A$8"
    # The theme bars are named by the theme's name, not its code alone.
    assert "!$B$" in charts[2].series[0].cat.numRef.f


def test_dashboard_links_to_each_category_sheet(workbook: Workbook):
    dashboard = workbook["Dashboard"]
    locations = {
        cell.hyperlink.location
        for row in dashboard.iter_rows()
        for cell in row
        if cell.hyperlink is not None
    }
    assert {"'C Context'!A1", "'R Rights'!A1", "'O Openness'!A1"} <= locations
    # Theme rows lead to the theme's group row on its category sheet.
    assert f"'R Rights'!A{FIRST_ROW + 6}" in locations  # R.B after R.A's six rows


def test_the_table_rows_are_unlocked_for_sorting_and_the_decision_has_a_list(
    workbook: Workbook,
):
    sheet = workbook["R Rights"]
    assert sheet.protection.sheet is True
    assert sheet.protection.password is None
    last = FIRST_ROW + 8
    indicator_rows = [
        r for r in range(FIRST_ROW, last + 1) if sheet.cell(r, 1).value.count(".") == 3
    ]
    assert len(indicator_rows) == 4
    for row in sheet.iter_rows(min_row=1, max_row=last, max_col=len(COLUMNS)):
        for cell in row:
            # Sorting a protected sheet needs every cell of the rows unlocked; the
            # title, notes and header stay locked.
            assert cell.protection.locked is (cell.row <= HEADER_ROW), cell.coordinate
            liaison = cell.row in indicator_rows and cell.column in (
                DECISION_COLUMN,
                COMMENT_COLUMN,
            )
            assert (cell.style == LIAISON) is liaison, cell.coordinate
    (validation,) = sheet.data_validations.dataValidation
    assert validation.type == "list"
    assert validation.formula1 == '"accept,query,reject"'
    # The whole column: after a sort, any row may hold an indicator.
    assert str(validation.sqref) == f"H{FIRST_ROW}:H{last}"
    assert sheet.cell(HEADER_ROW, DECISION_COLUMN).value == "Liaison decision"
    # The decision sits right after the evidence it judges.
    assert sheet.cell(HEADER_ROW, DECISION_COLUMN - 1).value == "Evidence"
    assert sheet.cell(HEADER_ROW, COMMENT_COLUMN).value == "Liaison comment"


def test_score_column_has_a_colour_scale(workbook: Workbook):
    formats = workbook["R Rights"].conditional_formatting
    ranges = {str(entry.sqref): [rule.type for rule in entry.rules] for entry in formats}
    assert ranges == {f"E{FIRST_ROW}:E{FIRST_ROW + 8}": ["colorScale"]}


def test_category_sheets_are_filterable_frozen_and_print_well(workbook: Workbook):
    sheet = workbook["R Rights"]
    (table,) = sheet.tables.values()
    assert table.ref == f"A{HEADER_ROW}:J{FIRST_ROW + 8}"
    # Code and indicator stay in view beside the liaison's columns.
    assert sheet.freeze_panes == f"C{FIRST_ROW}"
    # Filtering and sorting stay allowed under the protection (0 = not protected).
    assert sheet.protection.autoFilter is False and sheet.protection.sort is False
    assert table.autoFilter is not None and table.autoFilter.ref == table.ref
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.page_setup.fitToWidth == 1
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.print_title_rows == f"${HEADER_ROW}:${HEADER_ROW}"
    assert "&P" in sheet.oddFooter.center.text
    assert sheet.oddFooter.left.text == "Examplia"


def test_answers_evidence_and_review_state_are_shown(workbook: Workbook):
    rows = _indicators(workbook["R Rights"])
    law = rows["R.A.1.a"]
    assert (law["col.status"], law["col.answer"], law["col.score"]) == ("Answered", "High", 100)
    assert law["col.justification"] == "The act is in force."
    # The citation, and the web address shortened under it (in full on the register).
    assert law["col.evidence"] == (
        "• Access to Information Act 2016 (Parliament of Examplia, 2016)\n  example.org/ati-act"
    )
    assert law["col.details"] == (
        "institutional\ncore indicator\nconfidence: high\n"
        "consulted: Government, Civil society\nreview: queried"
    )
    assert rows["R.A.2.a"]["col.answer"] == "80 % (2023)"
    no_data = rows["R.B.1.a"]
    assert (no_data["col.status"], no_data["col.answer"], no_data["col.score"]) == (
        "No data",
        None,
        None,
    )
    assert rows["R.A.1.b"]["col.evidence"] == f"• {CONFIDENTIAL_CITATION} (Ministry of ICT)"


def test_registers_list_evidence_gaps_recommendations_and_comments(workbook: Workbook):
    evidence = _table_rows(workbook["Evidence register"])
    assert [(r[0], r[2]) for r in evidence] == [
        ("R.A.1.a", "Access to Information Act 2016"),
        ("R.A.1.b", CONFIDENTIAL_CITATION),
        ("R.A.2.a", "Access to Information Act 2016"),
    ]
    register = workbook["Evidence register"]
    # The address as wrapped text (printed whole), the hyperlink in the Open column beside it.
    assert register.cell(5, 4).value == "https://example.org/ati-act"
    assert register.cell(5, 4).hyperlink is None and register.cell(5, 4).alignment.wrap_text
    link = register.cell(5, 5)
    assert link.value == "open" and link.style == "roam link"
    assert link.hyperlink is not None and link.hyperlink.target == "https://example.org/ati-act"
    assert register.cell(6, 5).hyperlink is None  # a file path: no link

    gaps = _table_rows(workbook["Data gaps and N-A"])
    assert [(r[0], r[3]) for r in gaps] == [("R.B.1.a", "No data"), ("O.A.1.a", "N/A")]

    recommendations = _table_rows(workbook["Recommendations"])
    # REC-1 addresses government and media, REC-2 the judiciary: grouped in group order.
    assert [(r[0], r[1]) for r in recommendations] == [
        ("Government", "REC-1"),
        ("Judiciary", "REC-2"),
        ("Media", "REC-1"),
    ]
    log = _table_rows(workbook["Review log"])
    assert [(r[0], r[3], r[5]) for r in log] == [
        ("R.A.1.a", "Ada Researcher", "Please check the enforcement record."),
        ("R.A.1.a", "Bo Analyst", "Checked."),
    ]
    assert log[0][2] == dt.datetime(2024, 4, 2, 10, 30)


def test_method_lists_weights_and_goalposts_so_scores_can_be_recomputed(workbook: Workbook):
    sheet = workbook["Method"]
    rows = [tuple(c.value for c in row) for row in sheet.iter_rows(max_col=8)]
    # R.A.1.b appears in the weights table; R.B.1.a in the goalposts and the weights.
    assert ("R.A.1.b", "indicator", 2, 50) in [row[:4] for row in rows]
    assert ("R.B.1.a", "indicator", 1, None) in [row[:4] for row in rows]
    assert ("R.A.1", "question", 1, pytest.approx((100 + 2 * 50) / 3)) in [row[:4] for row in rows]
    goalposts = ("R.B.1.a", "Attacks on journalists per year", "attacks", 0, 50)
    assert (*goalposts, "lower is better") in [row[:6] for row in rows]
    assert ("Three levels", "Mid", "mid", 50) in [row[:4] for row in rows]


def test_robustness_shows_the_engines_alternatives(exported):
    workbook, assessment, framework = exported
    report = score(assessment, framework)
    rows = _table_rows(workbook["Robustness"])
    assert [row[0] for row in rows] == ["R Rights", "O Openness"]
    assert list(rows[0][1:]) == [report.robustness[rule]["R"] for rule in report.robustness]
    # Hand check of one alternative: with no data as 0, R = mean(R.A, R.B = 0).
    assert rows[0][2] == pytest.approx(((100 + 2 * 50) / 3 + 80) / 2 / 2)


def test_cover_and_hidden_sheet_carry_the_provenance_stamp(exported):
    workbook, assessment, framework = exported
    stamp = {
        row[0]: row[1]
        for row in workbook["_roam"].iter_rows(min_row=2, max_col=2, values_only=True)
    }
    assert stamp["roam.iso"] == "XEA"
    assert stamp["roam.framework.id"] == "mini"
    assert stamp["roam.framework.hash"] == framework.content_hash
    assert stamp["roam.answers_hash"] == answers_hash(assessment)
    assert stamp["roam.generated"] == "2024-05-06T07:08:09+00:00"
    assert stamp["roam.assessment.created"] == "2024-03-01T09:00:00"
    assert set(k for k in stamp if k.startswith("answer.")) == {
        f"answer.{code}" for code in assessment.answers
    }
    cover = workbook["Cover"]
    names = workbook.defined_names
    assert names["roam_answers_hash"].attr_text == "'Cover'!$B$17"
    assert cover["B17"].value == answers_hash(assessment)
    assert cover["B16"].value == framework.content_hash
    assert cover["B18"].value == dt.datetime(2024, 5, 6, 7, 8, 9)
    custom = {prop.name: prop.value for prop in workbook.custom_doc_props.props}
    assert custom["roam.answers_hash"] == answers_hash(assessment)
    assert workbook["Cover"]["A3"].value == label("disclaimer")


def test_document_properties_describe_the_report(workbook: Workbook):
    properties = workbook.properties
    assert "Examplia" in properties.title
    assert "mini 1.0" in properties.subject
    assert properties.creator == "Ada Researcher, Bo Analyst"
    assert "Internet Universality Indicators" in properties.keywords


def test_redaction_hides_confidential_sources_everywhere(tmp_path: Path):
    framework = mini_framework()
    assessment = mini_assessment(framework)
    open_path = export_report(assessment, tmp_path / "open.xlsx", framework=framework)
    redacted_path = export_report(
        assessment, tmp_path / "redacted.xlsx", framework=framework, redact_confidential=True
    )
    assert CONFIDENTIAL_CITATION in _all_text(load_workbook(open_path))
    redacted = load_workbook(redacted_path)
    text = _all_text(redacted)
    assert CONFIDENTIAL_CITATION not in text
    assert "notes/interview-07.txt" not in text
    evidence = {r[0]: r for r in _table_rows(redacted["Evidence register"])}
    assert evidence["R.A.1.b"][2:5] == ("[confidential source]", None, None)
    assert evidence["R.A.1.a"][2] == "Access to Information Act 2016"  # not confidential


def _all_text(workbook: Workbook) -> str:
    return "\n".join(
        str(value)
        for sheet in workbook.worksheets
        for row in sheet.iter_rows(values_only=True)
        for value in row
        if value is not None
    )


def test_french_uses_french_labels_and_framework_texts(tmp_path: Path):
    framework = mini_framework()
    assessment = mini_assessment(framework)
    path = export_report(assessment, tmp_path / "fr.xlsx", framework=framework, lang="fr")
    workbook = load_workbook(path)
    assert workbook.sheetnames[:4] == ["Couverture", "Tableau de bord", "C Context", "R Droits"]
    sheet = workbook["R Droits"]
    assert sheet.cell(FIRST_ROW + 1, 2).value == "Existe-t-il une loi ?"  # French in mini.yaml
    assert _indicators(sheet, "fr")["R.A.1.a"]["col.status"] == "Répondu"
    # Decision values stay English: the review importer reads them.
    (validation,) = workbook["R Droits"].data_validations.dataValidation
    assert validation.formula1 == '"accept,query,reject"'


def test_an_unknown_language_is_refused(tmp_path: Path, assessment, framework):
    from roam.errors import RoamError

    with pytest.raises(RoamError, match="unknown report language 'de'"):
        export_report(assessment, tmp_path / "x.xlsx", framework=framework, lang="de")
    assert not (tmp_path / "x.xlsx").exists()


def test_export_replaces_an_old_report_and_leaves_no_temporary_file(tmp_path: Path, framework):
    assessment = mini_assessment(framework)
    target = tmp_path / "deep" / "folder" / "report.xlsx"
    export_report(assessment, target, framework=framework)
    assessment.answers["O.A.1.a"] = Answer(status="answered", level="high")
    export_report(assessment, target, framework=framework)
    assert sorted(p.name for p in target.parent.iterdir()) == ["report.xlsx"]
    assert _indicators(load_workbook(target)["O Openness"])["O.A.1.a"]["col.score"] == 100
