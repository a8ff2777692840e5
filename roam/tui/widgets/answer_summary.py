"""The answer form's summary line and where each problem of an answer is shown.

Problems from the rules go under the field they concern; readiness findings
that no field says already, a draft that was refused, versions in conflict and
the review's state are summed up in one line above the form.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text

from roam.assessment.model import Answer
from roam.scoring.result import Finding
from roam.tui.labels import CONFLICT_MARK, REVIEW_LABELS
from roam.tui.plain import shown

# Readiness checks whose findings the form shows under a field already (or no finding at all).
ALREADY_SHOWN_CHECKS = ("not_assessed", "answer_problem", "missing_justification")


def field_of(problem: str) -> str:
    """Which field a problem from the rules concerns, by its wording."""
    if "justification" in problem:
        return "justification"
    if "level" in problem:
        return "level"
    return "value"


def summary_line(
    answer: Answer, messages: dict[str, list[str]], *, refused: bool, versions: int
) -> Text:
    """The line above the form: problems (``messages`` by field, and "checks"), conflicts
    (``versions`` to decide) and review; ``refused``: what was typed is not stored."""
    checks = messages.get("checks", [])
    count = sum(len(found) for name, found in messages.items() if name != "checks")
    text = Text()
    if refused:
        text.append("✗ what you typed is NOT STORED: fix the marked field", style="bold red")
    elif count:
        noun = "problem" if count == 1 else "problems"
        text.append(f"⚠ {count} {noun} with this answer (see below)", style="bold red")
        if checks:
            text.append("; ", style="bold red")
    if checks:
        text.append("⚠ " + "; ".join(shown(check) for check in checks), style="bold red")
    elif not count:
        text.append("✓ no problems", style="green")
    if answer.conflicts:
        text.append(f"  {CONFLICT_MARK[0]} {versions} versions to decide", style=CONFLICT_MARK[1])
        text.append(" (ctrl+d)", style="dim")
    review = answer.review
    if review.state != "draft" or review.thread:
        comments = len(review.thread)
        text.append(f"  · review: {REVIEW_LABELS[review.state]}", style="bold")
        text.append(f", {comments} comment{'s' if comments != 1 else ''}", style="dim")
    return text


class FailedChecks:
    """The readiness findings per indicator that the fields' own messages do not say.

    Sorted by indicator once per list of findings (the session makes a new list
    after each change), not once per indicator shown.
    """

    def __init__(self) -> None:
        self._findings_seen: object = None  # the findings list _by_code was made of
        self._by_code: dict[str, list[str]] = {}

    def of(self, code: str, findings: Sequence[Finding]) -> list[str]:
        if findings is not self._findings_seen:
            self._findings_seen = findings
            self._by_code = {}
            for finding in findings:
                if finding.check not in ALREADY_SHOWN_CHECKS:
                    self._by_code.setdefault(finding.code, []).append(finding.message)
        return self._by_code.get(code, [])
