"""What makes the draft a proper Word document: styles, fields, tables, properties, templates."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.shared import Pt

from roam.assessment.model import Assessment
from roam.errors import RoamError
from roam.framework import Framework
from tests.helpers.documents import body_lines, draft


def _part(path: Path, name: str) -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read(name).decode("utf-8")


def test_the_contents_is_a_toc_field_that_word_updates_on_open(drafted: Path):
    document_xml = _part(drafted, "word/document.xml")
    assert 'TOC \\o "1-3" \\h \\z \\u' in document_xml
    assert document_xml.count('w:fldCharType="begin"') == document_xml.count('w:fldCharType="end"')
    assert '<w:updateFields w:val="true"/>' in _part(drafted, "word/settings.xml")
    # Pre-filled with the chapters, for programs that show the field as saved.
    texts = [line.text for line in body_lines(drafted)]
    contents = texts.index("Contents")
    assert texts[contents + 1] == "Executive summary"


def test_tables_repeat_their_header_row(drafted: Path):
    document = Document(str(drafted))
    assert len(document.tables) >= 7
    for table in document.tables:
        first, *others = table.rows
        cell = first.cells[0].paragraphs[0].paragraph_format.element.getparent()
        assert cell.getparent().find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
        for row in others[:3]:
            element = row.cells[0].paragraphs[0].paragraph_format.element.getparent().getparent()
            assert element.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is None


def test_the_footer_numbers_the_pages(drafted: Path):
    footers = [n for n in zipfile.ZipFile(drafted).namelist() if n.startswith("word/footer")]
    assert footers
    assert any(" PAGE " in _part(drafted, name) for name in footers)


def test_document_properties(drafted: Path):
    properties = Document(str(drafted)).core_properties
    assert properties.title == "Internet Universality Indicators: national assessment of Examplia"
    assert properties.author == "Ada Researcher, Bo Analyst"
    assert "Mini edition for tests" in properties.subject
    assert "XEA" in properties.keywords
    assert properties.language == "en"
    assert properties.last_modified_by.startswith("roam ")


def test_headings_use_the_built_in_styles_and_placeholders_a_style_of_their_own(drafted: Path):
    document = Document(str(drafted))
    names = {p.style.name for p in document.paragraphs if p.style is not None}
    assert {"Title", "Heading 1", "Heading 2", "Heading 3", "Team placeholder"} <= names
    placeholders = [p.text for p in document.paragraphs if p.style.name == "Team placeholder"]
    assert placeholders and all(t.startswith("[Team:") for t in placeholders)


def _template(path: Path) -> Path:
    document = Document()
    document.styles["Heading 1"].font.size = Pt(31)
    document.add_paragraph("Boilerplate of the template that the draft leaves out.")
    section = document.sections[0]
    section.footer.paragraphs[0].text = "Ministry of ICT, draft for the MAB"
    document.save(str(path))
    return path


def test_a_template_gives_its_styles_and_footer(
    tmp_path: Path, assessment: Assessment, framework: Framework
):
    template = _template(tmp_path / "house.docx")
    path = draft(assessment, framework, tmp_path / "draft.docx", template=template)
    document = Document(str(path))
    assert document.styles["Heading 1"].font.size == Pt(31)
    assert document.paragraphs[0].style.name == "Title"
    assert all("Boilerplate" not in p.text for p in document.paragraphs)
    assert document.sections[0].footer.paragraphs[0].text == "Ministry of ICT, draft for the MAB"


def test_a_template_without_the_draft_styles_gets_them_added(
    tmp_path: Path, assessment: Assessment, framework: Framework
):
    template = Document()
    template.styles["Title"].delete()
    template.save(str(tmp_path / "bare.docx"))
    path = draft(assessment, framework, tmp_path / "draft.docx", template=tmp_path / "bare.docx")
    styles = Document(str(path)).styles
    assert styles["Title"].type == WD_STYLE_TYPE.PARAGRAPH
    assert styles["Team placeholder"].font.italic is True


@pytest.mark.parametrize("content", [b"", b"not a zip", b"PK\x03\x04broken"])
def test_a_broken_template_is_one_readable_error(
    tmp_path: Path, assessment: Assessment, framework: Framework, content: bytes
):
    template = tmp_path / "house.docx"
    template.write_bytes(content)
    target = tmp_path / "draft.docx"
    with pytest.raises(RoamError, match=r"house\.docx: not a Word document"):
        draft(assessment, framework, target, template=template)
    assert not target.exists()


def test_a_missing_template_is_named(tmp_path: Path, assessment: Assessment, framework: Framework):
    with pytest.raises(RoamError, match=r"nowhere\.docx: no such template file"):
        draft(assessment, framework, tmp_path / "d.docx", template=tmp_path / "nowhere.docx")
