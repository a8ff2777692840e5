"""An answer as a reader writes it: its level by name, or its value with unit and year.

Shared by the report's category sheets and the data-collection template, so the
team's answer reads the same in both.
"""

from __future__ import annotations

from roam.assessment.model import Answer
from roam.framework.model import Framework, IndicatorPlace, ScaledIndicator
from roam.framework.text import localize


def answer_text(framework: Framework, lang: str, place: IndicatorPlace, answer: Answer) -> str:
    """An answer's level (by its label) or value (with unit and year); empty if none."""
    if answer.status != "answered":
        return ""
    indicator = place.indicator
    if isinstance(indicator, ScaledIndicator):
        if answer.level is None:
            return ""
        level = framework.scale_for(indicator).level(answer.level)
        return answer.level if level is None else localize(level.label, lang)
    if answer.value is None:
        return ""
    unit = answer.unit or indicator.unit or ""
    text = f"{plain_number(answer.value)} {unit}".rstrip()
    return f"{text} ({answer.year})" if answer.year is not None else text


def plain_number(value: float) -> str:
    """A number as people write it: 12,402,000 or 0.734, never 1.2402e+07."""
    if value != 0 and abs(value) < 0.001:
        return f"{value:g}"
    if value.is_integer() and abs(value) < 1e15:
        return f"{int(value):,}"
    return f"{value:,.6f}".rstrip("0").rstrip(".")
