"""Export the Excel report or the report draft from the app, in a worker thread.

The worker keeps the screen responsive while the file is written.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, ProgressBar, Select, Static

from roam.assessment.model import Assessment
from roam.errors import RoamError
from roam.framework.model import Framework
from roam.tui.plain import plain
from roam.tui.session import Session

# What the screen writes, and the file name endings each accepts (the first is the default).
KINDS: dict[str, tuple[str, ...]] = {"report": (".xlsx",), "draft": (".docx", ".md")}


def default_report_path(session: Session) -> Path:
    """As ``roam export`` names it: ``reports/<ISO>-<date>.xlsx`` under the current folder,
    shown in full so that the user sees where it goes."""
    from roam.workbooks.report_name import default_report_path as cli_default

    return Path.cwd() / cli_default(session.assessment.iso, session.today)


def default_draft_path(session: Session) -> Path:
    return session.path.with_name(f"{session.path.stem}-draft.docx")


class ExportScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "export", "Export", priority=True, id="roam.export.run"),
        Binding("escape", "dismiss(None)", "Close", id="roam.export.close"),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.running = False

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog record-form") as dialog:
            dialog.border_title = "Export the Excel report or the report draft"
            yield Label("What to write", classes="field-label")
            yield Select(
                [
                    ("Excel diagnostic report (.xlsx)", "report"),
                    ("National report draft (Word .docx or Markdown .md)", "draft"),
                ],
                value="report",
                allow_blank=False,
                id="kind",
                compact=True,
            )
            yield Label("File", classes="field-label")
            yield Input(str(default_report_path(self.session)), id="path", compact=True)
            yield Label("Language of the report", classes="field-label")
            yield Select(
                [("English", "en"), ("Français", "fr")],
                value=self.session.language if self.session.language in ("en", "fr") else "en",
                allow_blank=False,
                id="lang",
                compact=True,
            )
            yield Checkbox("Hide confidential sources (for publication)", id="redact", compact=True)
            yield ProgressBar(total=None, show_eta=False, id="progress")
            yield Static(id="export-status")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Export (ctrl+s)", variant="primary", id="export", compact=True)
                yield Button("Close (esc)", id="close", compact=True)

    def on_mount(self) -> None:
        self.query_one("#progress", ProgressBar).display = False
        self.query_one("#path", Input).focus()

    @on(Button.Pressed, "#export")
    @on(Input.Submitted)
    def _export_pressed(self) -> None:
        self.action_export()

    @on(Select.Changed, "#kind")
    def _kind_changed(self, event: Select.Changed) -> None:
        path = self.query_one("#path", Input)
        wanted = KINDS[str(event.value)]
        if Path(path.value).suffix.lower() not in wanted:
            default = default_draft_path if event.value == "draft" else default_report_path
            path.value = str(default(self.session))

    @on(Button.Pressed, "#close")
    def _close(self) -> None:
        self.dismiss(None)

    def action_export(self) -> None:
        if self.running:
            return
        path = Path(self.query_one("#path", Input).value.strip()).expanduser()
        kind = str(self.query_one("#kind", Select).value)
        # The report's default folder (reports/) is made when missing, as the CLI does.
        folder_ok = path.parent.is_dir() or path == default_report_path(self.session)
        if path.suffix.lower() not in KINDS[kind] or not folder_ok:
            endings = " or ".join(KINDS[kind])
            self._status(f"⚠ give a {endings} file in an existing folder, not '{path}'")
            return
        self.running = True
        self.query_one("#progress", ProgressBar).display = True
        self.query_one("#export", Button).disabled = True
        self._status("Writing the draft…" if kind == "draft" else "Writing the workbook…")
        # A copy: the worker reads it while the user may go on editing.
        snapshot = self.session.assessment.model_copy(deep=True)
        lang = str(self.query_one("#lang", Select).value)
        redact = self.query_one("#redact", Checkbox).value
        self.write_report(snapshot, self.session.framework, path, lang, redact, kind=kind)

    @work(thread=True, exclusive=True)
    def write_report(
        self,
        assessment: Assessment,
        framework: Framework,
        path: Path,
        lang: str,
        redact: bool,
        *,
        kind: str = "report",
    ) -> None:
        from roam.documents.draft import write_draft
        from roam.workbooks.workbook import export_report

        write = write_draft if kind == "draft" else export_report
        try:
            written = write(
                assessment,
                path,
                framework=framework,
                lang=lang,
                redact_confidential=redact,
                assessment_path=self.session.path,
            )
        except (RoamError, OSError) as exc:
            self.app.call_from_thread(self._finished, None, str(exc))
            return
        self.app.call_from_thread(self._finished, written, "")

    def _finished(self, written: Path | None, error: str) -> None:
        self.running = False
        if self.is_attached:
            self.query_one("#progress", ProgressBar).display = False
            self.query_one("#export", Button).disabled = False
        if written is None:
            self._status(f"⚠ not exported: {error}")
            self.app.notify(error, title="Export failed", severity="error", timeout=10)
        else:
            self._status(f"✓ written to {written}")
            self.app.notify(f"Written to {written}", title="Exported")

    def _status(self, message: str) -> None:
        if self.is_attached:
            self.query_one("#export-status", Static).update(plain(message))
