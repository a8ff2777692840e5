"""Pydantic's validators for roam's records, kept in the cache of validated files.

The models are built lazily (``defer_build``): a file that comes from the cache
is never validated, so it never pays for a validator.  Whatever first needs one
(validating a changed file, saving, recording an edit, comparing versions) used
to pay Pydantic's schema generation: about 50 ms and 4 MiB for the assessment's
records, Pydantic's scan of the installed packages for plugins included, against
under 5 ms to unpickle them.  Pydantic-core validators and serializers pickle as
their core schema, so the three are kept under the code fingerprint
(:mod:`roam.framework.validated_cache`) and put back on the classes when Pydantic
first asks for them (``Record.model_rebuild``).

Only plain validators are stored: if a Pydantic plugin is installed, it wraps the
validators it sees, and those are left for Pydantic to build as usual.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel
from pydantic_core import SchemaSerializer, SchemaValidator

from roam.framework.validated_cache import cache_key, recall, remember

Models = Sequence[type[BaseModel]]
Built = tuple[SchemaValidator, SchemaSerializer, dict[str, Any]]
# Per set of models: whether its validators came from the cache.  Set before the
# models are built, because building one asks again (through model_rebuild).
_installed: dict[str, bool] = {}


def use_remembered_validators(models: Models) -> bool:
    """Give each of ``models`` its validator, serializer and core schema, from the cache.

    Returns whether they came from the cache.  When none are stored, they are built
    now and stored for the next process.  Once per process and set of models; later
    calls return the first call's answer at once.
    """
    key = cache_key("validators", *(_name(model) for model in models))
    if key is None:
        return False
    if key in _installed:
        return _installed[key]
    _installed[key] = False
    stored = recall(key)
    if _fits(stored, models):
        for model, parts in zip(models, stored, strict=True):
            if not model.__pydantic_complete__:
                _install(model, parts)
        _installed[key] = True
        return True
    built = [_built(model) for model in models]
    if all(parts is not None for parts in built):
        remember(key, tuple(built))
    return False


def _name(model: type[BaseModel]) -> str:
    return f"{model.__module__}.{model.__qualname__}"


def _install(model: type[BaseModel], parts: Built) -> None:
    # The core schema too: Pydantic asks for it to make a JSON Schema, or to use the
    # model inside another type, and a stand-in left there would be built again.
    validator, serializer, core_schema = parts
    model.__pydantic_validator__ = validator
    model.__pydantic_serializer__ = serializer
    model.__pydantic_core_schema__ = core_schema


def _built(model: type[BaseModel]) -> Built | None:
    model.model_rebuild()
    validator: Any = model.__pydantic_validator__
    serializer: Any = model.__pydantic_serializer__
    core_schema: Any = model.__pydantic_core_schema__
    if type(validator) is not SchemaValidator or type(serializer) is not SchemaSerializer:
        return None  # wrapped by a plugin, or not buildable: Pydantic's own path
    if type(core_schema) is not dict:
        return None
    return validator, serializer, core_schema


def _fits(stored: Any, models: Models) -> bool:
    return (
        isinstance(stored, tuple)
        and len(stored) == len(models)
        and all(
            isinstance(parts, tuple)
            and len(parts) == 3
            and type(parts[0]) is SchemaValidator
            and type(parts[1]) is SchemaSerializer
            and type(parts[2]) is dict
            for parts in stored
        )
    )
