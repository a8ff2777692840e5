"""A liaison's review decisions, read from an exported report, into the answers' threads.

Each row with a decision or a comment becomes one comment in that answer's
review thread (author, role "liaison", time) and, for a decision, a review state:

- ``accept`` -> state ``accepted``; comment "Accepted." or "Accepted: <comment>"
- ``query``  -> state ``queried``;  comment "Queried: <comment>"
- ``reject`` -> state ``queried``;  comment "Rejected: <comment>".  roam has no
  rejected state: a rejected answer goes back to the team for rework exactly as
  a queried one does, and the word "Rejected" at the start of the comment keeps
  the liaison's stronger verdict visible in every view and in the report's
  review log.
- a comment without a decision is added to the thread; the state stays.

The decision itself is recorded on the comment (``Comment.decision``), so that
roam can tell a standing rejection from a query without reading the comment's
words (:mod:`roam.assessment.rejection`).

Answers are never changed, only their review.  When the report was made from
an older version of the answers (its stamp's per-indicator hashes differ from
the answers now), the changed indicators are named, and an ``accept`` of one of
them is recorded as a comment but does not mark it accepted: the liaison
accepted a version that no longer exists.

Importing the same workbook twice adds nothing the second time: a liaison comment
with the same text made after the workbook was generated is already there, whoever
it was recorded as by (the workbook is cumulative, and re-saved by others).

A team cell (anything but the decision and comment) that differs from what the
report wrote is named in a warning and never imported: the rows are unlocked so
that a liaison can sort them, which also lets a slip change a team cell.

Refused by name, each as a bad cell: a code outside the assessment's scope (it
would create an answer), and a code with two rows giving different decisions.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import cast

from roam.assessment.answer_edits import set_answer_field
from roam.assessment.create import now
from roam.assessment.model import (
    LIAISON_DECISIONS,
    Assessment,
    Comment,
    LiaisonDecision,
    ReviewState,
)
from roam.assessment.rules import in_scope_codes
from roam.errors import RoamError
from roam.exchange.cell_problems import BadCell, CellError
from roam.exchange.import_summary import Action, ImportSummary, IndicatorChange
from roam.exchange.incoming import LiaisonRow, ReviewedWorkbook, WorkbookOrigin
from roam.exchange.origin import TEMPLATE_FORMAT_KEY, check_origin, stamp_time
from roam.exchange.parse import choice_table, parse_choice, parse_text
from roam.exchange.provenance import (
    ANSWERS_HASH_KEY,
    STAMP_SHEET,
    answer_hashes,
    answers_hash,
    changed_indicators,
    stamp_answer_hashes,
)
from roam.exchange.read_cells import CellValue
from roam.exchange.workbook_labels import label
from roam.framework.model import Framework

Decision = LiaisonDecision
DEFAULT_REVIEWER = "UNESCO liaison"
REVIEWER_ROLE = "liaison"
DECISION_STATE: dict[Decision, ReviewState] = {
    "accept": "accepted",
    "query": "queried",
    "reject": "queried",
}
DECISION_WORD: dict[Decision, str] = {
    "accept": "Accepted",
    "query": "Queried",
    "reject": "Rejected",
}
_DECISION_ACTION: dict[Decision, Action] = {
    "accept": "accepted",
    "query": "queried",
    "reject": "rejected",
}
_DECISIONS = choice_table(
    LIAISON_DECISIONS,
    {
        "accept": ("accepted", "accepter", "accepté", "ok", "approve", "approved"),
        "query": ("queried", "questionner", "questionné", "question"),
        "reject": ("rejected", "rejeter", "rejeté"),
    },
)
_MADE_BY = "roam export"
LISTED_CODES = 10  # changed indicators named in the warning; the summary holds them all


def listed_codes(codes: list[str], limit: int = LISTED_CODES) -> str:
    """``codes`` joined with commas, the first ``limit`` of them and "and N more" after.

    A warning stays one readable line when hundreds of answers changed; the full
    list is :attr:`ImportSummary.changed_since_export`.
    """
    if len(codes) <= limit:
        return ", ".join(codes)
    return f"{', '.join(codes[:limit])} and {len(codes) - limit} more"


def comment_text(decision: Decision | None, comment: str) -> str:
    """The thread comment for a decision and the liaison's words (see the module notes)."""
    if decision is None:
        return comment
    word = DECISION_WORD[decision]
    return f"{word}: {comment}" if comment else f"{word}."


