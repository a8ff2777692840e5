"""Combining assessment files of one country and edition made by different researchers.

For every indicator, the files that hold an opinion on it (any status but an
empty ``not_assessed``) are compared on status, level and value.  When they all
agree the answers are merged; when any differs, the answer keeps the version of
the first file (in the order given) and ``Answer.conflicts`` lists every file's
version side by side until the team decides (:func:`roam.teamwork.consensus.
resolve_conflict`).  Either way, evidence is united without duplicates
(``Evidence.identity()``), and histories and review threads are united,
de-duplicated and sorted by time.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from roam.assessment.model import (
    MILESTONE_KINDS,
    REVIEW_STATES,
    Answer,
    AnswerVersion,
    Assessment,
    Change,
    Confidence,
    Evidence,
    Milestone,
    Recommendation,
    Review,
    ReviewState,
)
from roam.errors import RoamError
from roam.teamwork.subject import Labelled, require_same_edition
from roam.teamwork.times import as_utc
from roam.teamwork.versions import differing_fields, has_opinion, source_label, version_of

T = TypeVar("T")

VERSION_FIELDS = ("status", "level", "value")
_CONFIDENCE_ORDER: tuple[Confidence, ...] = ("low", "medium", "high")
_MILESTONE_PROGRESS = ("not_started", "in_progress", "done")


@dataclass(frozen=True, slots=True)
class Disagreement:
    """One indicator on which the files differ: every file's version, first file first."""

    code: str
    versions: tuple[AnswerVersion, ...]
    fields: tuple[str, ...]  # which of status, level and value differ


@dataclass(frozen=True, slots=True)
class MergeResult:
    assessment: Assessment
    sources: tuple[str, ...]
    disagreements: tuple[Disagreement, ...]
    agreed: int  # indicators answered in two or more files, all alike
    notes: tuple[str, ...]  # differences that are not answer conflicts (scope, recommendations)


def merge_assessments(files: Sequence[Labelled]) -> MergeResult:
    """Merge two or more assessments of one country and edition (see the module docstring).

    Raises :class:`RoamError` when the files are about different countries or
    editions.  The inputs are not changed.
    """
    if len(files) < 2:
        raise RoamError("merge needs at least two assessment files")
    require_same_edition(files, "merge")
    notes: list[str] = []
    answers, disagreements, agreed = _merge_answers(files, notes)
    first = files[0].assessment
    merged = first.model_copy(
        update={
            "custom_codes": _custom_codes(files),
            "languages": _union(lang for f in files for lang in f.assessment.languages),
            "created": min((f.assessment.created for f in files), key=as_utc),
            "team": _union_by(
                (p for f in files for p in f.assessment.team), lambda p: p.name.casefold()
            ),
            "mab": _union_by(
                (m for f in files for m in f.assessment.mab),
                lambda m: (m.name.casefold(), m.group),
            ),
            "milestones": _merge_milestones(files),
            "answers": answers,
            "recommendations": _merge_recommendations(files, notes),
        }
    )
    _note_scope_differences(files, notes)
    return MergeResult(
        # A round trip through plain data validates the result and shares no
        # object with the inputs, so editing the merged file never changes them.
        assessment=Assessment.model_validate(merged.model_dump()),
        sources=tuple(f.label for f in files),
        disagreements=tuple(disagreements),
        agreed=agreed,
        notes=tuple(notes),
    )


def _merge_answers(
    files: Sequence[Labelled], notes: list[str]
) -> tuple[dict[str, Answer], list[Disagreement], int]:
    codes = _union(code for f in files for code in f.assessment.answers)
    answers: dict[str, Answer] = {}
    disagreements: list[Disagreement] = []
    agreed = 0
    for code in codes:
        held = [
            (f.label, f.assessment.answers[code]) for f in files if code in f.assessment.answers
        ]
        answer, disagreement, opinions = _merge_answer(code, held, notes)
        answers[code] = answer
        if disagreement is not None:
            disagreements.append(disagreement)
        elif opinions >= 2:
            agreed += 1
    return answers, disagreements, agreed


def _merge_answer(
    code: str, held: list[tuple[str, Answer]], notes: list[str]
) -> tuple[Answer, Disagreement | None, int]:
    opinions = [(label, answer) for label, answer in held if has_opinion(answer)] or held[:1]
    versions = [version_of(answer, source_label(label, answer)) for label, answer in opinions]
    fields = _union(f for v in versions[1:] for f in differing_fields(versions[0], v))
    base = opinions[0][1]
    all_answers = [answer for _, answer in held]
    deciding = [answer for _, answer in opinions]
    update: dict[str, object] = {
        "evidence": _union_by((e for a in all_answers for e in a.evidence), Evidence.identity),
        "stakeholders": _union(g for a in deciding for g in a.stakeholders),
        "disaggregation": _merge_disaggregation(deciding),
        "confidence": _lowest_confidence(deciding),
        "history": _merge_history(all_answers),
        "review": _merge_review(deciding, conflicted=bool(fields)),
    }
    earlier = [v for a in all_answers for v in a.conflicts]
    disagreement = None
    if fields:
        disagreement = Disagreement(code, tuple(versions), tuple(fields))
        update["conflicts"] = _union_by([*earlier, *versions], _version_key)
    else:
        update["conflicts"] = _union_by(earlier, _version_key)
        update.update(_agreed_details(code, opinions, notes))
    return base.model_copy(update=update, deep=True), disagreement, len(opinions)


