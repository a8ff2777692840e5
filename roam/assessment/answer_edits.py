"""Editing an answer with a record of who changed what, and when.

The TUI and the importers change answers only through :func:`set_answer_field`,
so every edit is in the answer's history and a team can trace any value back.
Call it when an edit is committed (a field left, a cell imported), not per keystroke.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import to_jsonable_python

from roam.assessment.create import now
from roam.assessment.model import Answer, Change

_NOT_EDITABLE = frozenset({"history", "conflicts"})


def set_answer_field(
    answer: Answer,
    field: str,
    new: Any,
    who: str,
    when: dt.datetime | None = None,
) -> bool:
    """Set ``field`` (``"level"``, ``"review.state"``, ...) to ``new``; log it if it changed.

    Returns whether the value changed.  The value is validated as the model
    would; an invalid one raises ``ValueError`` and leaves the answer as it was.
    """
    owner, name = _owner_of(answer, field)
    old = getattr(owner, name)
    _assign_validated(owner, name, new)
    current = getattr(owner, name)
    if current == old:
        return False
    answer.history.append(
        Change(
            time=when or now(),
            who=who,
            field=field,
            old=_plain(old),
            new=_plain(current),
        )
    )
    return True


def _owner_of(answer: Answer, field: str) -> tuple[BaseModel, str]:
    *parents, name = field.split(".")
    if not parents and name in _NOT_EDITABLE:
        raise ValueError(f"'{field}' is kept by roam itself and cannot be set")
    owner: BaseModel = answer
    for step in parents:
        child = getattr(owner, step, None)
        if not isinstance(child, BaseModel):
            raise ValueError(f"an answer has no field '{field}'")
        owner = child
    if name not in type(owner).model_fields:
        raise ValueError(f"an answer has no field '{field}'")
    return owner, name


def _assign_validated(owner: BaseModel, name: str, value: Any) -> None:
    # The record validated whole with the new value, so the model's own checks run
    # too; the record is changed only when they pass.
    try:
        checked = type(owner).model_validate({**dict(owner), name: value})
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
        error = next((e for e in errors if e["loc"][:1] == (name,)), errors[0])
        message = error["msg"].removeprefix("Value error, ")
        raise ValueError(f"{name}: {message}") from None
    setattr(owner, name, getattr(checked, name))


def _plain(value: Any) -> Any:
    """A value the YAML file can hold as it is (models become mappings, dates text)."""
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return to_jsonable_python(value)