def import_review(
    assessment: Assessment,
    framework: Framework,
    workbook: ReviewedWorkbook,
    *,
    reviewer: str | None = None,
    when: dt.datetime | None = None,
    dry_run: bool = False,
) -> ImportSummary:
    """Apply the liaison's decisions and comments to ``assessment`` (in place).

    Raises :class:`~roam.errors.RoamError` for a workbook from another
    assessment, before anything changes.  For a dry run, pass a copy.
    """
    origin = workbook.origin
    if TEMPLATE_FORMAT_KEY in origin.stamp:
        raise RoamError(
            f"{origin.source}: a data-collection template, not a report; import it "
            f"with `roam import-answers`"
        )
    warnings = check_origin(origin, assessment, _MADE_BY)
    if not workbook.review_sheets:
        raise RoamError(
            f"{origin.source}: no sheet has the report's columns "
            f"'{label('col.code')}', '{label('col.decision')}' and "
            f"'{label('col.liaison_comment')}'; nothing was imported"
        )
    who, who_from = _reviewer(reviewer, origin)
    summary = ImportSummary(
        "review", origin.source, who, dry_run=dry_run, warnings=warnings, who_from=who_from
    )
    stale = _changed_since_export(origin, assessment, summary)
    _team_edits(workbook.rows, summary)
    rows = [row for row in workbook.rows if not (row.decision.blank and row.comment.blank)]
    summary.rows_read = len(rows)
    run = _ReviewRun(
        assessment=assessment,
        framework=framework,
        who=who,
        moment=when or now(),
        generated=stamp_time(origin.stamp),
        stale=stale,
        scope=frozenset(in_scope_codes(framework, assessment)),
        summary=summary,
    )
    for row in _without_contradictions(rows, summary):
        run.apply(row)
    return summary


def _reviewer(given: str | None, origin: WorkbookOrigin) -> tuple[str, str]:
    """The author name the comments are recorded under, and where it comes from."""
    if (given or "").strip():
        return (given or "").strip(), "given with --reviewer"
    if origin.person:
        return origin.person, "who saved the workbook last; choose another with --reviewer"
    return DEFAULT_REVIEWER, "no name in the workbook; choose one with --reviewer"


def _team_edits(rows: list[LiaisonRow], summary: ImportSummary) -> None:
    """Warn of team cells edited in the workbook: a review changes no answer."""
    edited = [
        f"{row.code} ({row.code_ref.sheet} row {row.code_ref.position[0]})"
        for row in rows
        if row.team_edited
    ]
    if edited:
        summary.warnings.append(
            "the team's cells were edited in the workbook on the rows of "
            + listed_codes(edited)
            + "; a review changes no answer, so those edits were not imported (the "
            "liaison comment is the place to say what should change)"
        )


def _changed_since_export(
    origin: WorkbookOrigin, assessment: Assessment, summary: ImportSummary
) -> frozenset[str]:
    """Codes whose answer changed since the report was made (their accepts are withheld)."""
    stamped = stamp_answer_hashes(origin.stamp)
    overall = origin.stamp.get(ANSWERS_HASH_KEY)
    if not stamped and not origin.has_stamp_sheet and overall:
        # Only the custom properties survived: they hold the overall hash, not one per answer.
        if overall == answers_hash(assessment):
            return frozenset()
        summary.warnings.append(
            f"{origin.source} has lost its hidden sheet '{STAMP_SHEET}', which says which "
            f"answers the report showed, and the answers have changed since the export; roam "
            f"cannot tell which, so every accept is recorded as a comment only"
        )
        return frozenset(assessment.answers)
    if stamped or overall:
        summary.changed_since_export = changed_indicators(stamped, answer_hashes(assessment))
    if summary.changed_since_export:
        summary.warnings.append(
            f"{origin.source} was made from an older version of the answers; changed since: "
            + listed_codes(summary.changed_since_export)
        )
    return frozenset(summary.changed_since_export)


