"""The scoring engine's entry point: an assessment in, a :class:`ScoreReport` out.

The method (the manual, docs/scoring.md):

1. Each in-scope indicator gets an effective status and, when answered, a score
   from 0 to 100 (:mod:`roam.scoring.indicator`).
2. Scores are combined by weighted means, indicator -> question -> theme ->
   category, then over the scored categories into the overall score
   (:mod:`roam.scoring.tree`, :mod:`roam.scoring.means`).  Not applicable, no
   data (by default) and not assessed indicators are left out of the means; a
   node with nothing left has no score.
3. The category scores are recomputed under alternative rules
   (:mod:`roam.scoring.robustness`).

Scores are a diagnostic aid for the team, never a ranking of countries.
"""

from __future__ import annotations

from pathlib import Path

from roam.assessment.model import Assessment
from roam.framework.model import Framework
from roam.framework.text import localize
from roam.scoring.display_rules import band_allowed
from roam.scoring.edition import framework_named_by
from roam.scoring.result import NodeScore, ScoreReport, ScoringRules
from roam.scoring.robustness import robustness
from roam.scoring.tree import TreeNode, build_tree, node_value

DEFAULT_RULES = ScoringRules()


def score(
    assessment: Assessment,
    framework: Framework | None = None,
    rules: ScoringRules = DEFAULT_RULES,
    *,
    assessment_path: str | Path | None = None,
) -> ScoreReport:
    """Score ``assessment`` under ``rules``.

    ``framework`` defaults to the edition the assessment names: the built-in
    one with its id, or its ``framework.path`` relative to ``assessment_path``
    (see :func:`roam.scoring.edition.framework_named_by`).  Pass the framework
    when you have it: loading one takes far longer than scoring.  Pure: the
    assessment is not changed, and the same inputs always give the same report.
    """
    if framework is None:
        framework = framework_named_by(assessment, assessment_path)
    tree = build_tree(framework, assessment)
    scores: dict[TreeNode, float | None] = {}
    node_value(tree, rules, scores)
    overall = _freeze(tree, scores, framework)
    return ScoreReport(
        rules=rules,
        overall=overall,
        categories=overall.children,
        robustness=robustness(tree, (rules, scores)),
        data_gaps=tuple(leaf.code for leaf in tree.leaves if leaf.status == "no_data"),
    )


def _band_label(framework: Framework, value: float | None) -> str | None:
    band = None if value is None else framework.band_for(value)
    return None if band is None else localize(band.label)


def _freeze(
    node: TreeNode, scores: dict[TreeNode, float | None], framework: Framework
) -> NodeScore:
    value = scores[node]
    return NodeScore(
        level=node.level,
        code=node.code,
        score=value,
        coverage=node.coverage,
        weight=node.weight,
        incomplete=node.incomplete,
        # Too few decided indicators: a band would describe what was not assessed.
        band=_band_label(framework, value) if band_allowed(node.coverage) else None,
        evidence_count=node.evidence_count,
        confidence=node.confidence,
        children=tuple(_freeze(child, scores, framework) for child in node.children),
    )
