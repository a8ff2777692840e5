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


def robustness(
    overall: TreeNode, known: tuple[ScoringRules, dict[TreeNode, float | None]] | None = None
) -> dict[str, dict[str, float | None]]:
    """Rule name -> scored category code -> score, in framework order.

    ``known`` is a set of rules with the node scores already computed under
    them, reused rather than computed again (scoring runs on every keypress).
    """
    scored = [category for category in overall.children if category.scored]
    table: dict[str, dict[str, float | None]] = {}
    for name, rules in ALTERNATIVES.items():
        if known is not None and known[0] == rules:
            table[name] = {category.code: known[1][category] for category in scored}
        else:
            table[name] = {category.code: node_value(category, rules) for category in scored}
    return table
