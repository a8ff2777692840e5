"""The one place where the terminal UI meets the domain core.

A :class:`Session` holds the opened assessment and its framework, writes every
change through the safe storage, keeps the undo stack of answer edits
(answer_editing.py) and the current scores.  Screens and widgets read from it
and call its methods; none of them loads, saves or scores anything by itself.
No Textual import here, so the session can be tested without a terminal.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import InitVar, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from roam.assessment.editing_session import OpenedAssessment
from roam.assessment.model import Answer, Assessment
from roam.assessment.rules import AnyIndicator, answer_problems, in_scope_codes
from roam.errors import RoamError
from roam.framework.model import Framework, IndicatorPlace
from roam.framework.text import localize
from roam.scoring.result import Finding, ScoreReport
from roam.tui.answer_editing import AnswerEditing, UndoStep, blank_answer

if TYPE_CHECKING:
    from roam.assessment.recovery import Recovery

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


@dataclass(slots=True)
class Session(AnswerEditing):
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
    # False: no scores until rescore() or scores() (the TUI scores after its first frame).
    score_now: InitVar[bool] = True
    # Folders of official-text overlays given on the command line (`roam assess --overlay`),
    # read besides the overlays kept next to the file.
    overlay_folders: tuple[Path, ...] = ()
    touched: set[str] = field(init=False, default_factory=set)  # answers changed, for views
    _undo: list[UndoStep] = field(init=False, default_factory=list)
    _findings: list[Finding] | None = field(init=False, default=None)

    def __post_init__(self, score_now: bool) -> None:
        self.codes = in_scope_codes(self.framework, self.assessment)
        self.save_state = "read-only" if self.read_only else "saved"
        if self.report is None and score_now:
            self.rescore()

    # -- opening and closing -------------------------------------------------

    @classmethod
    def open(
        cls,
        path: Path,
        *,
        read_only: bool = False,
        break_lock: bool = False,
        who: str = "",
        score_now: bool = True,
    ) -> Session:
        """Open ``path`` for editing (taking its lock) or read-only.

        ``score_now=False`` leaves ``report`` None until the caller scores
        (:meth:`rescore`, or :meth:`scores` when it needs them).
        Raises ``LockedError`` when another instance holds the file, and
        :class:`RoamError` for anything else a user can fix.
        """
        from roam.assessment.editing_session import open_assessment

        opened = open_assessment(path, read_only=read_only, break_lock=break_lock)
        return cls(opened, who=who, score_now=score_now)

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
        return answer if answer is not None else blank_answer()

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
        if not self.save():
            return False
        discard_recovery(recovery)
        self.rescore()
        return True

    def scores(self) -> ScoreReport:
        """The current scores, worked out now if the session was opened without them."""
        return self.report if self.report is not None else self.rescore()

    def rescore(self) -> ScoreReport:
        from roam.scoring.engine import score

        self.report = score(self.assessment, self.framework)
        return self.report
