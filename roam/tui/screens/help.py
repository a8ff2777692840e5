"""F1: every key of the screen you came from, with the id to remap it, and the tree's marks."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Static

from roam.tui.labels import legend
from roam.tui.plain import plain
from roam.tui.roam_screen import RoamModalScreen
from roam.tui.settings import SETTINGS_FILE

# The tasks a user comes to the help with, in the order of the work, and the
# bindings (by id, or id prefix ending in ".") that serve each; the rest: "On this screen".
TASKS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Move", (
        "roam.next", "roam.previous", "roam.next_unanswered", "roam.tree.",
        "roam.focus_tree", "roam.info.",
    )),
    ("Find", ("roam.jump", "roam.search", "roam.filter")),
    ("Answer", ("roam.choice.", "roam.add_evidence", "roam.records.", "roam.undo", "roam.decide")),
    ("Views", ("roam.view.", "roam.export", "roam.import.")),
    ("Settings", (
        "roam.help", "roam.help_key", "roam.palette", "roam.theme", "roam.quit",
    )),
)  # fmt: skip
OTHER_TASK = "On this screen"


def task_of(binding_id: str) -> tuple[int, int, str]:
    """(task's place, binding's place in it, task name) of a binding id."""
    for place, (task, ids) in enumerate(TASKS):
        for order, wanted in enumerate(ids):
            if binding_id == wanted or (wanted.endswith(".") and binding_id.startswith(wanted)):
                return place, order, task
    return len(TASKS), 0, OTHER_TASK


class HelpScreen(RoamModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f1,q", "dismiss(None)", "Close", id="roam.help.close"),
    ]

    def __init__(self, under: Screen[object]) -> None:
        super().__init__()
        self.rows = self._rows(under)

    def _rows(self, under: Screen[object]) -> list[tuple[str, str, str, str]]:
        """(task, keys, what it does, binding id) for each roam binding active under the help.

        Grouped by task, in the order of the work; a task is named on its first row only.
        """
        by_id: dict[str, tuple[list[str], str]] = {}
        for key, active in under.active_bindings.items():
            binding = active.binding
            if not binding.id or not binding.id.startswith("roam."):
                continue
            keys, _ = by_id.setdefault(binding.id, ([], binding.description))
            display = self.app.get_key_display(Binding(key, binding.action))
            if display not in keys:
                keys.append(display)
        ordered = sorted(by_id.items(), key=lambda item: (task_of(item[0])[:2], item[0]))
        rows: list[tuple[str, str, str, str]] = []
        previous = ""
        for binding_id, (keys, description) in ordered:
            task = task_of(binding_id)[2]
            rows.append((task if task != previous else "", " ".join(keys), description, binding_id))
            previous = task
        return rows

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog tall-dialog help") as dialog:
            dialog.border_title = "Keys (esc closes)"
            table: DataTable[str] = DataTable(cursor_type="row", zebra_stripes=True)
            table.add_columns("Task", "Key", "Does", "Binding id")
            table.add_rows(self.rows)
            yield table
            # The notes scroll on a small terminal, so that the keys keep half the dialog.
            with VerticalScroll(classes="help-notes"):
                yield Static(plain(self._about_texts()), classes="legend")
                marks = Text("Tree marks: ", style="bold")
                for mark, meaning in legend():
                    marks.append_text(mark)
                    marks.append(f" {meaning}   ")
                yield Static(marks, classes="legend")
                yield Static(
                    "Keys with ctrl and the F-keys also work while typing in a field, but for "
                    "ctrl+k, which deletes to the end of the line there (esc, then ctrl+k). "
                    f"Remap a key in {self._settings_file()} (see the README): "
                    '"keys": {"roam.next": "ctrl+j"}.',
                    classes="legend",
                    markup=False,
                )

    def _about_texts(self) -> str:
        """Who wrote the indicators' texts: the open edition's statement, or the default's."""
        from roam.framework.provenance import provenance_statement

        app = self.roam_app
        session = app.session
        if session is not None:
            framework = session.framework
        else:
            from roam.framework.loader import load_framework

            framework = load_framework()
        title = f"{framework.id} {framework.version}"
        return f"About the texts ({title}): {provenance_statement(framework, app.language)}"

    def _settings_file(self) -> str:
        # The platform's folder, not the one in use: $ROAM_DATA_DIR (tests, shared
        # set-ups) would make the screen differ from run to run.
        from platformdirs import user_data_path

        folder = user_data_path("roam", appauthor=False)
        home = Path.home()
        shown = f"~/{folder.relative_to(home)}" if folder.is_relative_to(home) else str(folder)
        return f"{shown}/{SETTINGS_FILE} (or $ROAM_DATA_DIR/{SETTINGS_FILE})"

    def on_mount(self) -> None:
        self.query_one(DataTable).focus()
