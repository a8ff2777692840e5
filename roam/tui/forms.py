"""The fields of each small record the UI edits, and how a record shows as a table row."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from roam.assessment.model import (
    Evidence,
    MabMember,
    Milestone,
    Person,
    Recommendation,
)
from roam.tui.labels import EVIDENCE_KIND_LABELS, GROUP_LABELS, MILESTONE_LABELS

FieldKind = Literal["text", "long", "choice", "choices", "date", "flag", "list"]


@dataclass(frozen=True, slots=True)
class FormField:
    """One field of a record form; ``options`` are (label, value) pairs for choices."""

    name: str
    label: str
    kind: FieldKind = "text"
    options: tuple[tuple[str, str], ...] = ()
    hint: str = ""


EVIDENCE_COLUMNS = ("Kind", "Citation", "URL or file", "Published", "Confidential")
LINK_WIDTH = 48  # characters of a long URL the evidence table shows: its start and its end
_GROUPS = tuple((label, group) for group, label in GROUP_LABELS.items())

EVIDENCE_FIELDS = (
    FormField(
        "kind", "Kind", "choice", tuple((label, k) for k, label in EVIDENCE_KIND_LABELS.items())
    ),
    FormField("citation", "Citation", hint="Author, title, year"),
    FormField("location", "URL or file path", hint="https://... or documents/report.pdf"),
    FormField("publisher", "Publisher"),
    FormField("published", "Published", "date"),
    FormField("accessed", "Accessed", "date"),
    FormField("confidential", "Confidential (left out of published reports)", "flag"),
)
PERSON_FIELDS = (
    FormField("name", "Name"),
    FormField("role", "Role", hint="lead researcher, data analyst, ..."),
)
MAB_FIELDS = (
    FormField("name", "Name"),
    FormField("organisation", "Organisation"),
    FormField("group", "Stakeholder group", "choice", _GROUPS),
)
MILESTONE_FIELDS = (
    FormField(
        "kind", "Milestone", "choice", tuple((label, k) for k, label in MILESTONE_LABELS.items())
    ),
    FormField(
        "status",
        "Status",
        "choice",
        (("Not started", "not_started"), ("In progress", "in_progress"), ("Done", "done")),
    ),
    FormField("date", "Date", "date"),
    FormField("note", "Note"),
)
RECOMMENDATION_FIELDS = (
    FormField("id", "Id", hint="REC-1"),
    FormField("text", "Recommendation", "long"),
    FormField("groups", "Addressed to", "choices", _GROUPS),
    FormField(
        "priority", "Priority", "choice", (("High", "high"), ("Medium", "medium"), ("Low", "low"))
    ),
    FormField(
        "timeframe",
        "Timeframe",
        "choice",
        (("Short term", "short"), ("Medium term", "medium"), ("Long term", "long")),
    ),
    FormField("indicators", "Indicator codes", "list", hint="R.B.1.a, A.C.2.b"),
)


def evidence_row(item: Evidence) -> tuple[str, ...]:
    published = item.published.isoformat() if item.published else ""
    secret = "yes" if item.confidential else ""
    return (EVIDENCE_KIND_LABELS[item.kind], item.citation, short_link(item.location),
            published, secret)  # fmt: skip


def short_link(location: str | None) -> str:
    """A URL or path short enough for a table cell: the host and the file name show."""
    if not location or len(location) <= LINK_WIDTH:
        return location or ""
    tail = LINK_WIDTH // 3
    return f"{location[: LINK_WIDTH - tail - 1]}…{location[-tail:]}"


def person_row(person: Person) -> tuple[str, ...]:
    return (person.name, person.role)


def mab_row(member: MabMember) -> tuple[str, ...]:
    return (member.name, member.organisation, GROUP_LABELS[member.group])


def milestone_row(milestone: Milestone) -> tuple[str, ...]:
    date = milestone.date.isoformat() if milestone.date else ""
    status = milestone.status.replace("_", " ")
    return (MILESTONE_LABELS[milestone.kind], status, date, milestone.note)


def recommendation_row(item: Recommendation) -> tuple[str, ...]:
    """The short columns first and the text last, so a narrow terminal cuts only the text."""
    groups = ", ".join(GROUP_LABELS[g] for g in item.groups)
    return (
        item.id,
        item.priority,
        _short(", ".join(item.indicators), 24),
        _short(groups, 32),
        _short(item.text, 56),
    )


def _short(text: str, width: int) -> str:
    """One line of at most ``width`` characters; the form shows the whole text."""
    line = " ".join(text.split())
    return line if len(line) <= width else line[: width - 1] + "…"
