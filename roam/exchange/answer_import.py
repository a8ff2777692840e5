"""Applying a stakeholder's filled data-collection template to the assessment's answers.

The rows are checked first (roam.exchange.row_checks); a row with a bad cell that
matters is not imported.

An incoming answer never silently replaces one the team has:

- into an empty answer it goes straight in, review state ``submitted``, each
  field logged in the history under the contributor's name;
- if it says the same as the team's answer, only evidence items the answer
  lacks are added;
- otherwise it is a conflict.  ``keep="mine"`` leaves the team's answer,
  ``keep="theirs"`` takes the incoming one (old values stay in the history,
  evidence is merged, state ``submitted``), and with no choice the incoming
  version is parked in ``Answer.conflicts``, beside the team's own version (as
  ``roam merge`` leaves them), for the team to decide in the TUI;
  :func:`roam.teamwork.consensus.resolve_conflict` applies the choice and
  keeps every version in the history.

Blank cells in a filled row mean "no opinion", not "erase": a blank year or
justification never counts as a difference and never clears the team's text.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal

from roam.assessment.answer_edits import set_answer_field
from roam.assessment.create import now
from roam.assessment.model import (
    Answer,
    AnswerVersion,
    Assessment,
    Evidence,
    Status,
)
from roam.assessment.rules import answer_problems
from roam.exchange.cell_problems import reading_order
from roam.exchange.import_summary import (
    Action,
    Conflict,
    ConflictOutcome,
    ImportSummary,
    IndicatorChange,
    file_name,
)
from roam.exchange.incoming import FilledTemplate
from roam.exchange.origin import check_origin
from roam.exchange.provenance import answer_hash
from roam.exchange.row_checks import IncomingAnswer, check_rows
from roam.framework.model import Framework
from roam.teamwork.versions import describe_answer, source_label, version_of

Keep = Literal["mine", "theirs"]
UNKNOWN_CONTRIBUTOR = "spreadsheet contributor"
_MADE_BY = "roam template"
_EMPTY_HASH = answer_hash(Answer())


def import_answers(
    assessment: Assessment,
    framework: Framework,
    template: FilledTemplate,
    *,
    contributor: str | None = None,
    keep: Keep | None = None,
    when: dt.datetime | None = None,
    dry_run: bool = False,
) -> ImportSummary:
    """Apply a filled template to ``assessment`` (in place; for a dry run, pass a copy).

    Raises :class:`~roam.errors.RoamError` for a template made from another
    assessment, before anything changes.
    """
    origin = template.origin
    warnings = check_origin(origin, assessment, _MADE_BY)
    who, who_from = _contributor(contributor, template)
    summary = ImportSummary(
        "answers", origin.source, who, dry_run=dry_run, warnings=warnings, who_from=who_from
    )
    summary.rows_read = sum(not row.blank for row in template.rows)
    rows = check_rows(template.rows, framework, assessment)
    summary.bad_cells = reading_order(rows.bad)
    for code, ref in rows.skipped:
        summary.changes.append(
            IndicatorChange(code, "not_imported", "not imported: see the bad cells", ref)
        )
    merge = _Merge(
        assessment=assessment,
        framework=framework,
        who=who,
        source=f"{who} ({file_name(origin.source)})",
        keep=keep,
        moment=when or now(),
        summary=summary,
    )
    for incoming in rows.incoming:
        merge.apply(incoming)
    return summary


def _contributor(given: str | None, template: FilledTemplate) -> tuple[str, str]:
    """The name the answers are recorded under, and where it comes from."""
    if (given or "").strip():
        return (given or "").strip(), "given with --contributor"
    if (template.contributor or "").strip():
        return (template.contributor or "").strip(), "the name on the Instructions sheet"
    if template.origin.person:
        return template.origin.person, "who saved the workbook last"
    return UNKNOWN_CONTRIBUTOR, "no name in the workbook; choose one with --contributor"


def is_empty(answer: Answer) -> bool:
    """The answer says nothing yet (its review thread and history do not count)."""
    return answer_hash(answer) == _EMPTY_HASH


def differences(answer: Answer, incoming: IncomingAnswer) -> tuple[str, ...]:
    """The fields where ``incoming`` disagrees with ``answer``; blanks never disagree."""
    found = []
    for name in ("status", "level", "value"):
        if getattr(answer, name) != getattr(incoming, name):
            found.append(name)
    if incoming.year is not None and incoming.year != answer.year:
        found.append("year")
    if incoming.justification and incoming.justification != answer.justification.strip():
        found.append("justification")
    if incoming.confidence is not None and incoming.confidence != answer.confidence:
        found.append("confidence")
    return tuple(found)


@dataclass(frozen=True, slots=True)
class _Merge:
    """One import's settings, applied to each incoming answer in turn."""

    assessment: Assessment
    framework: Framework
    who: str  # the contributor, as recorded in the history
    source: str  # how a parked version names where it came from
    keep: Keep | None
    moment: dt.datetime
    summary: ImportSummary

    def apply(self, incoming: IncomingAnswer) -> None:
        answer = self.assessment.answer(incoming.code)
        if is_empty(answer):
            take_incoming(answer, incoming, self.who, self.moment)
            self._record(incoming, "new", f"new answer: {_describe(incoming)}")
            self._note_rule_problems(incoming.code, answer)
            return
        diffs = differences(answer, incoming)
        if not diffs:
            added = _add_evidence(answer, incoming.evidence, self.who, self.moment)
            if added:
                self._record(incoming, "evidence_added", f"{added} evidence item(s) added")
            else:
                self._record(incoming, "unchanged", "same as the assessment")
            return
        self._conflict(answer, incoming, diffs)

    def _conflict(self, answer: Answer, incoming: IncomingAnswer, diffs: tuple[str, ...]) -> None:
        mine = version_of(answer, source_label("assessment", answer))
        theirs = incoming.version(self.source)
        outcome: ConflictOutcome
        if self.keep == "mine":
            outcome = "kept_mine"
            self._record(
                incoming, outcome, f"kept the assessment's answer; theirs was {_describe(incoming)}"
            )
        elif self.keep == "theirs":
            outcome = "took_theirs"
            take_incoming(answer, incoming, self.who, self.moment)
            # Versions parked by an earlier import of the same answers are settled now.
            answer.conflicts[:] = [
                v for v in answer.conflicts if v != theirs and _content(v) != _content(mine)
            ]
            self._record(incoming, outcome, f"replaced by theirs: {_describe(incoming)}")
            self._note_rule_problems(incoming.code, answer)
        elif theirs in answer.conflicts:
            outcome = "already_parked"
            self._record(incoming, outcome, "this version already waits in the conflicts")
        else:
            outcome = "parked"
            # Both sides wait together, as after `roam merge`, so whichever the team
            # chooses, the other is recorded in the history when the conflict is resolved.
            if not any(_content(v) == _content(mine) for v in answer.conflicts):
                answer.conflicts.append(mine)
            answer.conflicts.append(theirs)
            self._record(
                incoming, outcome, f"conflict ({', '.join(diffs)}); theirs kept beside the answer"
            )
        self.summary.conflicts.append(
            Conflict(incoming.code, mine, theirs, outcome, incoming.ref, diffs)
        )

    def _record(self, incoming: IncomingAnswer, action: Action, detail: str) -> None:
        self.summary.changes.append(IndicatorChange(incoming.code, action, detail, incoming.ref))

    def _note_rule_problems(self, code: str, answer: Answer) -> None:
        indicator = self.framework.indicator(code)
        for problem in answer_problems(indicator, answer, self.framework):
            self.summary.warnings.append(f"{code}: {problem}")


