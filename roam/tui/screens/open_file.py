"""Choose a file: type its path, or pick it in the folder tree.

:class:`FilePicker` is the dialog; :class:`OpenFileScreen` opens an
assessment with it, and the import screens (import_file.py) add their own
fields below the tree.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import ClassVar, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, DirectoryTree, Input, Static

from roam.tui.widgets.field_error import FieldError

ResultT = TypeVar("ResultT")
ASSESSMENT_SUFFIXES = (".yaml", ".yml")


class FileTree(DirectoryTree):
    """Folders and the files with these suffixes; hidden files (locks, backups) stay out."""

    def __init__(self, path: Path, suffixes: tuple[str, ...], *, id: str | None = None) -> None:
        self.suffixes = suffixes
        super().__init__(path, id=id)

    def filter_paths(self, paths: Iterable[Path]) -> Iterable[Path]:
        return [
            path
            for path in paths
            if not path.name.startswith(".")
            and (path.is_dir() or path.suffix.lower() in self.suffixes)
        ]


class FilePicker(ModalScreen[ResultT | None]):
    """A path field, the folder tree and a button; dismisses with :meth:`result`."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(None)", "Cancel", id="roam.open.cancel"),
    ]
    title_text = "Choose a file"
    placeholder = "path/to/file"
    action_label = "Open"
    suffixes: tuple[str, ...] = ()

    def __init__(self, folder: Path | None = None) -> None:
        super().__init__()
        self.folder = folder or Path.cwd()

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog tall-dialog") as dialog:
            dialog.border_title = self.title_text
            yield Input(placeholder=self.placeholder, id="path", compact=True)
            yield FieldError(id="error-path")
            yield FileTree(self.folder, self.suffixes, id="files")
            yield from self.compose_options()
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.action_label, variant="primary", id="open", compact=True)
                yield Button("Cancel (esc)", id="cancel", compact=True)

    def compose_options(self) -> ComposeResult:
        """Fields shown under the tree (none here)."""
        yield from ()

    def result(self, path: Path) -> ResultT | None:
        """What the dialog answers for the chosen ``path``."""
        raise NotImplementedError

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
        # No check of the suffix: whatever the file is, opening it says what is wrong.
        self.dismiss(self.result(path))

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.dismiss(None)


class OpenFileScreen(FilePicker[Path]):
    title_text = "Open an assessment"
    placeholder = "path/to/assessment.yaml"
    suffixes = ASSESSMENT_SUFFIXES

    def result(self, path: Path) -> Path:
        return path
