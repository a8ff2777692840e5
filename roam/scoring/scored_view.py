"""What a report or a draft reads of an assessment: its scope, answers and scores.

A mixin for the contexts that the workbook and the national report draft build
once per file, so both walk the indicators in scope and look answers and scores
up the same way.
"""

from __future__ import annotations

from functools import cached_property

from roam.assessment.model import Answer, Assessment
from roam.assessment.rules import in_scope_codes
from roam.framework.model import Category, Framework, IndicatorPlace
from roam.scoring.result import NodeScore, ScoreReport


class ScoredView:
    """Read-only lookups over ``assessment``, its ``framework`` and the engine's ``report``."""

    assessment: Assessment
    framework: Framework
    report: ScoreReport

    @cached_property
    def scope(self) -> list[str]:
        return in_scope_codes(self.framework, self.assessment)

    @cached_property
    def nodes(self) -> dict[str, NodeScore]:
        return self.report.nodes_by_code()

    def places_in_scope(self, category: Category | None = None) -> list[IndicatorPlace]:
        """The indicators in scope, in framework order; those of ``category`` if given."""
        places = self.framework.places
        chosen = [places[code] for code in self.scope]
        if category is None:
            return chosen
        return [p for p in chosen if p.category.code == category.code]

    def answer(self, code: str) -> Answer:
        """The recorded answer, or an empty one; never adds to the assessment."""
        return self.assessment.answers.get(code) or Answer()
