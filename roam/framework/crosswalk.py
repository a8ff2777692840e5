"""Crosswalks: how the indicators of one edition (or version) map onto another's.

A crosswalk is a YAML file ``indicators/crosswalks/<from>__<to>.yaml`` where each
side is named ``<id>@<version>``.  It lists what happened to indicators whose code
or meaning changed; every other code found in both editions is the ``same``.

Kinds of change (``from`` codes of the older edition, ``to`` codes of the newer):
``same`` (one to the same code, for a note or a ``review`` flag), ``renamed`` (one
to one other code), ``merged`` (several to one), ``split`` (one to several),
``new`` (no ``from``) and ``dropped`` (no ``to``).  ``review: true`` marks answers
that a person must look at after the move; merged and split entries always do.

Nothing here assumes how many categories, themes or indicators an edition has:
UNESCO's revised indicators have fewer indicators and new themes, and a crosswalk
to them has the same shape.  A crosswalk is checked against both editions, with
``file:line:col`` for every problem.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, ValidationError

from roam.errors import Problem, SourceError, sort_problems
from roam.framework.loader import (
    VERSION_SEPARATOR,
    display_path,
    indicators_root,
)
from roam.framework.model import Code, Framework, StrictModel
from roam.framework.text import Text
from roam.marked_yaml import MarkedDocument, read_marked_yaml
from roam.validation_problems import validation_problems

CROSSWALK_FOLDER = "crosswalks"
SIDES_SEPARATOR = "__"
ChangeKind = Literal["same", "renamed", "merged", "split", "new", "dropped"]
# Kinds after which an answer always needs a person's look: its indicator changed shape.
ALWAYS_REVIEWED: frozenset[ChangeKind] = frozenset({"merged", "split"})
_FROM_COUNT: dict[ChangeKind, tuple[int, int | None]] = {
    "same": (1, 1),
    "renamed": (1, 1),
    "merged": (2, None),
    "split": (1, 1),
    "new": (0, 0),
    "dropped": (1, 1),
}
_TO_COUNT: dict[ChangeKind, tuple[int, int | None]] = {
    "same": (0, 1),
    "renamed": (1, 1),
    "merged": (1, 1),
    "split": (2, None),
    "new": (1, 1),
    "dropped": (0, 0),
}


class EditionName(StrictModel):
    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9._-]*$", max_length=60)]
    version: str = Field(min_length=1, max_length=40)

    def __str__(self) -> str:
        return f"{self.id}{VERSION_SEPARATOR}{self.version}"


Codes = Code | list[Code]


class Change(StrictModel):
    kind: ChangeKind
    from_: Codes | None = Field(default=None, alias="from")
    to: Codes | None = None
    review: bool = False
    note: Text | None = None

    @property
    def sources(self) -> list[str]:
        return _as_list(self.from_)

    @property
    def targets(self) -> list[str]:
        targets = _as_list(self.to)
        if self.kind == "same" and not targets:
            return self.sources
        return targets

    @property
    def needs_review(self) -> bool:
        return self.review or self.kind in ALWAYS_REVIEWED


class CrosswalkFile(StrictModel):
    from_: EditionName = Field(alias="from")
    to: EditionName
    note: Text | None = None
    changes: list[Change] = Field(default_factory=list)


def _as_list(codes: Codes | None) -> list[str]:
    if codes is None:
        return []
    return [codes] if isinstance(codes, str) else list(codes)


@dataclass(frozen=True, slots=True)
class Crosswalk:
    """A checked crosswalk: every code of the older edition leads somewhere (or nowhere)."""

    path: Path
    source: EditionName
    target: EditionName
    note: dict[str, str] | None
    changes: tuple[Change, ...]

    def change_for(self, code: str) -> Change | None:
        """The listed change that takes ``code`` of the older edition, if any."""
        return next((c for c in self.changes if code in c.sources), None)


def crosswalk_folder(root: Path | None = None) -> Path:
    return (root or indicators_root()) / CROSSWALK_FOLDER


def crosswalk_name(source: EditionName, target: EditionName) -> str:
    return f"{source}{SIDES_SEPARATOR}{target}.yaml"


def read_crosswalk(path: Path, source: Framework, target: Framework) -> Crosswalk:
    """Read and check the crosswalk at ``path`` against both editions."""
    shown = display_path(path)
    document = read_marked_yaml(path, display_path=shown)
    problems: list[Problem] = list(document.problems)
    parsed: CrosswalkFile | None = None
    if not isinstance(document.data, dict):
        problems.append(Problem(shown, "a crosswalk is a mapping with from, to and changes", 1, 1))
    else:
        try:
            parsed = CrosswalkFile.model_validate(document.data)
        except ValidationError as exc:
            problems += validation_problems(document, exc, ())
    if parsed is not None:
        problems += _check_sides(parsed, document, source, target)
        problems += _check_changes(parsed, document, source, target)
    if problems or parsed is None:
        raise SourceError(sort_problems(problems))
    return Crosswalk(path, parsed.from_, parsed.to, parsed.note, tuple(parsed.changes))


def _check_sides(
    parsed: CrosswalkFile, document: MarkedDocument, source: Framework, target: Framework
) -> list[Problem]:
    problems = []
    for key, side, edition in (("from", parsed.from_, source), ("to", parsed.to, target)):
        if (side.id, side.version) != (edition.id, edition.version):
            problems.append(
                document.problem_at(
                    (key,),
                    f"this crosswalk is for {side}, not {edition.id}{VERSION_SEPARATOR}"
                    f"{edition.version}",
                )
            )
    return problems


def _check_changes(
    parsed: CrosswalkFile, document: MarkedDocument, source: Framework, target: Framework
) -> list[Problem]:
    problems: list[Problem] = []
    taken: dict[str, int] = {}  # code of the older edition -> entry that takes it
    given: dict[str, int] = {}  # code of the newer edition -> entry that gives it
    for index, change in enumerate(parsed.changes):
        loc = ("changes", index)
        for key, codes, counts in (
            ("from", change.sources, _FROM_COUNT[change.kind]),
            ("to", _as_list(change.to), _TO_COUNT[change.kind]),
        ):
            low, high = counts
            if len(codes) < low or (high is not None and len(codes) > high):
                problems.append(
                    document.problem_at((*loc, "kind"), _count_message(change.kind, key, low, high))
                )
        for code in change.sources:
            problems += _claim(taken, code, index, document, loc=(*loc, "from"), side="older")
            if code not in source.places:
                problems.append(
                    document.problem_at(
                        (*loc, "from"), f"{source.id} {source.version} has no indicator '{code}'"
                    )
                )
        for code in change.targets:
            problems += _claim(given, code, index, document, loc=(*loc, "to"), side="newer")
            if code not in target.places:
                problems.append(
                    document.problem_at(
                        (*loc, "to"), f"{target.id} {target.version} has no indicator '{code}'"
                    )
                )
    for code in source.places:
        if code not in taken and code not in target.places:
            problems.append(
                document.problem_at(
                    ("changes",),
                    f"'{code}' is not in {target.id} {target.version}: list it as renamed, "
                    "merged, split or dropped",
                    at_key=True,
                )
            )
    for code in target.places:
        if code not in given and code not in source.places:
            problems.append(
                document.problem_at(
                    ("changes",),
                    f"'{code}' is not in {source.id} {source.version}: list it as new, "
                    "renamed, merged or split",
                    at_key=True,
                )
            )
    return problems


def _count_message(kind: str, key: str, low: int, high: int | None) -> str:
    if high == 0:
        return f"a '{kind}' change has no '{key}'"
    if high is None:
        return f"a '{kind}' change lists at least {low} codes in '{key}'"
    if low == high:
        return f"a '{kind}' change names exactly {low} code in '{key}'"
    return f"a '{kind}' change names at most {high} code in '{key}'"


def _claim(
    claimed: dict[str, int],
    code: str,
    index: int,
    document: MarkedDocument,
    *,
    loc: tuple[str | int, ...],
    side: str,
) -> list[Problem]:
    earlier = claimed.setdefault(code, index)
    if earlier == index:
        return []
    line, column = document.locate(("changes", earlier))
    return [
        document.problem_at(
            loc,
            f"'{code}' of the {side} edition is already used by the change at "
            f"{document.path}:{line}:{column}",
        )
    ]


def available_crosswalks(folders: tuple[Path, ...] = ()) -> dict[str, list[tuple[str, Path]]]:
    """``<id>@<version>`` -> the names it has a crosswalk to, with the files.

    The built-in crosswalks come first, then those in ``folders`` (a team's own, for
    an edition it keeps outside roam, such as UNESCO's revised indicators).
    """
    steps: dict[str, list[tuple[str, Path]]] = {}
    for folder in (crosswalk_folder(), *folders):
        for path in sorted(folder.glob(f"*{SIDES_SEPARATOR}*.yaml")):
            source, _, target = path.stem.partition(SIDES_SEPARATOR)
            steps.setdefault(source, []).append((target, path))
    return steps


def edition_crosswalk_folders(edition: Framework) -> tuple[Path, ...]:
    """Where a crosswalk to an edition kept outside roam may live: beside it, or in it."""
    if not edition.origin:
        return ()
    origin = Path(edition.origin)
    home = origin.parent if origin.is_file() else origin
    return (home / CROSSWALK_FOLDER, home.parent / CROSSWALK_FOLDER)


def crosswalk_route(source: str, target: str, folders: tuple[Path, ...] = ()) -> list[Path] | None:
    """The crosswalk files that lead from ``source`` to ``target`` (names ``id@version``)."""
    if source == target:
        return []
    steps = available_crosswalks(folders)
    came_from: dict[str, tuple[str, Path] | None] = {source: None}
    waiting = deque([source])
    while waiting:
        here = waiting.popleft()
        for there, path in steps.get(here, []):
            if there in came_from:
                continue
            came_from[there] = (here, path)
            if there == target:
                route: list[Path] = []
                step = came_from[there]
                while step is not None:
                    route.append(step[1])
                    step = came_from[step[0]]
                return route[::-1]
            waiting.append(there)
    return None
