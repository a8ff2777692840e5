"""Start a new assessment: country, ISO code, scope, framework edition and file."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Input, Label, Select, Static

from roam.errors import RoamError
from roam.tui.plain import plain
from roam.tui.roam_screen import RoamModalScreen
from roam.tui.widgets.field_error import FieldError

OTHER_EDITION = "other"


class NewAssessmentScreen(RoamModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "create", "Create", priority=True, id="roam.new.create"),
        Binding("escape", "dismiss(None)", "Cancel", id="roam.new.cancel"),
    ]

    def compose(self) -> ComposeResult:
        from roam.framework.loader import DEFAULT_EDITION, list_editions

        editions = [(folder.name, str(folder)) for folder in list_editions()]
        default = next((v for n, v in editions if n == DEFAULT_EDITION), OTHER_EDITION)
        with Vertical(classes="dialog record-form") as dialog:
            dialog.border_title = "New assessment"
            with VerticalScroll():
                yield Label("Country", classes="field-label")
                yield Input(id="country", placeholder="Kenya", compact=True)
                yield FieldError(id="error-country")
                yield Label("ISO 3166-1 alpha-3 code", classes="field-label")
                yield Input(id="iso", placeholder="KEN", max_length=3, compact=True)
                yield FieldError(id="error-iso")
                yield Label("Scope", classes="field-label")
                yield Select(
                    [("Core indicators plus contextual", "core"), ("All indicators", "full")],
                    value="core",
                    allow_blank=False,
                    id="scope",
                    compact=True,
                )
                yield Label("Framework edition", classes="field-label")
                yield Select(
                    [*editions, ("Another edition (folder or file)…", OTHER_EDITION)],
                    value=default,
                    allow_blank=False,
                    id="edition",
                    compact=True,
                )
                yield Input(id="edition-path", placeholder="path/to/edition", compact=True)
                yield FieldError(id="error-edition")
                yield Label("Save as", classes="field-label")
                # A fixed placeholder: the default name is said below, not swapped in as you type.
                yield Input(id="file", placeholder="name.yaml", compact=True)
                yield Static(plain(self._default_hint("")), id="file-default")
                yield FieldError(id="error-file")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Create (ctrl+s)", variant="primary", id="create", compact=True)
                yield Button("Cancel (esc)", id="cancel", compact=True)

    def on_mount(self) -> None:
        self._edition_changed()
        self.query_one("#country", Input).focus()

    @on(Select.Changed, "#edition")
    def _edition_changed(self) -> None:
        other = self.query_one("#edition", Select).value == OTHER_EDITION
        self.query_one("#edition-path", Input).display = other

    @on(Input.Changed, "#iso")
    def _suggest_file(self, event: Input.Changed) -> None:
        self.query_one("#file-default", Static).update(plain(self._default_hint(event.value)))

    @staticmethod
    def _default_file(iso: str) -> Path | None:
        """The file used when the name is left empty: named after the ISO code, here."""
        code = iso.strip()
        return Path.cwd() / f"{code.lower()}-assessment.yaml" if len(code) == 3 else None

    def _default_hint(self, iso: str) -> str:
        default = self._default_file(iso)
        if default is None:
            return f"Left empty: ISO-assessment.yaml in {Path.cwd()}"
        return f"Left empty: {default}"

    @on(Button.Pressed, "#create")
    def _create_pressed(self) -> None:
        self.action_create()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.dismiss(None)

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_create()

    def action_create(self) -> None:
        from roam.assessment.create import new_assessment, normalize_iso
        from roam.framework import load_framework
        from roam.tui.session import Session

        for error in self.query(".field-error").results(Static):
            error.update("")
        country = self.query_one("#country", Input).value.strip()
        iso_text = self.query_one("#iso", Input).value
        problems: dict[str, str] = {}
        if not country:
            problems["country"] = "required"
        try:
            iso = normalize_iso(iso_text)
        except RoamError as exc:
            problems["iso"] = str(exc)
        typed_file = self.query_one("#file", Input).value.strip()
        chosen_file = Path(typed_file).expanduser() if typed_file else self._default_file(iso_text)
        path = chosen_file or Path("assessment.yaml")
        if chosen_file is None:
            problems["file"] = "give a file name (or the ISO code, to name it after)"
        elif path.exists():
            problems["file"] = f"{path} already exists; choose another name"
        elif not path.parent.is_dir():
            problems["file"] = f"the folder {path.parent} does not exist"
        try:
            framework = load_framework(self._edition_path())
        except RoamError as exc:
            problems["edition"] = "\n".join(exc.lines[:5])
        if problems:
            for name, message in problems.items():
                self.query_one(f"#error-{name}", Static).update(f"⚠ {message}")
            return
        scope = self.query_one("#scope", Select).value
        assessment = new_assessment(
            framework,
            country=country,
            iso=iso,
            scope="full" if scope == "full" else "core",
            path=path,
        )
        app = self.roam_app
        try:
            session = Session.create(path, assessment, framework, who=app.who)
        except RoamError as exc:
            self.query_one("#error-file", Static).update(f"⚠ {exc}")
            return
        self.dismiss(None)
        app.start_session(session)

    def _edition_path(self) -> Path | None:
        chosen = self.query_one("#edition", Select).value
        if chosen == OTHER_EDITION:
            typed = self.query_one("#edition-path", Input).value.strip()
            if not typed:
                raise RoamError("give the folder or file of the edition")
            return Path(typed).expanduser()
        return Path(str(chosen))
