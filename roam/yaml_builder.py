"""Plain Python data from LibYAML's parse events, built in one pass that remembers.

The builder records each value's position (when asked), reports duplicate keys,
bad tags and aliases, refuses files nested too deep or expanding to too many values
(alias bombs), and remembers which scalars were YAML 1.1 surprises (unquoted ``no``
read as ``False``).  :mod:`roam.marked_yaml` reads the files and keeps what is
recorded here in a :class:`~roam.marked_yaml.MarkedDocument`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from roam.errors import Problem, SourceError, short_repr

if TYPE_CHECKING:
    import yaml

    from roam.marked_yaml import Loc, MarkedDocument
else:
    yaml = None  # imported on the first parse (_import_yaml): cached files need none of it

MAX_DEPTH = 64
MAX_NODES = 2_000_000

_YAML_TAG_PREFIX = "tag:yaml.org,2002:"
_STR_TAG = "tag:yaml.org,2002:str"
_BOOL_TAG = "tag:yaml.org,2002:bool"
_NUMBER_TAGS = {"tag:yaml.org,2002:int", "tag:yaml.org,2002:float"}
_PLAIN_BOOL_WORDS = {"true", "false"}
_MERGE_TAG = "tag:yaml.org,2002:merge"
# Tags whose values are immutable, so equal scalars may share one object.
_IMMUTABLE_TAGS = frozenset(
    _YAML_TAG_PREFIX + name for name in ("null", "bool", "int", "float", "timestamp")
)


def build_data(document: MarkedDocument, text: str, *, record_positions: bool) -> Any:
    """The data of the YAML ``text``; problems (and positions, if asked) go into ``document``.

    PyYAML's errors for text that is not YAML at all pass through (:mod:`roam.marked_yaml`
    words them); the builder's own refusals are :class:`SourceError`.
    """
    _import_yaml()
    loader = None
    try:
        # The pure-Python loader checks the characters here, LibYAML's while parsing.
        loader = _loader_class()(text)
        return _Builder(document, loader, record_positions).build_stream()
    finally:
        if loader is not None:
            loader.dispose()


# Plain scalars starting with any other character are strings: PyYAML keys its
# implicit resolvers (null, bool, int, float, timestamp, merge, ...) by first
# character, so this set tells which scalars need resolving at all.
_RESOLVED_FIRST_CHARS: frozenset[str] = frozenset()


def _import_yaml() -> None:
    """Bind the module-level ``yaml`` (and what depends on it) on first use.

    A global rather than an attribute of the builder: the builder's loops name
    ``yaml.ScalarEvent`` and the like many thousand times per file.
    """
    global yaml, _RESOLVED_FIRST_CHARS  # noqa: PLW0603
    if yaml is None:
        import yaml as module

        yaml = module
        _RESOLVED_FIRST_CHARS = frozenset(module.SafeLoader.yaml_implicit_resolvers)


def _loader_class() -> type[yaml.CSafeLoader | yaml.SafeLoader]:
    """LibYAML's loader, or PyYAML's pure-Python one where PyYAML was built without it.

    Both give the same events and the same error marks; conda and source builds
    of PyYAML may lack LibYAML, which is only faster.
    """
    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True, slots=True)
class _Anchor:
    value: Any
    size: int  # values it expands to, counted against MAX_NODES at each alias
    key: bool  # a plain scalar that may serve as a mapping key


class _Skip:
    """Marks a key whose entry is reported and then left out."""


_SKIP = _Skip()
_MERGE = object()
# LibYAML's parse events.  The stubs declare every mark optional and every
# attribute on the base class; inside a well-formed stream neither holds, so
# events are typed loosely here.
_Event = Any


def too_deep_message() -> str:
    """What roam says of a file nested deeper than :data:`MAX_DEPTH`."""
    return f"nested more than {MAX_DEPTH} levels deep; refusing to read it"


class _Builder:
    """Builds plain Python data from LibYAML's parse events (and, if asked, the positions).

    Working from events rather than composed nodes is about twice as fast, and
    LibYAML's parser (unlike its composer) does not recurse, so nesting depth can
    be limited here, as values are built.  Aliases share the anchored value, as
    PyYAML does; each use counts the anchored value's full size against
    MAX_NODES so alias bombs are refused; positions inside an aliased value
    resolve to the alias.
    """

    def __init__(
        self,
        document: MarkedDocument,
        loader: yaml.CSafeLoader | yaml.SafeLoader,
        record_positions: bool,
    ) -> None:
        self.document = document
        self.loader = loader
        self.next_event: Callable[[], _Event] = loader.get_event
        self.record = record_positions
        self.positions = document.positions
        self.anchors: dict[str, _Anchor] = {}
        self.visited = 0
        self.resolved: dict[tuple[str, tuple[bool, bool]], str] = {}
        self.texts: dict[str, str] = {}
        self.constructed: dict[tuple[str, str], Any] = {}

    def build_stream(self) -> Any:
        next_event = self.next_event
        next_event()  # StreamStartEvent
        event = next_event()
        if isinstance(event, yaml.StreamEndEvent):
            return None
        data = self.build(next_event(), (), 0)
        next_event()  # DocumentEndEvent
        event = next_event()
        if not isinstance(event, yaml.StreamEndEvent):
            mark = event.start_mark
            raise SourceError.single(
                self.document.path,
                "the file holds more than one YAML document (a second '---'); keep one",
                mark.line + 1,
                mark.column + 1,
            )
        return data

    def build(self, event: _Event, loc: Loc, depth: int) -> Any:
        mark = event.start_mark
        kind = type(event)
        if self.record:
            self.positions[loc] = (mark.line + 1, mark.column + 1)
        if kind is yaml.AliasEvent:
            return self._alias(event).value
        self._count()
        before = self.visited
        if kind is yaml.ScalarEvent:
            value = self._scalar(event, loc)
        elif kind is yaml.MappingStartEvent:
            value = self._mapping(loc, self._deeper(depth, mark))
        else:
            value = self._sequence(loc, self._deeper(depth, mark))
        anchor = event.anchor
        if anchor is not None:
            self._define(event, value, self.visited - before + 1, kind is yaml.ScalarEvent)
        return value

    def _count(self, size: int = 1) -> None:
        self.visited += size
        if self.visited > MAX_NODES:
            raise SourceError.single(
                self.document.path,
                f"holds more than {MAX_NODES:,} values (alias expansion?); refusing to read it",
            )

    def _deeper(self, depth: int, mark: Any) -> int:
        if depth >= MAX_DEPTH:
            raise SourceError.single(
                self.document.path,
                too_deep_message(),
                mark.line + 1,
                mark.column + 1,
            )
        return depth + 1

    def _define(self, event: _Event, value: Any, size: int, scalar: bool) -> None:
        name = event.anchor
        if name in self.anchors:
            self._problem(event, f"anchor '&{name}' is defined twice")
        self.anchors[name] = _Anchor(value, size, scalar and isinstance(value, str | int))

    def _alias(self, event: _Event) -> _Anchor:
        anchor = self.anchors.get(event.anchor)
        if anchor is None:
            mark = event.start_mark
            raise SourceError.single(
                self.document.path,
                f"alias '*{event.anchor}' names no anchor defined before it (or one it sits in)",
                mark.line + 1,
                mark.column + 1,
            )
        self._count(anchor.size)
        return anchor

    def _sequence(self, loc: Loc, depth: int) -> list[Any]:
        result: list[Any] = []
        next_event = self.next_event
        text_of = self._text
        while True:
            event = next_event()
            if type(event) is yaml.SequenceEndEvent:
                return result
            text = None if self.record else text_of(event)
            if text is None:
                result.append(self._value(event, (*loc, len(result)), depth))
            else:
                result.append(text)  # the common case, without a location to build

    def _mapping(self, loc: Loc, depth: int) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        merged: list[Any] = []
        next_event = self.next_event
        key_positions = self.document.key_positions
        text_of = self._text
        while True:
            key_event = next_event()
            if type(key_event) is yaml.MappingEndEvent:
                break
            key: Any = text_of(key_event)
            if key is None:
                key = self._key(key_event, loc, depth)
            value_event = next_event()
            if not self.record and key not in result and type(key) is str:
                text = text_of(value_event)
                if text is not None:  # the common case, without a location to build
                    result[key] = text
                    continue
            if key is _MERGE:
                merged.append(self._value(value_event, (*loc, "<<"), depth))
                continue
            if key is _SKIP or key in result:
                if key is not _SKIP:
                    self._problem(key_event, f"duplicate key '{key}' (it is already set above)")
                self._value(value_event, ("<left out>", *loc), depth)
                continue
            if self.record:
                mark = key_event.start_mark
                key_positions[(*loc, key)] = (mark.line + 1, mark.column + 1)
            result[key] = self._value(value_event, (*loc, key), depth)
        return self._merge(result, merged) if merged else result

    def _value(self, event: _Event, loc: Loc, depth: int) -> Any:
        """``build``, with the common case of a plain text scalar done inline."""
        text = self._text(event)
        if text is None:
            return self.build(event, loc, depth)
        if self.record:
            mark = event.start_mark
            self.positions[loc] = (mark.line + 1, mark.column + 1)
        return text

    def _text(self, event: _Event) -> str | None:
        """The text of a scalar that needs no resolving, counted; None for any other event.

        Such a scalar is quoted, or plain and not number-like.  One object per
        distinct text: names, publishers and field names recur on every answer
        (200 KiB of copies in the demo, kept by the records).
        """
        if (
            type(event) is not yaml.ScalarEvent
            or event.tag is not None
            or event.anchor is not None
            or (event.implicit[0] and event.value[:1] in _RESOLVED_FIRST_CHARS)
        ):
            return None
        self.visited += 1  # what _count does, inline: this runs for most values of a file
        if self.visited > MAX_NODES:
            self._count(0)  # over the limit: _count raises the error that says so
        text: str = event.value
        return self.texts.setdefault(text, text)

    def _key(self, event: _Event, loc: Loc, depth: int) -> Any:
        if type(event) is yaml.AliasEvent:
            anchor = self._alias(event)
            if anchor.key:
                return anchor.value
            self._problem(event, "mapping keys must be plain text")
            return _SKIP
        if type(event) is not yaml.ScalarEvent:
            self._problem(event, "mapping keys must be plain text")
            self.build(event, ("<left out>", *loc), depth)
            return _SKIP
        self._count()
        tag = self._tag(event)
        if tag == _MERGE_TAG:
            return _MERGE
        key = self._construct(event, tag)
        if event.anchor is not None:
            self._define(event, key, 1, True)
        if isinstance(key, str | int) and not isinstance(key, bool):
            return key
        self._problem(
            event,
            f"key {event.value!r} is read by YAML as {type(key).__name__} {key!r}; "
            f"put it in quotes",
        )
        return event.value

    def _merge(self, explicit: dict[Any, Any], merged: list[Any]) -> dict[Any, Any]:
        """YAML merge keys: explicit keys win, then earlier merged mappings win."""
        result: dict[Any, Any] = {}
        for source in merged:
            for part in source if isinstance(source, list) else [source]:
                if isinstance(part, dict):
                    for key, value in part.items():
                        result.setdefault(key, value)
        result.update(explicit)
        return result

    def _scalar(self, event: _Event, loc: Loc) -> Any:
        tag = self._tag(event)
        if tag == _STR_TAG:
            text: str = event.value
            return self.texts.setdefault(text, text)
        value = self._construct(event, tag, loc)
        text = event.value
        if tag == _BOOL_TAG and text.lower() not in _PLAIN_BOOL_WORDS:
            self.document.surprises[loc] = (
                f"YAML 1.1 reads unquoted {text!r} as {value!r}; put it in quotes"
            )
        elif tag in _NUMBER_TAGS and isinstance(value, int | float) and not _plain_number(text):
            self.document.surprises[loc] = (
                f"YAML 1.1 reads unquoted {text!r} as the number {value!r}; put it in quotes"
            )
        return value

    def _tag(self, event: _Event) -> str:
        tag = event.tag
        if tag is None or tag == "!":
            # PyYAML's resolver tries its patterns one by one; the same plain words
            # (keys such as "time", values such as "true") recur on every answer.
            key = (event.value, event.implicit)
            resolved: str | None = self.resolved.get(key)
            if resolved is None:
                resolved = self.loader.resolve(  # type: ignore[no-untyped-call]
                    yaml.ScalarNode, event.value, event.implicit
                )
                self.resolved[key] = resolved
            return resolved
        return str(tag)

    def _construct(self, event: _Event, tag: str, loc: Loc | None = None) -> Any:
        """The value of a non-text scalar; its text (and a problem) if it cannot be read."""
        if tag == _STR_TAG:
            return event.value
        constructor = self.loader.yaml_constructors.get(tag)
        if constructor is None:
            self._unreadable(
                loc, event, f"unknown tag '{tag}'; remove it (roam reads plain YAML only)"
            )
            return event.value
        shared = self.constructed.get((tag, event.value), _SKIP)
        if shared is not _SKIP:
            return shared
        node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
        try:
            value = constructor(self.loader, node)
            if tag in _IMMUTABLE_TAGS:  # one object for every equal scalar: dates recur a lot
                self.constructed[(tag, event.value)] = value
            return value
        except (yaml.YAMLError, ValueError, TypeError, OverflowError, ArithmeticError):
            message = (
                f"cannot read {short_repr(event.value)} as {tag.removeprefix(_YAML_TAG_PREFIX)}"
            )
            if event.tag is None:  # YAML guessed the type from the look of the text
                message += "; put it in quotes to keep it as text"
            self._unreadable(loc, event, message)
            return event.value

    def _unreadable(self, loc: Loc | None, event: _Event, message: str) -> None:
        problem = self._problem(event, message)
        if loc is not None:
            self.document.unreadable[loc] = problem

    def _problem(self, event: _Event, message: str) -> Problem:
        mark = event.start_mark
        problem = Problem(self.document.path, message, mark.line + 1, mark.column + 1)
        self.document.problems.append(problem)
        return problem


_PLAIN_NUMBER = re.compile(r"^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$")


def _plain_number(text: str) -> bool:
    return bool(_PLAIN_NUMBER.match(text))
