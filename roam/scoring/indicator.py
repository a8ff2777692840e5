"""Step one of the method: what a single answer contributes.

An answer contributes its *effective* status and, when it has one, a score from
0 to 100.  The effective status is the recorded one, except that an answer
marked ``answered`` whose level or value cannot be used (missing, not on the
scale, outside the possible range, a level where a value belongs) counts as
``not_assessed``: the team has not finished it, and guessing a number for it
would be worse than leaving the node incomplete.  Missing justifications,
years and evidence do not change a score; the readiness checks list them.
"""

from __future__ import annotations

from dataclasses import dataclass

from roam.assessment.model import Answer, Confidence, Status
from roam.assessment.rules import AnyIndicator
from roam.framework.model import (
    ContextualIndicator,
    Framework,
    QuantitativeIndicator,
    ScaledIndicator,
)


@dataclass(frozen=True, slots=True)
class Outcome:
    """One in-scope indicator as the aggregation sees it."""

    code: str
    status: Status  # effective status (see the module docstring)
    score: float | None  # 0..100 when answered and scored, else None
    scored: bool  # False for contextual indicators, which are never scored
    weight: float
    evidence_count: int
    confidence: Confidence | None


def outcome(
    indicator: AnyIndicator,
    answer: Answer | None,
    framework: Framework,
    *,
    contextual_category: bool = False,
) -> Outcome:
    """The effective status and score of ``answer`` (None: nothing recorded yet).

    Contextual indicators, and every indicator of a contextual category, are
    recorded but never scored.
    """
    weight = 1.0 if indicator.weight is None else indicator.weight
    scored = not contextual_category and not isinstance(indicator, ContextualIndicator)
    if answer is None:
        return Outcome(indicator.code, "not_assessed", None, scored, weight, 0, None)
    status: Status = answer.status
    score = None
    if status == "answered":
        usable, score = _usable_score(indicator, answer, framework)
        if not usable:
            status = "not_assessed"
    return Outcome(
        indicator.code,
        status,
        score if scored else None,
        scored,
        weight,
        len(answer.evidence),
        answer.confidence,
    )


def _usable_score(
    indicator: AnyIndicator, answer: Answer, framework: Framework
) -> tuple[bool, float | None]:
    """Whether an ``answered`` answer can be used, and its score if the kind is scored."""
    if isinstance(indicator, ScaledIndicator):
        if answer.value is not None or answer.level is None:
            return False, None
        level = framework.scale_for(indicator).level(answer.level)
        return (False, None) if level is None else (True, level.score)
    if answer.level is not None or answer.value is None:
        return False, None
    valid = indicator.valid_range
    if valid is not None and not valid.contains(answer.value):
        return False, None
    if isinstance(indicator, QuantitativeIndicator):
        return True, goalpost_score(indicator, answer.value)
    return True, None


def goalpost_score(indicator: QuantitativeIndicator, value: float) -> float:
    """Position of ``value`` between the goalposts: lower -> 0, upper -> 100, clamped.

    For ``lower_is_better`` indicators the result is inverted (100 minus it), so a
    value at or below the lower goalpost scores 100.
    """
    posts = indicator.goalposts
    position = 100.0 * (value - posts.lower) / (posts.upper - posts.lower)
    position = min(100.0, max(0.0, position))
    return 100.0 - position if indicator.direction == "lower_is_better" else position
