"""Readiness checks: what still stands between an assessment and its validation.

Each check looks at one in-scope indicator at a time; the findings come in
framework order, and within one indicator in the order of
:data:`roam.scoring.readiness_check_names.CHECKS`.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from roam.assessment.model import Answer, Assessment, Evidence
from roam.assessment.rules import AnyIndicator, answer_problems, in_scope_codes, needs_justification
from roam.framework.model import Framework
from roam.scoring.edition import framework_named_by
from roam.scoring.readiness_check_names import CHECKS, DEFAULT_MAX_AGE_YEARS
from roam.scoring.result import Finding


def readiness(
    assessment: Assessment,
    framework: Framework | None = None,
    *,
    max_age_years: int = DEFAULT_MAX_AGE_YEARS,
    today: dt.date | None = None,
    assessment_path: str | Path | None = None,
) -> list[Finding]:
    """Every readiness finding of ``assessment``; an empty list means it is ready.

    ``framework`` defaults to the edition the assessment names (see
    :func:`roam.scoring.engine.score`); ``today`` is injectable for tests.
    """
    if max_age_years < 0:
        raise ValueError("max_age_years must not be negative")
    if framework is None:
        framework = framework_named_by(assessment, assessment_path)
    day = today or dt.date.today()
    cutoff = _years_before(day, max_age_years)
    findings: list[Finding] = []
    for code in in_scope_codes(framework, assessment):
        indicator = framework.indicator(code)
        answer = assessment.answers.get(code)
        found = _indicator_findings(indicator, answer, framework, cutoff, max_age_years)
        if answer is not None:
            found += _future_findings(code, answer, day)
        findings += sorted(found, key=lambda finding: _CHECK_ORDER[finding.check])
    return findings


_CHECK_ORDER = {name: position for position, name in enumerate(CHECKS)}


def _future_findings(code: str, answer: Answer, today: dt.date) -> list[Finding]:
    """Dates after today: a year or a source's date typed wrong (2199 for 2019)."""
    slips = []
    if answer.year is not None and answer.year > today.year:
        slips.append(f"year {answer.year}")
    for item in answer.evidence:
        for what, day in (("published", item.published), ("accessed", item.accessed)):
            if day is not None and day > today:
                slips.append(f"{item.citation or 'a source'} {what} {day.isoformat()}")
    if not slips:
        return []
    return [Finding("future_date", code, f"after today ({today.isoformat()}): {'; '.join(slips)}")]


def _indicator_findings(
    indicator: AnyIndicator,
    answer: Answer | None,
    framework: Framework,
    cutoff: dt.date,
    max_age_years: int,
) -> list[Finding]:
    code = indicator.code
    if answer is None:
        return [Finding("not_assessed", code, "no answer yet")]
    findings = []
    if answer.status == "not_assessed":
        findings.append(Finding("not_assessed", code, "no answer yet"))
    problems = answer_problems(indicator, answer, framework)
    if needs_justification(indicator, answer, framework) and not answer.justification.strip():
        findings.append(Finding("missing_justification", code, _justification_message(answer)))
        # answer_problems reports this same gap first; it is listed once, above.
        problems = problems[1:]
    findings += [Finding("answer_problem", code, problem) for problem in problems]
    if answer.status == "answered" and not answer.evidence:
        findings.append(Finding("no_evidence", code, "answered without any evidence"))
    old = [item for item in answer.evidence if _is_older(item, cutoff)]
    if old:
        findings.append(Finding("old_evidence", code, _old_message(old, max_age_years)))
    if answer.review.state == "queried":
        findings.append(Finding("open_query", code, _query_message(answer)))
    if answer.conflicts:
        findings.append(Finding("open_conflict", code, _conflict_message(answer)))
    if answer.provenance and answer.review.state == "draft":
        findings.append(Finding("prefilled_unreviewed", code, _prefill_message(answer)))
    return findings


def _prefill_message(answer: Answer) -> str:
    return f"filled in by roam from {answer.provenance}; check the figure and submit it"


def _conflict_message(answer: Answer) -> str:
    sources = ", ".join(version.source for version in answer.conflicts)
    return f"the merged files differ ({sources}); the team decides which version stands"


def _justification_message(answer: Answer) -> str:
    if answer.status == "answered":
        return "the lowest level is chosen without a justification"
    return f"{answer.status.replace('_', ' ')} without a justification"


def _years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February in a year that has none
        return day.replace(year=day.year - years, day=28)


def evidence_date(item: Evidence) -> dt.date | None:
    """The date an evidence item's age is measured from: published, else accessed."""
    return item.published or item.accessed


def _is_older(item: Evidence, cutoff: dt.date) -> bool:
    date = evidence_date(item)
    return date is not None and date < cutoff


def _old_message(old: list[Evidence], max_age_years: int) -> str:
    oldest = min(old, key=lambda item: evidence_date(item) or dt.date.max)
    count = "1 evidence item is" if len(old) == 1 else f"{len(old)} evidence items are"
    return (
        f"{count} older than {max_age_years} years "
        f"(oldest: {oldest.citation}, {evidence_date(oldest)})"
    )


def _query_message(answer: Answer) -> str:
    if not answer.review.thread:
        return "a reviewer's query is open"
    last = answer.review.thread[-1]
    return f"a reviewer's query is open; last comment by {last.author}: {last.text}"
