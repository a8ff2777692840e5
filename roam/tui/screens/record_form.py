"""One form for every small record: evidence, team member, MAB member, milestone, recommendation.

The fields are described as data; the record's own Pydantic model validates
them, and each problem is shown under the field it concerns, in plain words.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any, ClassVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Checkbox, Input, Label, Select, SelectionList, Static, TextArea

from roam.tui.forms import FormField
from roam.tui.plain import plain
from roam.tui.widgets.field_error import FieldError

Check = Callable[[BaseModel], dict[str, str]]


def friendly(error: ErrorDetails) -> str:
    """Pydantic's message for one error, in the words a form user expects."""
    kind = error.get("type", "")
    if kind in ("string_too_short", "missing"):
        return "required"
    if kind == "too_short":
        return "choose at least one"
    if kind in ("literal_error", "enum"):
        return "choose one of the options"
    if kind.startswith("date") or kind.startswith("datetime"):
        return "not a date: write it as YYYY-MM-DD, for example 2024-03-31"
    return str(error.get("msg", "invalid")).removeprefix("Value error, ")


class RecordForm(ModalScreen[BaseModel | None]):
    """Edit one record; dismisses with the validated model, or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", priority=True, id="roam.form.save"),
        Binding("escape", "cancel", "Cancel", id="roam.form.cancel"),
    ]

    def __init__(
        self,
        title: str,
        fields: Sequence[FormField],
        model: type[BaseModel],
        initial: BaseModel | dict[str, Any] | None = None,
        check: Check | None = None,
    ) -> None:
        super().__init__()
        self.title_text = title
        self.fields = list(fields)
        self.model = model
        if isinstance(initial, BaseModel):
            initial = initial.model_dump()
        self.initial: dict[str, Any] = {**_defaults(model), **(initial or {})}
        self.check = check

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog record-form") as dialog:
            dialog.border_title = self.title_text
            with VerticalScroll():
                for spec in self.fields:
                    if spec.kind != "flag":
                        yield Label(spec.label, classes="field-label")
                    yield self._widget(spec, self.initial.get(spec.name))
                    yield FieldError(id=f"error-{spec.name}")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save (ctrl+s)", variant="primary", id="save", compact=True)
                yield Button("Cancel (esc)", id="cancel", compact=True)

    def _widget(self, spec: FormField, value: Any) -> Widget:
        field_id = f"field-{spec.name}"
        if spec.kind == "long":
            return TextArea(
                value or "", id=field_id, soft_wrap=True, classes="long-text", compact=True
            )
        if spec.kind == "choice":
            return Select(
                [(plain(label), option) for label, option in spec.options],
                value=value if value is not None else Select.NULL,
                allow_blank=value is None,
                id=field_id,
                compact=True,
            )
        if spec.kind == "choices":
            chosen = set(value or ())
            return SelectionList[str](
                *[(plain(label), option, option in chosen) for label, option in spec.options],
                id=field_id,
                compact=True,
            )
        if spec.kind == "flag":
            return Checkbox(spec.label, bool(value), id=field_id, compact=True)
        if spec.kind == "list":
            text = ", ".join(value or ())
            return Input(text, placeholder=spec.hint, id=field_id, compact=True)
        text = value.isoformat() if isinstance(value, dt.date) else (value or "")
        return Input(
            str(text), placeholder=spec.hint or _placeholder(spec), id=field_id, compact=True
        )

    def on_mount(self) -> None:
        first = self.query(f"#field-{self.fields[0].name}").first()
        first.focus()

    def collect(self) -> dict[str, Any]:
        """The form's values as the model expects them (empty dates become None)."""
        data = dict(self.initial)
        for spec in self.fields:
            widget = self.query_one(f"#field-{spec.name}")
            data[spec.name] = _value(spec, widget)
        return data

    def action_save(self) -> None:
        for error in self.query(".field-error").results(Static):
            error.update("")
        try:
            record = self.model.model_validate(self.collect())
        except ValidationError as exc:
            self._show({str(e["loc"][0]) if e["loc"] else "": friendly(e) for e in exc.errors()})
            return
        problems = self.check(record) if self.check is not None else {}
        if problems:
            self._show(problems)
            return
        self.dismiss(record)

    def _show(self, problems: dict[str, str]) -> None:
        names = [spec.name for spec in self.fields]
        marked = set()
        for name, message in problems.items():
            target = name if name in names else names[0]
            marked.add(target)
            self.query_one(f"#error-{target}", Static).update(f"⚠ {message}")
        # The first marked field, in the form's order, gets the focus: a message below
        # the fold would otherwise go unseen.
        first = next(name for name in names if name in marked)
        self.query_one(f"#field-{first}").focus()
        self.call_after_refresh(self._reveal, first)
        self.notify("Check the marked fields", severity="warning")

    def _reveal(self, name: str) -> None:
        """Scroll the field ``name`` and its message into view."""
        self.query_one(f"#error-{name}").scroll_visible(animate=False)
        self.query_one(f"#field-{name}").scroll_visible(animate=False)

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_save()


def _defaults(model: type[BaseModel]) -> dict[str, Any]:
    """The model's own default of each field that has one (a new record starts there)."""
    defaults = {}
    for name, info in model.model_fields.items():
        if not info.is_required():
            defaults[name] = info.get_default(call_default_factory=True)
    return defaults


def _placeholder(spec: FormField) -> str:
    return "YYYY-MM-DD" if spec.kind == "date" else ""


def _value(spec: FormField, widget: Any) -> Any:
    if spec.kind == "long":
        return widget.text.strip()
    if spec.kind == "choice":
        return None if widget.value is Select.NULL else widget.value
    if spec.kind == "choices":
        return list(widget.selected)
    if spec.kind == "flag":
        return bool(widget.value)
    if spec.kind == "list":
        return [part.strip() for part in widget.value.split(",") if part.strip()]
    text = widget.value.strip()
    if spec.kind == "date":
        return text or None
    return text
