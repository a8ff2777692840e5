"""How the UI names and marks the record's enumerated values.

One place for the words and glyphs, so the tree, the form, the legend in the
help screen and the dashboard always agree.
"""

from __future__ import annotations

from rich.text import Text

from roam.assessment.model import (
    EVIDENCE_KINDS,
    MILESTONE_KINDS,
    REVIEW_STATES,
    STAKEHOLDER_GROUPS,
    STATUSES,
    Answer,
)

STATUS_LABELS = {
    "answered": "Answered",
    "not_applicable": "Not applicable (N/A)",
    "no_data": "No data",
    "not_assessed": "Not assessed",
}
# The status choices in the form: short enough for one line at 80 columns.
STATUS_SHORT = {
    "answered": "Answered",
    "not_applicable": "N/A",
    "no_data": "No data",
    "not_assessed": "Not yet",
}
# Glyph and colour per status; the colours read on both the dark and light themes.
STATUS_MARKS = {
    "answered": ("✓", "bold green"),
    "not_applicable": ("–", "bold blue"),
    "no_data": ("∅", "bold dark_orange"),
    "not_assessed": ("·", "dim"),
}
QUERIED_MARK = ("?", "bold red")
CORE_BADGE = ("★", "bold magenta")
CONFLICT_MARK = ("⇄", "bold dark_cyan")  # versions wait side by side for a team decision
PROBLEM_MARK = ("!", "bold red")

EVIDENCE_KIND_LABELS = {kind: kind.replace("_", " ").capitalize() for kind in EVIDENCE_KINDS}
GROUP_LABELS = {
    group: group.replace("_", " ").capitalize().replace("Mab", "MAB")
    for group in STAKEHOLDER_GROUPS
}
REVIEW_LABELS: dict[str, str] = {state: state.capitalize() for state in REVIEW_STATES}
MILESTONE_LABELS = {kind: kind.replace("_", " ").capitalize() for kind in MILESTONE_KINDS}
MILESTONE_LABELS["mab_review"] = "MAB review"
CONFIDENCE_LABELS = {"low": "Low", "medium": "Medium", "high": "High"}
BREAKDOWN_LABELS = {
    "sex": "Sex",
    "age": "Age",
    "location": "Location",
    "income": "Income",
    "disability": "Disability",
    "language": "Language",
}

assert set(STATUS_LABELS) == set(STATUSES)


def status_mark(answer: Answer | None) -> Text:
    """The one-cell mark of an answer's status, plus the query flag when raised."""
    status = answer.status if answer is not None else "not_assessed"
    glyph, style = STATUS_MARKS[status]
    mark = Text()
    mark.append(glyph, style=style)
    if answer is not None and answer.review.state == "queried":
        mark.append(QUERIED_MARK[0], style=QUERIED_MARK[1])
    else:
        mark.append(" ")
    return mark


def legend() -> list[tuple[Text, str]]:
    """Each mark the tree uses with what it means, for the help screen."""
    rows = [
        (Text(glyph, style=style), STATUS_LABELS[s]) for s, (glyph, style) in STATUS_MARKS.items()
    ]
    rows.append((Text(QUERIED_MARK[0], style=QUERIED_MARK[1]), "Queried by a reviewer"))
    rows.append((Text(CORE_BADGE[0], style=CORE_BADGE[1]), "Core indicator"))
    rows.append((Text(CONFLICT_MARK[0], style=CONFLICT_MARK[1]), "Conflict to decide"))
    return rows
