"""One size policy for reading and writing, so roam never writes a file it then refuses to read.

The read limit (:data:`MAX_FILE_BYTES`, checked by every reader) is also the
write limit: a save that would exceed it is refused before anything is
written, naming the file.  Imported text is bounded per cell and per name,
so an ordinary import cannot come near it: a cell holds at most
:data:`MAX_CELL_TEXT_CHARS` characters (Excel allows 32,767), and a person's
name (kept once in the file's people table, but also shown in every view of
the history and in a kept conflict's source) at most :data:`MAX_NAME_CHARS`.
"""

from __future__ import annotations

from pathlib import Path

from roam.errors import RoamError
from roam.marked_yaml import MAX_FILE_BYTES

MAX_CELL_TEXT_CHARS = 10_000  # a long justification fits; 300 such cells stay far below the limit
MAX_NAME_CHARS = 120

__all__ = [
    "MAX_CELL_TEXT_CHARS",
    "MAX_FILE_BYTES",
    "MAX_NAME_CHARS",
    "OversizeError",
    "given_name",
    "person_name",
    "refuse_oversized",
]


class OversizeError(RoamError):
    """A save would write more than roam reads; nothing was written."""


def refuse_oversized(content: bytes, path: str | Path) -> None:
    """Raise :class:`OversizeError` when ``content`` is more than roam would read back."""
    if len(content) > MAX_FILE_BYTES:
        raise OversizeError(
            f"{path}: not saved: it would be {len(content):,} bytes, more than the "
            f"{MAX_FILE_BYTES:,} bytes roam reads; the file is unchanged (shorten the "
            f"longest texts, or split the assessment)"
        )


def person_name(text: str | None) -> str | None:
    """A name found in a file (a cell, a document property), or None if blank or too long."""
    name = (text or "").strip()
    if not name or len(name) > MAX_NAME_CHARS:
        return None
    return name


def given_name(text: str | None, what: str) -> str:
    """A name the user gave (``--contributor``); '' if none, refused if too long."""
    name = (text or "").strip()
    if len(name) > MAX_NAME_CHARS:
        raise RoamError(
            f"{what} is {len(name):,} characters long; a name has at most {MAX_NAME_CHARS}"
        )
    return name
