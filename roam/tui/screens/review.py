"""The review view: each answer's review state and comment thread; comment and change state."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, DataTable, Label, Select, Static, TextArea

from roam.assessment.model import Answer
from roam.framework.model import ScaledIndicator
from roam.tui.labels import REVIEW_LABELS, STATUS_LABELS
from roam.tui.plain import shown
from roam.tui.session import Session
from roam.tui.widgets.key_bar import KeyBar
from roam.tui.widgets.top_bar import TopBar

if TYPE_CHECKING:
    from roam.tui.app import RoamApp


class ReviewScreen(Screen[None]):
    CSS_PATH = Path(__file__).with_name("review.tcss")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "comment", "Add comment", priority=True, id="roam.review.comment"),
        Binding("ctrl+e", "edit_answer", "Edit answer", priority=True, id="roam.review.edit"),
        Binding("escape", "app.view('walkthrough')", "Back", id="roam.review.back"),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.code: str | None = None

    def compose(self) -> ComposeResult:
        yield TopBar("Review", self.session)
        with Horizontal(id="review", classes="view-body"):
            table: DataTable[str | Text] = DataTable(id="answers", cursor_type="row")
            table.border_title = "Answers"
            yield table
            with Vertical(id="review-detail"):
                with VerticalScroll(id="review-scroll"):
                    yield Static(id="review-answer")
                    yield Static(id="thread")
                yield Label("Review state", classes="field-label")
                yield Select(
                    [(label, state) for state, label in REVIEW_LABELS.items()],
                    allow_blank=False,
                    id="state",
                    compact=True,
                )
                yield Label("Comment", classes="field-label")
                yield TextArea(id="comment", soft_wrap=True, compact=True)
                with Horizontal(classes="dialog-buttons"):
                    yield Button(
                        "Add comment (ctrl+s)", variant="primary", id="add-comment", compact=True
                    )
        yield KeyBar(classes="key-bar")

    def on_mount(self) -> None:
        table = self.query_one("#answers", DataTable)
        table.add_columns("Code", "Status", "Review", "Notes")
        for code in self.session.codes:
            table.add_row(*self._cells(code), key=code)
        app: RoamApp = self.app  # type: ignore[assignment]
        current = getattr(app.walkthrough, "code", None)
        start = self.session.codes.index(current) if current in self.session.codes else 0
        table.move_cursor(row=start)
        self.show(self.session.codes[start] if self.session.codes else None)
        table.focus()
        if self.session.read_only:
            for widget in self.query("#state, #comment, #add-comment"):
                widget.disabled = True

    def _cells(self, code: str) -> tuple[str | Text, ...]:
        answer = self.session.answer(code)
        state = answer.review.state
        style = {"queried": "bold red", "accepted": "green", "submitted": "yellow"}.get(state, "")
        comments = str(len(answer.review.thread)) if answer.review.thread else ""
        status = STATUS_LABELS[answer.status].split(" (")[0]
        return (code, status, Text(REVIEW_LABELS[state], style=style), comments)

    @on(DataTable.RowHighlighted, "#answers")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.row_key.value != self.code:
            self.show(event.row_key.value)

    def show(self, code: str | None) -> None:
        self.code = code
        if code is None:
            return
        answer = self.session.answer(code)
        self.query_one("#review-answer", Static).update(self._answer_text(code, answer))
        self.query_one("#thread", Static).update(_thread(answer))
        state = self.query_one("#state", Select)
        with self.prevent(Select.Changed):
            state.value = answer.review.state

    def _answer_text(self, code: str, answer: Answer) -> Text:
        session = self.session
        indicator = session.indicator(code)
        text = Text()
        text.append(code, style="bold")
        text.append("  " + shown(session.text(indicator.text)) + "\n", style="bold")
        text.append(STATUS_LABELS[answer.status], style="italic")
        if answer.status == "answered":
            if isinstance(indicator, ScaledIndicator) and answer.level:
                level = session.framework.scale_for(indicator).level(answer.level)
                text.append(shown(f": {session.text(level.label) if level else answer.level}"))
            elif answer.value is not None:
                unit = answer.unit or getattr(indicator, "unit", None) or ""
                year = f" ({answer.year})" if answer.year else ""
                text.append(shown(f": {answer.value:g} {unit}{year}"))
        text.append(f"; {len(answer.evidence)} evidence item(s)\n", style="dim")
        if answer.justification:
            text.append(shown(answer.justification) + "\n")
        return text

    def _refresh_row(self, code: str) -> None:
        table = self.query_one("#answers", DataTable)
        for column, value in zip(table.columns, self._cells(code), strict=True):
            table.update_cell(code, column, value)
        self.show(code)
        self.query_one(TopBar).refresh_state()

    @on(Select.Changed, "#state")
    def _state_chosen(self, event: Select.Changed) -> None:
        if self.code is None or event.value is Select.NULL:
            return
        # The Select announces its first option once mounted, after show() has set the
        # answer's own state: only a choice the widget still shows, and that differs
        # from the answer's state, is the user's.
        state = str(event.value)
        if (
            event.select.value != event.value
            or state == self.session.answer(self.code).review.state
        ):
            return
        if self.session.add_comment(self.code, "", state=state):
            self._refresh_row(self.code)
            self.notify(f"{self.code}: review state {REVIEW_LABELS.get(state, state)}")

    def action_comment(self) -> None:
        comment = self.query_one("#comment", TextArea)
        if self.code is None or not comment.text.strip():
            self.notify("Write the comment first", severity="warning")
            return
        if self.session.add_comment(self.code, comment.text):
            comment.load_text("")
            self._refresh_row(self.code)
            self.notify(f"Comment added to {self.code}")

    @on(Button.Pressed, "#add-comment")
    def _add_pressed(self) -> None:
        self.action_comment()

    def action_edit_answer(self) -> None:
        if self.code is not None:
            app: RoamApp = self.app  # type: ignore[assignment]
            app.go_to_indicator(self.code)


def _thread(answer: Answer) -> Text:
    text = Text()
    thread = answer.review.thread
    if not thread:
        text.append("No comments yet.", style="dim")
        return text
    text.append(f"Thread ({len(thread)})\n", style="bold underline")
    for comment in thread:
        text.append(shown(comment.author), style="bold")
        if comment.role:
            text.append(shown(f" ({comment.role})"), style="dim")
        text.append(f"  {comment.time:%Y-%m-%d %H:%M}\n", style="dim")
        text.append(shown(comment.text) + "\n\n")
    return text
