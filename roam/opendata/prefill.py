"""Pre-filling the assessment's numeric indicators from the observations read.

For each in-scope indicator whose framework entry names ``open_data`` series,
the first series with a figure no older than ``max_age`` years gives the most
recent one, converted to the indicator's unit.  It goes into an empty answer
as a ``draft`` with provenance "open data: ..." and a ``dataset`` evidence
item, so nobody mistakes it for a checked figure.  A team's answer is never
overwritten silently: the same value only gains the citation; a different one
is a conflict, settled by ``keep`` as ``roam import-answers`` settles its own
(``mine``, ``theirs``, or both versions kept for the team to decide).
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import Literal

from roam.assessment.answer_edits import set_answer_field
from roam.assessment.create import now
from roam.assessment.model import Answer, AnswerVersion, Assessment, Evidence
from roam.assessment.rules import in_scope_codes
from roam.exchange.answer_import import is_empty
from roam.exchange.import_summary import Conflict, ConflictOutcome, ImportSummary, IndicatorChange
from roam.framework.model import (
    ContextualIndicator,
    Framework,
    OpenDataSource,
    OpenDataTransform,
    QuantitativeIndicator,
)
from roam.opendata.reading import Observation, Reading
from roam.teamwork.versions import source_label, version_of

Keep = Literal["mine", "theirs"]
DEFAULT_MAX_AGE = 5
WHO = "roam prefill"
PROVENANCE = "open data"
_FACTORS: dict[OpenDataTransform, float] = {
    "none": 1.0,
    "share_to_percent": 100.0,
    "percent_to_share": 0.01,
    "to_thousands": 0.001,
    "to_millions": 0.000001,
}


def convert(value: float, transform: OpenDataTransform) -> float:
    """``value`` in the indicator's unit; rounded to 12 significant digits against float noise."""
    converted = value * _FACTORS[transform]
    return float(f"{converted:.12g}")


@dataclass(frozen=True, slots=True)
class Proposal:
    """The figure roam would put into one indicator's answer."""

    code: str
    source: OpenDataSource
    observation: Observation
    value: float
    unit: str | None = None  # the indicator's unit, which the value is now in

    @property
    def provenance(self) -> str:
        return f"{PROVENANCE}: {self.source.source.upper()} {self.source.series}"

    def evidence(self) -> Evidence:
        seen = self.observation
        updated = f", last updated {seen.updated.isoformat()}" if seen.updated else ""
        return Evidence(
            kind="dataset",
            citation=f"{seen.publisher}, series {seen.series}, {seen.year}{updated}",
            location=seen.url,
            publisher=seen.publisher,
            published=seen.updated,
        )

    def version(self) -> AnswerVersion:
        return AnswerVersion(
            source=f"{self.provenance} ({self.observation.where})",
            status="answered",
            value=self.value,
            year=self.observation.year,
            evidence=[self.evidence()],
        )


@dataclass(slots=True)
class PrefillResult:
    """What a pre-fill did (or would do): the proposals, the summary, what was left out."""

    proposals: list[Proposal] = field(default_factory=list)
    summary: ImportSummary = field(default_factory=lambda: ImportSummary("answers", "", WHO))
    skipped: list[str] = field(default_factory=list)  # indicator: why no figure was taken

    def action_of(self, code: str) -> str:
        return next((c.action for c in self.summary.changes if c.code == code), "")


def mapped_series(framework: Framework, assessment: Assessment) -> set[str]:
    """Every series code the in-scope indicators name."""
    indicators = _mapped(framework, assessment)
    return {source.series for indicator in indicators for source in indicator.open_data}


def _mapped(
    framework: Framework, assessment: Assessment
) -> list[QuantitativeIndicator | ContextualIndicator]:
    found = []
    for code in in_scope_codes(framework, assessment):
        indicator = framework.indicator(code)
        if not isinstance(indicator, QuantitativeIndicator | ContextualIndicator):
            continue
        if indicator.open_data:
            found.append(indicator)
    return found