def take_incoming(answer: Answer, incoming: IncomingAnswer, who: str, when: dt.datetime) -> None:
    """Make ``answer`` say what ``incoming`` says, logging every field; state ``submitted``."""
    _set_main(answer, incoming.status, incoming.level, incoming.value, who=who, when=when)
    if incoming.year is not None:
        set_answer_field(answer, "year", incoming.year, who, when)
    if incoming.justification:
        set_answer_field(answer, "justification", incoming.justification, who, when)
    if incoming.confidence is not None:
        set_answer_field(answer, "confidence", incoming.confidence, who, when)
    _add_evidence(answer, incoming.evidence, who, when)
    if answer.provenance:
        # The contributor's figure replaced the one roam pre-filled from open data.
        set_answer_field(answer, "provenance", "", who, when)
    set_answer_field(answer, "review.state", "submitted", who, when)


def _set_main(
    answer: Answer,
    status: Status,
    level: str | None,
    value: float | None,
    *,
    who: str,
    when: dt.datetime,
) -> None:
    # Clear the field that goes away first: an answer may never hold a level and a value.
    if level is None:
        set_answer_field(answer, "level", None, who, when)
        set_answer_field(answer, "value", value, who, when)
    else:
        set_answer_field(answer, "value", None, who, when)
        set_answer_field(answer, "level", level, who, when)
    set_answer_field(answer, "status", status, who, when)


def _add_evidence(
    answer: Answer, incoming: tuple[Evidence, ...], who: str, when: dt.datetime
) -> int:
    known = {item.identity() for item in answer.evidence}
    new = []
    for item in incoming:
        if item.identity() not in known:
            known.add(item.identity())
            new.append(item)
    if new:
        set_answer_field(answer, "evidence", [*answer.evidence, *new], who, when)
    return len(new)


def _content(version: AnswerVersion) -> dict[str, Any]:
    """What a version says, whoever says it."""
    return version.model_dump(mode="json", exclude={"source"})


def _describe(incoming: IncomingAnswer) -> str:
    return describe_answer(incoming.version(""))
