"""The weighted means that combine child scores into a parent score."""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Literal

Mean = Literal["arithmetic", "geometric"]

# The geometric mean is taken of score + 1 and 1 is taken off the result again,
# so a single 0 pulls the parent down hard without zeroing it, a node whose
# children all score 0 still scores 0, and the result stays within 0..100.
GEOMETRIC_SHIFT = 1.0


def weighted_mean(pairs: Iterable[tuple[float, float]], mean: Mean = "arithmetic") -> float | None:
    """The weighted mean of ``(score, weight)`` pairs; None when there are none."""
    total_weight = 0.0
    total = 0.0
    if mean == "arithmetic":
        for score, weight in pairs:
            total += score * weight
            total_weight += weight
        return total / total_weight if total_weight else None
    for score, weight in pairs:
        total += weight * math.log(score + GEOMETRIC_SHIFT)
        total_weight += weight
    if not total_weight:
        return None
    result = math.exp(total / total_weight) - GEOMETRIC_SHIFT
    # exp(log(x)) can drift by an ulp outside the range of the inputs.
    return min(100.0, max(0.0, result))
