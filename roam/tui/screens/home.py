"""The first screen: recent assessments, a new one, a file, or the demo."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from roam.errors import RoamError
from roam.tui.plain import plain, shown
from roam.tui.roam_screen import RoamScreen
from roam.tui.widgets.key_bar import KeyBar
from roam.tui.widgets.top_bar import TopBar

DEMO_FILE = Path("demo") / "examplia.yaml"
_INTRO = (
    "National self-assessments against UNESCO's Internet Universality Indicators "
    "(ROAM-X). Scores shown here are a diagnostic aid for the team, never a ranking."
)


def _edited(path: Path) -> str:
    """When ``path`` was last saved, in local time to the minute ("" if it is gone)."""
    import datetime as dt

    try:
        stamp = path.stat().st_mtime
    except OSError:
        return ""
    return f"{dt.datetime.fromtimestamp(stamp):%Y-%m-%d %H:%M}"


class HomeScreen(RoamScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "new", "New", id="roam.home.new"),
        Binding("o", "open", "Open file", id="roam.home.open"),
        Binding("d", "demo", "Demo", id="roam.home.demo"),
        Binding("x,delete", "forget", "Forget recent", id="roam.home.forget"),
    ]

    def compose(self) -> ComposeResult:
        yield TopBar("Internet Universality Indicators")
        with Vertical(id="home"):
            yield Static(_INTRO, id="intro")
            yield Static("Start", classes="section-title")
            yield OptionList(
                Option("New assessment…                      n", id="new"),
                Option("Open a file…                         o", id="open"),
                Option("Open the demo assessment (Examplia)  d", id="demo"),
                id="actions",
            )
            yield Static("Recent assessments", classes="section-title")
            yield OptionList(id="recent")
        yield KeyBar(classes="key-bar")

    def on_mount(self) -> None:
        self.refresh_recent()
        recent = self.query_one("#recent", OptionList)
        actions = self.query_one("#actions", OptionList)
        actions.highlighted = 0
        has_recent = bool(self.roam_app.settings.recent)
        (recent if has_recent else actions).focus()

    def on_screen_resume(self) -> None:
        self.refresh_recent()

    def refresh_recent(self) -> None:
        recent = self.query_one("#recent", OptionList)
        recent.clear_options()
        settings = self.roam_app.settings
        for entry in settings.recent:
            path = Path(entry)
            label = plain(path.name, style="bold")
            place = settings.places.get(entry, {})
            if place.get("country"):
                label.append(shown(f"  {place['country']}"))
            if place.get("progress"):
                label.append(shown(f"  {place['progress']} assessed"))
            edited = _edited(path)
            if edited:
                label.append(f"  edited {edited}")
            label.append(shown(f"  {path.parent}"), style="dim")
            if not edited:
                label.append("  (missing)", style="red")
            recent.add_option(Option(label, id=entry))
        if recent.option_count:
            recent.highlighted = 0
        else:
            recent.add_option(Option(Text("None yet", style="dim"), id="", disabled=True))

    @on(OptionList.OptionSelected, "#actions")
    async def _action(self, event: OptionList.OptionSelected) -> None:
        await self.run_action(event.option.id or "")

    @on(OptionList.OptionSelected, "#recent")
    def _recent(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.roam_app.open_assessment(Path(event.option.id))

    def action_new(self) -> None:
        from roam.tui.screens.new_assessment import NewAssessmentScreen

        self.app.push_screen(NewAssessmentScreen())

    def action_open(self) -> None:
        from roam.tui.screens.open_file import OpenFileScreen

        def chosen(path: Path | None) -> None:
            if path is not None:
                self.roam_app.open_assessment(path)

        self.app.push_screen(OpenFileScreen(), chosen)

    def action_demo(self) -> None:
        """Open the demo assessment, writing it first if this user has none yet."""
        path = self.roam_app.settings.folder_path() / DEMO_FILE
        if not path.exists():
            try:
                self._write_demo(path)
            except (RoamError, OSError) as exc:
                self.notify(str(exc), title="Cannot write the demo", severity="error")
                return
        self.roam_app.open_assessment(path)

    def _write_demo(self, path: Path) -> None:
        from roam.assessment.storage import save_assessment
        from roam.demo import make_demo
        from roam.framework import load_framework

        framework = load_framework()
        path.parent.mkdir(parents=True, exist_ok=True)
        save_assessment(make_demo(framework, path=path), path, framework, backup=False)

    def action_forget(self) -> None:
        recent = self.query_one("#recent", OptionList)
        if recent.has_focus and recent.highlighted is not None:
            entry = recent.get_option_at_index(recent.highlighted).id
            if entry:
                self.roam_app.settings.forget(entry)
                self.refresh_recent()