def _without_contradictions(rows: list[LiaisonRow], summary: ImportSummary) -> list[LiaisonRow]:
    """The rows, less those of a code whose rows give different decisions (each a bad cell).

    A report has one row per indicator; two rows for one code come from a copied
    row or a pasted sheet, and which decision the liaison meant cannot be told.
    """
    decisions: dict[str, set[str]] = {}
    for row in rows:
        words = decisions.setdefault(row.code, set())
        if word := _decision_word(row.decision):
            words.add(word)  # a row with a comment only contradicts nothing
    contradicted = {code for code, words in decisions.items() if len(words) > 1}
    places = {code: [row for row in rows if row.code == code] for code in contradicted}
    for code in sorted(contradicted):
        where = ", ".join(
            f"{_decision_word(row.decision) or 'no decision'} at {row.decision.ref}"
            for row in places[code]
        )
        for row in places[code]:
            summary.bad_cells.append(
                BadCell(
                    row.decision.ref,
                    f"{code} has rows with different decisions ({where}); none of them "
                    f"was imported",
                )
            )
    return [row for row in rows if row.code not in contradicted]


def _decision_word(cell: CellValue) -> str:
    """The decision a cell names (its text when it names none), '' when blank."""
    if cell.blank or cell.not_text is not None:
        return ""
    try:
        return str(parse_choice(cell, _DECISIONS, "a review decision"))
    except CellError:
        return cell.text.casefold()


@dataclass(frozen=True, slots=True)
class _ReviewRun:
    assessment: Assessment
    framework: Framework
    who: str
    moment: dt.datetime
    generated: dt.datetime | None  # when the report was made (from its stamp)
    stale: frozenset[str]  # codes whose answer changed since the report was made
    scope: frozenset[str]  # codes the assessment covers
    summary: ImportSummary

    def apply(self, row: LiaisonRow) -> None:
        if row.decision.blank and row.comment.blank:
            return
        summary = self.summary
        if row.code not in self.framework.places:
            summary.bad_cells.append(
                BadCell(
                    row.code_ref,
                    f"'{row.code}' is not an indicator of "
                    f"{self.framework.id}; its review was not imported",
                )
            )
            return
        if row.code not in self.scope:
            summary.bad_cells.append(
                BadCell(
                    row.code_ref,
                    f"{row.code} is not in this assessment's scope ({self.assessment.scope}); "
                    f"its review was not imported",
                )
            )
            return
        decision_cell = _screened(row.decision, "the review state is unchanged", summary)
        comment_cell = _screened(row.comment, "the comment was not imported", summary)
        decision = _decision(decision_cell, summary)
        text = comment_text(decision, parse_text(comment_cell))
        if not text:
            return  # an unreadable decision and no comment: the bad cell says why
        answer = self.assessment.answer(row.code)
        if _already_there(answer.review.thread, text, self.generated):
            summary.changes.append(
                IndicatorChange(row.code, "already_imported", "already in the thread", row.code_ref)
            )
            return
        answer.review.thread.append(
            Comment(
                author=self.who, role=REVIEWER_ROLE, time=self.moment, text=text, decision=decision
            )
        )
        summary.comments_added += 1
        action: Action = "commented" if decision is None else _DECISION_ACTION[decision]
        detail = text
        if decision == "accept" and row.code in self.stale:
            action = "accept_withheld"
            detail = f"{text} (not marked accepted: the answer changed since the export)"
        elif decision is not None:
            set_answer_field(
                answer, "review.state", DECISION_STATE[decision], self.who, self.moment
            )
        summary.changes.append(IndicatorChange(row.code, action, detail, row.code_ref))


def _screened(cell: CellValue, consequence: str, summary: ImportSummary) -> CellValue:
    """``cell``, or a blank one (and a bad cell) when it holds a formula or an error."""
    problem = cell.not_text
    if problem is None:
        return cell
    summary.bad_cells.append(BadCell(cell.ref, f"{problem.reason}; {consequence}"))
    return CellValue(cell.ref)


def _decision(cell: CellValue, summary: ImportSummary) -> Decision | None:
    if cell.blank:
        return None
    try:
        found = parse_choice(cell, _DECISIONS, "a review decision")
    except CellError as problem:
        summary.bad_cells.append(
            BadCell(cell.ref, f"{problem}; the comment is kept, the review state is unchanged")
        )
        return None
    return cast(Decision, found)


def _already_there(thread: list[Comment], text: str, generated: dt.datetime | None) -> bool:
    """Whether a liaison comment with this text was recorded after the report was made.

    Whatever its author: a liaison's workbook is cumulative, and whoever saved it
    last (the name recorded by default) changes from one import to the next.
    """
    for comment in thread:
        if comment.role != REVIEWER_ROLE or comment.text != text:
            continue
        # Comment times are kept to the second; the stamp may carry microseconds.
        if generated is None or _aware(comment.time) >= generated.replace(microsecond=0):
            return True
    return False


def _aware(moment: dt.datetime) -> dt.datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
