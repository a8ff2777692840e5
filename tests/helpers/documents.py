"""Reading a drafted Word document back: its body lines under their headings, its text."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from click.testing import CliRunner, Result
from docx import Document

from roam.assessment.model import Assessment
from roam.cli import main
from roam.documents.draft import write_draft
from roam.framework import Framework

# A team's overlay of the mini edition quoting UNESCO's wording for R.A.1 and R.A.1.a.
OFFICIAL_QUESTION = "Official wording of the law question, as the team copied it."
OFFICIAL_INDICATOR = "Official wording of the law indicator."
OVERLAY = f"""\
edition: {{id: mini, version: "1.0"}}
source: {{title: A publication, year: 2019}}
items:
  - code: R.A.1
    unesco_ref: R.1
    text: {{en: "{OFFICIAL_QUESTION}", fr: "Formulation officielle de la question."}}
    page: 12
  - code: R.A.1.a
    unesco_ref: R.1.1
    text: "{OFFICIAL_INDICATOR}"
"""

GENERATED = dt.datetime(2024, 6, 1, 12, 0, tzinfo=dt.UTC)
# The draft's chapters of the mini assessment, in order.
CHAPTERS = [
    "Executive summary",
    "Introduction and method",
    "National context",
    "R Rights",
    "O Openness",
    "Recommendations",
    "Annexes",
]


@dataclass(frozen=True)
class Line:
    """One paragraph of the body, with its style and the headings it sits under."""

    style: str
    text: str
    chapter: str  # the Heading 1 above it
    section: str  # the Heading 2 above it ("" before the first)
    subsection: str  # the Heading 3 above it


def body_lines(path: Path) -> list[Line]:
    document = Document(str(path))
    lines = []
    chapter = section = subsection = ""
    for paragraph in document.paragraphs:
        style = paragraph.style.name if paragraph.style is not None else ""
        if style == "Heading 1":
            chapter, section, subsection = paragraph.text, "", ""
        elif style == "Heading 2":
            section, subsection = paragraph.text, ""
        elif style == "Heading 3":
            subsection = paragraph.text
        lines.append(Line(style, paragraph.text, chapter, section, subsection))
    return lines


def all_text(path: Path) -> str:
    """Every paragraph and table cell of the document, one per line."""
    document = Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts += [cell.text for cell in row.cells]
    return "\n".join(parts)


def draft(assessment: Assessment, framework: Framework, path: Path, **options: object) -> Path:
    return write_draft(assessment, path, framework=framework, generated=GENERATED, **options)  # type: ignore[arg-type]


def run(*args: str) -> Result:
    """roam's command line as a user runs it (an exception ends it, as in a terminal)."""
    return CliRunner().invoke(main, list(args))
