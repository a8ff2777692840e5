"""The demo's evidence: invented sources for each answer, and the flaws planted on purpose.

A few sources are too old, two answered indicators have none: the readiness check
has something to flag.  Every evidence kind roam knows appears at least once.
"""

from __future__ import annotations

import datetime as dt

from roam.assessment.model import EVIDENCE_KINDS, Assessment, Evidence, EvidenceKind
from roam.demo.plans import Plan
from roam.demo.schedule import Schedule
from roam.demo.sources import HELD_BY_THE_TEAM, SOURCE_MAKERS
from roam.framework.model import IndicatorPlace

# The evidence kinds each indicator kind usually rests on, the most usual first.
_PREFERRED_KINDS: dict[str, tuple[EvidenceKind, ...]] = {
    "institutional": (
        "law_or_regulation",
        "report",
        "court_decision",
        "interview",
        "expert_judgement",
    ),
    "qualitative": ("report", "media", "interview", "survey", "expert_judgement", "court_decision"),
    "quantitative": ("official_statistic", "survey", "report"),
    "contextual": ("official_statistic", "report"),
}


class EvidenceWriter:
    """Invents evidence with the demo's random generator, on the cycle's calendar."""

    def __init__(self, schedule: Schedule) -> None:
        self.schedule = schedule
        self.rng = schedule.rng

    def evidence_for(self, place: IndicatorPlace, plan: Plan) -> list[Evidence]:
        """The sources behind one planned answer."""
        preferred = _PREFERRED_KINDS[place.indicator.kind]
        if plan.status == "not_applicable":
            kinds: list[EvidenceKind] = ["expert_judgement"] if self.rng.random() < 0.6 else []
        elif plan.status == "no_data":
            kinds = ["report"] if self.rng.random() < 0.5 else []
        else:
            extra = self.rng.randint(0, min(2, len(preferred) - 1))
            kinds = [preferred[0], *self.rng.sample(preferred[1:], extra)]
        return [self.evidence(kind) for kind in kinds]

    def evidence(self, kind: EvidenceKind, *, years_old: float | None = None) -> Evidence:
        """One invented source of ``kind``, published ``years_old`` years before the start."""
        accessed = self.schedule.during_collection()
        if kind in HELD_BY_THE_TEAM and years_old is None:
            published = accessed  # an interview or a panel is its own record, made then
        else:
            age = years_old if years_old is not None else self.rng.uniform(0.2, 2.5)
            published = self.schedule.start.date() - dt.timedelta(days=int(age * 365))
        source = SOURCE_MAKERS[kind](self.rng, published)
        return Evidence(
            kind=kind,
            citation=source.citation,
            location=source.location,
            publisher=source.publisher,
            published=published,
            accessed=accessed,
            confidential=source.confidential,
        )

    def plant_old_evidence(self, assessment: Assessment) -> None:
        """A few sources older than five years, for the readiness check to flag."""
        candidates = [a for a in assessment.answers.values() if a.status == "answered"]
        for answer in self.rng.sample(candidates, min(3, len(candidates))):
            kinds = [e.kind for e in answer.evidence if e.kind not in HELD_BY_THE_TEAM]
            kind = kinds[0] if kinds else "report"
            answer.evidence.append(self.evidence(kind, years_old=self.rng.uniform(6.2, 9.5)))

    def cover_every_evidence_kind(self, assessment: Assessment) -> None:
        """Add a source of each kind no answer cites yet, so every view has one to show."""
        answered = [a for a in assessment.answers.values() if a.status == "answered"]
        used = {item.kind for answer in answered for item in answer.evidence}
        for kind in EVIDENCE_KINDS:
            # Datasets are what `roam prefill` cites; the demo leaves them to it.
            if kind not in used and answered and kind in SOURCE_MAKERS:
                self.rng.choice(answered).evidence.append(self.evidence(kind))

    def plant_missing_evidence(self, assessment: Assessment) -> None:
        """Two answered indicators without any source, for the readiness check to flag."""
        answered = [a for a in assessment.answers.values() if a.status == "answered"]
        if len(answered) < 20:
            return  # too small an edition to spare the evidence kinds
        for answer in self.rng.sample(answered, 2):
            kinds = {item.kind for a in answered if a is not answer for item in a.evidence}
            if kinds.issuperset(item.kind for item in answer.evidence):
                answer.evidence = []
