"""Robustness: the category scores under alternative rules, beside the default.

A score that moves a lot when one reasonable choice of method changes should
be read with care.  Each alternative changes exactly one thing from the
default, whatever rules the main report was computed with, so the table reads
the same in every view.
"""

from __future__ import annotations

from roam.scoring.result import RuleName, ScoringRules
from roam.scoring.tree import TreeNode, node_value

ALTERNATIVES: dict[RuleName, ScoringRules] = {
    "default": ScoringRules(),
    "no_data_as_zero": ScoringRules(no_data_as_zero=True),
    "equal_indicator_weights": ScoringRules(equal_indicator_weights=True),
    "geometric_mean": ScoringRules(mean="geometric"),
}


def robustness(overall: TreeNode) -> dict[str, dict[str, float | None]]:
    """Rule name -> scored category code -> score, in framework order."""
    scored = [category for category in overall.children if category.scored]
    return {
        name: {category.code: node_value(category, rules) for category in scored}
        for name, rules in ALTERNATIVES.items()
    }