def _version_key(version: AnswerVersion) -> Hashable:
    return version.model_dump_json()


def _agreed_details(
    code: str, opinions: list[tuple[str, Answer]], notes: list[str]
) -> dict[str, object]:
    """Year, unit and justification when the files agree on the answer itself."""
    texts = _union_by(
        (a.justification.strip() for _, a in opinions if a.justification.strip()), str.casefold
    )
    if len(texts) > 1:
        labels = ", ".join(label for label, a in opinions if a.justification.strip())
        notes.append(f"{code}: the files agree; their justifications are combined ({labels})")
    return {
        "justification": "\n\n".join(texts),
        "year": next((a.year for _, a in opinions if a.year is not None), None),
        "unit": next((a.unit for _, a in opinions if a.unit is not None), None),
    }


def _merge_disaggregation(answers: list[Answer]) -> dict[str, bool]:
    """A breakdown counts as available when any researcher found it."""
    merged: dict[str, bool] = {}
    for answer in answers:
        for breakdown, available in answer.disaggregation.items():
            merged[breakdown] = merged.get(breakdown, False) or available
    return merged


def _lowest_confidence(answers: list[Answer]) -> Confidence | None:
    """The most cautious stated confidence: agreement does not make a weak source strong."""
    stated = [a.confidence for a in answers if a.confidence is not None]
    return min(stated, key=_CONFIDENCE_ORDER.index) if stated else None


def _merge_history(answers: list[Answer]) -> list[Change]:
    changes = _union_by(
        (c for a in answers for c in a.history),
        lambda c: (as_utc(c.time), c.who, c.field, repr(c.old), repr(c.new)),
    )
    return sorted(changes, key=lambda c: as_utc(c.time))


def _merge_review(answers: list[Answer], *, conflicted: bool) -> Review:
    """Threads united; an open query stays open, otherwise the least advanced state wins.

    An answer still in conflict is back to draft: nobody has accepted the merged one.
    """
    thread = _union_by(
        (c for a in answers for c in a.review.thread),
        lambda c: (as_utc(c.time), c.author, c.text.strip()),
    )
    states = [a.review.state for a in answers]
    state: ReviewState
    if "queried" in states:
        state = "queried"
    elif conflicted:
        state = "draft"
    else:
        state = min(states, key=REVIEW_STATES.index)
    return Review(state=state, thread=sorted(thread, key=lambda c: as_utc(c.time)))


def _merge_milestones(files: Sequence[Labelled]) -> list[Milestone]:
    """One milestone per kind, the most advanced any file records."""
    best: dict[str, Milestone] = {}
    for f in files:
        for milestone in f.assessment.milestones:
            known = best.get(milestone.kind)
            if known is None or _MILESTONE_PROGRESS.index(
                milestone.status
            ) > _MILESTONE_PROGRESS.index(known.status):
                best[milestone.kind] = milestone
    return [best[kind] for kind in MILESTONE_KINDS if kind in best]


def _merge_recommendations(files: Sequence[Labelled], notes: list[str]) -> list[Recommendation]:
    kept: dict[str, tuple[str, Recommendation]] = {}
    for f in files:
        for recommendation in f.assessment.recommendations:
            known = kept.get(recommendation.id)
            if known is None:
                kept[recommendation.id] = (f.label, recommendation)
            elif known[1] != recommendation:
                notes.append(
                    f"recommendation {recommendation.id} differs between {known[0]} and "
                    f"{f.label}; kept the one of {known[0]}"
                )
    return [recommendation for _, recommendation in kept.values()]


def _custom_codes(files: Sequence[Labelled]) -> list[str]:
    first = files[0].assessment
    if first.scope != "custom":
        return []
    return _union(
        code for f in files if f.assessment.scope == "custom" for code in f.assessment.custom_codes
    )


def _note_scope_differences(files: Sequence[Labelled], notes: list[str]) -> None:
    first = files[0]
    for other in files[1:]:
        if other.assessment.scope != first.assessment.scope:
            notes.append(
                f"{other.label} has scope '{other.assessment.scope}'; the merged file keeps "
                f"'{first.assessment.scope}' from {first.label}"
            )


def _union(items: Iterable[T]) -> list[T]:
    return list(dict.fromkeys(items))


def _union_by(items: Iterable[T], key: Callable[[T], Hashable]) -> list[T]:
    """The items in order of first appearance, later ones with a known key left out."""
    seen: set[Hashable] = set()
    kept: list[T] = []
    for item in items:
        marker = key(item)
        if marker not in seen:
            seen.add(marker)
            kept.append(item)
    return kept
