"""History entries name their author by a short key into the file's ``people`` table.

An import records one history entry per changed field, all by the same
contributor; writing the contributor's name (possibly a long chain such as
"Ana Silva via the liaison's office") into each would make the file grow by
name length x edits.  The file instead lists each name once::

    people:
      p1: Ana Silva via the liaison's office
    answers:
      R.1.1:
        history:
        - who: p1

In memory a :class:`~roam.assessment.model.Change` always holds the full name,
so everything that shows who changed what is unaffected.  Files without a
``people`` table (every file written before it) keep full names in ``who`` and
load as they are.
"""

from __future__ import annotations

from typing import Any

from roam.errors import SourceError
from roam.marked_yaml import MarkedDocument

PEOPLE = "people"


def with_people_table(document: dict[str, Any]) -> dict[str, Any]:
    """``document`` (plain data) with history names replaced by keys into a ``people`` table."""
    keys: dict[str, str] = {}
    for answer in _answers(document):
        for change in _history(answer):
            name = change.get("who")
            if isinstance(name, str):
                change["who"] = keys.setdefault(name, f"p{len(keys) + 1}")
    if not keys:
        return document
    people = {key: name for name, key in keys.items()}
    # Placed before the answers, so a reader meets the names before the keys.
    ordered: dict[str, Any] = {}
    for field, value in document.items():
        if field == "answers":
            ordered[PEOPLE] = people
        ordered[field] = value
    ordered.setdefault(PEOPLE, people)
    return ordered


def without_people_table(data: dict[str, Any], document: MarkedDocument) -> dict[str, Any]:
    """``data`` with the ``people`` table taken out and history keys replaced by names."""
    if PEOPLE not in data:
        return data
    people = data[PEOPLE]
    if not isinstance(people, dict) or not all(
        isinstance(key, str) and isinstance(name, str) for key, name in people.items()
    ):
        raise SourceError(
            [
                document.problem_at(
                    (PEOPLE,),
                    "people is a table of short keys and names, such as 'p1: Ana Silva'",
                )
            ]
        )
    resolved = {field: value for field, value in data.items() if field != PEOPLE}
    for answer in _answers(resolved):
        for change in _history(answer):
            key = change.get("who")
            # A key missing from the table (a hand edit) is kept as written.
            if isinstance(key, str) and key in people:
                change["who"] = people[key]
    return resolved


def _answers(data: dict[str, Any]) -> list[dict[str, Any]]:
    answers = data.get("answers")
    if not isinstance(answers, dict):
        return []
    return [answer for answer in answers.values() if isinstance(answer, dict)]


def _history(answer: dict[str, Any]) -> list[dict[str, Any]]:
    history = answer.get("history")
    if not isinstance(history, list):
        return []
    return [change for change in history if isinstance(change, dict)]
