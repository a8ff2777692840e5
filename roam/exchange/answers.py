"""A stakeholder's filled data-collection template, into the assessment's answers.

Rows are checked cell by cell.  A bad cell is reported with its sheet, cell and
reason, and the rest still import: a bad level, value, status or code keeps its
row out (the answer would be a guess); a bad year, confidence, evidence date or
evidence kind loses only that cell.

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
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import Any, Literal, TypeVar, cast

from roam.assessment.create import now
from roam.assessment.history import set_answer_field
from roam.assessment.model import (
    EVIDENCE_KINDS,
    STATUSES,
    Answer,
    AnswerVersion,
    Assessment,
    Confidence,
    Evidence,
    EvidenceKind,
    Status,
)
from roam.assessment.rules import answer_problems, in_scope_codes
from roam.exchange.cells import BadCell, CellError, CellRef, CellValue, reading_order
from roam.exchange.incoming import EvidenceCells, FilledTemplate, TemplateRow
from roam.exchange.origin import check_origin
from roam.exchange.parse import (
    choice_table,
    parse_choice,
    parse_date,
    parse_number,
    parse_text,
    parse_year,
)
from roam.exchange.provenance import answer_hash
from roam.exchange.summary import (
    Action,
    Conflict,
    ConflictOutcome,
    ImportSummary,
    IndicatorChange,
    file_name,
)
from roam.exchange.workbook_labels import LANGUAGES, label
from roam.framework.model import Framework, IndicatorPlace, ScaledIndicator
from roam.teamwork.versions import describe_answer, source_label, version_of

Keep = Literal["mine", "theirs"]
DEFAULT_EVIDENCE_KIND: EvidenceKind = "report"
UNKNOWN_CONTRIBUTOR = "spreadsheet contributor"
_MADE_BY = "roam template"
_EMPTY_HASH = answer_hash(Answer())
_NOT_IMPORTED = "row not imported"
_LEFT_EMPTY = "left empty"
T = TypeVar("T")


def _labels(prefix: str, ids: Iterable[str]) -> dict[str, list[str]]:
    return {item: [label(f"{prefix}.{item}", lang) for lang in LANGUAGES] for item in ids}


_STATUS_ALIASES = _labels("status", STATUSES)
_STATUS_ALIASES["not_applicable"] += ["n/a", "na", "not relevant"]
_STATUS_CHOICES = choice_table(STATUSES, _STATUS_ALIASES)
_CONFIDENCE_CHOICES = choice_table(
    ("low", "medium", "high"), _labels("confidence", ("low", "medium", "high"))
)
_KIND_CHOICES = choice_table(EVIDENCE_KINDS, _labels("evidence", EVIDENCE_KINDS))


@dataclass(frozen=True, slots=True)
class IncomingAnswer:
    """One checked row of a template: what the contributor says about one indicator."""

    code: str
    ref: CellRef  # the row's code cell
    status: Status
    level: str | None = None
    value: float | None = None
    year: int | None = None
    justification: str = ""
    confidence: Confidence | None = None
    evidence: tuple[Evidence, ...] = ()

    def version(self, source: str) -> AnswerVersion:
        """The incoming answer as a version that can wait in ``Answer.conflicts``."""
        return AnswerVersion(
            source=source,
            status=self.status,
            level=self.level,
            value=self.value,
            year=self.year,
            justification=self.justification,
            evidence=list(self.evidence),
            confidence=self.confidence,
        )


@dataclass(slots=True)
class _Rows:
    """Checked rows and bad cells of one template."""

    incoming: list[IncomingAnswer] = field(default_factory=list)
    bad: list[BadCell] = field(default_factory=list)
    skipped: list[tuple[str, CellRef]] = field(default_factory=list)
    first_seen: dict[str, CellRef] = field(default_factory=dict)


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


def check_rows(rows: list[TemplateRow], framework: Framework, assessment: Assessment) -> _Rows:
    """Every row parsed and checked against the framework and the assessment's scope."""
    result = _Rows()
    scope = frozenset(in_scope_codes(framework, assessment))
    for row in rows:
        incoming = _check_row(row, framework, scope, assessment.scope, result)
        if incoming is not None:
            result.incoming.append(incoming)
    return result


