"""The one place where the terminal UI meets the domain core.

A :class:`Session` holds the opened assessment and its framework, writes every
change through the safe storage, keeps the undo stack of answer edits and the
current scores.  Screens and widgets read from it and call its methods; none
of them loads, saves or scores anything by itself.  No Textual import here, so
the session can be tested without a terminal.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from roam.assessment.answer_edits import set_answer_field
from roam.assessment.create import now
from roam.assessment.editing_session import OpenedAssessment
from roam.assessment.model import Answer, AnswerVersion, Assessment, Comment
from roam.assessment.rules import AnyIndicator, answer_problems, in_scope_codes
from roam.errors import RoamError
from roam.framework.model import Framework, IndicatorPlace
from roam.framework.text import localize
from roam.scoring.result import Finding, ScoreReport

if TYPE_CHECKING:
    from roam.assessment.recovery import Recovery
    from roam.exchange.import_summary import ImportSummary
    from roam.exchange.incoming import FilledTemplate, ReviewedWorkbook
    from roam.opendata.reading import Reading

SaveState = Literal["saved", "unsaved", "failed", "read-only"]
FilterName = Literal["all", "core", "unanswered", "data_gaps", "queried", "failing", "conflicts"]
FILTER_LABELS: dict[FilterName, str] = {
    "all": "All indicators",
    "core": "Core only",
    "unanswered": "Unanswered",
    "data_gaps": "Data gaps (no data)",
    "queried": "Queried by a reviewer",
    "failing": "Failing checks",
    "conflicts": "Conflicts to decide",
}
ImportKind = Literal["review", "answers", "open_data"]
Keep = Literal["mine", "theirs"]
UNDO_LIMIT = 200
CURRENT_VERSION = "current answer in this file"


@functools.cache
def _blank() -> Answer:
    """An answer with every field at its default, to read from; never changed.

    Built on first use: building it at import would build Pydantic's validators
    (and load its plugin machinery) before the walkthrough needs any.
    """
    return Answer()


@dataclass(frozen=True, slots=True)
class UndoStep:
    """An answer as it was before one change, to put back on undo."""

    code: str
    before: Answer | None  # None: the file had no answer for the code yet
    what: str
    others: tuple[tuple[str, Answer | None], ...] = ()  # more answers the change touched

    @property
    def codes(self) -> list[str]:
        return [self.code, *(code for code, _before in self.others)]


@dataclass(frozen=True, slots=True)
class ImportRequest:
    """A workbook to import: a liaison's review, or a filled data-collection template."""

    kind: ImportKind
    path: Path
    who: str | None = None  # reviewer or contributor; None: the name the workbook gives
    keep: Keep | None = None  # answers that differ: None keeps both for the team to decide
    iso: str = ""  # open data: the assessment's country, whose rows are read
    series: frozenset[str] = frozenset()  # open data: the series the framework maps

    def read(self) -> ReviewedWorkbook | FilledTemplate | Reading:
        """Parse the workbook (slow when large; safe in a worker thread, it touches no session).

        Raises :class:`RoamError` (one readable line per problem) for a file
        that is unsafe, unreadable, or of the other kind.
        """
        if self.kind == "open_data":
            from roam.opendata.reading import read_open_data

            return read_open_data([self.path], self.iso, set(self.series))
        if self.kind == "review":
            from roam.workbooks.liaison_review import read_reviewed_workbook

            return read_reviewed_workbook(self.path)
        from roam.workbooks.filled_template_reader import read_filled_template

        return read_filled_template(self.path)

    def run(
        self,
        assessment: Assessment,
        framework: Framework,
        workbook: ReviewedWorkbook | FilledTemplate | Reading,
        *,
        dry_run: bool,
    ) -> ImportSummary:
        """Apply the workbook to ``assessment`` in place (pass a copy for a dry run)."""
        from roam.exchange.incoming import FilledTemplate, ReviewedWorkbook
        from roam.opendata.reading import Reading

        if self.kind == "open_data":
            if not isinstance(workbook, Reading):
                raise RoamError(f"{self.path}: not an open-data file")
            from roam.opendata.prefill import prefill

            return prefill(
                framework,
                assessment,
                workbook,
                source=str(self.path),
                keep=self.keep,
                dry_run=dry_run,
            ).summary

        if self.kind == "review":
            if not isinstance(workbook, ReviewedWorkbook):
                raise RoamError(f"{self.path}: not a reviewed report")
            from roam.exchange.review import import_review

            return import_review(
                assessment, framework, workbook, reviewer=self.who, dry_run=dry_run
            )
        if not isinstance(workbook, FilledTemplate):
            raise RoamError(f"{self.path}: not a filled data-collection template")
        from roam.exchange.answer_import import import_answers

        return import_answers(
            assessment,
            framework,
            workbook,
            contributor=self.who,
            keep=self.keep,
            dry_run=dry_run,
        )


