"""The outline's blocks as WordprocessingML, the XML of a Word document's body.

The body is written as one XML text and parsed once: python-docx builds each
element through Python objects, which made the draft of a full assessment take
longer than the Excel export.  Every piece of text is escaped here, and only
runs of text are written, so nothing from an assessment can become a field or
markup; the only fields are the table of contents this module writes itself.
"""

from __future__ import annotations

from collections.abc import Callable
from xml.sax.saxutils import escape, quoteattr

from roam.documents.outline import (
    Block,
    BulletList,
    Heading,
    Outline,
    PageBreak,
    Paragraph,
    Span,
    Table,
    TableOfContents,
)

TOC_INSTRUCTION = 'TOC \\o "1-3" \\h \\z \\u'
HEADER_FILL = "D9E2F3"
LINK_COLOUR = "0563C1"
TOC_INDENT = 360  # twips: a second-level entry of the pre-filled contents

Relate = Callable[[str], str]  # an http(s) address -> the relationship id of its link


class BodyWriter:
    """Writes blocks as XML text; ``style_ids`` maps style names to the document's ids."""

    def __init__(self, style_ids: dict[str, str], text_width: int, relate: Relate) -> None:
        self.style_ids = style_ids
        self.text_width = text_width  # twips
        self.relate = relate
        self.parts: list[str] = []

    def xml(self) -> str:
        return "".join(self.parts)

    def write(self, outline: Outline, styles: dict[str, str]) -> None:
        """``styles`` maps the outline's paragraph styles to style names."""
        for block in outline.blocks:
            self.block(outline, block, styles)

    def block(self, outline: Outline, block: Block, styles: dict[str, str]) -> None:
        if isinstance(block, Heading):
            self.paragraph((Span(block.text),), f"Heading {block.level}")
        elif isinstance(block, Paragraph):
            self.paragraph(block.spans, styles[block.style])
        elif isinstance(block, BulletList):
            for item in block.items:
                self.paragraph(item.spans, "List Bullet")
        elif isinstance(block, Table):
            self.table(block)
        elif isinstance(block, TableOfContents):
            self.contents(outline, block)
        elif isinstance(block, PageBreak):
            self.parts.append('<w:p><w:r><w:br w:type="page"/></w:r></w:p>')

    def _properties(self, style: str, extra: str = "") -> str:
        style_id = self.style_ids.get(style)
        inner = (f"<w:pStyle w:val={quoteattr(style_id)}/>" if style_id else "") + extra
        return f"<w:pPr>{inner}</w:pPr>" if inner else ""

    def paragraph(self, spans: tuple[Span, ...], style: str, extra: str = "") -> None:
        runs = "".join(self.run(span) for span in spans if span.text)
        self.parts.append(f"<w:p>{self._properties(style, extra)}{runs}</w:p>")

    def run(self, span: Span) -> str:
        formats = ("<w:b/>" if span.bold else "") + ("<w:i/>" if span.italic else "")
        if span.link:
            formats += f'<w:color w:val="{LINK_COLOUR}"/><w:u w:val="single"/>'
        run = _run(span.text, formats)
        if span.link:
            return f"<w:hyperlink r:id={quoteattr(self.relate(span.link))}>{run}</w:hyperlink>"
        return run

    def table(self, block: Table) -> None:
        widths = block.widths or (1.0,) * len(block.header)
        total = sum(widths)
        columns = [int(self.text_width * w / total) for w in widths]
        style_id = self.style_ids.get("Table Grid")
        style = f"<w:tblStyle w:val={quoteattr(style_id)}/>" if style_id else ""
        parts = [
            f'<w:tbl><w:tblPr>{style}<w:tblW w:w="{sum(columns)}" w:type="dxa"/>'
            '<w:tblLayout w:type="fixed"/>'
            '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" '
            'w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>',
            *(f'<w:gridCol w:w="{width}"/>' for width in columns),
            "</w:tblGrid>",
            # The header row repeats on every page the table spans, shaded as a header.
            "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>",
        ]
        for text, width in zip(block.header, columns, strict=True):
            parts.append(
                f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>'
                f'<w:shd w:val="clear" w:color="auto" w:fill="{HEADER_FILL}"/></w:tcPr>'
                f"<w:p>{_run(text, '<w:b/>')}</w:p></w:tc>"
            )
        parts.append("</w:tr>")
        for row in block.rows:
            parts.append("<w:tr>")
            for text, width in zip(row, columns, strict=True):
                content = _run(text, "") if text else ""
                parts.append(
                    f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>'
                    f"<w:p>{content}</w:p></w:tc>"
                )
            parts.append("</w:tr>")
        parts.append("</w:tbl>")
        self.parts.append("".join(parts))

    def contents(self, outline: Outline, block: TableOfContents) -> None:
        """A TOC field, pre-filled with the chapter titles for programs that do not update it."""
        title_style = "TOC Heading" if "TOC Heading" in self.style_ids else "Subtitle"
        self.paragraph((Span(block.title),), title_style)
        entries = [h for h in outline.headings() if h.level <= 2] or [Heading(1, block.title)]
        begin = (
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            '<w:r><w:instrText xml:space="preserve"> '
            f"{escape(TOC_INSTRUCTION)} </w:instrText></w:r>"
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        )
        end = '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        for index, heading in enumerate(entries):
            indent = f'<w:ind w:left="{TOC_INDENT}"/>' if heading.level > 1 else ""
            spacing = f'<w:pPr><w:spacing w:after="0"/>{indent}</w:pPr>'
            runs = (begin if index == 0 else "") + _run(heading.text, "")
            runs += end if index == len(entries) - 1 else ""
            self.parts.append(f"<w:p>{spacing}{runs}</w:p>")


def _run(text: str, formats: str) -> str:
    properties = f"<w:rPr>{formats}</w:rPr>" if formats else ""
    return f'<w:r>{properties}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'
