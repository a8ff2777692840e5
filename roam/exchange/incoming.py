"""What the workbook readers hand to the importers: plain cell data, no openpyxl objects.

:mod:`roam.workbooks.liaison_review` and :mod:`roam.workbooks.filled_template_reader`
fill these from a workbook; :mod:`roam.exchange.review` (a review) and
:mod:`roam.exchange.row_checks` (a template's rows) check them against the assessment;
:mod:`roam.exchange.review` and :mod:`roam.exchange.answer_import` apply them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from roam.assessment.size_policy import person_name
from roam.exchange.read_cells import CellRef, CellValue

# Names the tools that wrote a workbook, never a person; not used as an author.
TOOL_AUTHORS = frozenset({"", "openpyxl", "roam", "microsoft office user", "unknown"})
TOOL_PREFIXES = ("roam ", "openpyxl ")  # "roam 0.1.0" is how roam's reports sign


@dataclass(frozen=True, slots=True)
class WorkbookOrigin:
    """Where the file came from: its stamp and the document properties a person leaves."""

    source: str  # the path as the user gave it
    stamp: dict[str, str]  # the roam.* key/value pairs the workbook carries
    last_modified_by: str | None = None
    modified: dt.datetime | None = None
    # False when the hidden _roam sheet is gone and only the custom properties remain.
    has_stamp_sheet: bool = True

    @property
    def person(self) -> str | None:
        """Who saved the workbook last, if a person's name is recorded."""
        name = person_name(self.last_modified_by) or ""  # a name too long is no name
        folded = name.casefold()
        if folded in TOOL_AUTHORS or folded.startswith(TOOL_PREFIXES):
            return None
        return name


@dataclass(frozen=True, slots=True)
class LiaisonRow:
    """The liaison columns of one indicator row of an exported report."""

    code: str
    code_ref: CellRef
    decision: CellValue
    comment: CellValue
    # The team's cells of the row differ from what the report wrote (its stamp's hash).
    team_edited: bool = False


@dataclass(frozen=True, slots=True)
class ReviewedWorkbook:
    origin: WorkbookOrigin
    rows: list[LiaisonRow] = field(default_factory=list)
    review_sheets: tuple[str, ...] = ()  # the sheets whose liaison columns were read


@dataclass(frozen=True, slots=True)
class EvidenceCells:
    """One evidence group of a template row."""

    kind: CellValue
    citation: CellValue
    link: CellValue
    date: CellValue

    @property
    def blank(self) -> bool:
        return all(cell.blank for cell in (self.kind, self.citation, self.link, self.date))


@dataclass(frozen=True, slots=True)
class TemplateRow:
    """The cells of one indicator row of a filled data-collection template."""

    code: CellValue
    status: CellValue
    level: CellValue
    value: CellValue
    year: CellValue
    justification: CellValue
    confidence: CellValue
    evidence: tuple[EvidenceCells, ...] = ()

    def inputs(self) -> list[CellValue]:
        cells = [
            self.status,
            self.level,
            self.value,
            self.year,
            self.justification,
            self.confidence,
        ]
        for group in self.evidence:
            cells += [group.kind, group.citation, group.link, group.date]
        return cells

    @property
    def blank(self) -> bool:
        """Nothing was entered in the row's input cells."""
        return all(cell.blank for cell in self.inputs())


@dataclass(frozen=True, slots=True)
class FilledTemplate:
    origin: WorkbookOrigin
    contributor: str | None  # as typed on the instructions sheet
    rows: list[TemplateRow] = field(default_factory=list)
