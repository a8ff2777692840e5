"""The keys of the current screen along the bottom line: Textual's own footer.

Keys that belong together share a ``Binding.Group`` (``^n ^p Next/prev``), so the
line names what a user can do rather than listing every key.  The palette's key
is one of the screen's bindings, so the footer does not add it a second time.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import Footer

MOVE = Binding.Group("Next/prev", compact=True)  # ctrl+n, ctrl+p on the walkthrough
FIND = Binding.Group("Jump/search", compact=True)  # ctrl+g, ctrl+f


class KeyBar(Footer):
    """The footer of every roam screen: compact, clickable, grouped."""

    def __init__(self, *, classes: str = "") -> None:
        super().__init__(compact=True, show_command_palette=False, classes=classes)
