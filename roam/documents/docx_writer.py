"""The outline as a Word document (python-docx), restylable through its named styles.

Headings use Word's built-in heading styles, so the navigation pane and the
table of contents work; the table of contents is a real TOC field that Word
updates on opening; every table repeats its header row on each page; the
footer carries a PAGE field.  The body itself is written by
:mod:`roam.documents.docx_body`; this module makes the package around it:
template, styles, footer, settings and document properties.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path
from typing import Any

from roam.documents.docx_body import BodyWriter
from roam.documents.outline import Outline
from roam.errors import RoamError

PLACEHOLDER_STYLE = "Team placeholder"
NOTE_STYLE = "Draft note"
REFERENCE_STYLE = "Reference entry"
TABLE_STYLE = "Table Grid"
_PARAGRAPH_STYLES = {
    "body": "Normal",
    "placeholder": PLACEHOLDER_STYLE,
    "note": NOTE_STYLE,
    "reference": REFERENCE_STYLE,
    "title": "Title",
    "subtitle": "Subtitle",
}


def docx_bytes(outline: Outline, template: Path | None = None) -> bytes:
    """The Word file of ``outline``, built on ``template``'s styles when one is given."""
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls, qn
    from docx.shared import Inches, Length

    document = _open(template)
    _ensure_styles(document)
    if template is None:
        _house_style(document)
    section = document.sections[-1]
    # A template's section may leave sizes unset: Word's defaults (Letter, 1-inch margins).
    width = Length(
        (section.page_width or Inches(8.5))
        - (section.left_margin or Inches(1))
        - (section.right_margin or Inches(1))
    )
    # Style ids looked up once (a template may name them differently); Normal needs none.
    style_ids = {s.name: s.style_id for s in document.styles if s.name != "Normal"}
    part = document.part
    writer = BodyWriter(
        style_ids,
        int(width.twips),
        lambda address: part.relate_to(address, RELATIONSHIP_TYPE.HYPERLINK, True),
    )
    writer.write(outline, _PARAGRAPH_STYLES)
    body = document.element.body
    fragment = parse_xml(f"<w:body {nsdecls('w', 'r')}>{writer.xml()}</w:body>")
    end = body.find(qn("w:sectPr"))
    for element in list(fragment):
        if end is None:
            body.append(element)
        else:
            end.addprevious(element)
    _page_numbers(document)
    _update_fields_on_open(document)
    _properties(document, outline)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _open(template: Path | None) -> Any:
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.oxml.ns import qn

    if template is None:
        return docx.Document()
    try:
        data = template.read_bytes()
    except FileNotFoundError:
        raise RoamError(f"{template}: no such template file") from None
    except OSError as exc:
        raise RoamError(f"{template}: cannot read the template: {exc.strerror}") from None
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError):
        raise RoamError(
            f"{template}: not a Word document (.docx) roam can use as a template"
        ) from None
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):  # keep the page set-up, drop the template's text
            body.remove(child)
    return document


def _ensure_styles(document: Any) -> None:
    """Add the styles the draft uses that a team's template may lack."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_COLOR_INDEX
    from docx.shared import Pt, RGBColor

    styles = document.styles
    names = {style.name for style in styles}

    def add(name: str, base: str = "Normal") -> Any:
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles[base] if base in names else None
        style.quick_style = True
        return style

    for level, size in ((1, 16), (2, 13), (3, 11)):
        name = f"Heading {level}"
        if name not in names:
            style = add(name)
            style.font.bold = True
            style.font.size = Pt(size)
            style.paragraph_format.keep_with_next = True
    for name, size in (("Title", 26), ("Subtitle", 15), ("List Bullet", 0)):
        if name not in names:
            style = add(name)
            if size:
                style.font.size = Pt(size)
    if PLACEHOLDER_STYLE not in names:
        style = add(PLACEHOLDER_STYLE)
        style.font.italic = True
        style.font.highlight_color = WD_COLOR_INDEX.YELLOW
    if NOTE_STYLE not in names:
        style = add(NOTE_STYLE)
        style.font.italic = True
        style.font.size = Pt(9)
        style.font.color.rgb = RGBColor(0x59, 0x59, 0x59)
    if REFERENCE_STYLE not in names:
        style = add(REFERENCE_STYLE)
        style.paragraph_format.left_indent = Pt(24)
        style.paragraph_format.first_line_indent = Pt(-24)
        style.paragraph_format.space_after = Pt(3)
    if TABLE_STYLE not in names:
        styles.add_style(TABLE_STYLE, WD_STYLE_TYPE.TABLE)


def _house_style(document: Any) -> None:
    """roam's own look, where no team template gives one: compact tables, clear headings."""
    from docx.shared import Pt

    document.styles[TABLE_STYLE].font.size = Pt(9)
    # The template's third level is smaller than the body text; questions need to stand out.
    document.styles["Heading 3"].font.size = Pt(12)


def _field_char(run: Any, kind: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    run.font.element.append(char)  # Font proxies the run's w:r element


def _page_field(paragraph: Any) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    _field_char(paragraph.add_run(), "begin")
    code = OxmlElement("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = " PAGE "
    paragraph.add_run().font.element.append(code)
    _field_char(paragraph.add_run(), "separate")
    paragraph.add_run("1")
    _field_char(paragraph.add_run(), "end")


def _page_numbers(document: Any) -> None:
    """A centred page number in each footer the template left empty."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    for section in document.sections:
        footer = section.footer
        if any(p.text.strip() for p in footer.paragraphs) or _has_field(footer):
            continue
        paragraph = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _page_field(paragraph)


def _has_field(footer: Any) -> bool:
    from docx.oxml.ns import qn

    return any(
        p.paragraph_format.element.find(f".//{qn('w:fldChar')}") is not None
        or p.paragraph_format.element.find(f".//{qn('w:fldSimple')}") is not None
        for p in footer.paragraphs
    )


def _update_fields_on_open(document: Any) -> None:
    """Word refreshes the table of contents (and its page numbers) when the file opens."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    settings = document.settings.element
    if settings.find(qn("w:updateFields")) is None:
        update = OxmlElement("w:updateFields")
        update.set(qn("w:val"), "true")
        settings.append(update)


def _properties(document: Any, outline: Outline) -> None:
    from roam import __version__

    given = outline.properties
    core = document.core_properties
    core.title = _fits(given.title)
    core.subject = _fits(given.subject)
    core.author = _fits(given.author)
    core.keywords = _fits(given.keywords)
    core.comments = _fits(given.comments)
    core.language = _fits(given.language)
    core.category = "Internet Universality Indicators"
    core.last_modified_by = f"roam {__version__}"
    now = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)
    core.created = now
    core.modified = now
    core.revision = 1


def _fits(text: str) -> str:
    """Word's document properties hold at most 255 characters each."""
    limit = 255
    return text if len(text) <= limit else text[: limit - 1] + "…"
