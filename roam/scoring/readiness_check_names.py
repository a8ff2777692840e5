"""The names of the readiness checks and their defaults (kept light for the CLI's start-up)."""

from __future__ import annotations

DEFAULT_MAX_AGE_YEARS = 5

# Check name -> heading, in the order findings for one indicator are listed.
CHECKS: dict[str, str] = {
    "not_assessed": "Not assessed",
    "answer_problem": "Answer problems",
    "missing_justification": "Missing justifications",
    "no_evidence": "Answered without evidence",
    "old_evidence": "Old evidence",
    "future_date": "Dates in the future",
    "open_query": "Open review queries",
    "open_conflict": "Researchers disagree",
    "prefilled_unreviewed": "Pre-filled from open data, not yet reviewed",
}
