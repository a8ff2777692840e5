"""Reading a bad-input corpus: one folder per case, each with a ``case.expected`` sidecar.

``case.expected`` holds comment lines (``#``, saying what the case shows) and one
line ``FILE:LINE: FRAGMENT`` — or ``FILE: FRAGMENT`` for problems without a
line — naming the file (relative to the case folder; ``.`` is the folder
itself), the line roam must point at, and a fragment of the message it must give.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from roam.errors import Problem

_EXPECTED = re.compile(r"^(?P<file>[^:]+):(?:(?P<line>\d+):)? (?P<fragment>.+)$")


@dataclass(frozen=True, slots=True)
class Expected:
    file: str
    line: int | None
    fragment: str


def cases(root: Path) -> list[Path]:
    return sorted(p.parent for p in root.glob("*/case.expected"))


def read_expected(case: Path) -> Expected:
    lines = [
        line
        for line in (case / "case.expected").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert len(lines) == 1, f"{case}/case.expected must hold exactly one expectation"
    match = _EXPECTED.match(lines[0])
    assert match, f"{case}/case.expected: expected FILE:LINE: FRAGMENT, got {lines[0]!r}"
    line = match["line"]
    return Expected(match["file"], None if line is None else int(line), match["fragment"])


def assert_matches(problem: Problem, expected: Expected, case: Path) -> None:
    assert Path(problem.path).resolve() == (case / expected.file).resolve(), str(problem)
    assert problem.line == expected.line, str(problem)
    assert expected.fragment in problem.message, str(problem)
