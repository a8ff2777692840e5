"""Pydantic's validation errors as problems positioned in the YAML file they came from.

A model validates the plain data that roam.marked_yaml built; each error's location is
mapped back to the file's line and column, worded for the person who wrote the file.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from roam.errors import Problem, SourceError, short_repr
from roam.marked_yaml import Loc, MarkedDocument

if TYPE_CHECKING:
    from pydantic import ValidationError

_ERROR_TEMPLATES = {
    "missing": "missing required field '{field}'",
    "extra_forbidden": "unknown field '{field}'",
}


def validation_problems(
    document: MarkedDocument, error: ValidationError, base: Loc = ()
) -> list[Problem]:
    """One positioned problem per Pydantic error, under ``base`` inside ``document``.

    An error about a value that could not be read at all repeats the problem
    already reported for it (drop identical problems before showing them).
    """
    problems = []
    for item in error.errors(include_url=False):
        loc: Loc = (*base, *item["loc"])
        repeated = document.unreadable.get(document.resolve(loc))
        problems.append(repeated or _problem_for(document, loc, item))
    return problems


def _problem_for(document: MarkedDocument, loc: Loc, item: Any) -> Problem:
    named = [step for step in document.resolve(loc) if isinstance(step, str)]
    field_name = str(loc[-1]) if loc else "document"
    template = _ERROR_TEMPLATES.get(item["type"])
    if item["type"] == "too_short":
        template = _tooshort_repr(item.get("ctx", {}))
    if template:
        message = template.format(field=field_name)
    else:
        message = str(item["msg"]).removeprefix("Value error, ").removeprefix("Assertion failed, ")
        label = named[-1] if named else None
        if label:
            message = f"{label}: {message}"
        if item["type"] not in {"value_error", "assertion_error"} and "input" in item:
            message = f"{message} (got {short_repr(item['input'])})"
        if (
            item["type"] == "string_type"
            and isinstance(item.get("input"), int | float)
            and not isinstance(item.get("input"), bool)
        ):
            message = f"{message}; put it in quotes to keep it as text"
    return document.problem_at(loc, message, at_key=item["type"] == "extra_forbidden")


def _tooshort_repr(context: dict[str, Any]) -> str:
    actual = context.get("actual_length", 0)
    if not actual:
        return "'{field}' must not be empty"
    return f"'{{field}}' needs at least {context.get('min_length')} items (it has {actual})"


def problems_or_raise(problems: Iterable[Problem]) -> None:
    found = list(problems)
    if found:
        raise SourceError(found)
