"""Cohen's weighted kappa for two raters on ordinal levels.

Each rating is a level's position on its own scale divided by the scale's
last position, so it lies between 0 and 1 (on a five-level scale: 0, 0.25,
0.5, 0.75, 1).  The disagreement weight of two ratings x and y is

* linear:    |x - y|       (= |i - j| / (k - 1) for positions i, j on k levels)
* quadratic: (x - y) ** 2  (= (i - j)² / (k - 1)²)

and kappa = 1 - D_observed / D_expected, where D_observed is the mean weight
over the items (rater A's rating of an item against rater B's of the same
item) and D_expected the mean weight over every pair of items (A's rating of
one against B's of any), which is what chance agreement with the same
marginal distributions would give.  When every item uses one scale this is
exactly Cohen's (1968) weighted kappa with the usual agreement weights
1 - |i-j|/(k-1) and 1 - (i-j)²/(k-1)²; items on scales of different lengths
can be pooled because positions are put on the same 0..1 footing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from typing import Literal

Weighting = Literal["linear", "quadratic"]
WEIGHTINGS: tuple[Weighting, ...] = ("linear", "quadratic")

_WEIGHTS: dict[Weighting, Callable[[float, float], float]] = {
    "linear": lambda x, y: abs(x - y),
    "quadratic": lambda x, y: (x - y) ** 2,
}


def position(index: int, levels: int) -> float:
    """A level's place on a scale of ``levels`` levels, from 0 (lowest) to 1 (highest)."""
    return index / (levels - 1)


def weighted_kappa(pairs: Sequence[tuple[float, float]], weighting: Weighting) -> float | None:
    """Kappa of rater A's and B's positions; None when chance disagreement is zero.

    Zero chance disagreement means both raters gave one and the same level to
    every item: agreement is total but says nothing beyond chance, so kappa is
    undefined rather than 1.
    """
    if not pairs:
        return None
    weight = _WEIGHTS[weighting]
    count = len(pairs)
    observed = sum(weight(a, b) for a, b in pairs) / count
    # Mean over all (A item, B item) pairs, computed from the distinct values:
    # the same as the double loop, but linear in the number of items.
    a_counts = Counter(a for a, _ in pairs)
    b_counts = Counter(b for _, b in pairs)
    expected = sum(
        na * nb * weight(a, b) for a, na in a_counts.items() for b, nb in b_counts.items()
    ) / (count * count)
    if expected == 0:
        return None
    return 1.0 - observed / expected
