"""The answer to the selected indicator: every field of the record, validated inline.

The form is composed once, in two steps: the status and the level (or value)
of the first indicator for the first frame, then the rest (value_box.py, answer_more.py)
just after it.  The levels are level_set.py's; the summary line above the
fields is answer_summary.py's.  Moving to another indicator only loads new values into the
existing fields (with their change events held back), and an edit is
committed through the session: choices at once, typed text after a short
pause or when the field is left.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.css.query import NoMatches
from textual.message import Message
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Label, Static

from roam.assessment.rules import range_problem
from roam.framework.model import ContextualIndicator, QuantitativeIndicator, ScaledIndicator
from roam.tui.labels import STATUS_LABELS, STATUS_SHORT
from roam.tui.plain import plain
from roam.tui.session import Session
from roam.tui.widgets.answer_summary import FailedChecks, field_of, summary_line
from roam.tui.widgets.blank_containers import BlankVertical
from roam.tui.widgets.choice_set import ChoiceSet
from roam.tui.widgets.field_error import FieldError
from roam.tui.widgets.level_set import LevelSet, level_labels

if TYPE_CHECKING:
    from textual.widgets import Input

    from roam.tui.widgets.answer_more import AnswerMore
    from roam.tui.widgets.value_box import ValueBox

TYPING_PAUSE = 0.6  # seconds of no typing before a text field is committed
_TEXT_FIELDS = ("value", "year", "unit", "justification")
_VALUE_FIELDS = ("value", "year", "unit")
NO_LEVEL_STATUSES = ("not_applicable", "no_data")  # statuses that take no level or value
W = TypeVar("W", bound=Widget)
_VALUED = (QuantitativeIndicator, ContextualIndicator)


STATUS_CHOICES: list[tuple[str, str | None]] = [
    (STATUS_SHORT[status], status) for status in STATUS_LABELS
]


class AnswerForm(BlankVertical):
    """Status, level or value, justification, evidence, confidence, groups, disaggregation."""

    can_focus = False
    ERROR_FIELDS: ClassVar[tuple[str, ...]] = ("level", "value", "justification")

    class Refused(Message):
        """A typed value was refused (kept in the form, not stored), or is no longer."""

    class Committed(Message):
        """An edit of indicator ``code`` was stored (and saved) through the session."""

        def __init__(self, code: str) -> None:
            super().__init__()
            self.code = code

    def __init__(
        self, session: Session, *, first: str | None = None, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self.session = session
        self.first = first  # the indicator of the first frame: only its fields come at once
        self.code: str | None = None
        self._pending: set[str] = set()
        self._timer: Timer | None = None
        self._input_errors: dict[str, str] = {}
        self._scale_id: str | None = None
        self._shown: dict[str, object] = {}  # what each message line shows now
        self._value_box: ValueBox | None = None
        self._more: AnswerMore | None = None
        self._failed = FailedChecks()

    def compose(self) -> ComposeResult:
        yield Static(id="answer-summary")
        yield Label("Status", classes="field-label")
        yield ChoiceSet(STATUS_CHOICES, id="status", horizontal=True)
        # One area for the level or the value, as tall as what it shows: a value's
        # three fields are not followed by the blank rows of the longest scale.
        first = self.session.indicator(self.first) if self.first else None
        with BlankVertical(id="answer-area"):
            with BlankVertical(id="level-box"):
                yield Label("Level", classes="field-label")
                if isinstance(first, ScaledIndicator):
                    scale = self.session.framework.scales[first.scale]
                    yield LevelSet(first.scale, scale, self.session)
                yield FieldError(id="error-level")
            if first is not None and not isinstance(first, ScaledIndicator):
                from roam.tui.widgets.value_box import ValueBox

                self._value_box = ValueBox(id="value-box")
                yield self._value_box

    def on_mount(self) -> None:
        self._disable_if_read_only()
        self.call_after_refresh(self._start_rest)

    def _start_rest(self) -> None:
        # A worker of its own: the screen goes on handling keys while the rest mounts.
        self.run_worker(self._mount_rest(), group="answer-form", exclusive=True)

    async def _mount_rest(self) -> None:
        """After the first frame: the other scales, the value box and the fields below."""
        from roam.tui.widgets.answer_more import AnswerMore
        from roam.tui.widgets.value_box import ValueBox

        session = self.session
        mounted = {level_set.scale_id for level_set in self.query(LevelSet)}
        missing = [
            LevelSet(scale_id, scale, session)
            for scale_id, scale in session.framework.scales.items()
            if scale_id not in mounted
        ]
        for level_set in missing:
            level_set.display = level_set.scale_id == self._scale_id
        waiting = []
        if missing:
            waiting.append(self.query_one("#level-box").mount(*missing, before="#error-level"))
        new_value_box = self._value_box is None
        if self._value_box is None:
            self._value_box = ValueBox(id="value-box")
            self._value_box.display = self.code is not None and self._scale_id is None
            waiting.append(self.query_one("#answer-area").mount(self._value_box))
        more = AnswerMore(self)
        waiting.append(self.mount(more))
        for mounting in waiting:
            await mounting
        self._more = more
        self._disable_if_read_only()
        if self.code is None:
            return
        answer = session.answer(self.code)
        indicator = session.indicator(self.code)
        shown = self._level_set()
        if isinstance(indicator, ScaledIndicator) and indicator.scale not in mounted and shown:
            shown.show(answer.level)
        elif new_value_box and not isinstance(indicator, ScaledIndicator):
            self._value_box.show(answer, indicator)
        more.show(answer, indicator)
        self._offer_level(answer.status)
        self.show_problems()

    def _disable_if_read_only(self) -> None:
        if self.session.read_only:
            for widget in self.query("ChoiceSet, Input, TextArea, SelectionList, Button"):
                widget.disabled = True

    @property
    def complete(self) -> bool:
        """Whether every field is mounted (a few frames after the walkthrough opens)."""
        return self._more is not None

    # -- loading ----------------------------------------------------------------

    def load(self, code: str) -> None:
        """Show the answer of ``code``; pending typing for the previous one is committed first."""
        self.flush()
        if self._input_errors and self.code is not None and code != self.code:
            refused = "; ".join(self._input_errors.values())
            self.notify(
                f"{self.code}: {refused}", title="Not stored", severity="warning", markup=False
            )
        self.code = code
        self._input_errors.clear()
        session = self.session
        answer = session.answer(code)
        indicator = session.indicator(code)
        self.query_one("#status", ChoiceSet).show(answer.status)
        if isinstance(indicator, ScaledIndicator):
            self._show_scale(indicator.scale)
            level_set = self._level_set()
            if level_set is not None:
                level_set.show(answer.level)
        else:
            self._show_scale(None)
            if self._value_box is not None:
                self._value_box.show(answer, indicator)
        if self._more is not None:
            self._more.show(answer, indicator)
        self._offer_level(answer.status)
        self.show_problems()

    def _offer_level(self, status: str) -> None:
        """The level and the value take no input once the status says there is none."""
        closed = self.session.read_only or status in NO_LEVEL_STATUSES
        level_set = self._level_set()
        if level_set is not None and level_set.disabled != closed:
            level_set.disabled = closed
        if self._value_box is not None:
            for field in self._value_box.query("Input"):
                if field.disabled != closed:
                    field.disabled = closed

    def _show_scale(self, scale_id: str | None) -> None:
        if scale_id == self._scale_id and self._scale_id is not None:
            return
        self._scale_id = scale_id
        # display, not a CSS class: re-styling the whole form would cost more than the move.
        self.query_one("#level-box").display = scale_id is not None
        if self._value_box is not None:
            self._value_box.display = scale_id is None
        for level_set in self.query(LevelSet):
            level_set.display = level_set.scale_id == scale_id

    def _level_set(self) -> LevelSet | None:
        """The levels of the scale shown now (None until they are mounted)."""
        return self._find(f"#level-{self._scale_id}", LevelSet)

    def _find(self, selector: str, kind: type[W]) -> W | None:
        try:
            return self.query_one(selector, kind)
        except NoMatches:
            return None

    def relabel(self) -> None:
        """The language changed: the scale levels' names follow."""
        for level_set in self.query(LevelSet):
            level_set.relabel(level_labels(self.session, level_set.scale))

    # -- problems ---------------------------------------------------------------

    def show_problems(self) -> None:
        """Put each problem of the answer under the field it concerns, and sum them up."""
        if self.code is None:
            return
        answer = self.session.answer(self.code)
        messages: dict[str, list[str]] = {name: [] for name in self.ERROR_FIELDS}
        for problem in self.session.problems(self.code):
            messages[field_of(problem)].append(problem)
        for name, message in self._input_errors.items():
            messages["value" if name in _VALUE_FIELDS else name].append(message)
        refused = " ".join(self._input_errors.values())
        if refused != self.session.refused:
            self.session.refused = refused
            self.post_message(self.Refused())
        for name, found in messages.items():
            self._set_text(f"error-{name}", "\n".join(f"⚠ {m}" for m in found))
        # The readiness checks behind the "Failing checks" filter, said here too.
        messages["checks"] = self._failed_checks(self.code)
        for name in ("justification", "value"):
            field = self._find(f"#{name}", Widget)
            if field is not None:
                field.set_class(bool(messages[name]), "-invalid")
        versions = self.session.conflict_count(self.code)
        summary = summary_line(
            answer, messages, refused=bool(self._input_errors), versions=versions
        )
        self._set_text("answer-summary", summary)

    def _failed_checks(self, code: str) -> list[str]:
        """The readiness findings of ``code`` the fields' own messages do not say already.

        Not on the first frame: the checks run over the whole assessment (once per change).
        """
        if self._more is None:
            return []
        return self._failed.of(code, self.session.findings())

    def _set_text(self, widget_id: str, text: str | Text) -> None:
        """Show ``text`` in a message line, redrawing it only when it changed."""
        if self._shown.get(widget_id, ...) == text:
            return
        line = self._find(f"#{widget_id}", Static)
        if line is not None:
            self._shown[widget_id] = text
            # A problem quotes what was typed or read from the file: never markup.
            line.update(plain(text) if isinstance(text, str) else text)

    # -- committing -------------------------------------------------------------

    def commit(self, changes: dict[str, Any], what: str = "") -> bool:
        """Store ``changes`` to the current answer; False when nothing changed or it was refused."""
        if self.code is None:
            return False
        try:
            changed = self.session.edit_answer(self.code, changes, what)
        except ValueError as exc:
            self._input_errors[next(iter(changes))] = f"{exc}; not stored"
            self.show_problems()
            return False
        if changed and "status" in changes:
            # The status may follow from another field (a level chosen): show it.
            status = self.session.answer(self.code).status
            self.query_one("#status", ChoiceSet).show(status)
            self._offer_level(status)
        self.show_problems()
        if changed:
            self.post_message(self.Committed(self.code))
        return changed

    def flush(self) -> None:
        """Commit what was typed and not yet stored (before moving, undoing or quitting)."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if not self._pending or self.code is None:
            return
        names, self._pending = self._pending, set()
        changes: dict[str, Any] = {}
        for name in _TEXT_FIELDS:
            if name in names:
                self._read_text(name, changes)
        typed_value = changes.get("value") is not None
        if typed_value and self.session.answer(self.code).status == "not_assessed":
            changes["status"] = "answered"
        if changes:
            self.commit(changes, ", ".join(changes))
        else:
            self.show_problems()

    def _read_text(self, name: str, changes: dict[str, Any]) -> None:
        self._input_errors.pop(name, None)
        if name == "justification":
            if self._more is not None:
                changes[name] = self._more.justification
            return
        if self._value_box is None:
            return
        raw = self._value_box.text(name)
        if name == "unit":
            changes[name] = raw or None
            return
        try:
            number = None if not raw else float(raw) if name == "value" else int(raw)
        except ValueError:
            kind = "a number" if name == "value" else "a year such as 2023"
            self._input_errors[name] = f"{name}: '{raw}' is not {kind}; not stored"
            return
        indicator = self.session.indicator(self.code) if self.code else None
        if name == "value" and number is not None and isinstance(indicator, _VALUED):
            # An impossible value would be stored as an answer that scores as not assessed.
            outside = range_problem(indicator, number)
            if outside:
                self._input_errors[name] = f"{outside}; not stored"
                return
        changes[name] = number

    def typed(self, name: str) -> None:
        """Text was typed into field ``name``: commit it after a pause."""
        self._pending.add(name)
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(TYPING_PAUSE, self.flush)

    @on(ChoiceSet.Changed, "#status")
    def _status_chosen(self, event: ChoiceSet.Changed) -> None:
        self.flush()
        self.commit({"status": event.value}, "status")

    @on(ChoiceSet.Changed, ".level-set")
    def _level_chosen(self, event: ChoiceSet.Changed) -> None:
        if self.code is None:
            return
        changes: dict[str, Any] = {"level": event.value}
        if self.session.answer(self.code).status == "not_assessed":
            changes["status"] = "answered"
        self.commit(changes, "level")

    @on(ChoiceSet.Changed, "#confidence")
    def _confidence_chosen(self, event: ChoiceSet.Changed) -> None:
        self.commit({"confidence": event.value}, "confidence")

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id in _TEXT_FIELDS:
            self.typed(event.input.id)

    def on_input_submitted(self) -> None:
        self.flush()

    def on_descendant_blur(self) -> None:
        self.flush()

    def open_evidence(self, index: int | None) -> None:
        """Open the evidence form: a new item (None) or the item at ``index``."""
        if self._more is not None:
            self._more.open_evidence(index)