def open_data_request(request: ImportRequest, session: Session) -> ImportRequest:
    """``request`` with the country and the series to read for ``session``'s assessment."""
    from dataclasses import replace

    from roam.opendata.prefill import mapped_series

    series = frozenset(mapped_series(session.framework, session.assessment))
    return replace(request, iso=session.assessment.iso, series=series)


@dataclass(slots=True)
class Session:
    """An opened assessment, its framework and the state of the file on disk."""

    opened: OpenedAssessment
    who: str = ""
    language: str = "en"
    today: dt.date | None = None  # the readiness checks' "today"; fixed in tests
    codes: list[str] = field(init=False)
    save_state: SaveState = field(init=False)
    save_error: str = field(init=False, default="")
    refused: str = field(init=False, default="")  # why the form holds a draft it did not store
    report: ScoreReport | None = None  # given when the caller has it; scored otherwise
    # Folders of official-text overlays given on the command line (`roam assess --overlay`),
    # read besides the overlays kept next to the file.
    overlay_folders: tuple[Path, ...] = ()
    touched: set[str] = field(init=False, default_factory=set)  # answers changed, for views
    _undo: list[UndoStep] = field(init=False, default_factory=list)
    _findings: list[Finding] | None = field(init=False, default=None)
    _search_index: list[tuple[str, str]] | None = field(init=False, default=None)

    def __post_init__(self) -> None:
        self.codes = in_scope_codes(self.framework, self.assessment)
        self.save_state = "read-only" if self.read_only else "saved"
        if self.report is None:
            self.rescore()

    # -- opening and closing -------------------------------------------------

    @classmethod
    def open(
        cls, path: Path, *, read_only: bool = False, break_lock: bool = False, who: str = ""
    ) -> Session:
        """Open ``path`` for editing (taking its lock) or read-only.

        Raises ``LockedError`` when another instance holds the file, and
        :class:`RoamError` for anything else a user can fix.
        """
        from roam.assessment.editing_session import open_assessment

        opened = open_assessment(path, read_only=read_only, break_lock=break_lock)
        return cls(opened, who=who)

    @classmethod
    def create(
        cls, path: Path, assessment: Assessment, framework: Framework, *, who: str = ""
    ) -> Session:
        """Write a new assessment to ``path`` (never over an existing file) and open it."""
        from roam.assessment.storage import save_assessment

        if path.exists():
            raise RoamError(f"{path}: already exists; choose another file name")
        if not path.parent.is_dir():
            raise RoamError(f"{path}: the folder {path.parent} does not exist")
        save_assessment(assessment, path, framework, backup=False)
        return cls.open(path, who=who)

    def close(self) -> None:
        """Give the file lock back; every change is already on disk."""
        self.opened.close()

    @property
    def path(self) -> Path:
        return self.opened.path

    @property
    def assessment(self) -> Assessment:
        return self.opened.assessment

    @property
    def framework(self) -> Framework:
        return self.opened.framework

    @property
    def read_only(self) -> bool:
        return self.opened.read_only

    @property
    def locked_by(self) -> str:
        holder = self.opened.locked_by
        return holder.describe() if holder is not None else ""

    # -- reading -------------------------------------------------------------

    def place(self, code: str) -> IndicatorPlace:
        return self.framework.places[code]

    def indicator(self, code: str) -> AnyIndicator:
        return self.framework.places[code].indicator

    def answer(self, code: str) -> Answer:
        """The recorded answer, or a blank one (never stored just by reading)."""
        answer = self.assessment.answers.get(code)
        return answer if answer is not None else _blank()

    def problems(self, code: str) -> list[str]:
        return answer_problems(self.indicator(code), self.answer(code), self.framework)

    def text(self, value: dict[str, str] | None) -> str:
        return localize(value, self.language)

    def findings(self) -> list[Finding]:
        """The readiness checks, computed once per change."""
        if self._findings is None:
            from roam.scoring.readiness import readiness

            self._findings = readiness(self.assessment, self.framework, today=self.today)
        return self._findings

    def matches(self, code: str, name: FilterName) -> bool:
        """Whether indicator ``code`` passes the filter ``name``."""
        answer = self.answer(code)
        if name == "core":
            return self.indicator(code).core
        if name == "unanswered":
            return answer.status == "not_assessed"
        if name == "data_gaps":
            return answer.status == "no_data"
        if name == "queried":
            return answer.review.state == "queried"
        if name == "failing":
            return code in self.failing_codes()
        if name == "conflicts":
            return bool(answer.conflicts)
        return True

    def failing_codes(self) -> set[str]:
        """Indicators with a readiness finding other than 'not assessed yet'."""
        return {f.code for f in self.findings() if f.check != "not_assessed"}

    def next_code(self, code: str | None, step: int, among: list[str]) -> str | None:
        """The indicator ``step`` places after ``code`` in ``among``, wrapping around."""
        if not among:
            return None
        if code not in among:
            return among[0] if step > 0 else among[-1]
        return among[(among.index(code) + step) % len(among)]

    def next_unanswered(self, code: str | None) -> str | None:
        """The next not-assessed indicator after ``code`` in framework order, wrapping."""
        start = self.codes.index(code) + 1 if code in self.codes else 0
        ordered = self.codes[start:] + self.codes[:start]
        return next((c for c in ordered if self.answer(c).status == "not_assessed"), None)

    def search(self, query: str) -> Iterable[tuple[str, str]]:
        """(code, text) of in-scope indicators whose text holds every word of ``query``."""
        if self._search_index is None:
            self._search_index = [(code, self._searchable(code)) for code in self.codes]
        words = query.casefold().split()
        for code, haystack in self._search_index:
            if all(word in haystack for word in words):
                yield code, self.text(self.indicator(code).text)

    def _searchable(self, code: str) -> str:
        place = self.place(code)
        # Not the code: finding a code is the jump's work, and both would list it twice.
        parts = [place.indicator.text, place.indicator.guidance, place.question.text]
        texts = [p if isinstance(p, str) else " ".join((p or {}).values()) for p in parts]
        return " ".join(texts).casefold()

    # -- changing answers ----------------------------------------------------

    def edit_answer(self, code: str, changes: dict[str, Any], what: str = "") -> bool:
        """Apply ``changes`` (field -> new value) to the answer of ``code`` and save.

        Returns False when nothing changed (the UI re-sends values it just
        loaded) or the session is read-only.  Each call is one undo step.
        Raises ``ValueError`` with a readable message for a value the record
        cannot hold (a year out of range, say); nothing is changed then.
        """
        if self.read_only:
            return False
        current = self.assessment.answers.get(code)
        base = current if current is not None else _blank()
        real = {name: value for name, value in changes.items() if _get(base, name) != value}
        if not real:
            return False
        before = None if current is None else current.model_copy(deep=True)
        answer = self.assessment.answer(code)
        try:
            for name, value in real.items():
                set_answer_field(answer, name, value, who=self.who or "roam")
            if answer.provenance and real.keys() & {"status", "value", "year"}:
                # The team changed the figure: it is no longer the one roam pre-filled.
                set_answer_field(answer, "provenance", "", who=self.who or "roam")
        except ValueError:
            self._put_back(code, before)
            raise
        self._push_undo(UndoStep(code, before, what or ", ".join(real)))
        self._changed(code)
        return True

    def add_comment(self, code: str, text: str, state: str | None = None) -> bool:
        """Add a reviewer's comment to the answer's thread, and change its review state."""
        if self.read_only or not (text.strip() or state):
            return False
        current = self.assessment.answers.get(code)
        before = None if current is None else current.model_copy(deep=True)
        answer = self.assessment.answer(code)
        changed = False
        if state is not None:
            changed = set_answer_field(answer, "review.state", state, who=self.who or "roam")
        if text.strip():
            author = self.who or "reviewer"
            answer.review.thread.append(Comment(author=author, time=now(), text=text.strip()))
            changed = True
        if not changed:
            self._put_back(code, before)
            return False
        self._push_undo(UndoStep(code, before, "review"))
        self._changed(code)
        return True

    def conflict_versions(self, code: str) -> list[AnswerVersion]:
        """The versions of ``code`` the team chooses from, side by side.

        ``roam merge`` and the template import put every version, the team's
        own too, in ``Answer.conflicts``; when the answer itself is not among
        them (a second coder's version only), it comes first, as the current
        answer, so that the team may keep it.
        """
        from roam.teamwork.versions import version_of

        answer = self.answer(code)
        versions = list(answer.conflicts)
        current = version_of(answer, CURRENT_VERSION)
        if versions and not any(_same_answer(current, version) for version in versions):
            versions.insert(0, current)
        return versions

    def resolve_conflict(self, code: str, index: int, who: str) -> str:
        """The team chose version ``index`` of :meth:`conflict_versions`: apply it and save.

        The decision, with every version that was on the table, who decided
        and when, goes into the answer's history; undo puts the conflict back.
        Returns the chosen version's source.
        """
        from roam.teamwork.consensus import resolve_conflict

        if self.read_only:
            raise RoamError("read-only: the decision cannot be recorded")
        versions = self.conflict_versions(code)
        answer = self.assessment.answers.get(code)
        if answer is None or not answer.conflicts or not 0 <= index < len(versions):
            raise RoamError(f"{code}: no such version to choose")
        before = answer.model_copy(deep=True)
        chosen = versions[index]
        resolve_conflict(answer, chosen, who, now())
        self._push_undo(UndoStep(code, before, f"decision for {chosen.source}"))
        self._changed(code)
        return chosen.source

    def snapshot(self) -> Assessment:
        """A deep copy of the record, for work in another thread while the user goes on."""
        return self.assessment.model_copy(deep=True)

    def preview_import(
        self,
        request: ImportRequest,
        workbook: ReviewedWorkbook | FilledTemplate | Reading,
        snapshot: Assessment,
    ) -> ImportSummary:
        """What importing ``workbook`` would do, run on ``snapshot`` (a :meth:`snapshot`).

        Nothing of the session changes, so a worker thread may call it.
        Raises :class:`RoamError` for a workbook made from another assessment.
        """
        return request.run(snapshot, self.framework, workbook, dry_run=True)

    def apply_import(
        self, request: ImportRequest, workbook: ReviewedWorkbook | FilledTemplate | Reading
    ) -> ImportSummary:
        """Import ``workbook`` into the assessment and save once; one undo step for it all."""
        if self.read_only:
            raise RoamError("read-only: nothing can be imported")
        answers = self.assessment.answers
        before = {code: answer.model_copy(deep=True) for code, answer in answers.items()}
        try:
            summary = request.run(self.assessment, self.framework, workbook, dry_run=False)
        except RoamError:
            answers.clear()  # refused before any change, but be sure
            answers.update(before)
            raise
        changed = [
            code
            for code in self.assessment.answers
            if self.assessment.answers[code] != before.get(code)
        ]
        if not changed:
            return summary
        what = f"import of {request.path.name}"
        others = tuple((code, before.get(code)) for code in changed[1:])
        self._push_undo(UndoStep(changed[0], before.get(changed[0]), what, others))
        self.touched.update(changed)
        self._changed(changed[0])
        return summary

    def undo(self) -> UndoStep | None:
        """Put back the answers as they were before the last change; None if nothing to undo."""
        if self.read_only or not self._undo:
            return None
        step = self._undo.pop()
        self._put_back(step.code, step.before)
        for code, before in step.others:
            self._put_back(code, before)
            self.touched.add(code)
        self._changed(step.code)
        return step

    @property
    def can_undo(self) -> bool:
        return bool(self._undo) and not self.read_only

    def _put_back(self, code: str, before: Answer | None) -> None:
        if before is None:
            self.assessment.answers.pop(code, None)
        else:
            self.assessment.answers[code] = before

    def _push_undo(self, step: UndoStep) -> None:
        self._undo.append(step)
        del self._undo[:-UNDO_LIMIT]

    # -- other parts of the record -------------------------------------------

    def edit_record(self, change: Callable[[Assessment], object]) -> bool:
        """Apply ``change`` to the record's other parts (team, MAB, ...) and save."""
        if self.read_only:
            return False
        change(self.assessment)
        self._changed()
        return True

    # -- saving and scoring --------------------------------------------------

    def _changed(self, code: str | None = None) -> None:
        if code is not None:
            self.touched.add(code)
        self._findings = None
        self.save_state = "unsaved"
        self.save()
        self.rescore()

    def save(self) -> bool:
        """Write the record through the safe storage; a failure leaves the old file whole."""
        if self.read_only:
            return False
        try:
            self.opened.save()
        except RoamError as exc:
            self.save_state = "failed"
            self.save_error = str(exc)
            return False
        self.save_state = "saved"
        self.save_error = ""
        return True

    @property
    def save_advice(self) -> str:
        """Why the last save failed, and what the user can do in the terminal UI."""
        return f"{self.save_error}\nctrl+s (Save as…) writes the answers to a new file."

    @property
    def unsaved(self) -> bool:
        """Whether the answers in memory differ from the file (the last save failed)."""
        return not self.read_only and self.save_state in ("unsaved", "failed")

    def save_as(self, path: Path) -> None:
        """Write the record to the new file ``path`` and go on editing there.

        Raises :class:`RoamError` (``LockedError`` for a file open elsewhere)
        with a readable message; the session is unchanged then.
        """
        self.opened.save_as(path)
        self.save_state = "saved"
        self.save_error = ""

    def write_recovery(self) -> Path:
        """Keep the unsaved record in the recovery file beside the assessment."""
        from roam.assessment.recovery import write_recovery

        return write_recovery(self.path, self.assessment, self.framework)

    def recovery(self) -> Recovery | None:
        """The (oldest) recovery file a stopped session left beside this assessment, if any."""
        from roam.assessment.recovery import find_recovery

        return find_recovery(self.path, self.assessment, self.framework)

    def restore(self, recovery: Recovery) -> bool:
        """Take the record of ``recovery`` as this assessment's and save it.

        The recovery file is removed only once its content is saved; False
        (the file kept, ``save_error`` saying why) when the save failed.
        """
        from roam.assessment.recovery import discard_recovery

        if self.read_only:
            return False
        self.opened.assessment = recovery.assessment.model_copy(deep=True)
        self.codes = in_scope_codes(self.framework, self.assessment)
        self._undo.clear()  # the steps were of the record just replaced
        self.touched.update(recovery.changed_codes)
        self._findings = None
        self._search_index = None
        if not self.save():
            return False
        discard_recovery(recovery)
        self.rescore()
        return True

    def rescore(self) -> ScoreReport:
        from roam.scoring.engine import score

        self.report = score(self.assessment, self.framework)
        return self.report


def _same_answer(a: AnswerVersion, b: AnswerVersion) -> bool:
    """Whether two versions say the same (their sources and evidence aside)."""
    fields = ("status", "level", "value", "year", "justification", "confidence")
    return all(getattr(a, name) == getattr(b, name) for name in fields)


def _get(answer: Answer, name: str) -> Any:
    """``answer.review.state`` style dotted access, as set_answer_field takes it."""
    value: Any = answer
    for step in name.split("."):
        value = getattr(value, step)
    return value
