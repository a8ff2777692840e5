"""One researcher's version of an answer: what it says, and how two versions differ."""

from __future__ import annotations

import math

from roam.assessment.model import Answer, AnswerVersion
from roam.teamwork.times import as_utc


def has_opinion(answer: Answer) -> bool:
    """Whether a researcher said anything about the indicator (an untouched answer says nothing)."""
    return answer.status != "not_assessed" or answer.level is not None or answer.value is not None


def version_of(answer: Answer, source: str) -> AnswerVersion:
    """What ``answer`` says, with the evidence and confidence it rests on, named by ``source``."""
    return AnswerVersion(
        source=source,
        status=answer.status,
        level=answer.level,
        value=answer.value,
        year=answer.year,
        justification=answer.justification,
        evidence=[item.model_copy() for item in answer.evidence],
        confidence=answer.confidence,
    )


def differing_fields(a: AnswerVersion, b: AnswerVersion) -> tuple[str, ...]:
    """Which of status, level and value differ between two versions."""
    found = []
    if a.status != b.status:
        found.append("status")
    if a.level != b.level:
        found.append("level")
    if not _same_number(a.value, b.value):
        found.append("value")
    return tuple(found)


def source_label(label: str, answer: Answer) -> str:
    """The file name, with the researcher who last edited the answer when the history says."""
    if answer.history:
        latest = max(answer.history, key=lambda change: as_utc(change.time))
        if latest.who.strip():
            return f"{label} ({latest.who.strip()})"
    return label


def describe_answer(version: AnswerVersion) -> str:
    """``answered, level mid`` / ``answered, value 42 (2023)`` / ``no data``."""
    parts = [version.status.replace("_", " ")]
    if version.level is not None:
        parts.append(f"level {version.level}")
    if version.value is not None:
        year = f" ({version.year})" if version.year is not None else ""
        parts.append(f"value {version.value:g}{year}")
    return ", ".join(parts)


def _same_number(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)
