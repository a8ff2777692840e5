"""Dialogs that keep work from being lost: unsaved work on quit, Save as, a recovery file.

Each is keyboard-first: every choice has a letter, escape is the harmless one,
and the safest useful choice has the focus when the dialog opens.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from roam.errors import RoamError
from roam.tui.plain import plain
from roam.tui.widgets.field_error import FieldError

if TYPE_CHECKING:
    from roam.assessment.recovery import Recovery
    from roam.tui.session import Session


class _ChoiceDialog(ModalScreen[str | None]):
    """Buttons whose ids are the choices; escape (or Cancel) dismisses with None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "app.focus_previous", "Previous", show=False, id="roam.dialog.previous"),
        Binding("right", "app.focus_next", "Next", show=False, id="roam.dialog.next"),
    ]

    def action_choose(self, choice: str | None) -> None:
        self.dismiss(choice)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(None if event.button.id in ("cancel", "later") else event.button.id)


class UnsavedWorkScreen(_ChoiceDialog):
    """Quitting (or closing) while the last changes are not in the file: ask what to do."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "choose('save')", "Save", id="roam.unsaved.save"),
        Binding("a", "choose('save-as')", "Save as…", id="roam.unsaved.save_as"),
        Binding("d", "choose('discard')", "Discard", id="roam.unsaved.discard"),
        Binding("escape,c", "choose(None)", "Cancel", id="roam.unsaved.cancel"),
    ]

    def __init__(self, file_name: str, error: str, leaving: str = "quit") -> None:
        super().__init__()
        self.file_name = file_name
        self.error = error
        self.leaving = leaving

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog choice-dialog", id="unsaved-dialog") as dialog:
            # Through plain(): a file name and the error quoting it are data, never markup.
            dialog.border_title = plain(f"Your last changes to {self.file_name} are NOT SAVED")
            yield Static(plain(self.error), classes="dialog-body")
            yield Static(
                "Save tries the same file again; Save as writes them to a new file and goes "
                f"on there; Discard loses them and {self.leaving}s.",
                classes="dialog-body",
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save (s)", variant="primary", id="save", compact=True)
                yield Button("Save as… (a)", id="save-as", compact=True)
                yield Button("Discard (d)", variant="error", id="discard", compact=True)
                yield Button("Cancel (esc)", id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#save", Button).focus()


class SaveAsScreen(ModalScreen[Path | None]):
    """Ask for a new file name and save the session there; a refusal shows at the field.

    A name without a folder goes beside the current file.  Dismissed with the
    new path once the file is written (the session then edits it), or None.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(None)", "Cancel", id="roam.save_as.cancel"),
        Binding("ctrl+s", "save", "Save", priority=True, id="roam.save_as.save"),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        current = self.session.path
        with Vertical(classes="dialog", id="save-as-dialog") as dialog:
            dialog.border_title = "Save as…"
            yield Static(
                plain(
                    f"Write the answers to a new file and go on editing it there. {current.name} "
                    "stays as it was last saved. A name without a folder goes beside it."
                ),
                classes="dialog-body",
            )
            yield Label("New file", classes="field-label")
            # A fixed placeholder: it is an example, not a suggestion that follows the typing.
            yield Input(suggest_name(current), placeholder="name.yaml", id="new-file",
                        compact=True)  # fmt: skip
            yield FieldError(id="error-new-file")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save (enter)", variant="primary", id="save", compact=True)
                yield Button("Cancel (esc)", id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#new-file", Input).focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        from roam.assessment.lock import LockedError

        typed = self.query_one("#new-file", Input).value.strip()
        error = self.query_one("#error-new-file", FieldError)
        if not typed:
            error.update("⚠ give a file name, such as kenya-copy.yaml")
            return
        target = Path(typed).expanduser()
        if not target.is_absolute():
            target = self.session.path.parent / target
        try:
            self.session.save_as(target)
        except LockedError as exc:
            error.update(plain(f"⚠ {exc}; choose another name"))  # a path is data, not markup
            return
        except RoamError as exc:
            error.update(plain(f"⚠ {exc}"))
            return
        self.dismiss(target)

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.dismiss(None)


def suggest_name(path: Path) -> str:
    """The first free ``NAME-2.yaml``, ``NAME-3.yaml``... beside ``path``."""
    for number in range(2, 1000):
        candidate = path.with_name(f"{path.stem}-{number}{path.suffix}")
        if not candidate.exists():
            return candidate.name
    return f"{path.stem}-copy{path.suffix}"


class RecoveryScreen(_ChoiceDialog):
    """A recovery file waits beside the assessment just opened: restore it, or not yet."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "choose('restore')", "Restore", id="roam.recovery.restore"),
        Binding("k", "choose('keep-file')", "Keep the file", id="roam.recovery.keep_file"),
        Binding("escape,l", "choose(None)", "Decide later", id="roam.recovery.later"),
    ]

    def __init__(self, file_name: str, recovery: Recovery) -> None:
        super().__init__()
        self.file_name = file_name
        self.recovery = recovery

    def compose(self) -> ComposeResult:
        recovery = self.recovery
        with Vertical(classes="dialog choice-dialog", id="recovery-dialog") as dialog:
            dialog.border_title = "Unsaved answers were kept for you"
            yield Static(
                plain(
                    f"roam was stopped while changes to {self.file_name} could not be saved; "
                    f"they were kept in {recovery.path.name}. {recovery.describe()}"
                ),
                classes="dialog-body",
            )
            yield Static(
                plain(
                    f"Restore puts them into {self.file_name} (the file as it was when opened "
                    f"is kept as {self.file_name}.bak). Keep the file deletes "
                    f"{recovery.path.name}. Decide later leaves both as they are and asks "
                    "again next time."
                ),
                classes="dialog-body",
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button("Restore (r)", variant="primary", id="restore", compact=True)
                yield Button("Keep the file (k)", variant="error", id="keep-file", compact=True)
                yield Button("Decide later (esc)", id="later", compact=True)

    def on_mount(self) -> None:
        self.query_one("#restore", Button).focus()
