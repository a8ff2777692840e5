"""Errors that point at a place in a user's file.

Every problem a user can cause (bad YAML, wrong types, unknown codes, hostile
workbooks) ends up as a :class:`SourceError`, so the CLI and the TUI can show
one readable line per problem instead of a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with an input file, and where it is."""

    path: str
    message: str
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        if self.line is None:
            return f"{self.path}: {self.message}"
        if self.column is None:
            return f"{self.path}:{self.line}: {self.message}"
        return f"{self.path}:{self.line}:{self.column}: {self.message}"


class RoamError(Exception):
    """Base class of every error roam reports to a user without a traceback."""

    exit_code = 2

    @property
    def lines(self) -> list[str]:
        return [str(self)]


class SourceError(RoamError):
    """One or more problems found in user-supplied files."""

    def __init__(self, problems: list[Problem]) -> None:
        if not problems:
            raise ValueError("SourceError needs at least one problem")
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))

    @classmethod
    def single(
        cls, path: str | Path, message: str, line: int | None = None, column: int | None = None
    ) -> SourceError:
        return cls([Problem(str(path), message, line, column)])

    @property
    def lines(self) -> list[str]:
        return [str(p) for p in self.problems]


def sort_problems(problems: list[Problem]) -> list[Problem]:
    """Problems file by file (in the order files were first named), then by position.

    A problem found twice (a value that could not be read is also refused by
    validation; see roam.validation_problems) is listed once.
    """
    unique = list(dict.fromkeys(problems))
    file_order: dict[str, int] = {}
    for problem in unique:
        file_order.setdefault(problem.path, len(file_order))
    return sorted(
        unique,
        key=lambda p: (file_order[p.path], p.line or 0, p.column or 0),
    )


def short_repr(value: Any, limit: int = 40) -> str:
    """``value``'s repr, cut to ``limit`` characters for a message."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."
