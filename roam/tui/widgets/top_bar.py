"""The line at the top of every screen: where you are, and whether your work is on disk."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static

from roam.tui.plain import shown
from roam.tui.session import Session


class TopBar(Horizontal):
    """Title on the left; the saved-state marker on the right."""

    def __init__(self, title: str, session: Session | None = None) -> None:
        super().__init__(classes="top-bar")
        self.title_text = title
        self.session = session

    def compose(self) -> ComposeResult:
        yield Static(self._title(), classes="top-title")
        yield Static(id="save-marker")

    def on_mount(self) -> None:
        self.refresh_state()

    def _title(self) -> Text:
        text = Text()
        text.append("roam", style="bold")
        if self.session is not None:
            assessment = self.session.assessment
            text.append(shown(f"  {assessment.country} ({assessment.iso})"), style="bold")
            text.append(f" · {assessment.scope} scope", style="dim")
        text.append(shown(f"  {self.title_text}"))
        return text

    def set_title(self, title: str) -> None:
        self.title_text = title
        self.query_one(".top-title", Static).update(self._title())

    def refresh_state(self) -> None:
        marker = self.query_one("#save-marker", Static)
        session = self.session
        if session is None:
            marker.update("")
            return
        marker.update(save_marker(session))
        marker.tooltip = (
            session.save_error or session.refused or session.locked_by or str(session.path)
        )
        for state in ("saved", "unsaved", "failed", "read-only"):
            marker.set_class(session.save_state == state, f"-{state}")


def save_marker(session: Session) -> Text:
    """One short phrase for the state of the file on disk."""
    state = session.save_state
    if state == "saved" and session.refused:
        return Text("✗ NOT STORED (fix the marked field)", style="bold red")
    if state == "saved":
        return Text("✓ saved", style="bold green")
    if state == "unsaved":
        return Text("● saving…", style="bold yellow")
    if state == "failed":
        return Text("✗ NOT SAVED (see message)", style="bold red")
    return Text("read-only", style="bold yellow")
