"""The data-collection template's layout, shared by its writer and its reader.

Sheet names, the keys of the hidden ``_roam`` stamp, the header row and the columns:
:mod:`roam.workbooks.template_writer` writes them and
:mod:`roam.workbooks.filled_template_reader` finds them again.
"""

from __future__ import annotations

from dataclasses import dataclass

from roam.exchange.origin import TEMPLATE_FORMAT_KEY

TEMPLATE_FORMAT = 1
FORMAT_KEY = TEMPLATE_FORMAT_KEY
SHEET_KEY = "roam.template.sheet"
HEADER_ROW_KEY = "roam.template.header_row"
COLUMNS_KEY = "roam.template.columns"
CONTRIBUTOR_KEY = "roam.template.contributor_cell"
ORGANISATION_KEY = "roam.template.organisation_cell"

INSTRUCTIONS_SHEET = "Instructions"
ANSWERS_SHEET = "Answers"
LISTS_SHEET = "Lists"
HEADER_ROW = 3
EVIDENCE_GROUPS = 3


@dataclass(frozen=True, slots=True)
class Column:
    key: str
    header: str
    width: float
    is_input: bool = False


_FIXED_COLUMNS = (
    Column("code", "Code", 10),
    # Code to team's answer make the first printed page across: A4 landscape at 100 %.
    Column("indicator", "Indicator", 36),
    Column("guidance", "Question and guidance", 36),
    Column("scale", "Scale or unit", 30),
    # What the team has now: answering again differs from it on purpose, not by accident.
    Column("current", "Team's answer now", 20),
    Column("status", "Status", 15, True),
    Column("level", "Level", 14, True),
    Column("value", "Value", 11, True),
    Column("year", "Year", 8, True),
    Column("justification", "Justification", 44, True),
    Column("confidence", "Confidence", 11, True),
)
_EVIDENCE_PARTS = (
    ("kind", "kind", 16),
    ("citation", "citation", 32),
    ("link", "link", 26),
    ("date", "date published", 13),
)
COLUMNS: tuple[Column, ...] = _FIXED_COLUMNS + tuple(
    Column(f"evidence{group}.{part}", f"Evidence {group} {header}", width, True)
    for group in range(1, EVIDENCE_GROUPS + 1)
    for part, header, width in _EVIDENCE_PARTS
)
COLUMN_NUMBER = {column.key: number for number, column in enumerate(COLUMNS, start=1)}
