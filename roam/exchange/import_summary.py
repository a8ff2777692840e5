"""What an import did (or, in a dry run, would do): the object the CLI and the TUI show.

One :class:`ImportSummary` per import: counts by action, one line per indicator
touched, the conflicts with both versions, every bad cell, and warnings.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Literal

from roam.assessment.model import AnswerVersion
from roam.exchange.cell_problems import BadCell
from roam.exchange.read_cells import CellRef

ImportKind = Literal["review", "answers"]

# What happened to one indicator.  Review imports use the first group, answer imports the second.
Action = Literal[
    "accepted",  # liaison accepted; review state set to accepted
    "queried",  # liaison queried; state set to queried
    "rejected",  # liaison rejected; state set to queried, comment starts "Rejected"
    "commented",  # a comment without a decision
    "accept_withheld",  # accepted an answer that has changed since the export: comment only
    "already_imported",  # this comment is in the thread already (same workbook imported twice)
    "new",  # an empty answer filled from the workbook
    "evidence_added",  # same answer; new evidence items added
    "unchanged",  # the workbook says what the assessment says
    "took_theirs",  # conflict resolved with --keep theirs
    "kept_mine",  # conflict resolved with --keep mine
    "parked",  # conflict kept for the team: the incoming version is in Answer.conflicts
    "already_parked",  # the same incoming version is waiting in Answer.conflicts already
    "not_imported",  # the row had bad cells that leave the answer unclear
]
# Actions that change the assessment file.
CHANGING: frozenset[str] = frozenset(
    {
        "accepted",
        "queried",
        "rejected",
        "commented",
        "accept_withheld",
        "new",
        "evidence_added",
        "took_theirs",
        "parked",
    }
)
ConflictOutcome = Literal["parked", "already_parked", "took_theirs", "kept_mine"]


@dataclass(frozen=True, slots=True)
class IndicatorChange:
    code: str
    action: Action
    detail: str
    ref: CellRef | None = None

    def __str__(self) -> str:
        return f"{self.code}: {self.detail}"


@dataclass(frozen=True, slots=True)
class Conflict:
    """An incoming answer that differs from the one the assessment has."""

    code: str
    mine: AnswerVersion
    theirs: AnswerVersion
    outcome: ConflictOutcome
    ref: CellRef | None = None
    differences: tuple[str, ...] = ()  # field names, such as ("level", "justification")


@dataclass(slots=True)
class ImportSummary:
    kind: ImportKind
    source: str  # the workbook, as the user named it
    who: str  # the reviewer or contributor recorded as author
    dry_run: bool = False
    who_from: str = ""  # where that name comes from, for the summary
    rows_read: int = 0  # rows of the workbook that say something (compared with the file)
    changes: list[IndicatorChange] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    bad_cells: list[BadCell] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    changed_since_export: list[str] = field(default_factory=list)  # review imports only
    comments_added: int = 0

    @property
    def counts(self) -> Counter[str]:
        return Counter(change.action for change in self.changes)

    @property
    def changes_assessment(self) -> bool:
        """Whether saving is needed: something was (or would be) written."""
        return any(change.action in CHANGING for change in self.changes)

    def unchanged_reason(self) -> str:
        """Why nothing changes, saying what was compared with what."""
        name = file_name(self.source)
        if self.kind == "review":
            if not self.rows_read:
                return f"{name} holds no liaison decision or comment"
            already = self.count("already_imported")
            rest = "" if already == self.rows_read else ", the rest not importable (bad cells)"
            holds = "holds" if self.rows_read == 1 else "hold"
            return (
                f"compared the {_rows(self.rows_read)} of {name} that {holds} a decision or "
                f"comment with the review threads: {already} already there (same text, "
                f"recorded after the report was made){rest}"
            )
        if not self.rows_read:
            return f"{name} has no filled row"
        return (
            f"compared the {_rows(self.rows_read)} filled in {name} with the answers: "
            f"{self.count('unchanged')} say what the assessment says, "
            f"{self.count('already_parked')} wait beside it already, "
            f"{self.count('not_imported')} cannot be imported (see the bad cells)"
        )

    def count(self, action: Action) -> int:
        return self.counts[action]

    def headline(self) -> str:
        """One line of counts, as the CLI prints it first."""
        counts = self.counts
        if self.kind == "review":
            parts = [
                f"{counts['accepted']} accepted",
                f"{counts['queried']} queried",
                f"{counts['rejected']} rejected",
                _counted(self.comments_added, "comment"),
            ]
            if counts["accept_withheld"]:
                parts.append(
                    _counted(counts["accept_withheld"], "accept") + " withheld (answer changed)"
                )
            if counts["already_imported"]:
                parts.append(f"{counts['already_imported']} already imported")
        else:
            parts = [
                f"{counts['new']} new",
                f"{counts['took_theirs']} replaced",
                f"{counts['evidence_added']} with evidence added",
                _counted(len(self.conflicts), "conflict"),
                f"{counts['unchanged']} unchanged",
            ]
            if counts["not_imported"]:
                parts.append(_counted(counts["not_imported"], "row") + " not imported")
        parts.append(_counted(len(self.bad_cells), "bad cell"))
        verb = "would import" if self.dry_run else "imported"
        return f"{self.source}: {verb} {', '.join(parts)}"


def _rows(count: int) -> str:
    return _counted(count, "row")


def _counted(count: int, noun: str) -> str:
    """``count`` and ``noun``, with an s unless it is one ('1 conflict', '2 conflicts')."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def file_name(source: str) -> str:
    """The last part of a path as the user gave it, on any system."""
    return source.replace("\\", "/").rsplit("/", 1)[-1]


