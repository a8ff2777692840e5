"""Plausible numbers for Examplia: where each figure lies, and how it is rounded.

The spans themselves are data (``figures`` in content.yaml); an entry is used only while
it fits the indicator's valid range and goalposts, so an edition that reuses a code for
another measure falls back to its own goalposts.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from roam.demo.content import demo_content
from roam.framework.model import ContextualIndicator, QuantitativeIndicator


class Span(NamedTuple):
    """Where Examplia's figure for one indicator lies: a believable span for the country.

    A plan's fraction places the value inside the span; a higher fraction is a stronger
    position (so it is mapped from ``high`` down to ``low`` when lower is better) and, for a
    contextual figure, a later one: ``falls`` marks the figures that shrink as a country
    develops.  ``step`` rounds counts and ratings to the values they can take.
    """

    low: float
    high: float
    decimals: int = 1
    step: float | None = None
    falls: bool = False


_UNIT_BOUNDS = re.compile(r"\((-?[\d.,]+)\s*[-–]\s*(-?[\d.,]+)\)")


def plausible_range(indicator: QuantitativeIndicator | ContextualIndicator) -> Span:
    """Examplia's span for ``indicator``: its entry, else what its YAML says about its values."""
    figure = demo_content().figures.get(indicator.code)
    entry = None if figure is None else Span(**figure.model_dump())
    if entry is not None and _fits(indicator, entry):
        return entry
    if isinstance(indicator, QuantitativeIndicator):
        low, high = indicator.goalposts.lower, indicator.goalposts.upper
        return Span(low, high, _decimals(high - low, indicator.unit))
    valid = indicator.valid_range
    if valid is not None and valid.min is not None and valid.max is not None:
        span = valid.max - valid.min  # keep clear of the impossible ends
        return Span(valid.min + 0.2 * span, valid.max - 0.2 * span, 2)
    unit = indicator.unit or ""
    bounds = _UNIT_BOUNDS.search(unit)  # "index (0-1)", "score (0-100)"
    if bounds:
        low, high = (float(b.replace(",", "")) for b in bounds.groups())
        if low < high:
            return Span(low + 0.2 * (high - low), high - 0.2 * (high - low), 2)
    if unit.startswith("%"):
        return Span(15, 85)
    return Span(1, 1000, 0)


def _fits(indicator: QuantitativeIndicator | ContextualIndicator, entry: Span) -> bool:
    """Whether the whole span lies inside the indicator's valid range and goalposts."""
    valid = indicator.valid_range
    if valid is not None and valid.min is not None and entry.low < valid.min:
        return False
    if valid is not None and valid.max is not None and entry.high > valid.max:
        return False
    if isinstance(indicator, QuantitativeIndicator):
        posts = indicator.goalposts
        return posts.lower <= entry.low and entry.high <= posts.upper
    return True


def position(
    indicator: QuantitativeIndicator | ContextualIndicator, span: Span, fraction: float
) -> float:
    """The value at ``fraction`` of the span: 0 the weakest (or earliest) end, 1 the strongest."""
    falls = span.falls or (
        isinstance(indicator, QuantitativeIndicator) and indicator.direction == "lower_is_better"
    )
    if falls:
        fraction = 1 - fraction
    return tidy(indicator, span, span.low + fraction * (span.high - span.low))


def tidy(indicator: QuantitativeIndicator | ContextualIndicator, span: Span, value: float) -> float:
    """``value`` kept inside the span and the valid range, rounded as the figure is reported."""
    value = min(span.high, max(span.low, value))
    if span.step:
        value = min(span.high, max(span.low, round(value / span.step) * span.step))
    value = round(value, span.decimals)
    valid = indicator.valid_range
    if valid is not None and valid.min is not None:
        value = max(valid.min, value)
    if valid is not None and valid.max is not None:
        value = min(valid.max, value)
    return float(value)


def _decimals(span: float, unit: str) -> int:
    """Percentages to one decimal, counts and large ranges whole, small indices to two."""
    if unit == "%":
        return 1
    return 0 if span >= 20 else 2


def format_number(value: float) -> str:
    return f"{value:,.0f}" if value.is_integer() else f"{value:,}"
