"""Text from files, shown as written: never read as markup, control characters written out.

Textual reads a ``str`` given to a Static, a DataTable cell, a border title, an option,
a tree label or a notification as markup: a citation ``Regulator annual report [/2023
edition]`` crashed the TUI, and ``[@click=app.quit]`` became a clickable action.  And it
passes ESC and other control characters through to the terminal.  So every text that
comes from a file (framework or assessment: names, texts, citations, justifications,
comments, file names, messages that quote them) reaches a widget through :func:`plain`
(a Rich ``Text``, which is never parsed) or, inside a ``Text`` being built, :func:`shown`.
The app sends every notification with ``markup=False`` and :func:`shown` text, and
:class:`DropTerminalCommands` keeps what editors show from driving the terminal.
"""

from __future__ import annotations

import re

from rich.segment import Segment
from rich.text import Text
from textual.color import Color
from textual.filter import LineFilter

from roam.shown_text import shown

__all__ = ["DropTerminalCommands", "plain", "shown"]


def plain(text: object, style: str = "") -> Text:
    """``text`` as a widget shows it literally: no markup, control characters written out."""
    return Text(shown(str(text)), style=style)


# What shown() writes out, but surrogates: those take a cell, and no widget draws one.
_OBEYED = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


class DropTerminalCommands(LineFilter):
    """The last guard: no line drawn carries a character the terminal would obey.

    Editors (a justification's TextArea, an Input) show text as the file holds it, so
    an ESC there would reach the terminal.  These characters take no cell, so dropping
    them leaves every line as wide as it was; ``"\\x1b[2J"`` shows as ``[2J``.
    """

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        if not _OBEYED.search("".join(segment.text for segment in segments)):
            return segments
        return [
            Segment(_OBEYED.sub("", segment.text), segment.style, segment.control)
            for segment in segments
        ]
