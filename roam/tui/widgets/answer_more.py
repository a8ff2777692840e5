"""The fields of the answer form below the level or value, mounted after the first frame.

The form shows the status and the level (or the value) of the first indicator
at once; the justification, evidence, confidence, stakeholder groups and
breakdowns come just after the first frame.  Their widgets (a text area, a
data table, selection lists) and their stylesheets are the costly part of
starting up, so this module is imported only then.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Label, SelectionList, TextArea

from roam.assessment.model import STAKEHOLDER_GROUPS, Answer, Breakdown, Evidence
from roam.tui.forms import EVIDENCE_COLUMNS, EVIDENCE_FIELDS, evidence_row
from roam.tui.labels import BREAKDOWN_LABELS, CONFIDENCE_LABELS, GROUP_LABELS
from roam.tui.widgets.blank_containers import BlankVertical
from roam.tui.widgets.choice_set import ChoiceSet
from roam.tui.widgets.field_error import FieldError
from roam.tui.widgets.record_table import RecordTable

if TYPE_CHECKING:
    from roam.assessment.rules import AnyIndicator
    from roam.tui.widgets.answer_form import AnswerForm

CONFIDENCE_CHOICES: list[tuple[str, str | None]] = [
    ("Not stated", None),
    *[(label, value) for value, label in CONFIDENCE_LABELS.items()],
]
# Events that loading values into these fields would set off; held back while loading.
HELD_BACK = (TextArea.Changed, SelectionList.SelectedChanged)


class AnswerMore(BlankVertical):
    """Justification, evidence, confidence, stakeholder groups and breakdowns of an answer.

    It lives inside the :class:`AnswerForm` and stores every edit through it.
    """

    def __init__(self, form: AnswerForm) -> None:
        super().__init__(id="answer-more")
        self.form = form
        self._breakdowns: tuple[str, ...] | None = None
        self._evidence_rows: list[tuple[str, ...]] | None = None

    def compose(self) -> ComposeResult:
        yield Label("Justification", classes="field-label")
        yield TextArea(id="justification", soft_wrap=True, show_line_numbers=False, compact=True)
        yield FieldError(id="error-justification")
        yield Label("Evidence", classes="field-label")
        yield RecordTable(EVIDENCE_COLUMNS, noun="evidence", id="evidence", links=True)
        yield Label("Confidence", classes="field-label")
        yield ChoiceSet(CONFIDENCE_CHOICES, id="confidence", horizontal=True)
        yield Label("Stakeholder groups consulted", classes="field-label")
        yield SelectionList[str](
            *[(label, group) for group, label in GROUP_LABELS.items()],
            id="stakeholders",
            compact=True,
        )
        with Vertical(id="disaggregation-box"):
            yield Label("Disaggregated data available by", classes="field-label")
            yield SelectionList[str](id="disaggregation", compact=True)

    # -- loading ----------------------------------------------------------------

    def show(self, answer: Answer, indicator: AnyIndicator) -> None:
        """Put ``answer`` in the fields, announcing nothing (only what differs is redrawn)."""
        with self.prevent(*HELD_BACK):
            justification = self.query_one("#justification", TextArea)
            if justification.text != answer.justification:
                justification.load_text(answer.justification)
            self.show_evidence(answer.evidence)
            self.query_one("#confidence", ChoiceSet).show(answer.confidence)
            self._select(self.query_one("#stakeholders", SelectionList), answer.stakeholders)
            self._show_breakdowns(indicator.disaggregation, answer.disaggregation)

    def show_evidence(self, evidence: Sequence[Evidence]) -> None:
        rows = [evidence_row(item) for item in evidence]
        if rows != self._evidence_rows:
            self._evidence_rows = rows
            self.query_one("#evidence", RecordTable).set_rows(rows)

    @property
    def justification(self) -> str:
        return self.query_one("#justification", TextArea).text.strip()

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

    # -- editing ----------------------------------------------------------------

    @on(TextArea.Changed, "#justification")
    def _justification_typed(self) -> None:
        self.form.typed("justification")

    @on(SelectionList.SelectedChanged, "#stakeholders")
    def _groups_chosen(self, event: SelectionList.SelectedChanged[str]) -> None:
        chosen = set(event.selection_list.selected)
        self.form.commit({"stakeholders": [g for g in STAKEHOLDER_GROUPS if g in chosen]}, "groups")

    @on(SelectionList.SelectedChanged, "#disaggregation")
    def _breakdowns_chosen(self, event: SelectionList.SelectedChanged[str]) -> None:
        chosen = set(event.selection_list.selected)
        wanted = self._breakdowns or ()
        value = {b: b in chosen for b in BREAKDOWN_LABELS if b in wanted}
        self.form.commit({"disaggregation": value}, "disaggregation")

    @on(RecordTable.Requested, "#evidence")
    def _evidence_requested(self, event: RecordTable.Requested) -> None:
        event.stop()
        form = self.form
        if form.code is None or form.session.read_only:
            return
        form.flush()
        items = list(form.session.answer(form.code).evidence)
        if event.action == "remove" and event.index is not None:
            removed = items.pop(event.index)
            if form.commit({"evidence": items}, "evidence removed"):
                self.show_evidence(items)
                self.notify(f"Removed '{removed.citation}' (ctrl+z puts it back)")
            return
        self.open_evidence(event.index if event.action == "edit" else None)

    def open_evidence(self, index: int | None) -> None:
        """Open the evidence form: a new item (None) or the item at ``index``."""
        form = self.form
        code = form.code
        if code is None or form.session.read_only:
            return
        items = list(form.session.answer(code).evidence)
        initial = items[index] if index is not None else None
        title = f"{'Edit' if initial else 'Add'} evidence for {code}"

        def stored(record: Any) -> None:
            if record is None or form.code != code:
                return
            if index is None:
                items.append(record)
            else:
                items[index] = record
            if form.commit({"evidence": items}, "evidence"):
                self.show_evidence(items)

        from roam.tui.screens.record_form import RecordForm

        self.app.push_screen(RecordForm(title, EVIDENCE_FIELDS, Evidence, initial), stored)