def _check_row(
    row: TemplateRow,
    framework: Framework,
    scope: frozenset[str],
    scope_name: str,
    result: _Rows,
) -> IncomingAnswer | None:
    if row.blank:
        return None
    bad = result.bad
    if row.code.not_text is not None:
        bad.append(BadCell(row.code.ref, f"{row.code.not_text.reason}; {_NOT_IMPORTED}"))
        return None
    code = row.code.text
    if not code:
        bad.append(BadCell(row.code.ref, f"a filled row has no indicator code; {_NOT_IMPORTED}"))
        return None
    place = framework.places.get(code)
    if place is None:
        bad.append(
            BadCell(
                row.code.ref,
                f"'{code}' is not an indicator code of {framework.id} "
                f"{framework.version}; {_NOT_IMPORTED}",
            )
        )
        return None
    if code not in scope:
        bad.append(
            BadCell(
                row.code.ref,
                f"{code} is not in this assessment's scope ({scope_name}); {_NOT_IMPORTED}",
            )
        )
        return None
    if code in result.first_seen:
        bad.append(
            BadCell(
                row.code.ref,
                f"{code} is filled in twice (first at {result.first_seen[code]}); {_NOT_IMPORTED}",
            )
        )
        return None
    result.first_seen[code] = row.code.ref
    row, spoiled = _screened(row, place, bad)
    if row.blank:
        return None  # only formula or error cells: each is a bad cell already
    main = None if spoiled else _main_fields(row, place, framework, bad)
    # Checked even when the row is refused, so every bad cell is reported at once.
    year = _optional(row.year, parse_year, bad)
    confidence = _optional(row.confidence, _parse_confidence, bad)
    evidence = tuple(_evidence(row.evidence, bad))
    if main is None:
        result.skipped.append((code, row.code.ref))
        return None
    status, level, value = main
    justification = parse_text(row.justification)
    if status == "not_assessed" and not (justification or evidence or confidence or year):
        return None  # "not assessed" and nothing else: the row says nothing
    return IncomingAnswer(
        code=code,
        ref=row.code.ref,
        status=status,
        level=level,
        value=value,
        year=year,
        justification=justification,
        confidence=confidence,
        evidence=evidence,
    )


def _screened(
    row: TemplateRow, place: IndicatorPlace, bad: list[BadCell]
) -> tuple[TemplateRow, bool]:
    """The row with formula and error cells reported and blanked; True if the answer was one.

    A formula or error where the status, level or value goes keeps the row out;
    anywhere else only that cell is lost.
    """
    scaled = isinstance(place.indicator, ScaledIndicator)
    main = (row.status, row.level if scaled else row.value)
    spoiled = False

    def screen(cell: CellValue) -> CellValue:
        nonlocal spoiled
        problem = cell.not_text
        if problem is None:
            return cell
        if any(cell is wanted for wanted in main):
            spoiled = True
            bad.append(BadCell(cell.ref, f"{problem.reason}; {_NOT_IMPORTED}"))
        else:
            bad.append(BadCell(cell.ref, f"{problem.reason}; {_LEFT_EMPTY}"))
        return CellValue(cell.ref)

    screened = replace(
        row,
        status=screen(row.status),
        level=screen(row.level),
        value=screen(row.value),
        year=screen(row.year),
        justification=screen(row.justification),
        confidence=screen(row.confidence),
        evidence=tuple(
            EvidenceCells(
                kind=screen(group.kind),
                citation=screen(group.citation),
                link=screen(group.link),
                date=screen(group.date),
            )
            for group in row.evidence
        ),
    )
    return screened, spoiled


def _main_fields(
    row: TemplateRow, place: IndicatorPlace, framework: Framework, bad: list[BadCell]
) -> tuple[Status, str | None, float | None] | None:
    """Status with its level or value; None (and bad cells) when they do not make an answer."""
    indicator = place.indicator
    scaled = isinstance(indicator, ScaledIndicator)
    answer_cell, other_cell = (row.level, row.value) if scaled else (row.value, row.level)
    if not other_cell.blank:
        wanted = "a level of the scale" if scaled else "a number (a value)"
        bad.append(
            BadCell(
                other_cell.ref,
                f"{indicator.code} is answered with {wanted}; '{other_cell.text}' was ignored",
            )
        )
    status = _status(row, answer_cell, bad)
    if status is None:
        return None
    if status != "answered":
        if not answer_cell.blank:
            bad.append(
                BadCell(
                    answer_cell.ref,
                    f"'{answer_cell.text}' is given, but the status "
                    f"is '{status}'; choose 'answered' or clear it; "
                    f"{_NOT_IMPORTED}",
                )
            )
            return None
        return status, None, None
    if isinstance(indicator, ScaledIndicator):
        level = _level(answer_cell, indicator, framework, bad)
        return None if level is None else (status, level, None)
    value = _value(answer_cell, place, bad)
    return None if value is None else (status, None, value)