_QUIET_ACTIONS = frozenset({"unchanged", "already_imported", "already_parked", "not_imported"})
_VERSION_FIELDS = ("status", "level", "value", "year", "justification", "confidence")
_SHOWN_CHARS = 60


def summary_lines(summary: ImportSummary) -> list[str]:
    """The whole summary as plain text lines: headline, warnings, changes, conflicts, bad cells."""
    lines = [summary.headline()]
    if summary.who_from and summary.rows_read:
        lines.append(f"recorded as by: {summary.who} ({summary.who_from})")
    lines += [f"warning: {warning}" for warning in summary.warnings]
    shown = [
        change
        for change in summary.changes
        if change.action not in _QUIET_ACTIONS and change.action not in _CONFLICT_ACTIONS
    ]
    if shown:
        lines.append("changes:")
        lines += [f"  {change.code}: {change.detail}" for change in shown]
    if summary.conflicts:
        lines.append(f"conflicts ({len(summary.conflicts)}):")
        for conflict in summary.conflicts:
            lines += _conflict_lines(conflict)
        if any(c.outcome in ("parked", "already_parked") for c in summary.conflicts):
            lines.append(
                "  the incoming versions wait beside the answers: choose with "
                "--keep mine|theirs, or resolve them in the TUI"
            )
    if summary.bad_cells:
        rest = "the rest would be imported" if summary.dry_run else "the rest was imported"
        lines.append(f"bad cells ({len(summary.bad_cells)}); each says what was left out, {rest}:")
        lines += [f"  {bad}" for bad in summary.bad_cells]
    return lines


_CONFLICT_ACTIONS = frozenset({"took_theirs", "kept_mine", "parked", "already_parked"})
_OUTCOME_WORDS = {
    "parked": "kept both, for the team to decide",
    "already_parked": "already waiting for the team",
    "took_theirs": "took theirs",
    "kept_mine": "kept mine",
}


def _conflict_lines(conflict: Conflict) -> list[str]:
    where = f" ({conflict.ref})" if conflict.ref else ""
    lines = [f"  {conflict.code}{where}: {_OUTCOME_WORDS[conflict.outcome]}"]
    for name in conflict.differences or _VERSION_FIELDS:
        mine = _shown(getattr(conflict.mine, name, None))
        theirs = _shown(getattr(conflict.theirs, name, None))
        lines.append(f"    {name}: mine {mine} | theirs {theirs}")
    return lines


def _shown(value: object) -> str:
    if value is None or value == "":
        return "-"
    text = f"{value:g}" if isinstance(value, float) else str(value)
    text = " ".join(text.split())
    return text if len(text) <= _SHOWN_CHARS else text[: _SHOWN_CHARS - 1] + "…"
