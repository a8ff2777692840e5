"""YAML documents that remember where every value came from.

PyYAML's constructor forgets node positions, silently keeps the last of two
duplicate keys, and turns unquoted ``no`` into ``False``.  We compose the node
tree with LibYAML (fast), then build the Python objects ourselves in one walk
that records each value's position, reports duplicate keys and remembers which
scalars were YAML 1.1 surprises, so any later error can name ``file:line:col``.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from roam.errors import Problem, SourceError

Loc = tuple[str | int, ...]

MAX_FILE_BYTES = 8 * 1024 * 1024
MAX_DEPTH = 64
MAX_NODES = 2_000_000
# LibYAML's composer recurses in C and crashes the interpreter somewhere past a
# few thousand levels, so anything that could nest this deep is measured first.
_CHEAP_DEPTH_BOUND = 500

_BOOL_TAG = "tag:yaml.org,2002:bool"
_NUMBER_TAGS = {"tag:yaml.org,2002:int", "tag:yaml.org,2002:float"}
_PLAIN_BOOL_WORDS = {"true", "false"}
_MERGE_TAG = "tag:yaml.org,2002:merge"


@dataclass(slots=True)
class MarkedDocument:
    """A parsed YAML file plus the position of each value inside it."""

    path: str
    data: Any
    positions: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    surprises: dict[Loc, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    sha256: str = ""

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
        found: Loc = ()
        for step in loc:
            candidate = (*found, step)
            if candidate in self.positions:
                found = candidate
        return found

    def locate(self, loc: Sequence[str | int], *, at_key: bool = False) -> tuple[int, int]:
        resolved = self.resolve(loc)
        if at_key and resolved in self.key_positions:
            return self.key_positions[resolved]
        return self.positions.get(resolved, (1, 1))


def read_marked_yaml(path: str | Path, *, display_path: str | None = None) -> MarkedDocument:
    """Read and parse ``path``; raise :class:`SourceError` for anything unreadable."""
    shown = display_path or str(path)
    try:
        size = Path(path).stat().st_size
        if size > MAX_FILE_BYTES:
            raise SourceError.single(
                shown, f"file is {size:,} bytes; the limit is {MAX_FILE_BYTES:,} bytes"
            )
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        raise SourceError.single(shown, "file not found") from None
    except IsADirectoryError:
        raise SourceError.single(shown, "is a folder, not a YAML file") from None
    except OSError as exc:
        raise SourceError.single(shown, f"cannot read file: {exc.strerror or exc}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SourceError.single(
            shown, f"not UTF-8 text (bad byte at offset {exc.start})"
        ) from None
    document = parse_marked_yaml(text, shown)
    document.sha256 = hashlib.sha256(raw).hexdigest()
    return document


def parse_marked_yaml(text: str, path: str) -> MarkedDocument:
    if len(text) > MAX_FILE_BYTES:
        raise SourceError.single(path, f"document is larger than {MAX_FILE_BYTES:,} characters")
    _refuse_deep_nesting(text, path)
    loader = yaml.CSafeLoader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        reason = exc.problem or exc.context or "invalid YAML"
        if mark is None:
            raise SourceError.single(path, f"YAML syntax error: {reason}") from None
        raise SourceError.single(
            path, f"YAML syntax error: {reason}", mark.line + 1, mark.column + 1
        ) from None
    except yaml.YAMLError as exc:
        raise SourceError.single(path, f"YAML error: {exc}") from None
    finally:
        loader.dispose()
    document = MarkedDocument(path=path, data=None)
    if node is None:
        return document
    builder = _Builder(document, loader)
    document.data = builder.build(node, (), 0)
    return document


def _refuse_deep_nesting(text: str, path: str) -> None:
    longest_line = max((len(line) for line in text.splitlines()), default=0)
    bound = text.count("[") + text.count("{") + longest_line
    if bound <= _CHEAP_DEPTH_BOUND:
        return
    depth = 0
    try:
        for event in yaml.parse(text, Loader=yaml.CSafeLoader):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    mark = event.start_mark
                    raise SourceError.single(
                        path,
                        f"nested more than {MAX_DEPTH} levels deep; refusing to read it",
                        mark.line + 1,
                        mark.column + 1,
                    )
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        return  # the composer reports syntax errors with their position


class _Builder:
    """Turns a node tree into plain Python data, recording positions on the way."""

    def __init__(self, document: MarkedDocument, loader: yaml.CSafeLoader) -> None:
        self.document = document
        self.loader = loader
        self.visited = 0

    def build(self, node: yaml.Node, loc: Loc, depth: int) -> Any:
        self.visited += 1
        if self.visited > MAX_NODES:
            raise SourceError.single(
                self.document.path,
                f"holds more than {MAX_NODES:,} values (alias expansion?); refusing to read it",
            )
        if depth > MAX_DEPTH:
            mark = node.start_mark
            raise SourceError.single(
                self.document.path,
                f"nested more than {MAX_DEPTH} levels deep; refusing to read it",
                mark.line + 1,
                mark.column + 1,
            )
        mark = node.start_mark
        self.document.positions[loc] = (mark.line + 1, mark.column + 1)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, loc, depth)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*loc, i), depth + 1) for i, item in enumerate(node.value)]
        return self._scalar(node, loc)

    def _mapping(self, node: yaml.MappingNode, loc: Loc, depth: int) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE_TAG:
                merged = self.build(value_node, loc, depth + 1)
                for part in merged if isinstance(merged, list) else [merged]:
                    if isinstance(part, dict):
                        for key, value in part.items():
                            result.setdefault(key, value)
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                self._problem(key_node, "mapping keys must be plain text")
                continue
            key = self._scalar(key_node, (*loc, "<key>"))
            if not isinstance(key, str | int):
                key = self._surprising_key(key_node, key)
            key_mark = key_node.start_mark
            if key in result:
                self._problem(key_node, f"duplicate key '{key}' (it is already set above)")
                continue
            self.document.key_positions[(*loc, key)] = (key_mark.line + 1, key_mark.column + 1)
            result[key] = self.build(value_node, (*loc, key), depth + 1)
        return result

    def _surprising_key(self, key_node: yaml.ScalarNode, key: Any) -> Any:
        self._problem(
            key_node,
            f"key {key_node.value!r} is read by YAML as {type(key).__name__} {key!r}; "
            f"put it in quotes",
        )
        return key_node.value

    def _scalar(self, node: yaml.Node, loc: Loc) -> Any:
        value = self.loader.construct_object(node, deep=True)
        if node.tag == _BOOL_TAG and node.value.lower() not in _PLAIN_BOOL_WORDS:
            self.document.surprises[loc] = (
                f"YAML 1.1 reads unquoted {node.value!r} as {value!r}; put it in quotes"
            )
        elif (
            node.tag in _NUMBER_TAGS
            and isinstance(value, int | float)
            and not _plain_number(node.value)
        ):
            self.document.surprises[loc] = (
                f"YAML 1.1 reads unquoted {node.value!r} as the number {value!r}; put it in quotes"
            )
        return value

    def _problem(self, node: yaml.Node, message: str) -> None:
        mark = node.start_mark
        self.document.problems.append(
            Problem(self.document.path, message, mark.line + 1, mark.column + 1)
        )


_PLAIN_NUMBER = re.compile(r"^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$")


def _plain_number(text: str) -> bool:
    return bool(_PLAIN_NUMBER.match(text))


# --- turning validation errors into positioned problems ------------------------------------

_ERROR_TEMPLATES = {
    "missing": "missing required field '{field}'",
    "extra_forbidden": "unknown field '{field}'",
    "too_short": "'{field}' must not be empty",
}


def validation_problems(
    document: MarkedDocument, error: ValidationError, base: Loc = ()
) -> list[Problem]:
    """One positioned problem per Pydantic error, under ``base`` inside ``document``."""
    problems = []
    for item in error.errors(include_url=False):
        loc: Loc = (*base, *item["loc"])
        problems.append(_problem_for(document, loc, item))
    return problems


def _problem_for(document: MarkedDocument, loc: Loc, item: Any) -> Problem:
    named = [step for step in document.resolve(loc) if isinstance(step, str)]
    field_name = str(loc[-1]) if loc else "document"
    template = _ERROR_TEMPLATES.get(item["type"])
    if template:
        message = template.format(field=field_name)
    else:
        message = str(item["msg"]).removeprefix("Value error, ").removeprefix("Assertion failed, ")
        label = named[-1] if named else None
        if label:
            message = f"{label}: {message}"
        if item["type"] not in {"value_error", "assertion_error"} and "input" in item:
            message = f"{message} (got {_short(item['input'])})"
        if (
            item["type"] == "string_type"
            and isinstance(item.get("input"), int | float)
            and not isinstance(item.get("input"), bool)
        ):
            message = f"{message}; put it in quotes to keep it as text"
    return document.problem_at(loc, message, at_key=item["type"] == "extra_forbidden")


def _short(value: Any, limit: int = 40) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def problems_or_raise(problems: Iterable[Problem]) -> None:
    found = list(problems)
    if found:
        raise SourceError(found)
