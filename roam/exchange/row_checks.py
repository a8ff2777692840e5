"""Checking a filled template's rows: each row, cell by cell, into an incoming answer.

A bad cell is reported with its sheet, cell and reason, and the rest still import: a bad
level, value, status or code keeps its row out (the answer would be a guess); a bad year,
confidence, evidence date or evidence kind loses only that cell.  Applying the checked
answers to an assessment is roam.exchange.answer_import's work.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import TypeVar, cast

from roam.assessment.model import (
    EVIDENCE_KINDS,
    STATUSES,
    AnswerVersion,
    Assessment,
    Confidence,
    Evidence,
    EvidenceKind,
    Status,
)
from roam.assessment.rules import in_scope_codes
from roam.exchange.cell_problems import BadCell, CellError
from roam.exchange.incoming import EvidenceCells, TemplateRow
from roam.exchange.parse import (
    choice_table,
    parse_choice,
    parse_date,
    parse_number,
    parse_text,
    parse_year,
)
from roam.exchange.read_cells import CellRef, CellValue
from roam.exchange.workbook_labels import LANGUAGES, label
from roam.framework.model import Framework, IndicatorPlace, ScaledIndicator

DEFAULT_EVIDENCE_KIND: EvidenceKind = "report"
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
class CheckedRows:
    """Checked rows and bad cells of one template."""

    incoming: list[IncomingAnswer] = field(default_factory=list)
    bad: list[BadCell] = field(default_factory=list)
    skipped: list[tuple[str, CellRef]] = field(default_factory=list)
    first_seen: dict[str, CellRef] = field(default_factory=dict)


def check_rows(
    rows: list[TemplateRow], framework: Framework, assessment: Assessment
) -> CheckedRows:
    """Every row parsed and checked against the framework and the assessment's scope."""
    result = CheckedRows()
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
    result: CheckedRows,
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
