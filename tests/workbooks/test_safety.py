"""Hostile text typed into an assessment reaches the workbook as inert, valid text."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from openpyxl import load_workbook

from roam.assessment.model import Comment, Evidence, MabMember, Person, Recommendation
from roam.framework import Framework
from roam.workbooks.inert_cells import (
    MAX_CELL_CHARS,
    TRUNCATION_MARKER,
    is_formula_like,
    text_from_cell,
)
from roam.workbooks.sheets.category import COLUMNS
from roam.workbooks.workbook import export_report
from tests.helpers.hostile_text import CONTROL_CORPUS, FORMULA_CORPUS
from tests.helpers.report_assessment import mini_assessment


@pytest.fixture
def hostile_report(tmp_path: Path, framework: Framework) -> Path:
    assessment = mini_assessment(framework)
    assessment.country = "=Examplia & Co"
    assessment.team.append(Person(name="@attacker", role="=1+1"))
    assessment.mab.append(MabMember(name="-2+3", organisation="+ORG", group="media"))
    texts = FORMULA_CORPUS + [raw for raw, _ in CONTROL_CORPUS]
    answer = assessment.answers["R.A.1.a"]
    answer.justification = '=HYPERLINK("http://evil.example")'
    for number, text in enumerate(texts):
        answer.evidence.append(
            Evidence(
                kind="report",
                citation=text or "x",
                location=text,
                publisher=text,
                published=dt.date(2020, 1, 1),
            )
        )
        answer.review.thread.append(
            Comment(author="x", time=dt.datetime(2024, 1, 1, 0, number), text=text or "x")
        )
    assessment.answers["R.A.1.b"].justification = "j" * 40_000
    assessment.recommendations.append(
        Recommendation(id="=R", text="@SUM(1)", groups=["academia"], indicators=["=A1"])
    )
    path = tmp_path / "hostile.xlsx"
    export_report(assessment, path, framework=framework)
    return path


def test_no_typed_text_becomes_a_formula(hostile_report: Path):
    workbook = load_workbook(hostile_report)
    strings = set()
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{sheet.title}!{cell.coordinate}"
                if isinstance(cell.value, str):
                    # Not even once saved as CSV and reopened: the value itself is inert.
                    assert not is_formula_like(cell.value), f"{sheet.title}!{cell.coordinate}"
                    strings.add(text_from_cell(cell.value))
    log = workbook["Review log"]  # the fixture's two comments, then the corpus
    comments = [text_from_cell(row[5]) for row in log.iter_rows(min_row=5, values_only=True)]
    assert comments[2:] == FORMULA_CORPUS + [expected for _, expected in CONTROL_CORPUS]
    assert {"=Examplia & Co", "@attacker", "=1+1", "-2+3", "=R", "@SUM(1)", "=A1"} <= strings


def test_every_part_is_valid_xml_without_formula_elements(hostile_report: Path):
    with zipfile.ZipFile(hostile_report) as archive:
        for name in archive.namelist():
            if not name.endswith((".xml", ".rels")):
                continue
            part = archive.read(name)
            etree.fromstring(part)
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in part and b"<f " not in part, name


def test_formula_like_links_never_become_hyperlinks(hostile_report: Path):
    sheet = load_workbook(hostile_report)["Evidence register"]
    targets = {cell.hyperlink.target for row in sheet.iter_rows() for cell in row if cell.hyperlink}
    assert targets == {"https://example.org/ati-act"}


def test_long_text_is_cut_visibly(hostile_report: Path):
    sheet = load_workbook(hostile_report)["R Rights"]
    column = [key for key, _, _ in COLUMNS].index("col.justification")
    justification = next(
        row[column] for row in sheet.iter_rows(min_row=6, values_only=True) if row[0] == "R.A.1.b"
    )
    assert len(justification) == MAX_CELL_CHARS
    assert justification.endswith(TRUNCATION_MARKER)


def test_the_footer_shows_a_country_with_an_ampersand_literally(hostile_report: Path):
    sheet = load_workbook(hostile_report)["R Rights"]
    assert sheet.oddFooter.left.text == "=Examplia && Co"
