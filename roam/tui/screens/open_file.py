"""Open an assessment file: type its path, or pick it in the folder tree."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, DirectoryTree, Input, Static


class AssessmentFiles(DirectoryTree):
    """Folders and YAML files only; hidden files (locks, backups) stay out of the way."""

    def filter_paths(self, paths: Iterable[Path]) -> Iterable[Path]:
        return [
            path
            for path in paths
            if not path.name.startswith(".")
            and (path.is_dir() or path.suffix.lower() in (".yaml", ".yml"))
        ]


class OpenFileScreen(ModalScreen[Path | None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(None)", "Cancel", id="roam.open.cancel"),
    ]

    def __init__(self, folder: Path | None = None) -> None:
        super().__init__()
        self.folder = folder or Path.cwd()

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog tall-dialog") as dialog:
            dialog.border_title = "Open an assessment"
            yield Input(placeholder="path/to/assessment.yaml", id="path", compact=True)
            yield Static(id="error-path", classes="field-error")
            yield AssessmentFiles(self.folder, id="files")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Open", variant="primary", id="open", compact=True)
                yield Button("Cancel (esc)", id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#path", Input).focus()

    @on(DirectoryTree.FileSelected)
    def _picked(self, event: DirectoryTree.FileSelected) -> None:
        self.query_one("#path", Input).value = str(event.path)
        self._open()

    @on(Input.Submitted)
    @on(Button.Pressed, "#open")
    def _open(self) -> None:
        typed = self.query_one("#path", Input).value.strip()
        path = Path(typed).expanduser()
        if not typed or not path.is_file():
            self.query_one("#error-path", Static).update(f"⚠ no such file: {typed or '(empty)'}")
            return
        self.dismiss(path)

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.dismiss(None)
