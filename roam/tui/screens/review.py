"""The review view: each answer's review state and comment thread; comment and change state."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, DataTable, Label, Select, Static, TextArea

from roam.assessment.model import Answer
from roam.assessment.rejection import is_rejected
from roam.framework.model import ScaledIndicator
from roam.tui.labels import REVIEW_LABELS, STATUS_LABELS
from roam.tui.plain import shown
from roam.tui.roam_screen import RoamScreen
from roam.tui.session import Session
from roam.tui.widgets.key_bar import KeyBar
from roam.tui.widgets.top_bar import TopBar

# The rows the table can show, ctrl+l going from one to the next; the first is the default.
REVIEW_FILTERS: dict[str, str] = {
    "assessed": "Assessed",
    "queried": "Queried",
    "rejected": "Rejected",
    "changed": "Changed since review",
    "commented": "With comments",
    "all": "All, not assessed too",
}


def changed_since_review(answer: Answer) -> bool:
    """Whether the answer was edited after its last review (a state change or a comment).

    The history is in the order of the edits, so an edit logged after the last
    review state change came after it even within the same second; a comment
    alone is placed by its time.
    """
    history = answer.history
    states = [i for i, change in enumerate(history) if change.field.startswith("review")]
    edits = [i for i, change in enumerate(history) if not change.field.startswith("review")]
    if states and edits and edits[-1] > states[-1]:
        commented = [_utc(comment.time) for comment in answer.review.thread]
        last_edit = _utc(history[edits[-1]].time)
        return not commented or last_edit >= max(commented)
    commented = [_utc(comment.time) for comment in answer.review.thread]
    return bool(commented and edits) and _utc(history[edits[-1]].time) > max(commented)


def _utc(time: dt.datetime) -> dt.datetime:
    """A time without a zone (a hand-edited file) is read as UTC, so that times compare."""
    return time if time.tzinfo is not None else time.replace(tzinfo=dt.UTC)


def passes(answer: Answer, name: str) -> bool:
    """Whether ``answer`` is a row of filter ``name`` (a key of REVIEW_FILTERS)."""
    if name == "assessed":
        return answer.status != "not_assessed"
    if name == "queried":
        return answer.review.state == "queried"
    if name == "rejected":
        return is_rejected(answer)
    if name == "changed":
        return changed_since_review(answer)
    if name == "commented":
        return bool(answer.review.thread)
    return True


class ReviewScreen(RoamScreen[None]):
    CSS_PATH = Path(__file__).with_name("review.tcss")
    BINDINGS: ClassVar[list[BindingType]] = [
        # Short words: with the app's keys, all four fit an 80-column footer.
        Binding("ctrl+s", "comment", "Comment", priority=True, id="roam.review.comment"),
        Binding("ctrl+e", "edit_answer", "Edit", priority=True, id="roam.review.edit"),
        Binding("ctrl+l", "next_filter", "Filter", priority=True, id="roam.review.filter"),
        Binding("escape", "app.view('walkthrough')", "Back", id="roam.review.back"),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.code: str | None = None
        self.filter_name = next(iter(REVIEW_FILTERS))

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
        table.add_columns("Code", "Status", "Review", "Comments")
        app = self.roam_app
        if not self.shown_codes:  # nothing assessed yet: every indicator rather than none
            self.filter_name = "all"
        self._fill(getattr(app.walkthrough, "code", None))
        table.focus()
        if self.session.read_only:
            for widget in self.query("#state, #comment, #add-comment"):
                widget.disabled = True

    @property
    def shown_codes(self) -> list[str]:
        """The codes of the rows, in framework order, that pass the filter."""
        session = self.session
        return [code for code in session.codes if passes(session.answer(code), self.filter_name)]

    def _fill(self, current: str | None) -> None:
        """Rows for the filter; the cursor on ``current`` when it is one of them."""
        table = self.query_one("#answers", DataTable)
        table.clear()
        codes = self.shown_codes
        for code in codes:
            table.add_row(*self._cells(code), key=code)
        label = REVIEW_FILTERS[self.filter_name]
        table.border_title = f"{label} ({len(codes)}) · ctrl+l: filter"
        start = codes.index(current) if current in codes else 0
        if codes:
            table.move_cursor(row=start)
        self.show(codes[start] if codes else None)

    def action_next_filter(self) -> None:
        names = list(REVIEW_FILTERS)
        self.filter_name = names[(names.index(self.filter_name) + 1) % len(names)]
        self._fill(self.code)

    def _cells(self, code: str) -> tuple[str | Text, ...]:
        answer = self.session.answer(code)
        state = answer.review.state
        style = {"queried": "bold red", "accepted": "green", "submitted": "yellow"}.get(state, "")
        comments = str(len(answer.review.thread)) if answer.review.thread else ""
        status = STATUS_LABELS[answer.status].split(" (")[0]
        # A standing rejection is queried with the liaison's stronger word (no wider than
        # the states, so the Comments column stays in view).
        review = "Rejected" if is_rejected(answer) else REVIEW_LABELS[state]
        return (code, status, Text(review, style=style), comments)

    @on(DataTable.RowHighlighted, "#answers")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.row_key.value != self.code:
            self.show(event.row_key.value)

    def show(self, code: str | None) -> None:
        self.code = code
        if code is None:
            self.query_one("#review-answer", Static).update("No answer passes this filter.")
            self.query_one("#thread", Static).update("")
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
        code = self.code

        def signed(who: str) -> None:
            if self.session.add_comment(code, "", state=state):
                self._refresh_row(code)
                self.notify(f"{code}: review state {REVIEW_LABELS.get(state, state)} ({who})")

        self._signed(signed)

    def _signed(self, then: Callable[[str], None]) -> None:
        """Run ``then`` with the person's name, asked once and kept in the settings.

        A review is signed by a person, not by the computer's account ("root");
        cancelling the question stores nothing and shows the answer as it is.
        """
        app = self.roam_app
        if not app.settings.reviewer:
            self.show(self.code)  # until a name is given, nothing has changed
        app.with_name(then, "signs your review comments")

    def action_comment(self) -> None:
        comment = self.query_one("#comment", TextArea)
        code = self.code
        if code is None or not comment.text.strip():
            self.notify("Write the comment first", severity="warning")
            return

        def signed(who: str) -> None:
            if self.session.add_comment(code, comment.text):
                comment.load_text("")
                self._refresh_row(code)
                self.notify(f"Comment added to {code}, signed {who}")

        self._signed(signed)

    @on(Button.Pressed, "#add-comment")
    def _add_pressed(self) -> None:
        self.action_comment()

    def action_edit_answer(self) -> None:
        if self.code is not None:
            self.roam_app.go_to_indicator(self.code)


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
