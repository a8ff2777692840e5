"""The outline as Markdown (CommonMark with pipe tables), for teams who write in Git or Pandoc.

Text from the assessment is escaped so that it stays text: no markup, no HTML,
no links other than the http(s) addresses the outline marks as links.
"""

from __future__ import annotations

import re

from roam.documents.outline import (
    BulletList,
    Heading,
    Outline,
    PageBreak,
    Paragraph,
    Span,
    Table,
    TableOfContents,
)

# Every character that can start markup inside a line, escaped wherever it appears.
_INLINE = re.compile(r"([\\`*_{}\[\]<>#|~&$])")
# What starts a block at the beginning of a line: headings, quotes, lists, rules, tables.
_LINE_START = re.compile(r"^(\s*)([-+=>])")
_NUMBERED = re.compile(r"^(\s*\d+)([.)])")


def escape(text: str) -> str:
    escaped = _INLINE.sub(r"\\\1", text)
    escaped = _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), escaped)
    return _NUMBERED.sub(lambda m: m.group(1) + "\\" + m.group(2), escaped)


def _span(span: Span) -> str:
    if span.link:
        # The address is checked http(s) with no spaces; angle brackets keep it one link.
        return f"<{span.link}>"
    text = escape(span.text)
    if not text.strip():
        return text
    if span.reference is not None:
        return f"[\\[{span.reference}\\]](#ref-{span.reference})"
    if span.bold:
        text = f"**{text.strip()}**" + (" " if text.endswith(" ") else "")
    if span.italic:
        text = f"*{text.strip()}*" + (" " if text.endswith(" ") else "")
    return text


def _paragraph(paragraph: Paragraph) -> str:
    text = "".join(_span(span) for span in paragraph.spans).strip()
    if paragraph.style == "title":
        return f"# {text}"
    if paragraph.style == "subtitle":
        return f"**{text}**"
    if paragraph.style == "placeholder" and text.startswith("\\[Team:") and text.endswith("\\]"):
        # The marker stays searchable as typed; what it encloses is escaped like any text,
        # and with no link definitions anywhere, "[...]" alone is never a link.
        return f"*[{text[2:-2]}]*"
    if paragraph.style in ("note", "placeholder"):
        return f"*{text}*"
    if paragraph.style == "reference":
        number = next((s.text for s in paragraph.spans if s.text.startswith("[")), "")
        anchor = number.strip("[] ")
        return f'<a id="ref-{anchor}"></a>{text}' if anchor.isdigit() else text
    return text


def _cell(text: str) -> str:
    return escape(text) or " "


def _table(table: Table) -> str:
    lines = [
        "| " + " | ".join(_cell(h) for h in table.header) + " |",
        "|" + "|".join("---" for _ in table.header) + "|",
    ]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in table.rows]
    return "\n".join(lines)


def _toc(outline: Outline, block: TableOfContents) -> str:
    lines = [f"**{escape(block.title)}**", ""]
    for heading in outline.headings():
        if heading.level <= 2:
            lines.append("  " * (heading.level - 1) + f"- {escape(heading.text)}")
    return "\n".join(lines)


def markdown_text(outline: Outline) -> str:
    parts: list[str] = []
    for block in outline.blocks:
        if isinstance(block, Heading):
            # Level 1 is the title's; the report's chapters start at level 2.
            parts.append("#" * (block.level + 1) + " " + escape(block.text))
        elif isinstance(block, Paragraph):
            parts.append(_paragraph(block))
        elif isinstance(block, BulletList):
            parts.append("\n".join(f"- {_paragraph(item)}" for item in block.items))
        elif isinstance(block, Table):
            parts.append(_table(block))
        elif isinstance(block, TableOfContents):
            parts.append(_toc(outline, block))
        elif isinstance(block, PageBreak):
            continue
    return "\n\n".join(parts) + "\n"


def markdown_bytes(outline: Outline) -> bytes:
    return markdown_text(outline).encode("utf-8")
