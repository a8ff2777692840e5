"""What an import would do, before it does it: counts, changes, conflicts and bad cells.

The workbook is read and the import run on a copy of the assessment in a
worker thread (reading takes up to half a second); Apply then runs it on the
assessment itself and saves.  A file that cannot be imported shows its
one-line reasons and changes nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, ProgressBar, Static

from roam.errors import RoamError
from roam.tui.import_request import ImportRequest
from roam.tui.plain import plain, shown
from roam.tui.session import Session

if TYPE_CHECKING:
    from roam.assessment.model import AnswerVersion, Assessment
    from roam.exchange.import_summary import ImportSummary
    from roam.exchange.incoming import FilledTemplate, ReviewedWorkbook

    Workbook = ReviewedWorkbook | FilledTemplate

# Actions the preview lists as changes (the rest are counted only).
_QUIET = frozenset({"unchanged", "already_imported", "already_parked"})
_CONFLICT_ACTIONS = frozenset({"took_theirs", "kept_mine", "parked", "already_parked"})
_OUTCOMES = {
    "parked": "both kept, for the team to decide",
    "already_parked": "already waiting for the team",
    "took_theirs": "theirs taken",
    "kept_mine": "mine kept",
}
_VERSION_FIELDS = ("status", "level", "value", "year", "justification", "confidence")
_SHOWN_CHARS = 48


class ImportPreviewScreen(ModalScreen["ImportSummary | None"]):
    """Dismisses with the summary of the import applied, or None when cancelled or refused."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "apply", "Apply", priority=True, id="roam.import.apply"),
        Binding("escape", "dismiss(None)", "Cancel", id="roam.import.cancel"),
    ]

    def __init__(self, session: Session, request: ImportRequest) -> None:
        super().__init__()
        self.session = session
        self.request = request
        self.workbook: Workbook | None = None
        self.summary: ImportSummary | None = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog tall-dialog import-preview") as dialog:
            dialog.border_title = plain(f"Import {self.request.path.name}: preview")
            yield Static(plain(f"Reading {self.request.path} …"), id="import-status")
            yield ProgressBar(total=None, show_eta=False, id="import-progress")
            with VerticalScroll(id="import-report"):
                yield Static(id="import-details")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Apply (ctrl+s)", variant="primary", id="apply", compact=True)
                yield Button("Cancel (esc)", id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#apply", Button).disabled = True
        self.preview(self.session.snapshot())

    @work(thread=True, exclusive=True)
    def preview(self, snapshot: Assessment) -> None:
        """Read the workbook and run the import on ``snapshot`` (a copy): nothing changes."""
        try:
            workbook = self.request.read()
            summary = self.session.preview_import(self.request, workbook, snapshot)
        except RoamError as exc:
            self.app.call_from_thread(self._refused, exc.lines)
            return
        except OSError as exc:
            self.app.call_from_thread(self._refused, [f"{self.request.path}: {exc.strerror}"])
            return
        except Exception as exc:  # a screen shows the reason, never a traceback
            reason = f"{type(exc).__name__}: {exc}"
            self.app.call_from_thread(
                self._refused, [f"{self.request.path}: cannot import this workbook ({reason})"]
            )
            return
        self.app.call_from_thread(self._previewed, workbook, summary)

    def _refused(self, lines: list[str]) -> None:
        if not self.is_attached:
            return
        self.query_one("#import-progress", ProgressBar).display = False
        status = Text("Not imported; the assessment is unchanged:\n", style="bold red")
        status.append(shown("\n".join(lines)), style="red")
        self.query_one("#import-status", Static).update(status)
        self.query_one("#cancel", Button).focus()

    def _previewed(self, workbook: Workbook, summary: ImportSummary) -> None:
        if not self.is_attached:
            return
        self.workbook, self.summary = workbook, summary
        self.query_one("#import-progress", ProgressBar).display = False
        status = plain(summary.headline(), style="bold")
        if summary.changes_assessment:
            status.append("\nApply (ctrl+s) makes these changes and saves; ctrl+z undoes them.")
        else:
            status.append(f"\nNothing to change: {summary.unchanged_reason()}.")
        self.query_one("#import-status", Static).update(status)
        self.query_one("#import-details", Static).update(summary_view(summary))
        apply = self.query_one("#apply", Button)
        apply.disabled = not summary.changes_assessment
        if not apply.disabled:
            apply.focus()

    @on(Button.Pressed, "#apply")
    def action_apply(self) -> None:
        if self.workbook is None or self.summary is None or not self.summary.changes_assessment:
            return
        try:
            applied = self.session.apply_import(self.request, self.workbook)
        except RoamError as exc:
            self._refused(exc.lines)
            self.workbook = None
            return
        self.dismiss(applied)

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.dismiss(None)


def summary_view(summary: ImportSummary) -> RenderableType:
    """Warnings, counts, changes, conflicts and bad cells of ``summary``, as tables."""
    parts: list[RenderableType] = []
    for warning in summary.warnings:
        parts.append(plain(f"⚠ {warning}", style="yellow"))
    counts = Text()
    for action, count in sorted(summary.counts.items()):
        counts.append(f"{action.replace('_', ' ')} ", style="dim")
        counts.append(f"{count}   ", style="bold")
    if summary.comments_added:
        counts.append("comments ", style="dim")
        counts.append(str(summary.comments_added), style="bold")
    if counts:
        parts += [Text("\nCounts", style="bold underline"), counts]
    changes = [
        c for c in summary.changes if c.action not in _QUIET and c.action not in _CONFLICT_ACTIONS
    ]
    if changes:
        table = _table("Indicator", "What", "Where", "Detail")
        for change in changes:
            where = str(change.ref) if change.ref else ""
            table.add_row(plain(change.code), change.action.replace("_", " "), plain(where),
                          plain(change.detail))  # fmt: skip
        parts += [Text(f"\nChanges ({len(changes)})", style="bold underline"), table]
    if summary.conflicts:
        table = _table("Indicator", "Where", "Field", "Mine", "Theirs")
        outcomes: dict[str, list[str]] = {}
        for conflict in summary.conflicts:
            where = str(conflict.ref) if conflict.ref else ""
            names = conflict.differences or _VERSION_FIELDS
            for number, name in enumerate(names):
                table.add_row(
                    plain(conflict.code if number == 0 else ""),
                    plain(where if number == 0 else ""),
                    name,
                    plain(_field(conflict.mine, name)),
                    plain(_field(conflict.theirs, name)),
                )
            outcomes.setdefault(_OUTCOMES[conflict.outcome], []).append(conflict.code)
        title = f"\nConflicts ({len(summary.conflicts)})"
        parts += [Text(title, style="bold underline"), table]
        for outcome, codes in outcomes.items():
            parts.append(plain(f"{outcome}: {', '.join(codes)}", style="italic"))
    if summary.bad_cells:
        bad = plain("\n".join(f"{cell}" for cell in summary.bad_cells), style="red")
        title = f"\nBad cells ({len(summary.bad_cells)}); the other cells import"
        parts += [Text(title, style="bold underline"), bad]
    return Group(*parts)


def _table(*columns: str) -> Table:
    table = Table(box=None, show_edge=False, pad_edge=False, expand=True)
    for column in columns:
        table.add_column(column, style="bold" if column == "Indicator" else "", overflow="fold")
    return table


def _field(version: AnswerVersion, name: str) -> str:
    value = getattr(version, name, None)
    if value is None or value == "":
        return "–"
    text = f"{value:g}" if isinstance(value, float) else str(value)
    text = " ".join(text.split())
    return text if len(text) <= _SHOWN_CHARS else text[: _SHOWN_CHARS - 1] + "…"
