"""Small modal dialogs: a message, a question, a confirmation, the lock notice."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from roam.tui.plain import plain

if TYPE_CHECKING:
    from roam.assessment.lock import LockedError


class MessageScreen(ModalScreen[None]):
    """A message the user must read (an error with its lines, for instance)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,enter", "dismiss(None)", "Close", id="roam.message.close"),
    ]

    def __init__(self, title: str, body: str) -> None:
        super().__init__()
        self.title_text = title
        self.body = body

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog") as dialog:
            dialog.border_title = plain(self.title_text)
            yield Static(plain(self.body), classes="dialog-body")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Close", variant="primary", id="close", compact=True)

    @on(Button.Pressed, "#close")
    def _close(self) -> None:
        self.dismiss(None)


class ConfirmScreen(ModalScreen[bool]):
    """A yes/no question; y and n answer it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "dismiss(True)", "Yes", id="roam.confirm.yes"),
        Binding("n,escape", "dismiss(False)", "No", id="roam.confirm.no"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog small-dialog"):
            yield Static(plain(self.question), classes="dialog-body")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Yes (y)", variant="error", id="yes", compact=True)
                yield Button("No (n)", id="no", compact=True)

    @on(Button.Pressed)
    def _answer(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")


class AskScreen(ModalScreen[str | None]):
    """One line of text; enter accepts, escape cancels."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(None)", "Cancel", id="roam.ask.cancel"),
    ]

    def __init__(self, question: str, value: str = "") -> None:
        super().__init__()
        self.question = question
        self.value = value

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog small-dialog") as dialog:
            dialog.border_title = plain(self.question)
            yield Input(self.value, id="answer", compact=True)

    @on(Input.Submitted)
    def _accept(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)


class LockedScreen(ModalScreen[str | None]):
    """Another roam has the file open: say who, and offer read-only (or breaking a dead lock)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "choose('read-only')", "Read-only", id="roam.lock.read_only"),
        Binding("b", "break_lock", "Break the lock", id="roam.lock.break"),
        Binding("escape", "choose(None)", "Cancel", id="roam.lock.cancel"),
    ]

    def __init__(self, error: LockedError) -> None:
        super().__init__()
        self.error = error

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog") as dialog:
            dialog.border_title = "This assessment is locked"
            yield Static(plain(self.error), classes="dialog-body")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Open read-only (r)", variant="primary", id="read-only", compact=True)
                if self.error.breakable:
                    yield Button("Break the lock (b)", variant="error", id="break", compact=True)
                yield Button("Cancel (esc)", id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#read-only", Button).focus()

    def action_choose(self, choice: str | None) -> None:
        self.dismiss(choice)

    def action_break_lock(self) -> None:
        # Only a lock whose process is gone may be broken; a live one keeps its editor.
        if self.error.breakable:
            self.dismiss("break")

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(None if event.button.id == "cancel" else event.button.id)
