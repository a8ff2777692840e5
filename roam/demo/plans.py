"""The plan: what is true of Examplia, independent of how it is written up.

Which indicators are answered, lack data or do not apply, and where each answer sits on
its scale or range; cycle 2 is the same country two years on.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, replace

from roam.assessment.model import Status
from roam.framework.model import Framework, IndicatorPlace, ScaledIndicator


@dataclass(frozen=True, slots=True)
class Plan:
    """One indicator's situation: its status and where it sits on its scale or range."""

    code: str
    status: Status
    level: int | None = None  # index into the scale's levels
    fraction: float | None = None  # position of the value inside its plausible range


def first_plans(
    framework: Framework, places: list[IndicatorPlace], rng: random.Random
) -> dict[str, Plan]:
    count = len(places)
    scaled = [p.indicator.code for p in places if isinstance(p.indicator, ScaledIndicator)]
    # Data gaps are missing statistics, not the basic context figures every country has.
    statistics = [p.indicator.code for p in places if p.indicator.kind == "quantitative"]
    no_data = _pick(rng, statistics, scaled, max(1, count * 6 // 100))
    not_applicable = _pick(
        rng, [c for c in scaled if c not in no_data], [], max(1, count * 3 // 100)
    )
    taken = set(no_data) | set(not_applicable)
    not_assessed = _pick(
        rng,
        [p.indicator.code for p in places if p.indicator.code not in taken],
        [],
        max(1, count * 3 // 100),
    )
    statuses: dict[str, Status] = {code: "no_data" for code in no_data}
    statuses |= {code: "not_applicable" for code in not_applicable}
    statuses |= {code: "not_assessed" for code in not_assessed}
    levels = _spread_levels(framework, places, statuses, rng)
    plans = {}
    for place in places:
        code = place.indicator.code
        status = statuses.get(code, "answered")
        if status != "answered":
            plans[code] = Plan(code, status)
        elif code in levels:
            plans[code] = Plan(code, status, level=levels[code])
        else:
            plans[code] = Plan(code, status, fraction=round(rng.uniform(0.12, 0.88), 3))
    return plans


def _pick(rng: random.Random, preferred: list[str], fallback: list[str], count: int) -> list[str]:
    """``count`` codes, from ``preferred`` first; fewer when there are not enough."""
    chosen = rng.sample(preferred, min(count, len(preferred)))
    rest = [code for code in fallback if code not in chosen]
    chosen += rng.sample(rest, min(count - len(chosen), len(rest)))
    return chosen


def _spread_levels(
    framework: Framework,
    places: list[IndicatorPlace],
    statuses: dict[str, Status],
    rng: random.Random,
) -> dict[str, int]:
    """Level indices for answered scaled indicators; every level of a scale used at least once."""
    by_scale: dict[str, list[str]] = {}
    for place in places:
        indicator = place.indicator
        if isinstance(indicator, ScaledIndicator) and indicator.code not in statuses:
            by_scale.setdefault(indicator.scale, []).append(indicator.code)
    levels: dict[str, int] = {}
    for scale_id, codes in by_scale.items():
        size = len(framework.scales[scale_id].levels)
        weights = [1 + min(i, size - 1 - i) for i in range(size)]  # most answers mid-scale
        shuffled = rng.sample(codes, len(codes))
        for position, code in enumerate(shuffled):
            levels[code] = position if position < size else rng.choices(range(size), weights)[0]
    return levels


def follow_up_plans(
    framework: Framework,
    places: list[IndicatorPlace],
    plans: dict[str, Plan],
    rng: random.Random,
) -> dict[str, Plan]:
    """Two years on: about one scaled answer in six moved a level; half the gaps were filled."""
    result = dict(plans)
    scaled = {
        p.indicator.code: p.indicator for p in places if isinstance(p.indicator, ScaledIndicator)
    }
    answered_scaled = [c for c, plan in plans.items() if c in scaled and plan.level is not None]
    moved = (
        rng.sample(answered_scaled, max(1, len(answered_scaled) // 6)) if answered_scaled else []
    )
    for code in moved:
        top = len(framework.scale_for(scaled[code]).levels) - 1
        old = plans[code].level or 0
        step = 1 if rng.random() < 0.7 else -1
        new = old + step if 0 <= old + step <= top else old - step
        result[code] = replace(plans[code], level=max(0, min(top, new)))
    for code, plan in plans.items():
        if plan.fraction is not None:
            drift = rng.uniform(-0.05, 0.12)
            result[code] = replace(
                plan, fraction=round(min(0.95, max(0.05, plan.fraction + drift)), 3)
            )
    gaps = [code for code, plan in plans.items() if plan.status == "no_data"]
    for code in rng.sample(gaps, math.ceil(len(gaps) / 2)):
        if code in scaled:
            size = len(framework.scale_for(scaled[code]).levels)
            result[code] = Plan(code, "answered", level=rng.randrange(size))
        else:
            result[code] = Plan(code, "answered", fraction=round(rng.uniform(0.2, 0.6), 3))
    return result
