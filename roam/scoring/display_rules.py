"""How every view shows a score: one rounding rule, and when a band may be named.

The TUI, the workbook, the CLI and ``roam score --json`` all read these, so a
score reads the same everywhere and no view names a band the others would not.
"""

from __future__ import annotations

from roam.scoring.result import Coverage

SCORE_DECIMALS = 1
# The spreadsheet number format with the same rounding as :func:`score_text`.
SCORE_NUMBER_FORMAT = "0." + "0" * SCORE_DECIMALS
# A band describes a whole category or theme; below this share of in-scope indicators
# with a decided status (answered, not applicable or no data) the few answers that
# exist say too little about it, so the score is shown without a band.
BAND_MIN_COMPLETE = 50.0


def score_text(score: float | None) -> str:
    """A score as every view prints it (``51.4``), or a dash when there is none."""
    return "—" if score is None else f"{score:.{SCORE_DECIMALS}f}"


def rounded_score(score: float | None) -> float | None:
    """The score rounded as :func:`score_text` shows it (for JSON and charts)."""
    return None if score is None else round(score, SCORE_DECIMALS)


def band_allowed(coverage: Coverage) -> bool:
    """Whether a node with this coverage is complete enough to be given a band."""
    return coverage.total > 0 and coverage.complete >= BAND_MIN_COMPLETE
