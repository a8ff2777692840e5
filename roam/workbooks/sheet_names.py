"""Sheet titles and references to cells on a sheet, valid whatever the team named things.

Excel refuses a sheet title over 31 characters or with any of ``[]:*?/\\``, and compares
titles without case; a reference to a sheet whose title has a space or an apostrophe must
be quoted.
"""

from __future__ import annotations

from collections.abc import Iterable

from roam.workbooks.inert_cells import clean_text


def safe_sheet_title(title: str, taken: Iterable[str] = ()) -> str:
    """A valid, unique sheet title: at most 31 characters, none of ``[]:*?/\\``.

    A long title is cut at the last word that fits, so "M Multistakeholder
    participation" becomes "M Multistakeholder" rather than a broken word.
    """
    cleaned = clean_text(title)
    for forbidden in "[]:*?/\\":
        cleaned = cleaned.replace(forbidden, "-")
    cleaned = cleaned.strip().strip("'") or "Sheet"
    if len(cleaned) > 31:
        cut = cleaned[:31]
        cleaned = cut.rsplit(" ", 1)[0] if " " in cut else cut
    used = {t.casefold() for t in taken}
    candidate, number = cleaned, 2
    while candidate.casefold() in used:
        suffix = f" ({number})"
        candidate = cleaned[: 31 - len(suffix)] + suffix
        number += 1
    return candidate


def sheet_reference(title: str, cell: str = "A1") -> str:
    """A reference to ``cell`` on sheet ``title``, quoted as Excel wants (``'It''s'!A1``)."""
    return "'" + title.replace("'", "''") + "'!" + cell
