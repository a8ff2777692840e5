"""Changing the answers of the open assessment, one undo step per change.

The part of :class:`roam.tui.session.Session` that edits answers: typed and
chosen fields, review comments, the team's decision between versions in
conflict, a whole import at once, and undo.  Every change is saved and
rescored by the session (``_changed``); none touches the file by itself.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from roam.assessment.answer_edits import set_answer_field
from roam.assessment.create import now
from roam.assessment.model import Answer, AnswerVersion, Assessment, Comment
from roam.errors import RoamError

if TYPE_CHECKING:
    from roam.exchange.import_summary import ImportSummary
    from roam.exchange.incoming import FilledTemplate, ReviewedWorkbook
    from roam.framework.model import Framework
    from roam.opendata.reading import Reading
    from roam.tui.import_request import ImportRequest

UNDO_LIMIT = 200
CURRENT_VERSION = "current answer in this file"


@functools.cache
def blank_answer() -> Answer:
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


class AnswerEditing:
    """Answer edits with their undo stack; mixed into the session, which saves and scores."""

    __slots__ = ()

    if TYPE_CHECKING:  # given by the session
        who: str
        touched: set[str]
        _undo: list[UndoStep]

        @property
        def assessment(self) -> Assessment: ...

        @property
        def framework(self) -> Framework: ...

        @property
        def read_only(self) -> bool: ...

        def answer(self, code: str) -> Answer: ...

        def _changed(self, code: str | None = None) -> None: ...

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
        base = current if current is not None else blank_answer()
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

    def conflict_count(self, code: str) -> int:
        """How many versions :meth:`conflict_versions` offers, without building them.

        The form counts them for every indicator with a conflict it shows; building a
        version would build its validator (and load Pydantic's plugins) on the way.
        """
        answer = self.answer(code)
        versions = answer.conflicts
        if versions and not any(_same_answer(answer, version) for version in versions):
            return len(versions) + 1
        return len(versions)

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


def _same_answer(a: Answer | AnswerVersion, b: AnswerVersion) -> bool:
    """Whether two versions (or an answer and a version) say the same, evidence aside."""
    fields = ("status", "level", "value", "year", "justification", "confidence")
    return all(getattr(a, name) == getattr(b, name) for name in fields)


def _get(answer: Answer, name: str) -> Any:
    """``answer.review.state`` style dotted access, as set_answer_field takes it."""
    value: Any = answer
    for step in name.split("."):
        value = getattr(value, step)
    return value
