"""Template, fill as a stakeholder would, import: answers, history, conflicts, dry runs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl

from roam.assessment.storage import save_assessment
from roam.framework import Framework
from tests.helpers.exchange_workbooks import edit_workbook, export, fill_answers, kenya, load, run

Cells = dict[str, dict[str, object]]  # code -> template column key -> value


def fill(cells: Cells, name: str | None = None, organisation: str | None = None):
    def edit(workbook: openpyxl.Workbook) -> None:
        fill_answers(workbook["Answers"], cells)
        instructions = workbook["Instructions"]
        for label, value in (("Your name", name), ("Organisation", organisation)):
            if value is not None:
                row = next(r for r in range(1, 40) if instructions.cell(r, 1).value == label)
                instructions.cell(row, 2).value = value

    return edit


def filled(template: Path, cells: Cells, **who: str) -> Path:
    return edit_workbook(template, template.with_name("filled.xlsx"), fill(cells, **who))


def test_new_answers_arrive_submitted_with_the_contributor_in_the_history(
    assessment_file: Path, template: Path, no_lock_left: None
) -> None:
    workbook = filled(
        template,
        {
            "R.A.1.b": {
                "level": "low",
                "justification": "Courts rarely cite the act.",
                "confidence": "medium",
                "evidence1.kind": "court_decision",
                "evidence1.citation": "Case 12/2021",
                "evidence1.link": "https://courts.example/12-2021",
                "evidence1.date": dt.datetime(2021, 4, 9),
                "evidence2.citation": "Annual report 2022",
                "evidence3.link": "https://stats.example/table4",
            },
            "R.A.2.a": {"status": "answered", "value": 43.5, "year": 2023},
            "R.B.1.a": {"status": "no_data", "justification": "Nobody counts attacks."},
            "C.1.1.a": {"value": "2 100,5", "year": "2022"},
        },
        name="Amina Odhiambo",
        organisation="Tech NGO",
    )

    result = run("import-answers", assessment_file, workbook)

    assert result.exit_code == 0, result.output
    assert "imported 4 new, 0 replaced, 0 with evidence added, 0 conflicts" in result.output
    assert "0 bad cells" in result.output
    answers = load(assessment_file).answers
    low = answers["R.A.1.b"]
    assert (low.status, low.level, low.confidence) == ("answered", "low", "medium")
    assert low.justification == "Courts rarely cite the act."
    assert [(e.kind, e.citation, e.location, e.published) for e in low.evidence] == [
        ("court_decision", "Case 12/2021", "https://courts.example/12-2021", dt.date(2021, 4, 9)),
        ("report", "Annual report 2022", "", None),
        ("report", "https://stats.example/table4", "https://stats.example/table4", None),
    ]
    assert low.review.state == "submitted"
    assert {change.who for change in low.history} == {"Amina Odhiambo (Tech NGO)"}
    assert {change.field for change in low.history} == {
        "level",
        "status",
        "justification",
        "confidence",
        "evidence",
        "review.state",
    }
    share = answers["R.A.2.a"]
    assert (share.status, share.value, share.year) == ("answered", 43.5, 2023)
    gap = answers["R.B.1.a"]
    assert (gap.status, gap.justification) == ("no_data", "Nobody counts attacks.")
    gdp = answers["C.1.1.a"]
    assert (gdp.value, gdp.year) == (2100.5, 2022)


def test_contributor_option_overrides_the_name_in_the_workbook(
    assessment_file: Path, template: Path
) -> None:
    workbook = filled(template, {"R.A.1.b": {"level": "mid"}}, name="Amina")

    run("import-answers", assessment_file, workbook, "--contributor", "Focus group 3")

    assert load(assessment_file).answers["R.A.1.b"].history[0].who == "Focus group 3"


def test_levels_may_be_typed_as_labels_and_statuses_in_words(
    assessment_file: Path, template: Path
) -> None:
    workbook = filled(
        template,
        {
            "R.A.1.b": {"status": "Answered", "level": " High "},
            "O.A.1.a": {"status": "Not applicable", "justification": "No such policy area."},
        },
    )

    run("import-answers", assessment_file, workbook)

    answers = load(assessment_file).answers
    assert (answers["R.A.1.b"].level, answers["O.A.1.a"].status) == ("high", "not_applicable")


def test_a_differing_answer_is_parked_beside_the_teams(
    assessment_file: Path, template: Path
) -> None:
    workbook = filled(
        template,
        {
            "R.A.1.a": {
                "level": "high",
                "justification": "Applied widely.",
                "evidence1.citation": "Survey 2023",
            }
        },
        name="Amina",
    )
    before = load(assessment_file).answers["R.A.1.a"]

    result = run("import-answers", assessment_file, workbook)

    assert result.exit_code == 0
    assert "1 conflict" in result.output
    assert "R.A.1.a (Answers!A5): kept both, for the team to decide" in result.output
    assert "level: mine mid | theirs high" in result.output
    answer = load(assessment_file).answers["R.A.1.a"]
    assert (answer.level, answer.justification, answer.evidence) == (
        before.level,
        before.justification,
        before.evidence,
    )
    assert answer.history == [] and answer.review.state == "draft"
    mine, theirs = answer.conflicts
    assert (mine.source, mine.level, mine.justification) == (
        "assessment",
        "mid",
        before.justification,
    )
    assert (theirs.source, theirs.status, theirs.level) == (
        "Amina (filled.xlsx)",
        "answered",
        "high",
    )
    # Nothing the contributor wrote is lost, evidence included.
    assert theirs.justification == "Applied widely."
    assert [(e.kind, e.citation) for e in theirs.evidence] == [("report", "Survey 2023")]


def test_resolving_a_parked_conflict_keeps_every_version_in_the_history(
    assessment_file: Path, template: Path
) -> None:
    from roam.teamwork.consensus import resolve_conflict

    workbook = filled(
        template, {"R.A.1.a": {"level": "high", "justification": "Widely."}}, name="Amina"
    )
    run("import-answers", assessment_file, workbook)
    answer = load(assessment_file).answers["R.A.1.a"]

    resolve_conflict(answer, answer.conflicts[1], "Team lead", dt.datetime(2024, 7, 1))

    assert (answer.level, answer.justification, answer.conflicts) == ("high", "Widely.", [])
    [decision] = answer.history
    assert [v["justification"] for v in decision.old] == [
        "The 2019 act exists but is not applied everywhere.",
        "Widely.",
    ]


def test_keep_mine_leaves_the_answer_and_stores_nothing(
    assessment_file: Path, template: Path
) -> None:
    before = load(assessment_file).answers["R.A.1.a"]
    workbook = filled(template, {"R.A.1.a": {"level": "high"}})

    result = run("import-answers", assessment_file, workbook, "--keep", "mine")

    assert "R.A.1.a (Answers!A5): kept mine" in result.output
    assert load(assessment_file).answers["R.A.1.a"] == before


def test_keep_theirs_replaces_with_history_and_merges_evidence(
    assessment_file: Path, template: Path
) -> None:
    workbook = filled(
        template,
        {
            "R.A.1.a": {
                "level": "high",
                "justification": "Applied widely.",
                "evidence1.citation": "Survey 2023",
            }
        },
        name="Amina",
    )

    result = run("import-answers", assessment_file, workbook, "--keep", "theirs")

    assert "1 replaced" in result.output
    answer = load(assessment_file).answers["R.A.1.a"]
    assert (answer.level, answer.justification) == ("high", "Applied widely.")
    assert [e.citation for e in answer.evidence] == ["Access Act 2019", "Survey 2023"]
    assert answer.review.state == "submitted"
    level_change = next(c for c in answer.history if c.field == "level")
    assert (level_change.old, level_change.new, level_change.who) == ("mid", "high", "Amina")
    assert answer.conflicts == []


def test_same_answer_with_new_evidence_only_adds_the_evidence(
    assessment_file: Path, template: Path
) -> None:
    workbook = filled(
        template,
        {
            "R.A.1.a": {
                "level": "mid",
                "evidence1.kind": "law_or_regulation",
                "evidence1.citation": "access act 2019",
                "evidence2.citation": "Ministry circular 7",
            }
        },
    )

    result = run("import-answers", assessment_file, workbook)

    assert "1 with evidence added, 0 conflicts" in result.output
    answer = load(assessment_file).answers["R.A.1.a"]
    # The first item is the same source as the team's (citations compare without case).
    assert [e.citation for e in answer.evidence] == ["Access Act 2019", "Ministry circular 7"]
    assert answer.level == "mid" and answer.conflicts == []


def test_importing_twice_changes_nothing_the_second_time(
    assessment_file: Path, template: Path
) -> None:
    workbook = filled(
        template,
        {
            "R.A.1.a": {"level": "high"},
            "R.A.1.b": {"level": "low"},
            "R.B.1.a": {"value": 3, "year": 2022, "evidence1.citation": "Press union tally"},
        },
    )
    run("import-answers", assessment_file, workbook)
    first = assessment_file.read_bytes()

    second = run("import-answers", assessment_file, workbook)

    assert second.exit_code == 0
    assert "0 new" in second.output and "2 unchanged" in second.output
    assert "already waiting for the team" in second.output
    assert len(load(assessment_file).answers["R.A.1.a"].conflicts) == 2
    assert f"nothing to change in {assessment_file}" in second.output
    assert assessment_file.read_bytes() == first


def test_dry_run_shows_the_changes_and_saves_nothing(assessment_file: Path, template: Path) -> None:
    before = assessment_file.read_bytes()
    workbook = filled(template, {"R.A.1.b": {"level": "low"}, "R.A.1.a": {"level": "high"}})

    result = run("import-answers", assessment_file, workbook, "--dry-run")

    assert result.exit_code == 0
    assert "would import 1 new" in result.output
    assert "R.A.1.b: new answer: answered, level low" in result.output
    assert "level: mine mid | theirs high" in result.output
    assert "dry run: nothing was saved" in result.output
    assert assessment_file.read_bytes() == before


def test_rule_problems_of_imported_answers_are_warned(
    assessment_file: Path, template: Path
) -> None:
    workbook = filled(template, {"R.B.1.a": {"status": "no_data"}})

    result = run("import-answers", assessment_file, workbook)

    assert "warning: R.B.1.a: a justification is required for no data" in result.output
    assert load(assessment_file).answers["R.B.1.a"].status == "no_data"


def test_template_of_another_country_is_refused(
    tmp_path: Path, assessment_file: Path, framework: Framework
) -> None:
    other = tmp_path / "ghana.yaml"
    save_assessment(kenya(framework, other, iso="GHA", country="Ghana"), other, framework)
    template = tmp_path / "ghana.xlsx"
    run("template", other, "-o", template)
    workbook = filled(template, {"R.A.1.b": {"level": "low"}})
    before = assessment_file.read_bytes()

    result = run("import-answers", assessment_file, workbook)

    assert result.exit_code == 2
    assert "made from the assessment of Ghana (GHA), not Kenya (KEN)" in result.output
    assert assessment_file.read_bytes() == before


def test_a_report_is_not_a_template(assessment_file: Path, framework: Framework) -> None:
    report = export(assessment_file, assessment_file.parent / "report.xlsx", framework)

    result = run("import-answers", assessment_file, report)

    assert result.exit_code == 2
    assert "not a roam data-collection template (it looks like a report" in result.output


def test_keep_theirs_later_settles_the_versions_an_earlier_import_parked(
    assessment_file: Path, template: Path
) -> None:
    workbook = filled(template, {"R.A.1.a": {"level": "high"}}, name="Amina")
    run("import-answers", assessment_file, workbook)
    assert len(load(assessment_file).answers["R.A.1.a"].conflicts) == 2

    run("import-answers", assessment_file, workbook, "--keep", "theirs")

    answer = load(assessment_file).answers["R.A.1.a"]
    assert (answer.level, answer.conflicts) == ("high", [])


def test_rows_left_not_assessed_say_nothing(assessment_file: Path, template: Path) -> None:
    workbook = filled(
        template, {"R.A.1.a": {"status": "not_assessed"}, "R.A.1.b": {"status": "not_assessed"}}
    )
    before = assessment_file.read_bytes()

    result = run("import-answers", assessment_file, workbook)

    assert "0 new" in result.output and "0 conflicts" in result.output
    assert assessment_file.read_bytes() == before
