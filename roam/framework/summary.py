"""Counts of what an edition holds, for `roam validate` and its tests."""

from __future__ import annotations

from collections import Counter
from typing import Any

from roam.framework.model import Category, Framework


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
    }