def _status(row: TemplateRow, answer_cell: CellValue, bad: list[BadCell]) -> Status | None:
    if row.status.blank:
        if not answer_cell.blank:
            return "answered"
        bad.append(
            BadCell(row.status.ref, f"choose a status ({', '.join(STATUSES)}); {_NOT_IMPORTED}")
        )
        return None
    try:
        return cast(Status, parse_choice(row.status, _STATUS_CHOICES, "a status"))
    except CellError as problem:
        bad.append(BadCell(row.status.ref, f"{problem}; {_NOT_IMPORTED}"))
        return None


def _level(
    cell: CellValue, indicator: ScaledIndicator, framework: Framework, bad: list[BadCell]
) -> str | None:
    scale = framework.scale_for(indicator)
    ids = [level.id for level in scale.levels]
    if cell.blank:
        bad.append(
            BadCell(cell.ref, f"choose a level of the scale ({', '.join(ids)}); {_NOT_IMPORTED}")
        )
        return None
    aliases = {level.id: list(level.label.values()) for level in scale.levels}
    try:
        return parse_choice(cell, choice_table(ids, aliases), "a level of the scale")
    except CellError as problem:
        bad.append(BadCell(cell.ref, f"{problem}; {_NOT_IMPORTED}"))
        return None


def _value(cell: CellValue, place: IndicatorPlace, bad: list[BadCell]) -> float | None:
    if cell.blank:
        bad.append(BadCell(cell.ref, f"enter a value; {_NOT_IMPORTED}"))
        return None
    try:
        number = parse_number(cell)
    except CellError as problem:
        bad.append(BadCell(cell.ref, f"{problem}; {_NOT_IMPORTED}"))
        return None
    valid = getattr(place.indicator, "valid_range", None)
    if valid is not None and not valid.contains(number):
        low = "-inf" if valid.min is None else f"{valid.min:g}"
        high = "+inf" if valid.max is None else f"{valid.max:g}"
        bad.append(
            BadCell(
                cell.ref,
                f"{number:g} is outside the possible range {low} to {high}; {_NOT_IMPORTED}",
            )
        )
        return None
    return number


def _parse_confidence(cell: CellValue) -> Confidence:
    return cast(Confidence, parse_choice(cell, _CONFIDENCE_CHOICES, "a confidence"))


def _optional(cell: CellValue, parser: Callable[[CellValue], T], bad: list[BadCell]) -> T | None:
    """A secondary field: parsed, or left out with a bad cell (the answer still imports)."""
    if cell.blank:
        return None
    try:
        return parser(cell)
    except CellError as problem:
        bad.append(BadCell(cell.ref, f"{problem}; {_LEFT_EMPTY}"))
        return None


def _evidence(groups: tuple[EvidenceCells, ...], bad: list[BadCell]) -> list[Evidence]:
    items = []
    for group in groups:
        if group.blank:
            continue
        citation = parse_text(group.citation) or parse_text(group.link)
        if not citation:
            bad.append(
                BadCell(
                    group.citation.ref,
                    "evidence needs a citation or a link; this evidence item was not imported",
                )
            )
            continue
        kind: EvidenceKind = DEFAULT_EVIDENCE_KIND
        if not group.kind.blank:
            try:
                kind = cast(
                    EvidenceKind, parse_choice(group.kind, _KIND_CHOICES, "an evidence kind")
                )
            except CellError as problem:
                bad.append(
                    BadCell(group.kind.ref, f"{problem}; recorded as '{DEFAULT_EVIDENCE_KIND}'")
                )
        items.append(
            Evidence(
                kind=kind,
                citation=citation,
                location=parse_text(group.link),
                published=_optional(group.date, parse_date, bad),
            )
        )
    return items


# --- merging ---------------------------------------------------------------------------


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
