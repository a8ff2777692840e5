"""Pydantic's validators for roam's records, kept in the cache of validated files.

The models are built lazily (``defer_build``): a file that comes from the cache
is never validated, so it never pays for a validator.  A file that has to be
validated pays Pydantic's schema generation, about 40 ms for the assessment's
records, of which building the validator from the generated schema is under
1 ms.  Pydantic-core validators and serializers pickle as that schema, so they
are kept under the code fingerprint (:mod:`roam.framework.validated_cache`) and
put back on the classes, where ``model_validate``, ``Model(...)`` and
``model_dump`` find them.

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
_installed: set[str] = set()


def use_remembered_validators(models: Models) -> None:
    """Give each of ``models`` its validator and serializer, from the cache or built now.

    Once per process and set of models; later calls return at once.
    """
    key = cache_key("validators", *(_name(model) for model in models))
    if key is None or key in _installed:
        return
    _installed.add(key)
    stored = recall(key)
    if _fits(stored, models):
        for model, (validator, serializer) in zip(models, stored, strict=True):
            if not model.__pydantic_complete__:
                model.__pydantic_validator__ = validator
                model.__pydantic_serializer__ = serializer
        return
    built = [_built(model) for model in models]
    if all(pair is not None for pair in built):
        remember(key, tuple(built))


def _name(model: type[BaseModel]) -> str:
    return f"{model.__module__}.{model.__qualname__}"


def _built(model: type[BaseModel]) -> tuple[SchemaValidator, SchemaSerializer] | None:
    model.model_rebuild()
    validator: Any = model.__pydantic_validator__
    serializer: Any = model.__pydantic_serializer__
    if type(validator) is not SchemaValidator or type(serializer) is not SchemaSerializer:
        return None  # wrapped by a plugin, or not buildable: Pydantic's own path
    return validator, serializer


def _fits(stored: Any, models: Models) -> bool:
    return (
        isinstance(stored, tuple)
        and len(stored) == len(models)
        and all(
            isinstance(pair, tuple)
            and len(pair) == 2
            and type(pair[0]) is SchemaValidator
            and type(pair[1]) is SchemaSerializer
            for pair in stored
        )
    )
