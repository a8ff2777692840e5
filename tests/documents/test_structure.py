"""The Word draft read back: the report's order, each finding once under its question."""

from __future__ import annotations

import re
from pathlib import Path

from docx import Document

from roam.assessment.model import Assessment
from roam.framework import Framework
from roam.framework.model import EditionProvenance
from tests.helpers.documents import CHAPTERS, all_text, body_lines, draft


def test_chapters_come_in_the_order_of_a_national_report(drafted: Path):
    lines = body_lines(drafted)
    assert [line.text for line in lines if line.style == "Heading 1"] == CHAPTERS
    assert lines[0].style == "Title"
    assert "Examplia" in lines[0].text
    method = [
        line.text for line in lines if line.style == "Heading 2" and line.chapter == CHAPTERS[1]
    ]
    assert method == [
        "The assessment",
        "Multistakeholder Advisory Board",
        "Research team",
        "Milestones of the assessment process",
        "Stakeholder groups consulted",
        "Data sources used",
    ]
    annexes = [
        line.text for line in lines if line.style == "Heading 2" and line.chapter == "Annexes"
    ]
    assert [a.split(":")[0] for a in annexes] == ["Annex A", "Annex B", "Annex C", "Annex D"]


def test_themes_and_questions_follow_the_framework(drafted: Path):
    lines = body_lines(drafted)
    rights = [
        (line.style, line.text)
        for line in lines
        if line.chapter == "R Rights" and line.style.startswith("Heading ")
    ]
    assert rights == [
        ("Heading 1", "R Rights"),
        ("Heading 2", "R.A Framework"),
        ("Heading 3", "R.A.1 Is there a law?"),
        ("Heading 3", "R.A.2 How many people are online?"),
        ("Heading 2", "R.B Expression"),
        ("Heading 3", "R.B.1 Are journalists attacked?"),
    ]


def test_every_justification_appears_once_under_its_question(
    drafted: Path, assessment: Assessment, framework: Framework
):
    lines = body_lines(drafted)
    for code, answer in assessment.answers.items():
        if not answer.justification or framework.places[code].category.contextual:
            continue
        holding = [line for line in lines if answer.justification in line.text]
        assert len(holding) == 1, code
        question = framework.places[code].question.code
        assert holding[0].subsection.startswith(question + " "), code


def test_answers_show_level_value_and_status(drafted: Path):
    text = all_text(drafted)
    assert "R.A.1.a A law exists. High; confidence high." in text
    assert "R.A.2.a Share of people online. 80 % (2023)." in text
    assert "R.B.1.a Attacks on journalists per year. No data." in text
    assert "O.A.1.a Open standards policy. N/A." in text


def test_recommendations_sit_under_each_group_they_address(drafted: Path):
    lines = [line for line in body_lines(drafted) if line.chapter == "Recommendations"]
    placed = {
        (line.section, line.text.split(":")[0]) for line in lines if line.style == "List Bullet"
    }
    assert placed == {("Government", "REC-1"), ("Media", "REC-1"), ("Judiciary", "REC-2")}
    rec_1 = next(line.text for line in lines if line.text.startswith("REC-1"))
    assert "Priority high, short term; indicators: R.B.1.a" in rec_1


def test_every_bibliography_entry_is_cited_where_it_is_used(drafted: Path):
    lines = body_lines(drafted)
    entries = [line.text for line in lines if line.style == "Reference entry"]
    assert len(entries) == 2  # the act (cited twice, numbered once) and the interview
    assert entries[0].startswith("[1] Access to Information Act 2016.")
    body = "\n".join(line.text for line in lines if line.chapter not in ("Annexes",))
    cited = {int(n) for n in re.findall(r"\[(\d+)\]", body)}
    assert cited == {1, 2}
    # The act supports R.A.1.a and R.A.2.a: its number follows both findings.
    assert "The act is in force. [1]" in body
    assert "Sources: [1]" in body


def test_the_summary_gives_scores_only_with_their_coverage(drafted: Path):
    summary = [line.text for line in body_lines(drafted) if line.chapter == "Executive summary"]
    text = "\n".join(summary)
    assert (
        "6 indicators (all indicators of the edition): 4 answered, 1 not applicable, "
        "1 with no data and 0 not assessed" in text
    )
    for sentence in re.findall(r"[^.\n]*\d+ out of 100[^.\n]*", text):
        assert re.search(r"from \d+ of \d+ indicators answered", sentence), sentence
    assert "overall" not in text.lower()
    assert "Indicators with no data (1): R.B.1.a." in text
    assert any(line.startswith("[Team:") for line in summary)


def test_the_title_page_says_who_wrote_the_framework_texts(drafted: Path):
    # The mini edition states nothing: the draft says so rather than guess.
    assert "This edition does not say who wrote its texts" in all_text(drafted)


def test_the_editions_statement_and_unesco_numbers_where_recorded(
    tmp_path: Path, assessment: Assessment, framework: Framework
):
    statement = "Every text here was written by the test's authors, none by UNESCO."
    stated = framework.model_copy(
        update={"provenance": EditionProvenance(statement={"en": statement})}
    )
    question = stated.categories[1].themes[0].questions[0]
    question.unesco_ref = "R.1"
    path = draft(assessment, stated, tmp_path / "stated.docx")
    lines = body_lines(path)
    assert statement in [line.text for line in lines[:12]]
    headings = [line.text for line in lines if line.style == "Heading 3"]
    assert "R.A.1 Is there a law? (UNESCO R.1)" in headings
    assert "R.A.2 How many people are online?" in headings  # no number recorded: none shown
    assert properties_comments(path) == statement


def properties_comments(path: Path) -> str:
    return Document(str(path)).core_properties.comments


def test_the_context_table_holds_year_and_source(drafted: Path):
    document = Document(str(drafted))
    context = next(
        t for t in document.tables if t.rows[0].cells[0].text == "Code" and len(t.columns) == 6
    )
    assert [c.text for c in context.rows[0].cells] == [
        "Code",
        "Indicator",
        "Value",
        "Unit",
        "Year",
        "Source",
    ]
    assert [c.text for c in context.rows[1].cells][:5] == [
        "C.1.1.a",
        "GDP per capita",
        "1,500",
        "USD",
        "2023",
    ]


def test_french_draft(tmp_path: Path, assessment: Assessment, framework: Framework):
    path = draft(assessment, framework, tmp_path / "fr.docx", lang="fr")
    headings = [line.text for line in body_lines(path) if line.style == "Heading 1"]
    assert headings == [
        "Résumé analytique",
        "Introduction et méthode",
        "Contexte national",
        "R Droits",
        "O Openness",  # the mini edition has no French name for it: English stands in
        "Recommandations",
        "Annexes",
    ]
    text = all_text(path)
    assert "R.A.1 Existe-t-il une loi ?" in text
    assert "1\u202f500" in text  # French number, in the context table
    assert "Share of people online. 80 % (2023)" in text
    assert "Gouvernement" in text
