"""The answer to the selected indicator: every field of the record, validated inline.

The form is composed once.  Moving to another indicator only loads new values
into the existing fields (with their change events held back), and an edit
is committed through the session: choices at once, typed text after a short
pause or when the field is left.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.timer import Timer
from textual.widgets import (
    Input,
    Label,
    RadioButton,
    RadioSet,
    SelectionList,
    Static,
    TextArea,
)

from roam.assessment.model import STAKEHOLDER_GROUPS, Breakdown, Evidence
from roam.framework.model import Scale, ScaledIndicator
from roam.tui.forms import EVIDENCE_COLUMNS, EVIDENCE_FIELDS, evidence_row
from roam.tui.labels import (
    BREAKDOWN_LABELS,
    CONFIDENCE_LABELS,
    GROUP_LABELS,
    REVIEW_LABELS,
    STATUS_LABELS,
    STATUS_SHORT,
)
from roam.tui.screens.record_form import RecordForm
from roam.tui.session import Session
from roam.tui.widgets.record_table import RecordTable

TYPING_PAUSE = 0.6  # seconds of no typing before a text field is committed
_TEXT_FIELDS = ("value", "year", "unit", "justification")
_HELD_BACK = (
    RadioSet.Changed,
    RadioButton.Changed,
    Input.Changed,
    TextArea.Changed,
    SelectionList.SelectedChanged,
)


class ChoiceSet(RadioSet):
    """Radio buttons for one choice (status, level, confidence) that the form can set silently.

    Setting a button only redraws that button, unlike a Select, whose new label
    re-lays out the whole screen; moving between indicators stays cheap.
    """

    def __init__(
        self, choices: list[tuple[str, str | None]], *, id: str, classes: str = ""
    ) -> None:
        self.values = [value for _label, value in choices]
        buttons = [RadioButton(label) for label, _value in choices]
        super().__init__(*buttons, id=id, classes=f"choice-set {classes}".strip(), compact=True)

    @property
    def chosen(self) -> str | None:
        index = self.pressed_index
        return self.values[index] if index >= 0 else None

    def show(self, value: str | None) -> None:
        """Press the button of ``value`` (none if it is not a choice) without announcing it."""
        buttons = list(self.query(RadioButton))
        with self.prevent(RadioButton.Changed, RadioSet.Changed):
            for choice, button in zip(self.values, buttons, strict=True):
                button.value = choice == value
        # RadioSet tracks the pressed button itself and has no public way to clear it.
        self._pressed_button = next((b for b in buttons if b.value), None)
        if value in self.values and self._selected != self.values.index(value):
            self._selected = self.values.index(value)  # the keyboard cursor starts there

    def relabel(self, labels: list[str]) -> None:
        for label, button in zip(labels, self.query(RadioButton), strict=True):
            button.label = label


class LevelSet(ChoiceSet):
    """The levels of one scale; one set per scale, shown when its indicators are."""

    def __init__(self, scale_id: str, scale: Scale, session: Session) -> None:
        self.scale = scale
        super().__init__(
            [
                (label, level.id)
                for label, level in zip(_level_labels(session, scale), scale.levels, strict=True)
            ],
            id=f"level-{scale_id}",
            classes="level-set",
        )


def _level_labels(session: Session, scale: Scale) -> list[str]:
    return [f"{session.text(level.label)} ({level.score:g})" for level in scale.levels]


STATUS_CHOICES: list[tuple[str, str | None]] = [
    (STATUS_SHORT[status], status) for status in STATUS_LABELS
]
CONFIDENCE_CHOICES: list[tuple[str, str | None]] = [
    ("Not stated", None),
    *[(label, value) for value, label in CONFIDENCE_LABELS.items()],
]


class AnswerForm(Vertical):
    """Status, level or value, justification, evidence, confidence, groups, disaggregation."""

    can_focus = False
    ERROR_FIELDS: ClassVar[tuple[str, ...]] = ("level", "value", "justification")

    class Committed(Message):
        """An edit of indicator ``code`` was stored (and saved) through the session."""

        def __init__(self, code: str) -> None:
            super().__init__()
            self.code = code

    def __init__(self, session: Session, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.session = session
        self.code: str | None = None
        self._pending: set[str] = set()
        self._timer: Timer | None = None
        self._input_errors: dict[str, str] = {}
        self._scale_id: str | None = None
        self._breakdowns: tuple[str, ...] | None = None
        self._shown: dict[str, object] = {}  # what each text and list shows now

    def compose(self) -> ComposeResult:
        session = self.session
        yield Static(id="answer-summary")
        yield Label("Status", classes="field-label")
        yield ChoiceSet(STATUS_CHOICES, id="status")
        # One area for the level or the value, as tall as the longest scale: moving
        # between kinds of indicator then never shifts the fields below.
        with Vertical(id="answer-area"):
            yield from self._answer_area(session)
        yield Label("Justification", classes="field-label")
        yield TextArea(id="justification", soft_wrap=True, show_line_numbers=False, compact=True)
        yield Static(id="error-justification", classes="field-error")
        yield Label("Evidence", classes="field-label")
        yield RecordTable(EVIDENCE_COLUMNS, noun="evidence", id="evidence")
        yield Label("Confidence", classes="field-label")
        yield ChoiceSet(CONFIDENCE_CHOICES, id="confidence")
        yield Label("Stakeholder groups consulted", classes="field-label")
        yield SelectionList[str](
            *[(label, group) for group, label in GROUP_LABELS.items()],
            id="stakeholders",
            compact=True,
        )
        with Vertical(id="disaggregation-box"):
            yield Label("Disaggregated data available by", classes="field-label")
            yield SelectionList[str](id="disaggregation", compact=True)

    def _answer_area(self, session: Session) -> ComposeResult:
        with Vertical(id="level-box"):
            yield Label("Level", classes="field-label")
            for scale_id, scale in session.framework.scales.items():
                yield LevelSet(scale_id, scale, session)
            yield Static(id="error-level", classes="field-error")
        with Vertical(id="value-box"):
            with Horizontal(classes="value-row"):
                with Vertical(classes="value-cell"):
                    yield Label("Value", classes="field-label")
                    yield Input(id="value", type="number", placeholder="number", compact=True)
                with Vertical(classes="year-cell"):
                    yield Label("Year", classes="field-label")
                    yield Input(
                        id="year", type="integer", max_length=4, placeholder="YYYY", compact=True
                    )
                with Vertical(classes="unit-cell"):
                    yield Label("Unit", classes="field-label")
                    yield Input(id="unit", compact=True)
            yield Static(id="error-value", classes="field-error")

    def on_mount(self) -> None:
        longest = max(len(scale.levels) for scale in self.session.framework.scales.values())
        self.query_one("#answer-area").styles.min_height = longest + 3  # label, error
        if self.session.read_only:
            for widget in self.query("RadioSet, Input, TextArea, SelectionList, Button"):
                widget.disabled = True

    # -- loading ----------------------------------------------------------------

    def load(self, code: str) -> None:
        """Show the answer of ``code``; pending typing for the previous one is committed first."""
        self.flush()
        self.code = code
        self._input_errors.clear()
        session = self.session
        answer = session.answer(code)
        indicator = session.indicator(code)
        with self.prevent(*_HELD_BACK):
            self.query_one("#status", ChoiceSet).show(answer.status)
            if isinstance(indicator, ScaledIndicator):
                self._show_scale(indicator.scale)
                self._level_set().show(answer.level)
            else:
                self._show_scale(None)
                self._set_input("value", _number(answer.value))
                self._set_input("year", "" if answer.year is None else str(answer.year))
                self._set_input("unit", answer.unit or "")
                self.query_one("#unit", Input).placeholder = indicator.unit or ""
            justification = self.query_one("#justification", TextArea)
            if justification.text != answer.justification:
                justification.load_text(answer.justification)
            self._show_evidence(answer.evidence)
            self.query_one("#confidence", ChoiceSet).show(answer.confidence)
            self._select(self.query_one("#stakeholders", SelectionList), answer.stakeholders)
            self._show_breakdowns(indicator.disaggregation, answer.disaggregation)
        self.show_problems()

    def _set_input(self, name: str, value: str) -> None:
        field = self.query_one(f"#{name}", Input)
        if field.value != value:
            field.value = value

    def _show_scale(self, scale_id: str | None) -> None:
        if scale_id == self._scale_id and self._scale_id is not None:
            return
        self._scale_id = scale_id
        # display, not a CSS class: re-styling the whole form would cost more than the move.
        self.query_one("#level-box").display = scale_id is not None
        self.query_one("#value-box").display = scale_id is None
        for level_set in self.query(LevelSet):
            level_set.display = level_set.id == f"level-{scale_id}"

    def _level_set(self) -> LevelSet:
        return self.query_one(f"#level-{self._scale_id}", LevelSet)

    def _show_evidence(self, evidence: list[Evidence]) -> None:
        rows = [evidence_row(e) for e in evidence]
        if self._changed("evidence", rows):
            self.query_one("#evidence", RecordTable).set_rows(rows)

    def _changed(self, key: str, value: object) -> bool:
        """Remember ``value`` for ``key``; whether it differs from what is shown.

        Redrawing only what changed keeps a move to the next indicator cheap.
        """
        if self._shown.get(key, ...) == value:
            return False
        self._shown[key] = value
        return True

    def _set_text(self, widget_id: str, text: str | Text) -> None:
        if self._changed(widget_id, text):
            self.query_one(f"#{widget_id}", Static).update(text)

    def _select(self, selection: SelectionList[str], values: Collection[str]) -> None:
        if set(selection.selected) == set(values):
            return
        selection.deselect_all()
        for value in values:
            selection.select(value)

    def _show_breakdowns(
        self, wanted: Sequence[Breakdown], recorded: Mapping[Breakdown, bool]
    ) -> None:
        box = self.query_one("#disaggregation-box")
        box.display = bool(wanted)
        selection = self.query_one("#disaggregation", SelectionList)
        if tuple(wanted) != self._breakdowns:
            self._breakdowns = tuple(wanted)
            selection.clear_options()
            selection.add_options([(BREAKDOWN_LABELS[b], b) for b in wanted])
        self._select(selection, {b for b, available in recorded.items() if available})

    def relabel(self) -> None:
        """The language changed: the scale levels' names follow."""
        for level_set in self.query(LevelSet):
            level_set.relabel(_level_labels(self.session, level_set.scale))

    # -- problems ---------------------------------------------------------------

    def show_problems(self) -> None:
        """Put each problem of the answer under the field it concerns, and sum them up."""
        if self.code is None:
            return
        answer = self.session.answer(self.code)
        messages: dict[str, list[str]] = {name: [] for name in self.ERROR_FIELDS}
        for problem in self.session.problems(self.code):
            messages[_field_of(problem)].append(problem)
        for name, message in self._input_errors.items():
            messages["value" if name in ("value", "year", "unit") else name].append(message)
        for name, found in messages.items():
            self._set_text(f"error-{name}", "\n".join(f"⚠ {m}" for m in found))
        self.query_one("#justification").set_class(bool(messages["justification"]), "-invalid")
        self.query_one("#value").set_class(bool(messages["value"]), "-invalid")
        self._set_text("answer-summary", self._summary(answer, messages))

    def _summary(self, answer: Any, messages: dict[str, list[str]]) -> Text:
        count = sum(len(found) for found in messages.values())
        text = Text()
        if count:
            noun = "problem" if count == 1 else "problems"
            text.append(f"⚠ {count} {noun} with this answer (see below)", style="bold red")
        else:
            text.append("✓ no problems", style="green")
        review = answer.review
        if review.state != "draft" or review.thread:
            comments = len(review.thread)
            text.append(f"  · review: {REVIEW_LABELS[review.state]}", style="bold")
            text.append(f", {comments} comment{'s' if comments != 1 else ''}", style="dim")
        return text

    # -- committing -------------------------------------------------------------

    def commit(self, changes: dict[str, Any], what: str = "") -> bool:
        """Store ``changes`` to the current answer; False when nothing changed or it was refused."""
        if self.code is None:
            return False
        try:
            changed = self.session.edit_answer(self.code, changes, what)
        except ValueError as exc:
            self._input_errors[next(iter(changes))] = str(exc)
            self.show_problems()
            return False
        if changed and "status" in changes:
            # The status may follow from another field (a level chosen): show it.
            self.query_one("#status", ChoiceSet).show(self.session.answer(self.code).status)
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
            changes[name] = self.query_one("#justification", TextArea).text.strip()
            return
        raw = self.query_one(f"#{name}", Input).value.strip()
        if name == "unit":
            changes[name] = raw or None
            return
        try:
            changes[name] = None if not raw else float(raw) if name == "value" else int(raw)
        except ValueError:
            kind = "a number" if name == "value" else "a year such as 2023"
            self._input_errors[name] = f"{name}: '{raw}' is not {kind}"

    def _typed(self, name: str) -> None:
        self._pending.add(name)
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(TYPING_PAUSE, self.flush)

    @on(RadioSet.Changed, "#status")
    def _status_chosen(self, event: RadioSet.Changed) -> None:
        self.flush()
        self.commit({"status": self.query_one("#status", ChoiceSet).chosen}, "status")

    @on(RadioSet.Changed, ".level-set")
    def _level_chosen(self, event: RadioSet.Changed) -> None:
        if self.code is None or not isinstance(event.radio_set, LevelSet):
            return
        changes: dict[str, Any] = {"level": event.radio_set.chosen}
        if self.session.answer(self.code).status == "not_assessed":
            changes["status"] = "answered"
        self.commit(changes, "level")

    @on(Input.Changed)
    def _input_typed(self, event: Input.Changed) -> None:
        if event.input.id in _TEXT_FIELDS:
            self._typed(event.input.id)

    @on(TextArea.Changed, "#justification")
    def _justification_typed(self) -> None:
        self._typed("justification")

    @on(Input.Submitted)
    def _input_done(self) -> None:
        self.flush()

    def on_descendant_blur(self) -> None:
        self.flush()

    @on(RadioSet.Changed, "#confidence")
    def _confidence_chosen(self) -> None:
        self.commit({"confidence": self.query_one("#confidence", ChoiceSet).chosen}, "confidence")

    @on(SelectionList.SelectedChanged, "#stakeholders")
    def _groups_chosen(self, event: SelectionList.SelectedChanged[str]) -> None:
        chosen = set(event.selection_list.selected)
        self.commit({"stakeholders": [g for g in STAKEHOLDER_GROUPS if g in chosen]}, "groups")

    @on(SelectionList.SelectedChanged, "#disaggregation")
    def _breakdowns_chosen(self, event: SelectionList.SelectedChanged[str]) -> None:
        chosen = set(event.selection_list.selected)
        wanted = self._breakdowns or ()
        value = {b: b in chosen for b in BREAKDOWN_LABELS if b in wanted}
        self.commit({"disaggregation": value}, "disaggregation")

    # -- evidence ---------------------------------------------------------------

    @on(RecordTable.Requested, "#evidence")
    def _evidence_requested(self, event: RecordTable.Requested) -> None:
        event.stop()
        if self.code is None or self.session.read_only:
            return
        self.flush()
        items = list(self.session.answer(self.code).evidence)
        if event.action == "remove" and event.index is not None:
            removed = items.pop(event.index)
            if self.commit({"evidence": items}, "evidence removed"):
                self._show_evidence(items)
                self.notify(f"Removed '{removed.citation}' (ctrl+z puts it back)")
            return
        index = event.index if event.action == "edit" else None
        self.open_evidence(index)

    def open_evidence(self, index: int | None) -> None:
        """Open the evidence form: a new item (None) or the item at ``index``."""
        if self.code is None or self.session.read_only:
            return
        code = self.code
        items = list(self.session.answer(code).evidence)
        initial = items[index] if index is not None else None
        title = f"{'Edit' if initial else 'Add'} evidence for {code}"

        def stored(record: Any) -> None:
            if record is None or self.code != code:
                return
            if index is None:
                items.append(record)
            else:
                items[index] = record
            if self.commit({"evidence": items}, "evidence"):
                self._show_evidence(items)

        self.app.push_screen(RecordForm(title, EVIDENCE_FIELDS, Evidence, initial), stored)


def _field_of(problem: str) -> str:
    """Which field a problem from the rules concerns, by its wording."""
    if "justification" in problem:
        return "justification"
    if "level" in problem:
        return "level"
    return "value"


def _number(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if value.is_integer() else repr(value)
