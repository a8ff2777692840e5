"""What every sheet builder reads: the assessment, its framework, the engine's scores.

Built once per export, so no sheet rescans the framework or the score tree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from openpyxl.workbook.workbook import Workbook

from roam.assessment.model import Assessment, Evidence
from roam.exchange.provenance import Stamp
from roam.exchange.workbook_labels import label
from roam.framework.model import Category, Framework
from roam.framework.text import localize
from roam.scoring.display_rules import (
    BAND_MIN_COMPLETE,
    SCORE_DECIMALS,
    band_allowed,
    score_text,
)
from roam.scoring.result import NodeScore, ScoreReport
from roam.scoring.scored_view import ScoredView
from roam.workbooks.inert_cells import CellWriter


@dataclass
class ReportContext(ScoredView):
    workbook: Workbook
    cells: CellWriter
    assessment: Assessment
    framework: Framework
    report: ScoreReport
    stamp: Stamp
    lang: str = "en"
    redact_confidential: bool = False
    category_sheets: dict[str, str] = field(default_factory=dict)  # category code -> title

    def text(self, value: dict[str, str] | None) -> str:
        return localize(value, self.lang)

    def label(self, key: str) -> str:
        return label(key, self.lang)

    def provenance_note(self) -> str:
        """The edition's one sentence on who wrote its texts, for the cover and the method."""
        from roam.framework.provenance import provenance_statement

        statement = provenance_statement(self.framework, self.lang)
        return f"{self.label('texts.provenance')}: {statement}"

    @cached_property
    def scope_set(self) -> frozenset[str]:
        return frozenset(self.scope)

    def score(self, code: str) -> float | None:
        node = self.nodes.get(code)
        return None if node is None else node.score

    def evidence_citation(self, item: Evidence) -> str:
        if item.confidential and self.redact_confidential:
            return self.label("redacted")
        return item.citation

    def scored_categories(self) -> list[Category]:
        return [c for c in self.framework.categories if not c.contextual]

    def band_label(self, node: NodeScore) -> str:
        """The band of ``node`` in the report language; why there is none otherwise."""
        if node.score is None:
            contextual = any(
                c.contextual and c.code == node.code for c in self.framework.categories
            )
            return self.label("not_scored" if contextual else "no_score")
        if node.band is None:
            if band_allowed(node.coverage):
                return ""
            return self.label("no_band").format(min=f"{BAND_MIN_COMPLETE:.0f}")
        for band in self.framework.bands:
            if localize(band.label) == node.band:
                return self.text(band.label)
        return node.band

    def band_key(self) -> str:
        """Every band with its score range ("Early 0.0–49.9 · Developing 50.0–100.0")."""
        bands = sorted(self.framework.bands, key=lambda b: b.min)
        step = 10.0**-SCORE_DECIMALS
        parts = []
        for band, following in zip(bands, [*bands[1:], None], strict=True):
            upper = 100.0 if following is None else following.min - step
            parts.append(f"{self.text(band.label)} {score_text(band.min)}–{score_text(upper)}")
        return " · ".join(parts)

    def band_note(self) -> str:
        """The bands with their ranges and the coverage below which none is named."""
        return self.label("dash.bands").format(
            bands=self.band_key(), min=f"{BAND_MIN_COMPLETE:.0f}"
        )
