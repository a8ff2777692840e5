"""YAML documents that remember where every value came from.

PyYAML's constructor forgets node positions, silently keeps the last of two
duplicate keys, and turns unquoted ``no`` into ``False``.  We read LibYAML's
parse events (fast) and build the Python objects ourselves in one pass that
records each value's position, reports duplicate keys and remembers which
scalars were YAML 1.1 surprises, so any later error can name ``file:line:col``.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from roam.bounded_read import NotRegularFileError, read_at_most, size_over
from roam.errors import Problem, SourceError

if TYPE_CHECKING:
    import yaml
else:
    yaml = None  # imported on the first parse (_import_yaml): cached files need none of it

Loc = tuple[str | int, ...]

MAX_FILE_BYTES = 8 * 1024 * 1024
MAX_DEPTH = 64
_LIBYAML_DEPTH_PROBLEM = "exceeded maximum nesting depth"
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


@dataclass(slots=True)
class MarkedDocument:
    """A parsed YAML file plus the position of each value inside it.

    Positions are found when first asked for, by reading the text again: most
    files have nothing to point at, and the positions of a large file take
    three times the memory of its data (3.4 MiB against 1.3 for the demo).
    """

    path: str
    data: Any
    positions: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    surprises: dict[Loc, str] = field(default_factory=dict)
    # Scalars that could not be read (bad explicit tag), with the problem already
    # reported; a validation error about the same value repeats that problem, so
    # a caller that drops identical problems shows it once.
    unreadable: dict[Loc, Problem] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    sha256: str = ""
    # The source, until the positions are first needed (then read from it).
    text: str | None = None

    def problem_at(self, loc: Loc, message: str, *, at_key: bool = False) -> Problem:
        line, column = self.locate(loc, at_key=at_key)
        hint = self.surprises.get(self.resolve(loc))
        if hint:
            message = f"{message} ({hint})"
        return Problem(self.path, message, line, column)

    def resolve(self, loc: Sequence[str | int]) -> Loc:
        """The longest prefix of ``loc`` that names a real node.

        Pydantic inserts union tags and validator names into error locations;
        those steps are skipped rather than ending the walk.
        """
        positions = self._positions()
        found: Loc = ()
        for step in loc:
            candidate = (*found, step)
            if candidate in positions:
                found = candidate
        return found

    def locate(self, loc: Sequence[str | int], *, at_key: bool = False) -> tuple[int, int]:
        resolved = self.resolve(loc)
        if at_key and resolved in self.key_positions:
            return self.key_positions[resolved]
        return self.positions.get(resolved, (1, 1))

    def _positions(self) -> dict[Loc, tuple[int, int]]:
        if self.text is not None:
            text, self.text = self.text, None
            located = _parse(text, self.path, record_positions=True)
            self.positions, self.key_positions = located.positions, located.key_positions
        return self.positions


def read_marked_yaml(path: str | Path, *, display_path: str | None = None) -> MarkedDocument:
    """Read and parse ``path``; raise :class:`SourceError` for anything unreadable."""
    shown = display_path or str(path)
    return parse_marked_bytes(read_source(path, shown), shown)


def read_source(path: str | Path, shown: str) -> bytes:
    """The bytes of a YAML file a user gave us, refused with one message if unreadable."""
    try:
        raw = read_at_most(path, MAX_FILE_BYTES)
    except FileNotFoundError:
        raise SourceError.single(shown, "file not found") from None
    except IsADirectoryError:
        raise SourceError.single(shown, "is a folder, not a YAML file") from None
    except NotRegularFileError as exc:
        raise SourceError.single(shown, f"{exc}; roam reads YAML from files only") from None
    except OSError as exc:
        raise SourceError.single(shown, f"cannot read file: {exc.strerror or exc}") from None
    if len(raw) > MAX_FILE_BYTES:
        raise SourceError.single(
            shown,
            f"file is {size_over(path, MAX_FILE_BYTES)}; the limit is {MAX_FILE_BYTES:,} bytes",
        )
    return raw


def parse_marked_bytes(raw: bytes, shown: str, sha256: str | None = None) -> MarkedDocument:
    """Parse a file's bytes (read by :func:`read_source`); ``sha256`` if already computed."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SourceError.single(
            shown, f"not UTF-8 text (bad byte at offset {exc.start})"
        ) from None
    document = parse_marked_yaml(text, shown)
    document.sha256 = sha256 or hashlib.sha256(raw).hexdigest()
    return document


def parse_marked_yaml(text: str, path: str) -> MarkedDocument:
    document = _parse(text, path, record_positions=False)
    document.text = text
    return document


def _parse(text: str, path: str, *, record_positions: bool) -> MarkedDocument:
    if len(text) > MAX_FILE_BYTES:
        raise SourceError.single(path, f"document is larger than {MAX_FILE_BYTES:,} characters")
    document = MarkedDocument(path=path, data=None)
    _import_yaml()
    loader = None
    try:
        # The pure-Python loader checks the characters here, LibYAML's while parsing.
        loader = _loader_class()(text)
        document.data = _Builder(document, loader, record_positions).build_stream()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        reason = exc.problem or exc.context or "invalid YAML"
        # LibYAML 0.2.5+ (in PyYAML 6.0.3+ wheels) stops at 1,000 levels while it
        # scans ahead, before the builder's own depth limit is reached.
        message = (
            _too_deep_message()
            if reason == _LIBYAML_DEPTH_PROBLEM
            else (f"YAML syntax error: {reason}")
        )
        if mark is None:
            raise SourceError.single(path, message) from None
        raise SourceError.single(path, message, mark.line + 1, mark.column + 1) from None
    except yaml.reader.ReaderError as exc:
        # A control character; LibYAML and the pure-Python reader word it differently.
        line = text.count("\n", 0, exc.position) + 1
        column = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        message = f"YAML syntax error: character U+{exc.character:04X} is not allowed in YAML"
        raise SourceError.single(path, message, line, column) from None
    except yaml.YAMLError as exc:
        raise SourceError.single(path, f"YAML error: {exc}") from None
    finally:
        if loader is not None:
            loader.dispose()
    return document


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


def _too_deep_message() -> str:
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
                _too_deep_message(),
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


def short_repr(value: Any, limit: int = 40) -> str:
    """``value``'s repr, cut to ``limit`` characters for a message."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."
