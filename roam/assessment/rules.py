"""Rules that tie an assessment to its framework: scope, and what makes an answer valid.

The TUI shows these problems inline, the readiness checks list them, and the
importers refuse cells that break them, all from this one place.
"""

from __future__ import annotations

from roam.assessment.model import Answer, Assessment
from roam.framework.model import (
    ContextualIndicator,
    Framework,
    QuantitativeIndicator,
    ScaledIndicator,
)

AnyIndicator = ScaledIndicator | QuantitativeIndicator | ContextualIndicator


def in_scope_codes(framework: Framework, assessment: Assessment) -> list[str]:
    """The indicator codes the assessment covers, in framework order.

    ``core`` is the core indicators plus every contextual one, as UNESCO's
    core assessments (Germany's, for example) report them.
    """
    if assessment.scope == "full":
        return [place.indicator.code for place in framework.iter_places()]
    if assessment.scope == "core":
        return [
            place.indicator.code
            for place in framework.iter_places()
            if place.indicator.core or place.category.contextual
        ]
    wanted = set(assessment.custom_codes)
    return [
        place.indicator.code for place in framework.iter_places() if place.indicator.code in wanted
    ]


def needs_justification(indicator: AnyIndicator, answer: Answer, framework: Framework) -> bool:
    """N/A, no data and the lowest level of a scale must say why."""
    if answer.status in ("not_applicable", "no_data"):
        return True
    if answer.status == "answered" and isinstance(indicator, ScaledIndicator):
        return answer.level == framework.scale_for(indicator).lowest.id
    return False


def answer_problems(indicator: AnyIndicator, answer: Answer, framework: Framework) -> list[str]:
    """Why this answer is not acceptable as it stands; empty when it is."""
    problems: list[str] = []
    if needs_justification(indicator, answer, framework) and not answer.justification.strip():
        reason = (
            "the lowest level" if answer.status == "answered" else answer.status.replace("_", " ")
        )
        problems.append(f"a justification is required for {reason}")
    if answer.status != "answered":
        return problems
    if isinstance(indicator, ScaledIndicator):
        problems += _level_problems(indicator, answer, framework)
    else:
        problems += _value_problems(indicator, answer)
    return problems


def _level_problems(indicator: ScaledIndicator, answer: Answer, framework: Framework) -> list[str]:
    scale = framework.scale_for(indicator)
    if answer.value is not None:
        return [f"{indicator.code} is answered with a level of the scale, not a value"]
    if answer.level is None:
        return ["choose a level of the scale"]
    if scale.level(answer.level) is None:
        known = ", ".join(level.id for level in scale.levels)
        return [f"'{answer.level}' is not a level of this scale ({known})"]
    return []


def _value_problems(
    indicator: QuantitativeIndicator | ContextualIndicator, answer: Answer
) -> list[str]:
    if answer.level is not None:
        return [f"{indicator.code} is answered with a value, not a level"]
    if answer.value is None:
        return ["enter a value"]
    problems = []
    outside = range_problem(indicator, answer.value)
    if outside:
        problems.append(outside)
    if answer.year is None:
        problems.append("give the year the value refers to")
    return problems


def range_problem(indicator: QuantitativeIndicator | ContextualIndicator, value: float) -> str:
    """Why ``value`` is impossible for ``indicator`` (outside its valid range); empty if not."""
    valid = indicator.valid_range
    if valid is None or valid.contains(value):
        return ""
    low = "-inf" if valid.min is None else f"{valid.min:g}"
    high = "+inf" if valid.max is None else f"{valid.max:g}"
    return f"{value:g} is outside the possible range {low} to {high}"
