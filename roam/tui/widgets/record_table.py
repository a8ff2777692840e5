"""A list of records (evidence, people, milestones, recommendations) with add, edit, remove.

The table only shows rows and says what the user asked for; the screen that
owns the records opens the form and stores the change through the session.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Button, DataTable, Static

from roam.tui.plain import plain

Cell = str | Text


class RecordTable(Vertical):
    """A DataTable of records with Add / Edit / Remove buttons and keys."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a,insert", "request('add')", "Add", id="roam.records.add"),
        Binding("e", "request('edit')", "Edit", id="roam.records.edit"),
        Binding("delete,x", "request('remove')", "Remove", id="roam.records.remove"),
    ]

    class Requested(Message):
        """The user asked to add a record, or to edit or remove the one at ``index``."""

        def __init__(self, table: RecordTable, action: str, index: int | None) -> None:
            super().__init__()
            self.table = table
            self.action = action
            self.index = index

        @property
        def control(self) -> RecordTable:
            return self.table

    def __init__(
        self,
        columns: Sequence[str],
        *,
        noun: str,
        id: str | None = None,
        classes: str = "",
        links: bool = False,
    ) -> None:
        super().__init__(id=id, classes=f"record-table {classes}".strip())
        self.columns = list(columns)
        self.noun = noun
        self.row_count = 0
        # Links instead of buttons: one line, and no Button (whose stylesheet is
        # the largest of Textual's) on the walkthrough.
        self.links = links
        self._had_rows = False

    def compose(self) -> ComposeResult:
        table: DataTable[Cell] = DataTable(cursor_type="row", zebra_stripes=True)
        table.add_columns(*self.columns)
        yield table
        if self.links:
            yield ActionLinks(self._links(), classes="record-links")
            return
        with Horizontal(classes="record-buttons"):
            yield Button(f"Add {self.noun}", id="add", compact=True)
            yield Button("Edit", id="edit", compact=True)
            yield Button("Remove", id="remove", compact=True)

    def _links(self) -> Content:
        parts = [f"[@click=request('add')]+ Add {self.noun} (a)[/]"]
        if self.row_count:
            parts += [
                "[@click=request('edit')]Edit (e)[/]",
                "[@click=request('remove')]Remove (x)[/]",
            ]
        return Content.from_markup("   ".join(parts))

    @property
    def table(self) -> DataTable[Cell]:
        return self.query_one(DataTable)

    def set_rows(self, rows: Sequence[Sequence[Cell]]) -> None:
        table = self.table
        keep = table.cursor_row
        table.clear()
        for row in rows:
            # A str cell would be read as markup: records are what people typed.
            table.add_row(*(plain(cell) if isinstance(cell, str) else cell for cell in row))
        self.row_count = len(rows)
        if rows:
            table.move_cursor(row=min(keep, len(rows) - 1))
        if self.links:
            if bool(rows) != self._had_rows:  # Edit and Remove come and go with the rows
                self._had_rows = bool(rows)
                self.query_one(ActionLinks).update(self._links())
            return
        self.query_one("#edit", Button).disabled = not rows
        self.query_one("#remove", Button).disabled = not rows

    def action_request(self, action: str) -> None:
        if action == "add":
            self.post_message(self.Requested(self, "add", None))
        elif self.row_count:
            self.post_message(self.Requested(self, action, self.table.cursor_row))

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id is not None:
            self.action_request(event.button.id)

    @on(DataTable.RowSelected)
    def _row_chosen(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_request("edit")


class ActionLinks(Static):
    """Add / Edit / Remove as links on one line; a click asks the table, as a key does."""

    def action_request(self, action: str) -> None:
        table = self.parent
        if isinstance(table, RecordTable):
            table.action_request(action)
