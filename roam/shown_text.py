"""Text from files as a terminal may show it: control characters written out, never obeyed.

A name, unit, citation or file name is data.  Printed as it is, ``"\\x1b]2;TITLE\\x07"``
retitles the terminal and ``"\\x1b[2J"`` clears it, in the CLI and in the TUI alike
(Textual passes such characters through to the terminal).  Both show text from files
through :func:`shown`.
"""

from __future__ import annotations

import re

# Characters a terminal obeys rather than shows: C0 controls but line feed and tab, DEL,
# C1 controls (ESC [ ... and CSI retitle, clear or recolour the terminal), the bidi
# overrides and isolates that reorder what is shown, and lone surrogates (undecodable
# bytes of a file name), which no terminal encoding can write.
COMMANDS = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)


def shown(text: str) -> str:
    """``text`` with every character a terminal would obey written out (ESC as ``\\x1b``).

    Text from files (names, units, citations, file names, messages that quote them) is
    data: printed as it is, ``"\\x1b]2;TITLE\\x07"`` would retitle the terminal.
    """
    return COMMANDS.sub(_escaped, text)


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"
