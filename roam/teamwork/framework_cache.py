"""Each framework edition loaded once per run, however many assessment files name it.

A portfolio of 193 countries names one or two editions; parsing an edition
takes far longer than looking it up, so the edition a file names is found
from the file's ``framework:`` mapping alone (read from the first lines of the
file, without parsing the rest) and looked up by id, content hash and
location before anything is loaded.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import yaml
from pydantic import ValidationError

from roam.assessment.loader import resolve_framework
from roam.assessment.model import FrameworkRef
from roam.errors import RoamError
from roam.framework.model import Framework

_FRAMEWORK_KEY = "framework"
CacheKey = tuple[str, str, str]
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})


class FrameworkCache:
    """Frameworks by (id, hash, location); a failure is remembered too, so it is not retried."""

    def __init__(self) -> None:
        self._found: dict[CacheKey, Framework | RoamError] = {}
        self.loads = 0  # how many editions were actually loaded: one per distinct key

    def for_file(self, path: Path) -> Framework | None:
        """The framework ``path`` names; None when its header cannot be read cheaply.

        Raises :class:`RoamError` when the named edition cannot be found or loaded.
        """
        key = self.key_for(path)
        return None if key is None else self.framework(key)

    def key_for(self, path: Path) -> CacheKey | None:
        """Load (once) the framework ``path`` names and return its key; see :meth:`for_file`."""
        ref = peek_framework_ref(path)
        if ref is None:
            return None  # the full read will say what is wrong with the file
        key = (ref.id, ref.hash, _location(ref, path))
        if key not in self._found:
            self.loads += 1
            try:
                self._found[key] = resolve_framework(ref, path)
            except RoamError as exc:
                self._found[key] = exc
        self.framework(key)  # raises the remembered error
        return key

    def framework(self, key: CacheKey) -> Framework:
        found = self._found[key]
        if isinstance(found, RoamError):
            raise found
        return found

    def loaded(self) -> dict[CacheKey, Framework]:
        """Every framework loaded without error, by key."""
        return {k: f for k, f in self._found.items() if not isinstance(f, RoamError)}


def _location(ref: FrameworkRef, path: Path) -> str:
    if ref.path is None:
        return "built-in"
    return str((path.parent / ref.path).resolve())


def peek_framework_ref(path: Path) -> FrameworkRef | None:
    """The top-level ``framework:`` mapping of an assessment file, without parsing the rest.

    None when the file cannot be read, is not YAML, or has no valid mapping there.
    """
    try:
        with path.open("rb") as stream:
            events = iter(yaml.parse(stream, Loader=yaml.CSafeLoader))
            data = _top_level_value(events, _FRAMEWORK_KEY)
    except (OSError, yaml.YAMLError, UnicodeDecodeError):
        return None
    if not isinstance(data, dict):
        return None
    try:
        return FrameworkRef.model_validate(data)
    except ValidationError:
        return None


def _top_level_value(events: Iterator[yaml.Event], wanted: str) -> dict[str, str] | None:
    """The flat mapping under ``wanted`` in the top mapping, read from a lazy event stream."""
    for event in events:
        if isinstance(event, yaml.MappingStartEvent):
            break
        if isinstance(event, yaml.NodeEvent):
            return None  # the document is not a mapping
    while True:
        key = next(events, None)
        if not isinstance(key, yaml.ScalarEvent):
            return None  # the end of the top mapping, or a key that is not text
        if key.value == wanted:
            return _flat_mapping(events)
        _skip_node(events)


def _skip_node(events: Iterator[yaml.Event]) -> None:
    depth = 0
    for event in events:
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
        if depth == 0:
            return


def _flat_mapping(events: Iterator[yaml.Event]) -> dict[str, str] | None:
    if not isinstance(next(events, None), yaml.MappingStartEvent):
        return None
    values: dict[str, str] = {}
    key: str | None = None
    for event in events:
        if isinstance(event, yaml.MappingEndEvent):
            return values
        if not isinstance(event, yaml.ScalarEvent):
            return None  # nested values: not a framework reference
        if key is None:
            key = event.value
            continue
        if not (event.implicit[0] and event.value in _NULLS):
            values[key] = event.value
        key = None
    return None
