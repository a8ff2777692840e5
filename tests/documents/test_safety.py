"""Text from an assessment stays text: no fields, no stray links, no broken XML; redaction."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

import pytest
from docx import Document
from lxml import etree

from roam.assessment.model import Answer, Assessment, Evidence, FrameworkRef, Recommendation
from roam.documents.markdown_writer import escape
from roam.framework import Framework
from tests.helpers.documents import all_text, body_lines, draft
from tests.helpers.report_assessment import CONFIDENTIAL_CITATION

HOSTILE_JUSTIFICATION = (
    'Ends here</w:t></w:r><w:fldSimple w:instr="INCLUDETEXT c:\\\\secret"/> '
    '{ PAGE } =HYPERLINK("http://evil.example","x") \x01\x0b\x1b[31m <script>alert(1)</script> '
    "[click](javascript:alert(1)) **bold** # not a heading"
)
HOSTILE_LOCATIONS = [
    "javascript:alert(1)",
    "file:///etc/passwd",
    '=HYPERLINK("http://evil.example")',
    "https://ok.example/page",
]


def _hostile(assessment: Assessment) -> Assessment:
    answer = assessment.answers["R.A.1.a"]
    answer.justification = HOSTILE_JUSTIFICATION
    answer.evidence = [
        Evidence(kind="report", citation=f"Source {n} \x07<b>", location=location)
        for n, location in enumerate(HOSTILE_LOCATIONS)
    ]
    assessment.country = "Examplia\x00 & <Co>"
    assessment.recommendations[0].text = "=cmd|' /C calc'!A0 \x0c{ DATE }"
    return assessment


@pytest.fixture
def hostile_docx(tmp_path: Path, assessment: Assessment, framework: Framework) -> Path:
    return draft(_hostile(assessment), framework, tmp_path / "hostile.docx")


def test_every_part_is_well_formed_xml(hostile_docx: Path):
    with zipfile.ZipFile(hostile_docx) as archive:
        for name in archive.namelist():
            if name.endswith((".xml", ".rels")):
                etree.fromstring(archive.read(name))  # raises on broken XML


def test_no_assessment_text_becomes_a_field(hostile_docx: Path):
    with zipfile.ZipFile(hostile_docx) as archive:
        document_xml = archive.read("word/document.xml").decode("utf-8")
    assert "<w:fldSimple" not in document_xml
    assert "&lt;w:fldSimple" in document_xml  # the typed markup is text
    instructions = etree.fromstring(document_xml.encode()).iter(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}instrText"
    )
    assert [i.text.strip() for i in instructions] == ['TOC \\o "1-3" \\h \\z \\u']


def test_only_http_addresses_become_hyperlinks(hostile_docx: Path):
    document = Document(str(hostile_docx))
    targets = [
        rel.target_ref for rel in document.part.rels.values() if rel.reltype.endswith("/hyperlink")
    ]
    assert sorted(targets) == ["https://example.org/ati-act", "https://ok.example/page"]


def test_hostile_text_reads_literally_without_control_characters(hostile_docx: Path):
    text = all_text(hostile_docx)
    assert "{ PAGE } =HYPERLINK" in text
    assert "<script>alert(1)</script>" in text
    assert "[click](javascript:alert(1))" in text
    assert "=cmd|' /C calc'!A0 { DATE }" in text
    assert "Examplia & <Co>" in text
    assert not any(ord(c) < 32 and c not in "\t\n" for c in text)
    assert "javascript:alert(1)" in text  # shown as the location text, never as a link


def test_markdown_escapes_markup_and_html(
    tmp_path: Path, assessment: Assessment, framework: Framework
):
    path = draft(_hostile(assessment), framework, tmp_path / "hostile.md")
    text = path.read_text(encoding="utf-8")
    assert "<script>" not in text
    assert "\\<script\\>" in text
    assert not re.search(r"(?<!\\)\]\(javascript:", text)
    assert "\\[click\\](javascript:alert(1))" in text
    assert "\\*\\*bold\\*\\*" in text
    assert "<https://ok.example/page>" in text
    assert "<javascript:" not in text and "<file:" not in text
    assert not any(ord(c) < 32 and c != "\n" for c in text)


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        ("# heading", "\\# heading"),
        ("- item", "\\- item"),
        ("1. first", "1\\. first"),
        ("> quote", "\\> quote"),
        ("a | b", "a \\| b"),
        ("x_y*z`", "x\\_y\\*z\\`"),
        ("&amp;", "\\&amp;"),
    ],
)
def test_markdown_escape(raw: str, escaped: str):
    assert escape(raw) == escaped


def test_redaction_withholds_confidential_sources_everywhere(
    tmp_path: Path, assessment: Assessment, framework: Framework
):
    open_path = draft(assessment, framework, tmp_path / "open.docx")
    assert CONFIDENTIAL_CITATION in all_text(open_path)
    path = draft(assessment, framework, tmp_path / "public.docx", redact_confidential=True)
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            assert CONFIDENTIAL_CITATION.encode() not in archive.read(name), name
            assert b"interview-07" not in archive.read(name), name
    entries = [line.text for line in body_lines(path) if line.style == "Reference entry"]
    assert entries[1] == "[2] [confidential source withheld]"
    assert "Confidential sources are withheld from this version." in all_text(path)
    markdown = draft(assessment, framework, tmp_path / "public.md", redact_confidential=True)
    assert CONFIDENTIAL_CITATION not in markdown.read_text(encoding="utf-8")


def _nearly_empty(framework: Framework) -> Assessment:
    return Assessment(
        country="Emptia",
        iso="EMP",
        framework=FrameworkRef(id=framework.id, version=framework.version),
        scope="core",
        created=dt.datetime(2024, 1, 1),
        answers={"R.A.1.a": Answer(status="not_assessed")},
        recommendations=[],
    )


@pytest.mark.parametrize("suffix", [".docx", ".md"])
def test_a_nearly_empty_assessment_drafts_and_says_what_is_missing(
    tmp_path: Path, framework: Framework, suffix: str
):
    path = draft(_nearly_empty(framework), framework, tmp_path / f"empty{suffix}")
    text = all_text(path) if suffix == ".docx" else path.read_text(encoding="utf-8")
    for missing in (
        "No indicator has been answered yet",
        "no Board member is recorded",
        "no milestone is recorded",
        "no evidence is recorded yet",
        "no recommendation is recorded yet",
        "no contextual indicator is answered yet",
        "Indicators not assessed yet (4): C.1.1.a, R.A.1.a, R.A.2.a, O.A.1.a",
    ):
        assert missing in text.replace("\\", ""), missing
    assert "Strongest theme" not in text  # no score to speak of, so none is shown


def test_a_recommendation_for_an_unknown_group_is_impossible_and_none_is_lost(
    tmp_path: Path, assessment: Assessment, framework: Framework
):
    assessment.recommendations.append(
        Recommendation(id="REC-3", text="Everyone acts.", groups=["academia", "media"])
    )
    lines = [
        line
        for line in body_lines(draft(assessment, framework, tmp_path / "d.docx"))
        if line.chapter == "Recommendations"
    ]
    assert {
        (line.section, line.text.split(":")[0]) for line in lines if line.text.startswith("REC-3")
    } == {
        ("Academia", "REC-3"),
        ("Media", "REC-3"),
    }
