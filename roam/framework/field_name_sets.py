"""One set of field names for all the records of a file that were given the same fields.

Pydantic keeps on every model instance the set of the fields its input gave
(``model_fields_set``).  For the demo assessment and the built-in edition that
is 2,256 sets of 2 to 13 names, 1.1 MiB or 40% of what their records take, and
only 74 of them differ.  Records read from a file point to one shared set per
distinct set of names, and the cache of validated files pickles them shared.

A record about to change its set first takes a copy of its own: Pydantic adds a
field's name when an attribute is set (``__setattr__`` below) and when it
validates an assignment (callers of ``validate_assignment`` call
:func:`own_field_names` first).  So no record's ``model_fields_set`` ever changes
because another record changed.
"""

from __future__ import annotations

from functools import cache
from typing import Any, get_args

from pydantic import BaseModel, ConfigDict


class SharedFieldNames(set[str]):
    """A fields-set that several records point to."""

    __slots__ = ()


class SharesFieldNames(BaseModel):
    """A model whose instances may share their fields-set (see the module's text)."""

    # Built when first used, as the models built on it are: a class with no fields is
    # otherwise built at import, and the first build scans the installed packages.
    model_config = ConfigDict(defer_build=True)

    def __setattr__(self, name: str, value: Any) -> None:
        if name in type(self).__pydantic_fields__:  # only fields are added to the set
            own_field_names(self)
        super().__setattr__(name, value)


def share_field_names(root: object) -> None:
    """Make the records in ``root`` that were given the same fields share one set of names.

    ``root`` is a model, or a list, tuple or dict of them, nested as deep as they go.
    """
    pool: dict[frozenset[str], SharedFieldNames] = {}
    waiting: list[Any] = [root]
    while waiting:
        item = waiting.pop()
        kind: Any = type(item)
        if kind is list or kind is tuple:
            waiting.extend(item)
        elif kind is dict:
            waiting.extend(item.values())
        elif (fields := _fields_with_records(kind)) is not None:
            names = item.__pydantic_fields_set__
            key = frozenset(names)
            shared = pool.get(key)
            if shared is None:
                shared = pool[key] = SharedFieldNames(names)
            object.__setattr__(item, "__pydantic_fields_set__", shared)
            values = item.__dict__
            for name in fields:
                waiting.append(values[name])


@cache
def _fields_with_records(kind: type) -> tuple[str, ...] | None:
    """The fields of a model whose type can hold a model; None for what is not a model."""
    # Only those are walked: most fields hold text and numbers.
    if not issubclass(kind, BaseModel):
        return None
    return tuple(
        name for name, field in kind.model_fields.items() if _may_hold_models(field.annotation)
    )


def _may_hold_models(annotation: Any) -> bool:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return True
    return any(_may_hold_models(argument) for argument in get_args(annotation))


def own_field_names(record: BaseModel) -> None:
    """Give ``record`` a set of field names of its own, if it shares one."""
    names = record.__pydantic_fields_set__
    if type(names) is SharedFieldNames:
        object.__setattr__(record, "__pydantic_fields_set__", set(names))
