"""Finding a filled template's columns by their headers, whatever their order.

People insert, move and delete columns, and some translate the headers: a
column is found by its header, in English or French, never by its position.
A header roam does not know, a column of the template that is gone, or a header
given twice is refused by name: read by position, a column inserted before
Justification put the justifications into the evidence fields.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from roam.errors import RoamError
from roam.exchange.read_cells import CellData

# French headers of the template's columns (the English ones are the template's own).
_FRENCH_FIXED = {
    "code": "Code",
    "indicator": "Indicateur",
    "guidance": "Question et conseils",
    "scale": "Échelle ou unité",
    "current": "Réponse actuelle de l'équipe",
    "status": "Statut",
    "level": "Niveau",
    "value": "Valeur",
    "year": "Année",
    "justification": "Justification",
    "confidence": "Confiance",
}
_FRENCH_EVIDENCE = {
    "kind": "type",
    "citation": "référence",
    "link": "lien",
    "date": "date de publication",
}
# Columns that only show the framework's text or the team's answer: a team may delete them.
OPTIONAL_KEYS = frozenset({"indicator", "guidance", "scale", "current"})


def french_header(key: str) -> str:
    """The French header of template column ``key`` (``evidence2.link`` -> ``Source 2 lien``)."""
    if key in _FRENCH_FIXED:
        return _FRENCH_FIXED[key]
    group, _, part = key.partition(".")
    return f"Source {group.removeprefix('evidence')} {_FRENCH_EVIDENCE[part]}"


def _folded(text: str) -> str:
    return " ".join(text.split()).casefold()


def columns_by_header(
    headers: Sequence[CellData],
    english: Mapping[str, str],
    expected: Sequence[str],
    where: str,
) -> dict[str, int]:
    """Column key -> column number (from 1), read from the header row's ``headers``.

    ``english`` maps every column key roam knows to its English header;
    ``expected`` lists the keys the template was made with (its stamp);
    ``where`` names the file, sheet and row for messages, as "file: sheet 'Answers'
    row 3".  Raises :class:`RoamError` naming each unknown, doubled or missing header.
    """
    known = {_folded(header): key for key, header in english.items()}
    known.update({_folded(french_header(key)): key for key in english})
    found: dict[str, int] = {}
    problems: list[str] = []
    for number, value in enumerate(headers, start=1):
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        text = str(value).strip()
        key = known.get(_folded(text))
        if key is None:
            problems.append(f"unknown column '{text}' (column {number})")
        elif key in found:
            problems.append(f"column '{text}' appears twice (columns {found[key]} and {number})")
        else:
            found[key] = number
    missing = [
        english.get(key, key) for key in expected if key not in found and key not in OPTIONAL_KEYS
    ]
    problems += [f"column '{header}' is missing" for header in missing]
    if problems:
        raise RoamError(
            f"{where}: {'; '.join(problems)}. The columns are read by their headers: give "
            f"each column of the template back its header, and remove added ones; "
            f"nothing was imported"
        )
    return found
