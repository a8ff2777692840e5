"""Recommendations to stakeholder groups, each linked to the indicators behind it."""

from __future__ import annotations

from typing import ClassVar

from pydantic import BaseModel
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import DataTable, Static

from roam.assessment.model import Recommendation
from roam.tui.forms import RECOMMENDATION_FIELDS, recommendation_row
from roam.tui.labels import GROUP_LABELS
from roam.tui.plain import shown
from roam.tui.screens.records_screen import RecordKind, RecordsScreen
from roam.tui.session import Session
from roam.tui.widgets.key_bar import KeyBar
from roam.tui.widgets.record_table import RecordTable
from roam.tui.widgets.top_bar import TopBar

_COLUMNS = ("Id", "Priority", "Indicators", "Addressed to", "Recommendation")


def _new(session: Session, code: str | None) -> dict[str, object]:
    """A fresh id, and the indicator being worked on as the first link."""
    taken = {r.id for r in session.assessment.recommendations}
    number = len(taken) + 1
    while f"REC-{number}" in taken:
        number += 1
    return {"id": f"REC-{number}", "indicators": [code] if code else []}


def _check(session: Session, index: int | None) -> object:
    def check(record: BaseModel) -> dict[str, str]:
        assert isinstance(record, Recommendation)
        problems: dict[str, str] = {}
        unknown = [code for code in record.indicators if code not in session.framework.places]
        if unknown:
            problems["indicators"] = f"not indicator codes of this framework: {', '.join(unknown)}"
        others = [r.id for i, r in enumerate(session.assessment.recommendations) if i != index]
        if record.id in others:
            problems["id"] = f"{record.id} is already used by another recommendation"
        return problems

    return check


RECOMMENDATIONS = RecordKind(
    attribute="recommendations",
    noun="recommendation",
    model=Recommendation,
    fields=RECOMMENDATION_FIELDS,
    row=recommendation_row,
    describe=lambda r: r.id,
    new=_new,
    check=_check,  # type: ignore[arg-type]
)


class RecommendationsScreen(RecordsScreen):
    KINDS = (RECOMMENDATIONS,)
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.view('walkthrough')", "Back", id="roam.recommendations.back"),
    ]

    def compose(self) -> ComposeResult:
        yield TopBar("Recommendations", self.session)
        with Vertical(classes="view-body records"):
            yield Static(
                "To stakeholder groups, each linked to the indicators it answers.",
                classes="hint",
            )
            yield RecordTable(_COLUMNS, noun="recommendation", id="recommendations",
                              classes="fill")  # fmt: skip
            # The table cuts long texts; the highlighted one is shown here in full.
            yield Static(id="recommendation-detail", classes="record-detail")
        yield KeyBar(classes="key-bar")

    def refresh_table(self, kind: RecordKind) -> None:
        super().refresh_table(kind)
        self._show_detail(self.query_one(RecordTable).table.cursor_row)

    @on(DataTable.RowHighlighted)
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_detail(event.cursor_row)

    def _show_detail(self, row: int) -> None:
        items = self.session.assessment.recommendations
        detail = self.query_one("#recommendation-detail", Static)
        if not 0 <= row < len(items):
            detail.update("Nothing yet: a adds a recommendation.")
            return
        item = items[row]
        text = Text()
        text.append(shown(item.id), style="bold")
        text.append(f" · priority {item.priority}")
        if item.groups:
            text.append(" · to " + ", ".join(GROUP_LABELS[g] for g in item.groups))
        if item.indicators:
            text.append(" · indicators " + shown(", ".join(item.indicators)))
        text.append("\n" + shown(item.text))
        detail.update(text)
