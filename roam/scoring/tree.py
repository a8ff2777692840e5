"""The score tree: the in-scope part of a framework with each indicator's outcome.

Everything that does not depend on the aggregation rules (which nodes exist,
their weights, coverage, evidence, confidence, completeness) is worked out once
when the tree is built.  :func:`node_value` then computes scores under any
:class:`ScoringRules`, so the default scores and the robustness alternatives
come from the same walk over the same tree.
"""

from __future__ import annotations

from dataclasses import dataclass

from roam.assessment.model import Assessment, Confidence, Status
from roam.assessment.rules import in_scope_codes
from roam.framework.model import Category, Framework, Question, Theme
from roam.scoring.indicator import Outcome, outcome
from roam.scoring.means import weighted_mean
from roam.scoring.result import ConfidenceSummary, Coverage, NodeLevel, ScoringRules

OVERALL_CODE = "overall"


@dataclass(eq=False, slots=True)
class TreeNode:
    """One node of the score tree; compared and hashed by identity."""

    level: NodeLevel
    code: str
    weight: float
    children: list[TreeNode]
    leaves: list[Outcome]  # every in-scope indicator below (or this one), framework order
    coverage: Coverage
    evidence_count: int
    confidence: ConfidenceSummary
    scored: bool = True  # False for contextual categories (whose indicators are unscored too)

    @property
    def incomplete(self) -> bool:
        return self.coverage.not_assessed > 0


def build_tree(framework: Framework, assessment: Assessment) -> TreeNode:
    """The overall node, with every category that has an in-scope indicator below it."""
    in_scope = set(in_scope_codes(framework, assessment))
    categories = [
        node
        for category in framework.categories
        if (node := _category_node(category, framework, assessment, in_scope)) is not None
    ]
    return _node("overall", OVERALL_CODE, None, categories)


def _category_node(
    category: Category, framework: Framework, assessment: Assessment, in_scope: set[str]
) -> TreeNode | None:
    themes = [
        node
        for theme in category.themes
        if (node := _theme_node(theme, category, framework, assessment, in_scope)) is not None
    ]
    if not themes:
        return None
    node = _node("category", category.code, category.weight, themes)
    node.scored = not category.contextual
    return node


def _theme_node(
    theme: Theme,
    category: Category,
    framework: Framework,
    assessment: Assessment,
    in_scope: set[str],
) -> TreeNode | None:
    questions = [
        node
        for question in theme.questions
        if (node := _question_node(question, category, framework, assessment, in_scope)) is not None
    ]
    return _node("theme", theme.code, theme.weight, questions) if questions else None


def _question_node(
    question: Question,
    category: Category,
    framework: Framework,
    assessment: Assessment,
    in_scope: set[str],
) -> TreeNode | None:
    answers = assessment.answers
    indicators = []
    for indicator in question.indicators:
        if indicator.code not in in_scope:
            continue
        result = outcome(
            indicator,
            answers.get(indicator.code),
            framework,
            contextual_category=category.contextual,
        )
        indicators.append(_leaf(result))
    return _node("question", question.code, question.weight, indicators) if indicators else None


def _leaf(result: Outcome) -> TreeNode:
    # Confidence describes answers, so only indicators actually answered count.
    confidence = _ONE_OF_CONFIDENCE[result.confidence] if result.status == "answered" else _NONE
    return TreeNode(
        "indicator",
        result.code,
        result.weight,
        [],
        [result],
        _ONE_OF_STATUS[result.status],
        result.evidence_count,
        confidence,
        result.scored,
    )


def _node(level: NodeLevel, code: str, weight: float | None, children: list[TreeNode]) -> TreeNode:
    leaves = [leaf for child in children for leaf in child.leaves]
    # One pass with plain integers: this runs for every node on every keypress in the TUI.
    answered = not_applicable = no_data = not_assessed = 0
    low = medium = high = unstated = evidence = 0
    for child in children:
        coverage, confidence = child.coverage, child.confidence
        answered += coverage.answered
        not_applicable += coverage.not_applicable
        no_data += coverage.no_data
        not_assessed += coverage.not_assessed
        low += confidence.low
        medium += confidence.medium
        high += confidence.high
        unstated += confidence.unstated
        evidence += child.evidence_count
    return TreeNode(
        level,
        code,
        1.0 if weight is None else weight,
        children,
        leaves,
        Coverage(answered, not_applicable, no_data, not_assessed),
        evidence,
        ConfidenceSummary(low, medium, high, unstated),
    )


# A leaf's summaries are shared instances: the result types are immutable.
_ONE_OF_STATUS: dict[Status, Coverage] = {
    "answered": Coverage(answered=1),
    "not_applicable": Coverage(not_applicable=1),
    "no_data": Coverage(no_data=1),
    "not_assessed": Coverage(not_assessed=1),
}
_ONE_OF_CONFIDENCE: dict[Confidence | None, ConfidenceSummary] = {
    "low": ConfidenceSummary(low=1),
    "medium": ConfidenceSummary(medium=1),
    "high": ConfidenceSummary(high=1),
    None: ConfidenceSummary(unstated=1),
}
_NONE = ConfidenceSummary()


def leaf_value(leaf: Outcome, rules: ScoringRules) -> float | None:
    """An indicator's score under ``rules``: no_data counts as 0 only when asked."""
    if not leaf.scored:
        return None
    if leaf.status == "no_data" and rules.no_data_as_zero:
        return 0.0
    return leaf.score


def node_value(
    node: TreeNode, rules: ScoringRules, record: dict[TreeNode, float | None] | None = None
) -> float | None:
    """The score of ``node`` under ``rules``; every node's score goes into ``record``."""
    if node.level == "indicator":
        value = leaf_value(node.leaves[0], rules)
    elif rules.equal_indicator_weights and node.level != "overall":
        if record is not None:
            for child in node.children:
                node_value(child, rules, record)
        value = _equal_weight_value(node, rules) if node.scored else None
    else:
        child_values = [(child, node_value(child, rules, record)) for child in node.children]
        value = (
            weighted_mean(
                ((v, child.weight) for child, v in child_values if v is not None), rules.mean
            )
            if node.scored
            else None
        )
    if record is not None:
        record[node] = value
    return value


def _equal_weight_value(node: TreeNode, rules: ScoringRules) -> float | None:
    values = (leaf_value(leaf, rules) for leaf in node.leaves)
    return weighted_mean(((v, 1.0) for v in values if v is not None), rules.mean)
