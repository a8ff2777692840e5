"""What every fuzz target shares: the budget, the contract, the mutation strategies.

The contract: whatever bytes a user hands roam, a loader returns a valid object
or raises a RoamError whose every line names a file (and a line inside it, if
any) — never another exception.
"""

from __future__ import annotations

import copy
import os
import warnings
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import yaml
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from roam.errors import RoamError, SourceError

# CI runs a small budget; `make fuzz` sets ROAM_FUZZ_EXAMPLES=5000.
FUZZ_EXAMPLES = int(os.environ.get("ROAM_FUZZ_EXAMPLES", "60"))

FUZZ = settings(
    max_examples=FUZZ_EXAMPLES,
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.filter_too_much,
        HealthCheck.function_scoped_fixture,
    ],
)


def costly(divisor: int) -> settings:
    """The budget for a target whose cases cost ``divisor`` times more than most."""
    return settings(FUZZ, max_examples=max(10, FUZZ_EXAMPLES // divisor))


# Cases run per target in this session; printed in pytest's summary (see conftest).
CASES: Counter[str] = Counter()
OUTCOMES: Counter[str] = Counter()

T = TypeVar("T")


def holds_contract(target: str, action: Callable[[], T], files: list[Path]) -> T | RoamError:
    """Run ``action``; a RoamError must point into ``files``; anything else propagates.

    No warning may escape either: Python prints it on the user's terminal as a line
    of some library's source, which is as unreadable as a traceback.
    """
    CASES[target] += 1
    refusal: RoamError | None = None
    with warnings.catch_warnings(record=True) as escaped:
        warnings.simplefilter("always")
        try:
            result = action()
        except RoamError as error:
            refusal = error
    # Checked only when action() returned or refused: another exception propagates as it was.
    assert not escaped, [f"{w.category.__name__}: {w.message}" for w in escaped]
    if refusal is not None:
        OUTCOMES[f"{target}: refused"] += 1
        check_error_is_clear(refusal, files)
        return refusal
    OUTCOMES[f"{target}: accepted"] += 1
    return result


def check_error_is_clear(error: RoamError, files: list[Path]) -> None:
    lines = error.lines
    assert lines, "a RoamError must say something"
    for line in lines:
        assert line.strip(), "blank error line"
        assert "Traceback" not in line
    if not isinstance(error, SourceError):
        return
    given = {path.resolve(): path for path in files}
    for problem in error.problems:
        named = Path(problem.path).resolve()
        # A mutated file may point elsewhere (an assessment's framework.path, an
        # edition's category list); the message must then name that real place.
        assert named in given or named.exists(), f"{problem} names no file there is"
        if problem.line is not None and named in given and named.suffix in {".yaml", ".yml"}:
            text = named.read_bytes().decode("utf-8", "replace")
            # YAML also breaks lines at U+0085, U+2028 and U+2029; splitlines() breaks at
            # those and a few more, which makes it a safe upper bound.
            lines = len(text.splitlines())
            assert 1 <= problem.line <= lines + 2, f"{problem}: line out of range"
        assert problem.line is None or problem.line >= 1
        assert problem.column is None or problem.column >= 1


# --- text: random tokens and mutated lines ---------------------------------------------------

TOKENS = [
    "no", "yes", "on", "off", "~", "null", "", "0", "-1", "1e400", "1_000", "0x1F", "0o17",
    ".inf", "-.nan", "2020-01-01", "2020-13-45", "12:30:00", "'quoted'", "\"\\u0000\"",
    "[]", "{}", "[a, b]", "{a: 1}", "&a x", "*a", "*nowhere", "&b [1, *b]", "!!int x",
    "!!binary ???", "!!float abc", "!foo x", "!!python/object:os.system x", "<<", "<<: *a",
    "|", "|\n  block\n", ">-", "'unterminated", "\"unterminated", "é", "\t", "\x00", "\x1b",
    "\ufeff", "\u2028", "\U0001f600", "R", "R.A", "R.A.1", "R.A.1.a", "qualitative",
    "quantitative", "contextual", "institutional", "three", "low", "high", "100", "1000",
    "-0", "NaN", "- x", ": x", "? x", "# comment", "%YAML 1.1", "%TAG ! tag:x,2000:", "---",
    "...", "x" * 300, "[" * 80, "{" * 80, "code:", "kind:", "scale:", "goalposts:",
    "themes:", "questions:", "indicators:", "levels:", "categories:", "weight: 0",
    "weight: -1", "core: maybe", "text: {zz: hi}", "languages: [xx]",
]  # fmt: skip

token = st.sampled_from(TOKENS) | st.text(max_size=12)
scalar_token = st.sampled_from(TOKENS)


@st.composite
def yaml_noise(draw: st.DrawFn) -> str:
    """Text built from YAML syntax, keys roam knows, and surprises, in random order."""
    pieces = draw(
        st.lists(token | st.sampled_from([": ", "- ", "\n", "  ", ", ", "\n  "]), max_size=60)
    )
    return "".join(pieces)


def _index(draw: st.DrawFn, lines: list[str]) -> int:
    return draw(st.integers(0, max(len(lines) - 1, 0)))


def _delete(draw: st.DrawFn, lines: list[str]) -> list[str]:
    i = _index(draw, lines)
    return lines[:i] + lines[i + 1 :]


def _duplicate(draw: st.DrawFn, lines: list[str]) -> list[str]:
    i = _index(draw, lines)
    return lines[: i + 1] + lines[i:]


def _swap(draw: st.DrawFn, lines: list[str]) -> list[str]:
    i, j = _index(draw, lines), _index(draw, lines)
    swapped = list(lines)
    if swapped:
        swapped[i], swapped[j] = swapped[j], swapped[i]
    return swapped


def _reindent(draw: st.DrawFn, lines: list[str]) -> list[str]:
    i = _index(draw, lines)
    shift = draw(st.integers(-4, 4))
    changed = list(lines)
    if changed:
        line = changed[i]
        changed[i] = " " * shift + line if shift > 0 else line[min(-shift, len(line)) :]
    return changed


def _replace_value(draw: st.DrawFn, lines: list[str]) -> list[str]:
    i = _index(draw, lines)
    changed = list(lines)
    if changed and ": " in changed[i]:
        head = changed[i].split(": ", 1)[0]
        changed[i] = f"{head}: {draw(scalar_token)}"
    return changed


def _insert(draw: st.DrawFn, lines: list[str]) -> list[str]:
    i = _index(draw, lines)
    changed = list(lines) or [""]
    line = changed[i]
    at = draw(st.integers(0, len(line)))
    changed[i] = line[:at] + draw(token) + line[at:]
    return changed


def _truncate(draw: st.DrawFn, lines: list[str]) -> list[str]:
    text = "\n".join(lines)
    cut = draw(st.integers(0, len(text)))
    return text[:cut].split("\n")


MUTATIONS = [_delete, _duplicate, _swap, _reindent, _replace_value, _insert, _truncate]


@st.composite
def mutated_text(draw: st.DrawFn, source: str) -> str:
    """``source`` after one to five line-level mutations."""
    lines = source.split("\n")
    for _ in range(draw(st.integers(1, 5))):
        lines = draw(st.sampled_from(MUTATIONS))(draw, lines)
    return "\n".join(lines)


# --- data: random changes to the parsed tree, dumped back to YAML ----------------------------

Path_ = tuple[str | int, ...]

leaf = (
    st.none()
    | st.booleans()
    | st.integers(-(10**20), 10**20)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=16)
    | scalar_token
)
any_value = st.recursive(
    leaf,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=6,
)


def _paths(data: Any, here: Path_ = ()) -> list[Path_]:
    found = [here]
    if isinstance(data, dict):
        for key, value in data.items():
            found += _paths(value, (*here, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _paths(value, (*here, index))
    return found


def _parent_and_key(root: Any, path: Path_) -> tuple[Any, str | int]:
    parent = root
    for step in path[:-1]:
        parent = parent[step]
    return parent, path[-1]


@st.composite
def mutated_data(draw: st.DrawFn, source: Any) -> Any:
    """``source`` (parsed YAML) with one to four values replaced, removed, added or copied."""
    data = copy.deepcopy(source)
    for _ in range(draw(st.integers(1, 4))):
        paths = [p for p in _paths(data) if p]
        if not paths:
            return draw(any_value)
        parent, key = _parent_and_key(data, draw(st.sampled_from(paths)))
        action = draw(st.sampled_from(["replace", "remove", "add", "copy"]))
        if action == "replace":
            parent[key] = draw(any_value)
        elif action == "remove":
            del parent[key]
        elif action == "add" and isinstance(parent, dict):
            parent[draw(st.text(min_size=1, max_size=10))] = draw(any_value)
        elif isinstance(parent, list):
            parent.insert(draw(st.integers(0, len(parent))), copy.deepcopy(parent[key]))
        else:  # copy a value over a sibling: a list of themes where a name should be
            parent[draw(st.sampled_from(list(parent)))] = copy.deepcopy(parent[key])
    return data


def dump(data: Any) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)


def write(path: Path, text: str | bytes) -> Path:
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path
