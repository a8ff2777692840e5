"""What every part of the draft reads: the assessment, its framework, scores, references.

Built once per draft.  The sentences here state only what the team's file
holds; nothing is inferred beyond the scoring engine's own figures.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from roam.assessment.model import Assessment
from roam.documents.outline import Paragraph, Span, para
from roam.documents.references import References
from roam.documents.words import named, word
from roam.framework.model import Category, Framework, IndicatorPlace, ScaledIndicator
from roam.framework.overlay import Overlay
from roam.framework.text import localize
from roam.scoring.result import NodeScore, ScoreReport
from roam.scoring.scored_view import ScoredView

CODES_LISTED = 40  # longer lists of codes end with "and N more"


@dataclass
class DraftContext(ScoredView):
    assessment: Assessment
    framework: Framework
    report: ScoreReport
    generated: dt.datetime
    lang: str = "en"
    redact_confidential: bool = False
    overlay: Overlay = field(default_factory=Overlay)  # official texts beside roam's
    references: References = field(init=False)

    def __post_init__(self) -> None:
        self.references = References(self.lang, self.redact_confidential)

    def word(self, key: str, **values: object) -> str:
        return word(key, self.lang, **values)

    def named(self, prefix: str, value: str | None) -> str:
        return named(prefix, value, self.lang)

    def text(self, value: dict[str, str] | None) -> str:
        return localize(value, self.lang)

    def missing(self, key: str) -> Paragraph:
        """A placeholder that says what the file lacks, so the team can search for it."""
        return para(self.word("team.missing", what=self.word(key)), style="placeholder")

    @property
    def edition(self) -> str:
        """The edition's title with its id and version."""
        f = self.framework
        return f"{self.text(f.title)} ({f.id} {f.version})"

    def status_counts(self, codes: list[str]) -> dict[str, int]:
        counts = {"answered": 0, "not_applicable": 0, "no_data": 0, "not_assessed": 0}
        for code in codes:
            counts[self.answer(code).status] += 1
        return counts

    def scored_categories(self) -> list[Category]:
        return [c for c in self.framework.categories if not c.contextual]

    def score_phrase(self, node: NodeScore | None) -> str:
        """A node's score with the coverage it rests on; never a score alone."""
        if node is None:
            return self.word("fact.no_score", total=0)
        coverage = node.coverage
        if node.score is None:
            return self.word("fact.no_score", total=coverage.total)
        return self.word(
            "fact.score",
            score=f"{node.score:.0f}",
            answered=coverage.answered,
            total=coverage.total,
        )

    def codes_phrase(self, codes: list[str]) -> str:
        shown = ", ".join(codes[:CODES_LISTED])
        if len(codes) > CODES_LISTED:
            more = len(codes) - CODES_LISTED
            shown += f" (+{more})"
        return shown

    def gap_sentences(self, codes: list[str]) -> list[Paragraph]:
        """What has no data and what is not assessed among ``codes``, listed, never hidden."""
        no_data = [c for c in codes if self.answer(c).status == "no_data"]
        waiting = [c for c in codes if self.answer(c).status == "not_assessed"]
        found = []
        if no_data:
            found.append(
                para(
                    self.word("fact.no_data", count=len(no_data), codes=self.codes_phrase(no_data))
                )
            )
        if waiting:
            found.append(
                para(
                    self.word(
                        "fact.not_assessed", count=len(waiting), codes=self.codes_phrase(waiting)
                    )
                )
            )
        if not found and codes:
            found.append(para(self.word("fact.all_data")))
        return found

    def answer_value(self, place: IndicatorPlace) -> str:
        """The level's label, or the value with its unit and year; empty when neither."""
        answer = self.answer(place.indicator.code)
        indicator = place.indicator
        if answer.level is not None and isinstance(indicator, ScaledIndicator):
            level = self.framework.scale_for(indicator).level(answer.level)
            return self.text(level.label) if level else answer.level
        if answer.value is not None:
            unit = answer.unit or getattr(indicator, "unit", None) or ""
            shown = f"{self.number(answer.value)} {unit}".strip()
            if answer.year:
                shown += f" ({answer.year})"
            return shown
        return ""

    def number(self, value: float) -> str:
        """``value`` as the draft's language writes numbers (1,500.5 or 1 500,5)."""
        shown = f"{value:,.10g}"
        return shown.replace(",", "\u202f").replace(".", ",") if self.lang == "fr" else shown

    def citations(self, code: str) -> list[Span]:
        """Reference numbers for the evidence of ``code``'s answer, as cited spans."""
        spans = []
        for item in self.answer(code).evidence:
            number = self.references.cite(item, code)
            spans.append(Span(f"[{number}]", reference=number))
        return spans