def plan(
    framework: Framework,
    assessment: Assessment,
    reading: Reading,
    *,
    max_age: int = DEFAULT_MAX_AGE,
    today: dt.date | None = None,
) -> tuple[list[Proposal], list[str]]:
    """The figure to propose per mapped indicator, and why the others get none."""
    this_year = (today or dt.date.today()).year
    proposals: list[Proposal] = []
    skipped: list[str] = []
    for indicator in _mapped(framework, assessment):
        reasons = []
        for source in indicator.open_data:
            seen = reading.observations.get(source.series, [])
            recent = [o for o in seen if this_year - max_age <= o.year <= this_year]
            if not recent:
                latest = max((o.year for o in seen), default=None)
                reasons.append(
                    f"{source.series}: no figure in the files"
                    if latest is None
                    else f"{source.series}: latest figure {latest}, older than {max_age} years"
                )
                continue
            # The latest year; among files giving the same year, the first file named wins.
            best = max(recent, key=lambda o: o.year)
            value = convert(best.value, source.transform)
            valid = indicator.valid_range
            if valid is not None and not valid.contains(value):
                reasons.append(f"{source.series}: {value:g} is outside the indicator's range")
                continue
            proposals.append(Proposal(indicator.code, source, best, value, indicator.unit))
            break
        else:
            skipped.append(f"{indicator.code}: {'; '.join(reasons)}")
    return proposals, skipped


def prefill(
    framework: Framework,
    assessment: Assessment,
    reading: Reading,
    *,
    source: str,
    max_age: int = DEFAULT_MAX_AGE,
    keep: Keep | None = None,
    dry_run: bool = False,
    today: dt.date | None = None,
    when: dt.datetime | None = None,
) -> PrefillResult:
    """Apply the proposals to ``assessment`` in place (for a dry run, pass a copy)."""
    proposals, skipped = plan(framework, assessment, reading, max_age=max_age, today=today)
    summary = ImportSummary("answers", source, WHO, dry_run=dry_run, warnings=reading.warnings)
    result = PrefillResult(proposals, summary, skipped)
    moment = when or now()
    for proposal in proposals:
        _apply(assessment.answer(proposal.code), proposal, keep, moment, summary)
    return result


def _same_value(answer: Answer, proposal: Proposal) -> bool:
    return (
        answer.status == "answered"
        and answer.value is not None
        and math.isclose(answer.value, proposal.value, rel_tol=1e-9, abs_tol=1e-12)
        and answer.year in (None, proposal.observation.year)
    )


def _apply(
    answer: Answer,
    proposal: Proposal,
    keep: Keep | None,
    moment: dt.datetime,
    summary: ImportSummary,
) -> None:
    code = proposal.code
    seen = proposal.observation
    described = f"{proposal.value:g} ({seen.year}) from {seen.series}"
    if is_empty(answer):
        _take(answer, proposal, moment)
        summary.changes.append(IndicatorChange(code, "new", f"new answer: {described}"))
        return
    if _same_value(answer, proposal):
        evidence = proposal.evidence()
        if evidence.identity() in {item.identity() for item in answer.evidence}:
            summary.changes.append(IndicatorChange(code, "unchanged", "same as the assessment"))
            return
        set_answer_field(answer, "evidence", [*answer.evidence, evidence], WHO, moment)
        summary.changes.append(IndicatorChange(code, "evidence_added", f"cited {seen.series}"))
        return
    mine = version_of(answer, source_label("assessment", answer))
    theirs = proposal.version()
    outcome: ConflictOutcome
    if keep == "mine":
        outcome, detail = "kept_mine", f"kept the assessment's answer; open data says {described}"
    elif keep == "theirs":
        outcome, detail = "took_theirs", f"replaced by open data: {described}"
        _take(answer, proposal, moment)
        answer.conflicts[:] = [v for v in answer.conflicts if v != theirs]
    elif theirs in answer.conflicts:
        outcome, detail = "already_parked", "this version already waits in the conflicts"
    else:
        outcome, detail = "parked", f"conflict; open data ({described}) kept beside the answer"
        if mine not in answer.conflicts:
            answer.conflicts.append(mine)
        answer.conflicts.append(theirs)
    differences = tuple(
        name for name in ("status", "value", "year") if getattr(mine, name) != getattr(theirs, name)
    )
    summary.changes.append(IndicatorChange(code, outcome, detail))
    summary.conflicts.append(Conflict(code, mine, theirs, outcome, None, differences))


def _take(answer: Answer, proposal: Proposal, moment: dt.datetime) -> None:
    set_answer_field(answer, "level", None, WHO, moment)
    set_answer_field(answer, "value", proposal.value, WHO, moment)
    set_answer_field(answer, "status", "answered", WHO, moment)
    set_answer_field(answer, "year", proposal.observation.year, WHO, moment)
    set_answer_field(answer, "unit", proposal.unit, WHO, moment)
    evidence = proposal.evidence()
    if evidence.identity() not in {item.identity() for item in answer.evidence}:
        set_answer_field(answer, "evidence", [*answer.evidence, evidence], WHO, moment)
    set_answer_field(answer, "review.state", "draft", WHO, moment)
    set_answer_field(answer, "provenance", proposal.provenance, WHO, moment)
