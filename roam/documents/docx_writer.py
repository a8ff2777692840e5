"""The outline as a Word document (python-docx), restylable through its named styles.

Headings use Word's built-in heading styles, so the navigation pane and the
table of contents work; the table of contents is a real TOC field that Word
updates on opening (pre-filled with the chapter titles for programs that do
not update fields); every table repeats its header row on each page; the footer
carries a PAGE field.  All text enters as runs of plain text: nothing from an
assessment can become a field, and only http(s) addresses become hyperlinks.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path
from typing import Any

from roam.documents.outline import (
    BulletList,
    Heading,
    Outline,
    PageBreak,
    Paragraph,
    Table,
    TableOfContents,
)
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
TOC_INSTRUCTION = 'TOC \\o "1-3" \\h \\z \\u'
HEADER_FILL = "D9E2F3"
LINK_COLOUR = "0563C1"


def docx_bytes(outline: Outline, template: Path | None = None) -> bytes:
    """The Word file of ``outline``, built on ``template``'s styles when one is given."""
    document = _open(template)
    _ensure_styles(document)
    if template is None:
        _house_style(document)
    writer = _Writer(document)
    for block in outline.blocks:
        writer.block(outline, block)
    _repeat_header_rows(document)
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
    """roam's own look, where no team template gives one: compact tables."""
    from docx.shared import Pt

    document.styles[TABLE_STYLE].font.size = Pt(9)


class _Writer:
    def __init__(self, document: Any) -> None:
        self.document = document
        # Style ids looked up once: python-docx resolves a style name by scanning every style.
        self.style_ids = {
            style.name: style.style_id for style in document.styles if style.name != "Normal"
        }
        section = document.sections[-1]
        self.text_width = section.page_width - section.left_margin - section.right_margin

    def block(self, outline: Outline, block: object) -> None:
        document = self.document
        if isinstance(block, Heading):
            self.styled(f"Heading {block.level}").add_run(block.text)
        elif isinstance(block, Paragraph):
            self.paragraph(block, _PARAGRAPH_STYLES[block.style])
        elif isinstance(block, BulletList):
            for item in block.items:
                self.paragraph(item, "List Bullet")
        elif isinstance(block, Table):
            self.table(block)
        elif isinstance(block, TableOfContents):
            self.contents(outline, block)
        elif isinstance(block, PageBreak):
            document.add_page_break()

    def paragraph(self, block: Paragraph, style: str) -> None:
        from docx.enum.text import WD_UNDERLINE
        from docx.shared import RGBColor

        paragraph = self.styled(style)
        for span in block.spans:
            if not span.text:
                continue
            run = paragraph.add_run(span.text)
            if span.bold:
                run.bold = True
            if span.italic:
                run.italic = True
            if span.link:
                run.font.color.rgb = RGBColor.from_string(LINK_COLOUR)
                run.font.underline = WD_UNDERLINE.SINGLE
                self._hyperlink(paragraph, run, span.link)

    def styled(self, style: str) -> Any:
        """A new paragraph in ``style`` (a name; Normal when unknown)."""
        paragraph = self.document.add_paragraph()
        style_id = self.style_ids.get(style)
        if style_id is not None:
            paragraph.paragraph_format.element.style = style_id
        return paragraph

    def _hyperlink(self, paragraph: Any, run: Any, address: str) -> None:
        from docx.opc.constants import RELATIONSHIP_TYPE
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        relation = self.document.part.relate_to(address, RELATIONSHIP_TYPE.HYPERLINK, True)
        link = OxmlElement("w:hyperlink")
        link.set(qn("r:id"), relation)
        link.append(run.font.element)  # Font proxies the run's w:r: the run moves inside
        paragraph.paragraph_format.element.append(link)

    def table(self, block: Table) -> None:
        widths = block.widths or (1.0,) * len(block.header)
        total = sum(widths)
        columns = [int(self.text_width * w / total) for w in widths]
        table = self.document.add_table(rows=1, cols=len(block.header))
        table.style = TABLE_STYLE
        table.autofit = False
        for column, width in zip(table.columns, columns, strict=True):
            column.width = width
        for cell, text, width in zip(table.rows[0].cells, block.header, columns, strict=True):
            cell.width = width
            cell.paragraphs[0].add_run(text).bold = True
        for values in block.rows:
            for cell, text in zip(table.add_row().cells, values, strict=True):
                if text:
                    cell.text = text

    def contents(self, outline: Outline, block: TableOfContents) -> None:
        style = "TOC Heading" if "TOC Heading" in _style_names(self.document) else "Subtitle"
        self.document.add_paragraph(block.title, style=style)
        entries = [h for h in outline.headings() if h.level <= 2]
        first = self.document.add_paragraph()
        _field_start(first, TOC_INSTRUCTION)
        last = first
        for index, heading in enumerate(entries):
            paragraph = first if index == 0 else self.document.add_paragraph()
            paragraph.paragraph_format.space_after = 0
            if heading.level > 1:
                paragraph.paragraph_format.left_indent = self.text_width // 20
            paragraph.add_run(heading.text)
            last = paragraph
        _field_end(last)


def _style_names(document: Any) -> set[str]:
    return {style.name for style in document.styles}


def _field_char(run: Any, kind: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    run.font.element.append(char)


def _field_start(paragraph: Any, instruction: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    _field_char(paragraph.add_run(), "begin")
    code = OxmlElement("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = f" {instruction} "
    paragraph.add_run().font.element.append(code)
    _field_char(paragraph.add_run(), "separate")


def _field_end(paragraph: Any) -> None:
    _field_char(paragraph.add_run(), "end")


def _repeat_header_rows(document: Any) -> None:
    """Each table's first row repeats on every page it spans, shaded as a header."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    for table in document.tables:
        # A cell's paragraph sits in its w:tc, inside the row's w:tr.
        cell = table.rows[0].cells[0].paragraphs[0].paragraph_format.element.getparent()
        tr = cell.getparent()
        tr_properties = tr.get_or_add_trPr()
        header = OxmlElement("w:tblHeader")
        tr_properties.append(header)
        for tc in tr.iterchildren(qn("w:tc")):
            shading = OxmlElement("w:shd")
            shading.set(qn("w:val"), "clear")
            shading.set(qn("w:color"), "auto")
            shading.set(qn("w:fill"), HEADER_FILL)
            tc.get_or_add_tcPr().append(shading)


def _page_numbers(document: Any) -> None:
    """A centred page number in each footer the template left empty."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    for section in document.sections:
        footer = section.footer
        if any(p.text.strip() for p in footer.paragraphs) or _has_field(footer):
            continue
        paragraph = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _field_start(paragraph, "PAGE")
        paragraph.add_run("1")
        _field_end(paragraph)


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
