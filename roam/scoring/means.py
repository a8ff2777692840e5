"""The weighted means that combine child scores into a parent score."""

from __future__ import annotations

import math
import operator
from collections.abc import Iterable
from typing import Literal

Mean = Literal["arithmetic", "geometric"]

# The geometric mean is taken of score + 1 and 1 is taken off the result again,
# so a single 0 pulls the parent down hard without zeroing it, a node whose
# children all score 0 still scores 0, and the result stays within 0..100.
GEOMETRIC_SHIFT = 1.0


def weighted_mean(pairs: Iterable[tuple[float, float]], mean: Mean = "arithmetic") -> float | None:
    """The weighted mean of ``(score, weight)`` pairs; None when there are none.

    The result is kept between the smallest and the largest score, where any
    mean lies: rounding would otherwise turn the mean of 100 and 100 into
    100.00000000000001, or of 50 and 50 into 49.99999999999999 and another band.
    """
    items = list(pairs)
    if not items:
        return None
    scores: tuple[float, ...]
    weights: tuple[float, ...]
    scores, weights = zip(*items, strict=True)
    total_weight = math.fsum(weights)
    if not total_weight:
        return None
    if mean == "geometric":
        logs = (math.log(score + GEOMETRIC_SHIFT) for score in scores)
        result = math.exp(sum(map(operator.mul, logs, weights)) / total_weight) - GEOMETRIC_SHIFT
    else:
        result = sum(map(operator.mul, scores, weights)) / total_weight
    return min(max(scores), max(min(scores), result))
