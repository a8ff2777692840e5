"""The message line under a form field: shown while it has something to say, gone otherwise."""

from __future__ import annotations

from textual.visual import VisualType
from textual.widgets import Static

from roam.tui.plain import plain


class FieldError(Static):
    """A field's problem, in the error colour; takes no room while there is none.

    CSS cannot hide it by content: Textual's ``:empty`` means "no child
    widgets", which a Static never has, so a rule on it hid every message.
    """

    DEFAULT_CLASSES = "field-error"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id)
        self.display = False

    def update(self, content: VisualType = "", *, layout: bool = True) -> None:
        # A message quotes what was typed or read from a file: shown as written.
        if isinstance(content, str):
            content = plain(content)
        super().update(content, layout=layout)
        self.display = bool(str(content))
