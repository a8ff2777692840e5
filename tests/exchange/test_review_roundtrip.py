"""Export a report, fill the liaison's columns as a liaison would, import, check the threads."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from roam.assessment.rejection import is_rejected
from roam.assessment.storage import save_assessment
from roam.exchange.workbook_labels import label
from roam.framework import Framework
from tests.helpers.exchange_workbooks import (
    RIGHTS,
    edit_workbook,
    export,
    header_column,
    kenya,
    liaison,
    load,
    row_of,
    run,
)

OPENNESS = "O Openness"


@pytest.fixture
def report(assessment_file: Path, framework: Framework) -> Path:
    return export(assessment_file, assessment_file.parent / "report.xlsx", framework)


def test_decisions_become_states_and_comments_with_author(
    assessment_file: Path, report: Path, no_lock_left: None
) -> None:
    reviewed = edit_workbook(
        report,
        report.with_name("reviewed.xlsx"),
        liaison(
            {
                "R.A.1.a": ("accept", "Well sourced."),
                "R.A.1.b": ("query", "Which courts apply it?"),
                "O.A.1.a": ("reject", "The policy was withdrawn in 2022."),
                "R.A.2.a": (None, "Please add the ITU figure."),
            }
        ),
    )

    result = run("import-review", assessment_file, reviewed, "--reviewer", "Marie Dupont")

    assert result.exit_code == 0, result.output
    assert "1 accepted, 1 queried, 1 rejected, 4 comments" in result.output
    answers = load(assessment_file).answers
    expected = {
        "R.A.1.a": ("accepted", "Accepted: Well sourced."),
        "R.A.1.b": ("queried", "Queried: Which courts apply it?"),
        "O.A.1.a": ("queried", "Rejected: The policy was withdrawn in 2022."),
        "R.A.2.a": ("draft", "Please add the ITU figure."),
    }
    decisions = {"R.A.1.a": "accept", "R.A.1.b": "query", "O.A.1.a": "reject", "R.A.2.a": None}
    for code, (state, text) in expected.items():
        review = answers[code].review
        assert review.state == state, code
        assert [c.text for c in review.thread] == [text], code
        assert review.thread[0].author == "Marie Dupont"
        assert review.thread[0].role == "liaison"
        assert review.thread[0].decision == decisions[code], code  # data, not read from words
    assert [code for code, answer in answers.items() if is_rejected(answer)] == ["O.A.1.a"]
    change = answers["R.A.1.a"].history[-1]
    assert (change.field, change.old, change.new, change.who) == (
        "review.state",
        "draft",
        "accepted",
        "Marie Dupont",
    )


def test_reviews_never_change_answers(
    assessment_file: Path, report: Path, framework: Framework
) -> None:
    before = load(assessment_file).answers["R.A.1.a"]
    reviewed = edit_workbook(
        report,
        report.with_name("reviewed.xlsx"),
        liaison({"R.A.1.a": ("reject", "Level too high.")}),
    )

    run("import-review", assessment_file, reviewed)

    after = load(assessment_file).answers["R.A.1.a"]
    assert (after.status, after.level, after.justification, after.evidence) == (
        before.status,
        before.level,
        before.justification,
        before.evidence,
    )


def test_importing_twice_adds_no_comment(assessment_file: Path, report: Path) -> None:
    reviewed = edit_workbook(
        report,
        report.with_name("reviewed.xlsx"),
        liaison(
            {
                "R.A.1.a": ("accept", None),
                "R.A.1.b": ("query", "Source?"),
            }
        ),
    )
    run("import-review", assessment_file, reviewed)
    first = load(assessment_file)

    second = run("import-review", assessment_file, reviewed)

    assert second.exit_code == 0
    assert "0 comments" in second.output and "2 already imported" in second.output
    again = load(assessment_file)
    assert again.answers["R.A.1.a"].review == first.answers["R.A.1.a"].review
    assert [c.text for c in again.answers["R.A.1.b"].review.thread] == ["Queried: Source?"]


def test_reviewer_defaults_to_who_saved_the_workbook(assessment_file: Path, report: Path) -> None:
    reviewed = edit_workbook(
        report,
        report.with_name("reviewed.xlsx"),
        liaison({"R.A.1.a": ("accept", None)}, saved_by="Jane Liaison"),
    )

    run("import-review", assessment_file, reviewed)

    assert load(assessment_file).answers["R.A.1.a"].review.thread[0].author == "Jane Liaison"


def test_reviewer_falls_back_to_unesco_liaison(assessment_file: Path, report: Path) -> None:
    # The report itself is signed "roam <version>": that is a tool, not a person.
    reviewed = edit_workbook(
        report, report.with_name("reviewed.xlsx"), liaison({"R.A.1.a": ("accept", None)})
    )

    run("import-review", assessment_file, reviewed)

    thread = load(assessment_file).answers["R.A.1.a"].review.thread
    assert [(c.author, c.text) for c in thread] == [("UNESCO liaison", "Accepted.")]


def test_dry_run_prints_the_summary_and_saves_nothing(assessment_file: Path, report: Path) -> None:
    before = assessment_file.read_bytes()
    reviewed = edit_workbook(
        report,
        report.with_name("reviewed.xlsx"),
        liaison({"R.A.1.a": ("accept", "ok"), "R.A.1.b": ("reject", "no")}),
    )

    result = run("import-review", assessment_file, reviewed, "--dry-run")

    assert result.exit_code == 0
    assert "would import 1 accepted, 0 queried, 1 rejected, 2 comments" in result.output
    assert "R.A.1.b: Rejected: no" in result.output
    assert assessment_file.read_bytes() == before


def test_workbook_of_another_country_is_refused(
    tmp_path: Path, assessment_file: Path, framework: Framework
) -> None:
    other = tmp_path / "ghana.yaml"
    save_assessment(kenya(framework, other, iso="GHA", country="Ghana"), other, framework)
    foreign = edit_workbook(
        export(other, tmp_path / "ghana.xlsx", framework),
        tmp_path / "ghana-reviewed.xlsx",
        liaison({"R.A.1.a": ("accept", "")}),
    )
    before = assessment_file.read_bytes()

    result = run("import-review", assessment_file, foreign)

    assert result.exit_code == 2
    assert "made from the assessment of Ghana (GHA), not Kenya (KEN)" in result.output
    assert "Traceback" not in result.output
    assert assessment_file.read_bytes() == before


def test_workbook_of_another_cycle_of_the_same_country_is_refused(
    tmp_path: Path, assessment_file: Path, framework: Framework
) -> None:
    later = tmp_path / "kenya-2026.yaml"
    assessment = kenya(framework, later)
    assessment.created = assessment.created.replace(year=2026)
    save_assessment(assessment, later, framework)
    reviewed = edit_workbook(
        export(later, tmp_path / "k26.xlsx", framework),
        tmp_path / "k26-reviewed.xlsx",
        liaison({"R.A.1.a": ("accept", "")}),
    )
    if "roam.assessment.created" not in _stamp_keys(reviewed):
        pytest.skip("the report's stamp does not carry the assessment's start time yet")

    result = run("import-review", assessment_file, reviewed)

    assert result.exit_code == 2
    assert "another assessment of Kenya (KEN)" in result.output


def _stamp_keys(path: Path) -> set[str]:
    workbook = openpyxl.load_workbook(path, read_only=True)
    try:
        return {row[0] for row in workbook["_roam"].iter_rows(values_only=True)}
    finally:
        workbook.close()


def test_changed_answers_are_named_and_their_accept_withheld(
    assessment_file: Path, report: Path, framework: Framework
) -> None:
    reviewed = edit_workbook(
        report,
        report.with_name("reviewed.xlsx"),
        liaison(
            {
                "R.A.1.a": ("accept", "Fine."),
                "R.A.1.b": ("accept", None),
            }
        ),
    )
    # After the export the team changes R.A.1.a's level and fills in R.B.1.a.
    assessment = load(assessment_file)
    assessment.answers["R.A.1.a"].level = "high"
    assessment.answers["R.B.1.a"].status = "no_data"
    assessment.answers["R.B.1.a"].justification = "No survey since 2015."
    save_assessment(assessment, assessment_file, framework)

    result = run("import-review", assessment_file, reviewed)

    assert result.exit_code == 0
    assert "older version of the answers; changed since: R.A.1.a, R.B.1.a" in result.output
    answers = load(assessment_file).answers
    # The liaison accepted 'mid', which is no longer the answer: recorded, not applied.
    assert answers["R.A.1.a"].review.state == "draft"
    assert answers["R.A.1.a"].review.thread[0].text == "Accepted: Fine."
    assert answers["R.A.1.b"].review.state == "accepted"
    assert "1 accept withheld" in result.output


def test_unknown_decision_keeps_the_comment_and_names_the_cell(
    assessment_file: Path, report: Path
) -> None:
    reviewed = edit_workbook(
        report,
        report.with_name("reviewed.xlsx"),
        liaison({"R.A.1.b": ("maybe", "Not sure about the source.")}),
    )
    workbook = openpyxl.load_workbook(reviewed)
    sheet = workbook[RIGHTS]
    cell = sheet.cell(row_of(sheet, "R.A.1.b"), header_column(sheet, label("col.decision"), 5))

    result = run("import-review", assessment_file, reviewed)

    assert result.exit_code == 0
    assert (
        f"{RIGHTS}!{cell.coordinate}: 'maybe' is not a review decision (accept, query, reject)"
        in result.output
    )
    review = load(assessment_file).answers["R.A.1.b"].review
    assert review.state == "draft"
    assert [c.text for c in review.thread] == ["Not sure about the source."]


def test_decisions_are_read_from_every_category_sheet_even_after_sorting(
    assessment_file: Path, report: Path
) -> None:
    def sort_rights_backwards(workbook: openpyxl.Workbook) -> None:
        liaison({"R.A.1.b": ("query", "why?"), "O.A.1.a": ("accept", None)})(workbook)
        sheet = workbook[RIGHTS]
        first, last = row_of(sheet, "R.A.1.a"), row_of(sheet, "R.B.1.a")
        rows = [[c.value for c in sheet[r]] for r in range(first, last + 1)]
        for offset, values in enumerate(reversed(rows)):
            for column, value in enumerate(values, start=1):
                sheet.cell(first + offset, column).value = value

    reviewed = edit_workbook(report, report.with_name("sorted.xlsx"), sort_rights_backwards)
    run("import-review", assessment_file, reviewed)

    answers = load(assessment_file).answers
    assert answers["R.A.1.b"].review.state == "queried"
    assert answers["O.A.1.a"].review.state == "accepted"
    assert answers["R.A.1.a"].review.thread == []


def test_a_template_is_not_a_report(assessment_file: Path, tmp_path: Path) -> None:
    template = tmp_path / "template.xlsx"
    run("template", assessment_file, "-o", template)

    result = run("import-review", assessment_file, template)

    assert result.exit_code == 2
    assert "a data-collection template, not a report" in result.output


def test_a_french_report_is_read_by_its_french_headers(
    assessment_file: Path, framework: Framework
) -> None:
    from roam.workbooks.workbook import export_report
    from tests.helpers.exchange_workbooks import EXPORTED

    report = export_report(
        load(assessment_file),
        assessment_file.parent / "rapport.xlsx",
        framework=framework,
        lang="fr",
        generated=EXPORTED,
    )

    def review(workbook: openpyxl.Workbook) -> None:
        sheet = workbook["R Droits"]
        header = 5
        row = row_of(sheet, "R.A.1.b")
        sheet.cell(row, header_column(sheet, label("col.decision", "fr"), header)).value = "query"
        sheet.cell(
            row, header_column(sheet, label("col.liaison_comment", "fr"), header)
        ).value = "Quelle source ?"

    reviewed = edit_workbook(report, report.with_name("revu.xlsx"), review)
    result = run("import-review", assessment_file, reviewed)

    assert result.exit_code == 0, result.output
    thread = load(assessment_file).answers["R.A.1.b"].review.thread
    assert [c.text for c in thread] == ["Queried: Quelle source ?"]
