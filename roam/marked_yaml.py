"""YAML documents that remember where every value came from.

PyYAML's constructor forgets node positions, silently keeps the last of two
duplicate keys, and turns unquoted ``no`` into ``False``.  We read LibYAML's
parse events (fast) and build the Python objects ourselves in one pass that
records each value's position, reports duplicate keys and remembers which
scalars were YAML 1.1 surprises, so any later error can name ``file:line:col``.
This module reads the files and keeps what was found in a :class:`MarkedDocument`;
:mod:`roam.yaml_builder` builds the data from the events.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from roam.bounded_read import NotRegularFileError, read_at_most, size_over
from roam.errors import Problem, SourceError
from roam.yaml_builder import build_data, too_deep_message

Loc = tuple[str | int, ...]

MAX_FILE_BYTES = 8 * 1024 * 1024
_LIBYAML_DEPTH_PROBLEM = "exceeded maximum nesting depth"


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
    import yaml  # here, not at the top: a file read from the cache needs no YAML at all

    document = MarkedDocument(path=path, data=None)
    try:
        document.data = build_data(document, text, record_positions=record_positions)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        reason = exc.problem or exc.context or "invalid YAML"
        # LibYAML 0.2.5+ (in PyYAML 6.0.3+ wheels) stops at 1,000 levels while it
        # scans ahead, before the builder's own depth limit is reached.
        message = (
            too_deep_message()
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
    return document
