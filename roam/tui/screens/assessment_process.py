"""The assessment process: the research team, the MAB and the milestones."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Static

from roam.assessment.model import MabMember, Milestone, Person
from roam.tui.forms import (
    MAB_FIELDS,
    MILESTONE_FIELDS,
    PERSON_FIELDS,
    mab_row,
    milestone_row,
    person_row,
)
from roam.tui.screens.records_screen import RecordKind, RecordsScreen
from roam.tui.widgets.key_bar import KeyBar
from roam.tui.widgets.record_table import RecordTable
from roam.tui.widgets.top_bar import TopBar

TEAM = RecordKind("team", "team member", Person, PERSON_FIELDS, person_row, lambda p: p.name)
MAB = RecordKind("mab", "MAB member", MabMember, MAB_FIELDS, mab_row, lambda m: m.name)
MILESTONES = RecordKind(
    "milestones",
    "milestone",
    Milestone,
    MILESTONE_FIELDS,
    milestone_row,
    lambda m: m.kind.replace("_", " "),
)


class ProcessScreen(RecordsScreen):
    KINDS = (TEAM, MAB, MILESTONES)
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.view('walkthrough')", "Back", id="roam.process.back"),
    ]

    def compose(self) -> ComposeResult:
        yield TopBar("Process", self.session)
        with VerticalScroll(classes="view-body records"):
            yield Static("Research team", classes="section-title")
            yield RecordTable(("Name", "Role"), noun="member", id="team")
            yield Static(
                "Multistakeholder Advisory Board (MAB): oversees quality and legitimacy",
                classes="section-title",
            )
            yield RecordTable(("Name", "Organisation", "Group"), noun="MAB member", id="mab")
            yield Static("Milestones", classes="section-title")
            yield RecordTable(("Milestone", "Status", "Date", "Note"), noun="milestone",
                              id="milestones")  # fmt: skip
        yield KeyBar(classes="key-bar")
