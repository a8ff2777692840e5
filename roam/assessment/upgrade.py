"""Move an assessment to a newer edition or version through crosswalks.

Every answer that can move, moves: to the same code, a new code, every part of a
split, or the one indicator a merge leaves (an answer of another merged indicator
becomes a differing version beside it, as a merge of two researchers' files
does).  An answer whose indicator changed shape or meaning is marked for review
(state ``queried``, with a comment that says what happened) and listed.  An
answer of a dropped indicator stays in the file under its old code, which roam
keeps and warns about; only when the newer edition reuses that code for another
indicator does the answer stay behind (in the file as it was before the upgrade),
and the list says so.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from roam.assessment.create import adopt_framework, now
from roam.assessment.model import Answer, AnswerVersion, Assessment, Comment
from roam.errors import RoamError
from roam.framework.crosswalk import (
    Change,
    Crosswalk,
    crosswalk_route,
    edition_crosswalk_folders,
    read_crosswalk,
)
from roam.framework.loader import VERSION_SEPARATOR, built_in_edition, load_framework
from roam.framework.model import Framework, ScaledIndicator
from roam.framework.text import localize

UPGRADER = "roam upgrade"


@dataclass(frozen=True, slots=True)
class Moved:
    """What happened to one answer of the older edition."""

    old: str
    new: tuple[str, ...]  # empty: it could not move
    kind: str
    review: bool
    note: str = ""

    def describe(self) -> str:
        if not self.new:
            target = "not carried over (it stays in the file as it was before)"
        elif self.kind == "dropped":
            target = "kept under its old code"
        else:
            target = ", ".join(self.new)
        text = f"{self.old} -> {target} ({self.kind})"
        return f"{text}: {self.note}" if self.note else text


@dataclass
class Upgrade:
    """The result: the moved assessment, its new edition and what a person must look at."""

    assessment: Assessment
    framework: Framework
    source: str
    target: str
    kept: int = 0
    moves: list[Moved] = field(default_factory=list)

    @property
    def to_review(self) -> list[Moved]:
        return [move for move in self.moves if move.review]

    @property
    def left_behind(self) -> list[Moved]:
        return [move for move in self.moves if not move.new]


def edition_name(framework: Framework) -> str:
    return f"{framework.id}{VERSION_SEPARATOR}{framework.version}"


def upgrade_assessment(
    assessment: Assessment,
    framework: Framework,
    *,
    target: Framework | None = None,
    path: str | Path | None = None,
    when: dt.datetime | None = None,
) -> Upgrade:
    """``assessment`` (made against ``framework``) moved to ``target``, the newest by default.

    ``path`` is where the upgraded file will be saved (for a relative edition path).
    """
    if target is None:
        folder = built_in_edition(framework.id)
        if folder is None:
            raise RoamError(
                f"'{framework.id}' is not a built-in edition; name the newer one with --to"
            )
        target = load_framework(folder)
    source_name, target_name = edition_name(framework), edition_name(target)
    route = crosswalk_route(source_name, target_name, edition_crosswalk_folders(target))
    if route is None:
        raise RoamError(
            f"no crosswalk leads from {source_name} to {target_name} "
            "(indicators/crosswalks/<from>__<to>.yaml)"
        )
    result = Upgrade(assessment.model_copy(deep=True), target, source_name, target_name)
    stamp = when or now()
    older = framework
    for step in route:
        newer = _edition_after(step, target)
        crosswalk = read_crosswalk(step, older, newer)
        _apply(result, crosswalk, older, newer, stamp)
        older = newer
    adopt_framework(result.assessment, target, path)
    return result


def _edition_after(step: Path, last: Framework) -> Framework:
    """The edition a crosswalk file leads to: the target itself, or a built-in one."""
    name = step.stem.partition("__")[2]
    if name == edition_name(last):
        return last
    edition_id, _, version = name.partition(VERSION_SEPARATOR)
    folder = built_in_edition(edition_id, version)
    if folder is None:
        raise RoamError(f"{step.name}: the edition {name} is not built in")
    return load_framework(folder)


def _apply(
    result: Upgrade, crosswalk: Crosswalk, older: Framework, newer: Framework, stamp: dt.datetime
) -> None:
    assessment = result.assessment
    old_answers = assessment.answers
    moved: dict[str, Answer] = {}
    for code, answer in old_answers.items():
        if code not in older.places:
            moved.setdefault(code, answer)  # unknown before the upgrade: kept as it was
    changes = {
        code: crosswalk.change_for(code) or Change(kind="same", **{"from": code})
        for code in older.places
        if code in old_answers
    }
    # An indicator that a merge keeps takes its own answer first; the others join it.
    order = sorted(changes, key=lambda code: code not in changes[code].targets)
    for code in order:
        _move(
            result,
            moved,
            code=code,
            answer=old_answers[code],
            change=changes[code],
            newer=newer,
            stamp=stamp,
        )
    assessment.answers = moved
    assessment.custom_codes = _mapped_codes(assessment.custom_codes, crosswalk, newer)
    for recommendation in assessment.recommendations:
        recommendation.indicators = _mapped_codes(recommendation.indicators, crosswalk, newer)


def _move(
    result: Upgrade,
    moved: dict[str, Answer],
    *,
    code: str,
    answer: Answer,
    change: Change,
    newer: Framework,
    stamp: dt.datetime,
) -> None:
    note = localize(change.note)
    worked_on = _has_content(answer)
    targets = change.targets
    placed: list[str] = []
    if not targets and code not in newer.places:
        moved[code] = answer  # dropped: kept under its old code, which means nothing else now
        placed.append(code)
    for target in targets:
        copy = answer.model_copy(deep=True) if len(targets) > 1 else answer
        where = _place(moved, code, target, copy, newer)
        if where is not None:
            placed.append(where)
    review = worked_on and (change.needs_review or not placed or placed != targets)
    if review:
        for where in placed:
            if where in newer.places:
                _mark(
                    moved[where],
                    old=code,
                    new=where,
                    change=change,
                    source=result.source,
                    stamp=stamp,
                )
    if worked_on:
        result.kept += 1 if placed else 0
        if change.kind != "same" or review:
            result.moves.append(Moved(code, tuple(placed), change.kind, review, note))


def _place(
    moved: dict[str, Answer], code: str, target: str, answer: Answer, newer: Framework
) -> str | None:
    """Put ``answer`` at ``target``; where it holds an answer already, beside it as a version.

    Returns where the answer went: ``target``, its old ``code`` when its shape does
    not fit beside the other and the code is free, or None when it stays behind.
    """
    present = moved.get(target)
    if present is None or (not _has_content(present) and _has_content(answer)):
        moved[target] = answer
        return target
    if not _has_content(answer):
        return target  # nothing to carry: the answer already there stands
    if _fits(answer, newer, target):
        _add_version(present, code, answer)
        return target
    if code not in newer.places and code not in moved:
        moved[code] = answer
        return code
    return None


def _add_version(present: Answer, code: str, answer: Answer) -> None:
    present.conflicts.append(
        AnswerVersion(
            source=f"{code} before the upgrade",
            status=answer.status,
            level=answer.level,
            value=answer.value,
            year=answer.year,
            justification=answer.justification,
            evidence=list(answer.evidence),
            confidence=answer.confidence,
        )
    )


def _fits(answer: Answer, newer: Framework, target: str) -> bool:
    """Whether ``answer`` has the shape ``target`` takes: a level of its scale, or a value."""
    indicator = newer.indicator(target)
    if isinstance(indicator, ScaledIndicator):
        if answer.value is not None:
            return False
        return answer.level is None or newer.scale_for(indicator).level(answer.level) is not None
    return answer.level is None


def _has_content(answer: Answer) -> bool:
    return (
        answer.status != "not_assessed"
        or bool(answer.justification.strip())
        or bool(answer.evidence)
        or answer.level is not None
        or answer.value is not None
    )


def _mark(
    answer: Answer, *, old: str, new: str, change: Change, source: str, stamp: dt.datetime
) -> None:
    what = f"{old} of {source}" if old == new else f"{old} of {source}, now {new}"
    note = localize(change.note)
    text = f"Upgraded from {what} ({change.kind}); check that the answer fits the new text."
    answer.review.state = "queried"
    answer.review.thread.append(Comment(author=UPGRADER, time=stamp, text=f"{text} {note}".strip()))


def _mapped_codes(codes: list[str], crosswalk: Crosswalk, newer: Framework) -> list[str]:
    mapped: list[str] = []
    for code in codes:
        change = crosswalk.change_for(code)
        targets = change.targets if change is not None and change.targets else [code]
        if change is not None and not change.targets and code in newer.places:
            targets = []  # dropped, and its code now means something else
        for target in targets:
            if target not in mapped:
                mapped.append(target)
    return mapped
