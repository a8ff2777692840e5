"""Choose which indicators the tree shows."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from roam.tui.session import FILTER_LABELS, FilterName


class FilterPicker(ModalScreen[FilterName | None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(None)", "Cancel", id="roam.filter.cancel"),
    ]

    def __init__(self, current: FilterName) -> None:
        super().__init__()
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog small-dialog") as dialog:
            dialog.border_title = "Show indicators"
            options = [
                Option(("● " if name == self.current else "  ") + label, id=name)
                for name, label in FILTER_LABELS.items()
            ]
            yield OptionList(*options)

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.highlighted = list(FILTER_LABELS).index(self.current)
        options.focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)  # type: ignore[arg-type]
