"""`merge_assessments`: what a team gets when three researchers' files are combined."""

from __future__ import annotations

import pytest

from roam.errors import RoamError
from roam.teamwork.conflict_report import conflict_report_markdown, conflict_report_text
from roam.teamwork.merge import merge_assessments
from roam.teamwork.subject import Labelled
from tests.helpers.teamwork_builders import (
    assessment,
    three_files,
)


def test_agreeing_answers_are_merged_with_evidence_united_without_duplicates() -> None:
    result = merge_assessments(three_files())
    merged = result.assessment.answers["R.A.1.a"]

    assert (merged.status, merged.level, merged.conflicts) == ("answered", "high", [])
    assert [e.citation for e in merged.evidence] == [
        "Data Protection Act 2019",  # Ben's copy differs only in case and spaces: dropped
        "Court ruling 12/2021",
        "ITU report 2023",
    ]
    assert merged.justification == "The act is in force."  # the same text once, not twice
    # R.A.1.a (three files) and R.A.2.a (two files; Cy has no opinion) agree
    assert result.agreed == 2


def test_histories_and_review_threads_are_united_deduplicated_and_sorted() -> None:
    merged = merge_assessments(three_files()).assessment.answers["R.A.1.a"]

    assert [(c.time.day, c.who, c.field) for c in merged.history] == [
        (1, "Ben", "status"),
        (3, "Ana", "level"),
    ]
    assert [(c.time.day, c.author) for c in merged.review.thread] == [
        (2, "Ana"),
        (4, "Rev"),
        (5, "Ben"),
    ]


def test_conflicts_keep_the_first_files_version_and_every_version_side_by_side() -> None:
    result = merge_assessments(three_files())
    conflicted = result.assessment.answers["R.A.1.b"]

    assert conflicted.level == "mid"  # Ana's, the first file, until the team decides
    assert conflicted.justification == "Applied unevenly."
    assert [(v.source, v.level, v.justification) for v in conflicted.conflicts] == [
        ("ana.yaml", "mid", "Applied unevenly."),
        ("ben.yaml", "low", "Rarely applied."),
        ("cy.yaml", "mid", ""),
    ]
    assert conflicted.review.state == "draft"
    # each version carries the confidence its researcher stated, for the side-by-side view
    assert [v.confidence for v in conflicted.conflicts] == ["high", None, None]


def test_a_status_conflict_names_the_differing_fields_and_the_researcher() -> None:
    result = merge_assessments(three_files())
    by_code = {d.code: d for d in result.disagreements}

    assert sorted(by_code) == ["O.A.1.a", "R.A.1.b"]
    assert by_code["R.A.1.b"].fields == ("level",)
    assert by_code["O.A.1.a"].fields == ("status", "level")
    # the source names the file and, from the answer's history, who last edited it
    assert [v.source for v in by_code["O.A.1.a"].versions] == ["ana.yaml (Ana)", "ben.yaml"]
    answer = result.assessment.answers["O.A.1.a"]
    assert (answer.status, answer.level) == ("answered", "high")


def test_agreeing_answers_keep_the_most_cautious_confidence() -> None:
    merged = merge_assessments(three_files()).assessment.answers["R.A.2.a"]
    assert (merged.value, merged.year, merged.confidence) == (40.0, 2023, "low")


def test_merging_leaves_the_input_files_untouched() -> None:
    files = three_files()
    before = [f.assessment.model_dump() for f in files]
    result = merge_assessments(files)
    result.assessment.answers["R.A.1.a"].evidence.clear()
    assert [f.assessment.model_dump() for f in files] == before


def test_files_of_different_countries_are_refused_with_both_names() -> None:
    ana = three_files()[0]
    ghana = Labelled("gh.yaml", assessment({}, iso="GHA", country="Ghana"))
    with pytest.raises(RoamError) as raised:
        merge_assessments([ana, ghana])
    message = str(raised.value)
    assert "gh.yaml is about Ghana (GHA)" in message
    assert "ana.yaml is about Kenya (KEN)" in message


def test_files_of_different_editions_are_refused() -> None:
    ana, _, _ = three_files()
    other = ana.assessment.model_copy(
        update={"framework": ana.assessment.framework.model_copy(update={"version": "2.0"})}
    )
    with pytest.raises(RoamError, match="same edition"):
        merge_assessments([ana, Labelled("new.yaml", other)])


def test_the_conflict_report_lists_every_disagreement_with_every_version() -> None:
    result = merge_assessments(three_files())
    text = conflict_report_text(result)
    markdown = conflict_report_markdown(result)

    assert "2 indicators answered alike, 2 conflicts" in text
    assert "R.A.1.b: level differs" in text
    assert "ben.yaml" in text and "answered, level low" in text
    assert "no data" in text  # Ben's version of O.A.1.a
    assert "| R.A.1.b | level | ana.yaml | answered, level mid | Applied unevenly. |" in markdown
    assert "|  |  | ben.yaml | answered, level low | Rarely applied. |" in markdown


def test_merging_a_merged_file_again_says_its_conflicts_are_still_open() -> None:
    first = merge_assessments(three_files())
    again = merge_assessments(
        [Labelled("merged.yaml", first.assessment), three_files()[2]]  # Cy's file once more
    )
    assert {code for code, a in again.assessment.answers.items() if a.conflicts} >= {
        "R.A.1.b",
        "O.A.1.a",
    }
    assert "2 conflicts from an earlier merge are still undecided" in conflict_report_text(again)
