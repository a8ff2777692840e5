"""What the recommendations and process screens share: lists of records edited in a form."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from textual import on

from roam.assessment.model import Assessment
from roam.tui.forms import FormField
from roam.tui.roam_screen import RoamScreen
from roam.tui.screens.dialogs import ConfirmScreen
from roam.tui.screens.record_form import Check, RecordForm
from roam.tui.session import Session
from roam.tui.widgets.record_table import RecordTable
from roam.tui.widgets.top_bar import TopBar


@dataclass(frozen=True, slots=True)
class RecordKind:
    """One list of the record: where it lives, its form, and how a row shows."""

    attribute: str  # the Assessment field holding the list
    noun: str
    model: type[BaseModel]
    fields: Sequence[FormField]
    row: Callable[[Any], Sequence[str]]
    describe: Callable[[Any], str]
    new: Callable[[Session, str | None], dict[str, Any]] = lambda session, code: {}
    check: Callable[[Session, int | None], Check] | None = None


class RecordsScreen(RoamScreen[None]):
    """Base for screens made of RecordTables whose ids are the kinds' attributes."""

    CSS_PATH = Path(__file__).with_name("records.tcss")

    KINDS: Sequence[RecordKind] = ()

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session

    def kind(self, attribute: str) -> RecordKind:
        return next(kind for kind in self.KINDS if kind.attribute == attribute)

    def items(self, kind: RecordKind) -> list[Any]:
        return list(getattr(self.session.assessment, kind.attribute))

    def on_mount(self) -> None:
        for kind in self.KINDS:
            self.refresh_table(kind)
            if self.session.read_only:
                self.query_one(f"#{kind.attribute}", RecordTable).query("Button").set(disabled=True)
        self.query(RecordTable).first().table.focus()

    def refresh_table(self, kind: RecordKind) -> None:
        rows = [kind.row(item) for item in self.items(kind)]
        self.query_one(f"#{kind.attribute}", RecordTable).set_rows(rows)

    @on(RecordTable.Requested)
    def _requested(self, event: RecordTable.Requested) -> None:
        event.stop()
        if self.session.read_only:
            self.notify("Opened read-only: nothing can be changed.", severity="warning")
            return
        kind = self.kind(event.table.id or "")
        if event.action == "remove" and event.index is not None:
            self._remove(kind, event.index)
        else:
            self.open_form(kind, event.index if event.action == "edit" else None)

    def open_form(self, kind: RecordKind, index: int | None) -> None:
        """Add a record (``index`` None) or edit the one at ``index``."""
        items = self.items(kind)
        current = getattr(self.roam_app.walkthrough, "code", None)
        initial: BaseModel | dict[str, Any] = (
            items[index] if index is not None else kind.new(self.session, current)
        )
        title = f"{'Edit' if index is not None else 'Add'} {kind.noun}"
        check = kind.check(self.session, index) if kind.check is not None else None

        def stored(record: BaseModel | None) -> None:
            if record is None:
                return

            def change(assessment: Assessment) -> None:
                records = getattr(assessment, kind.attribute)
                if index is None:
                    records.append(record)
                else:
                    records[index] = record

            self._store(kind, change)

        self.app.push_screen(RecordForm(title, kind.fields, kind.model, initial, check), stored)

    def _remove(self, kind: RecordKind, index: int) -> None:
        item = self.items(kind)[index]

        def confirmed(yes: bool | None) -> None:
            if yes:
                self._store(kind, lambda assessment: getattr(assessment, kind.attribute).pop(index))

        self.app.push_screen(ConfirmScreen(f"Remove {kind.noun} {kind.describe(item)}?"), confirmed)

    def _store(self, kind: RecordKind, change: Callable[[Assessment], object]) -> None:
        self.session.edit_record(change)
        self.refresh_table(kind)
        self.query_one(TopBar).refresh_state()
        if self.session.save_state == "failed":
            self.notify(self.session.save_advice, title="Not saved", severity="error", timeout=10)
