"""Choose the workbook to import: a liaison's review, or a filled data-collection template."""

from __future__ import annotations

from pathlib import Path
from typing import cast

from textual.app import ComposeResult
from textual.widgets import Input, Label

from roam.tui.import_request import ImportKind, ImportRequest, Keep
from roam.tui.screens.open_file import FilePicker
from roam.tui.widgets.choice_set import ChoiceSet

KEEP_CHOICES: list[tuple[str, str | None]] = [
    ("Ask the team (keep both)", None),
    ("Keep mine", "mine"),
    ("Take theirs", "theirs"),
]
_WHO = {
    "review": ("Reviewer (blank: who saved the workbook last)", "e.g. Marie Dupont"),
    "answers": ("Contributor (blank: the name the workbook gives)", "e.g. Amina Odhiambo"),
}
_TITLES = {
    "review": "Import a liaison's review (a report made by roam, filled in)",
    "answers": "Import a filled data-collection template",
    "open_data": "Pre-fill from open data (World Bank CSV or ZIP, or a tidy CSV)",
}
_SUFFIXES = {"review": (".xlsx",), "answers": (".xlsx",), "open_data": (".csv", ".zip")}


class ImportFileScreen(FilePicker[ImportRequest]):
    """The workbook, who made it, and (for answers) what to do when answers differ."""

    placeholder = "path/to/workbook.xlsx"
    action_label = "Preview"
    suffixes: tuple[str, ...] = (".xlsx",)

    def __init__(self, kind: ImportKind, folder: Path | None = None) -> None:
        super().__init__(folder)
        self.kind = kind
        self.title_text = _TITLES[kind]
        self.suffixes = _SUFFIXES[kind]
        if kind == "open_data":
            self.placeholder = "path/to/API_IT.NET.USER.ZS_DS2_en_csv_v2.zip"

    def compose_options(self) -> ComposeResult:
        if self.kind in _WHO:
            label, example = _WHO[self.kind]
            yield Label(label, classes="field-label")
            yield Input(placeholder=example, id="who", compact=True)
        if self.kind != "review":
            yield Label("Answers that differ from the assessment's", classes="field-label")
            yield ChoiceSet(KEEP_CHOICES, id="keep", horizontal=True)

    def on_mount(self) -> None:
        super().on_mount()
        if self.kind != "review":
            self.query_one("#keep", ChoiceSet).show(None)

    def result(self, path: Path) -> ImportRequest:
        who = self.query_one("#who", Input).value.strip() or None if self.kind in _WHO else None
        keep = self.query_one("#keep", ChoiceSet).chosen if self.kind != "review" else None
        return ImportRequest(self.kind, path, who=who, keep=cast("Keep | None", keep))
