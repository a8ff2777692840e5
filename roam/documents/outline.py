"""The neutral outline of a document: headings, paragraphs, lists, tables, references.

The draft is built as this outline first, with no word-processor library involved;
:mod:`roam.documents.docx_writer` and :mod:`roam.documents.markdown_writer` write it.
Every piece of text that enters an outline passes through :func:`inert`, so text
from an assessment file can never carry characters that break a document's XML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

# Characters XML 1.0 forbids, plus the other C0/C1 controls and the Unicode
# non-characters: none belongs in a report, and some make python-docx's XML invalid.
_NOT_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
# Runs of white space become one space; no-break spaces stay (French writes "1 500").
_SPACES = re.compile(r"[^\S\u00a0\u202f]+")
SAFE_LINK_SCHEMES = ("http://", "https://")

ParagraphStyle = Literal["body", "placeholder", "note", "reference", "title", "subtitle"]


def inert(text: str, *, strip: bool = True) -> str:
    """``text`` without control characters; each run of white space becomes one space."""
    cleaned = _SPACES.sub(" ", _NOT_TEXT.sub("", text))
    return cleaned.strip() if strip else cleaned


def safe_link(location: str) -> str | None:
    """``location`` when it is an http(s) address a reader may follow; otherwise None."""
    candidate = inert(location)
    lowered = candidate.lower()
    if lowered.startswith(SAFE_LINK_SCHEMES) and " " not in candidate and len(candidate) > 8:
        return candidate
    return None


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of a paragraph; ``reference`` is a number of the bibliography, cited here."""

    text: str = ""
    bold: bool = False
    italic: bool = False
    reference: int | None = None
    link: str | None = None  # an http(s) address, already checked by safe_link

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", inert(self.text, strip=False))


@dataclass(frozen=True, slots=True)
class Heading:
    level: int  # 1 = chapter, 2 = section, 3 = subsection
    text: str
    numbered: bool = True

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", inert(self.text))


@dataclass(frozen=True, slots=True)
class Paragraph:
    spans: tuple[Span, ...]
    style: ParagraphStyle = "body"

    @property
    def text(self) -> str:
        return "".join(span.text for span in self.spans)


@dataclass(frozen=True, slots=True)
class BulletList:
    items: tuple[Paragraph, ...]


@dataclass(frozen=True, slots=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...] = ()  # relative column widths; empty means equal

    def __post_init__(self) -> None:
        object.__setattr__(self, "header", tuple(inert(h) for h in self.header))
        object.__setattr__(
            self, "rows", tuple(tuple(inert(cell) for cell in row) for row in self.rows)
        )


@dataclass(frozen=True, slots=True)
class TableOfContents:
    title: str


@dataclass(frozen=True, slots=True)
class PageBreak:
    pass


Block = Heading | Paragraph | BulletList | Table | TableOfContents | PageBreak


@dataclass(frozen=True, slots=True)
class Properties:
    """What a word processor shows under File > Properties."""

    title: str
    subject: str
    author: str
    keywords: str
    comments: str
    language: str

    def __post_init__(self) -> None:
        for name in ("title", "subject", "author", "keywords", "comments", "language"):
            object.__setattr__(self, name, inert(getattr(self, name)))


@dataclass(slots=True)
class Outline:
    properties: Properties
    blocks: list[Block] = field(default_factory=list)

    def add(self, *blocks: Block) -> None:
        self.blocks.extend(blocks)

    def headings(self) -> list[Heading]:
        return [block for block in self.blocks if isinstance(block, Heading)]


def para(*parts: str | Span, style: ParagraphStyle = "body") -> Paragraph:
    """A paragraph of plain strings and spans."""
    return Paragraph(tuple(part if isinstance(part, Span) else Span(part) for part in parts), style)
