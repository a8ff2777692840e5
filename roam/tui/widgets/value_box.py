"""Value, year and unit of a number: the answer area of quantitative and contextual indicators."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.widgets import Input, Label

from roam.assessment.model import Answer
from roam.tui.plain import shown
from roam.tui.widgets.blank_containers import BlankHorizontal, BlankVertical
from roam.tui.widgets.field_error import FieldError

if TYPE_CHECKING:
    from roam.framework.model import ContextualIndicator, QuantitativeIndicator


class ValueBox(BlankVertical):
    """Value, year and unit of a number, with the problems found in them."""

    def compose(self) -> ComposeResult:
        with BlankHorizontal(classes="value-row"):
            with BlankVertical(classes="value-cell"):
                yield Label("Value", classes="field-label")
                # No validation by the Input: the form checks the value itself, and the
                # Input's own check re-styles the form on every indicator shown.
                yield Input(
                    id="value", type="number", placeholder="number", compact=True, validate_on=()
                )
            with BlankVertical(classes="year-cell"):
                yield Label("Year", classes="field-label")
                yield Input(
                    id="year",
                    type="integer",
                    max_length=4,
                    placeholder="YYYY",
                    compact=True,
                    validate_on=(),
                )
        # A line of its own: the expected unit, the placeholder, is often a phrase
        # ("GB per subscription per month") that a third of the line would cut.
        with BlankVertical(classes="unit-cell"):
            yield Label("Unit", classes="field-label")
            yield Input(id="unit", compact=True)
        yield FieldError(id="error-value")

    def show(self, answer: Answer, indicator: QuantitativeIndicator | ContextualIndicator) -> None:
        with self.prevent(Input.Changed):
            self._set("value", _number(answer.value))
            self._set("year", "" if answer.year is None else str(answer.year))
            self._set("unit", answer.unit or "")
        self.query_one("#unit", Input).placeholder = shown(indicator.unit or "")

    def text(self, name: str) -> str:
        return self.query_one(f"#{name}", Input).value.strip()

    def _set(self, name: str, value: str) -> None:
        field = self.query_one(f"#{name}", Input)
        if field.value != value:
            field.value = value


def _number(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if value.is_integer() else repr(value)
