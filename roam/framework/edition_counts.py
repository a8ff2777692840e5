"""Counts of what an edition holds, for `roam validate` and its tests."""

from __future__ import annotations

from collections import Counter
from typing import Any

from roam.framework.model import PROVENANCES, Category, Framework, Sourced


def _category_counts(category: Category) -> dict[str, int]:
    indicators = [i for t in category.themes for q in t.questions for i in q.indicators]
    return {
        "themes": len(category.themes),
        "questions": sum(len(t.questions) for t in category.themes),
        "indicators": len(indicators),
        "core": sum(1 for i in indicators if i.core),
    }


def summarize(framework: Framework) -> dict[str, Any]:
    """The figures UNESCO states for an edition, plus a per-category breakdown.

    Themes and questions are counted in the scored (ROAM-X) categories only, as
    UNESCO counts them; contextual groups appear under their own category.
    """
    per_category = {c.code: _category_counts(c) for c in framework.categories}
    scored = [c for c in framework.categories if not c.contextual]
    kinds = Counter(place.indicator.kind for place in framework.iter_places())
    return {
        "edition": framework.id,
        "version": framework.version,
        "indicators": sum(v["indicators"] for v in per_category.values()),
        "core": sum(v["core"] for v in per_category.values()),
        "questions": sum(per_category[c.code]["questions"] for c in scored),
        "themes": sum(per_category[c.code]["themes"] for c in scored),
        "contextual": kinds.get("contextual", 0),
        "kinds": dict(sorted(kinds.items())),
        "open_data": sum(
            1 for place in framework.iter_places() if getattr(place.indicator, "open_data", None)
        ),
        "categories": per_category,
        "provenance": provenance_counts(framework),
    }


def provenance_counts(framework: Framework) -> dict[str, Any]:
    """How many themes, questions and indicators each provenance covers, and UNESCO refs.

    Every level of every category is counted, contextual groups included: a reader
    wants to know how much of what roam shows is UNESCO's, whatever it is.
    """
    from roam.framework.provenance import provenance_statement

    levels: dict[str, list[Sourced]] = {"themes": [], "questions": [], "indicators": []}
    for category in framework.categories:
        for theme in category.themes:
            levels["themes"].append(theme)
            for question in theme.questions:
                levels["questions"].append(question)
                levels["indicators"].extend(question.indicators)
    counts: dict[str, Any] = {"statement": provenance_statement(framework)}
    for level, items in levels.items():
        by_kind = Counter(framework.provenance_of(item) for item in items)
        counts[level] = {kind: by_kind.get(kind, 0) for kind in PROVENANCES}
        counts[level]["unesco_ref"] = sum(1 for item in items if item.unesco_ref)
    return counts
