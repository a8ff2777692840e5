"""roam's terminal UI: one App, a stack of screens, and one session at a time.

Screens stack as  Home → Walkthrough → (one view: dashboard, review,
recommendations or process): app_navigation.py moves between them, and
system_commands.py lists the palette's entries.  Every binding has an ``id`` so a
user can remap it in the settings file (``"keys": {"roam.next": "ctrl+j"}``).
"""

from __future__ import annotations

import datetime as dt
import gc
import getpass
from collections.abc import Callable, Iterable, Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.filter import LineFilter
from textual.notifications import SeverityLevel
from textual.screen import ModalScreen, Screen

from roam.errors import RoamError
from roam.tui.app_navigation import ScreenNavigation
from roam.tui.commands import JumpCommands, SearchCommands
from roam.tui.import_request import ImportKind, ImportRequest, open_data_request
from roam.tui.plain import DropTerminalCommands, shown
from roam.tui.safekeeping import Safekeeping
from roam.tui.session import Session
from roam.tui.settings import DARK_THEME, LIGHT_THEME, Settings
from roam.tui.system_commands import LANGUAGES, roam_commands

if TYPE_CHECKING:
    from roam.exchange.import_summary import ImportSummary


_TERMINAL_GUARD = DropTerminalCommands()


@cache
def _freeze_imports() -> None:
    """Once per process: the modules, classes and functions imported so far live as long as
    the process; out of the collector's sight, its full passes stay short."""
    gc.freeze()


class RoamApp(ScreenNavigation):
    """Open, answer, review and report a national ROAM-X assessment."""

    CSS_PATH = Path(__file__).with_name("roam.tcss")  # absolute: subclasses live elsewhere
    TITLE = "roam"
    COMMANDS = App.COMMANDS | {JumpCommands, SearchCommands}
    COMMAND_PALETTE_BINDING = "ctrl+k"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "help", "Help", priority=True, id="roam.help"),
        # Not a priority: in a text field ctrl+k deletes to the end of the line, as it does
        # in editors; esc leaves the field for the tree, where ctrl+k opens the palette.
        Binding("ctrl+k", "command_palette", "Palette", id="roam.palette"),
        Binding("question_mark", "help", "Help", show=False, id="roam.help_key"),
        Binding("f2", "view('walkthrough')", "Walkthrough", show=False, priority=True,
                id="roam.view.walkthrough"),
        Binding("f3", "view('dashboard')", "Dashboard", show=True, priority=True,
                id="roam.view.dashboard"),
        Binding("f4", "view('review')", "Review", show=False, priority=True,
                id="roam.view.review"),
        Binding("f5", "view('recommendations')", "Recommendations", show=False, priority=True,
                id="roam.view.recommendations"),
        Binding("f6", "view('process')", "Process", show=False, priority=True,
                id="roam.view.process"),
        Binding("f7", "import('review')", "Import review", show=False, priority=True,
                id="roam.import.review"),
        Binding("f8", "import('answers')", "Import answers", show=False, priority=True,
                id="roam.import.answers"),
        Binding("f9", "export", "Export", show=True, priority=True, id="roam.export"),
        Binding("f10", "import('open_data')", "Pre-fill from open data", show=False,
                priority=True, id="roam.prefill"),
        Binding("ctrl+t", "toggle_theme", "Light/dark", show=False, priority=True,
                id="roam.theme"),
        Binding("ctrl+s", "save_as", "Save as…", show=False, id="roam.save_as"),
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True, id="roam.quit"),
    ]  # fmt: skip

    def __init__(
        self,
        path: Path | None = None,
        *,
        language: str | None = None,
        data_dir: Path | None = None,
        read_only: bool = False,
        today: dt.date | None = None,
        overlay_folders: tuple[Path, ...] = (),
    ) -> None:
        super().__init__()
        _freeze_imports()
        self.settings = Settings.load(data_dir)
        self.today = today  # the readiness checks' date; fixed for reproducible pictures
        self.language = language or self.settings.language
        self.start_path = path
        self.start_read_only = read_only
        self.overlay_folders = overlay_folders
        self.session: Session | None = None
        self.walkthrough: Screen[None] | None = None
        self.safekeeping = Safekeeping(self)

    @property
    def who(self) -> str:
        """The name put on history entries and review comments."""
        if self.settings.reviewer:
            return self.settings.reviewer
        try:
            return getpass.getuser()
        except (KeyError, OSError, ImportError):  # no login name, and no pwd (Windows)
            return "roam"

    def get_line_filters(self) -> Sequence[LineFilter]:
        return [*super().get_line_filters(), _TERMINAL_GUARD]

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every notification (widgets' too) as plain text: they quote names and citations.

        ``markup`` is accepted for Textual's signature and ignored: no message of roam's
        uses markup, and a citation ``[/2023 edition]`` in one would crash the app.
        """
        super().notify(
            shown(message), title=shown(title), severity=severity, timeout=timeout, markup=False
        )

    def on_mount(self) -> None:
        if self.settings.theme in (DARK_THEME, LIGHT_THEME):
            self.theme = self.settings.theme
        if self.settings.keys:
            self.set_keymap(self.settings.keys)
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        if not self.is_headless:
            self.safekeeping.register_stop_signals()
        if self.start_path is None:
            self.show_home()
        else:
            # Straight to the walkthrough; the home screen is built only when needed.
            self.open_assessment(self.start_path, read_only=self.start_read_only)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Without an open assessment its views, imports and export are not offered."""
        return self.session is not None or action not in ("view", "export", "import")

    def stop_on_signal(self, number: int) -> None:
        """What SIGTERM (and SIGHUP) do: stop, keeping unsaved answers (safekeeping.py)."""
        self.safekeeping.stop_on_signal(number)

    # -- opening and closing --------------------------------------------------------

    def open_assessment(
        self, path: Path, *, read_only: bool = False, break_lock: bool = False
    ) -> None:
        """Open ``path``; a locked file offers read-only, an unreadable one says why."""
        from roam.assessment.lock import LockedError

        try:
            # Scored by the walkthrough after its first frame: the indicator comes first.
            session = Session.open(
                path, read_only=read_only, break_lock=break_lock, who=self.who, score_now=False
            )
            session.overlay_folders = self.overlay_folders
        except LockedError as exc:
            from roam.tui.screens.dialogs import LockedScreen

            self._home_under_dialog()
            self.push_screen(LockedScreen(exc), self._after_lock_choice(path))
            return
        except RoamError as exc:
            self._home_under_dialog()
            self.show_error(f"Cannot open {path}", exc)
            return
        self.start_session(session)

    def _home_under_dialog(self) -> None:
        if self.session is None and not isinstance(self.screen, ModalScreen):
            self.show_home()

    def _after_lock_choice(self, path: Path) -> Callable[[str | None], None]:
        def chosen(choice: str | None) -> None:
            if choice == "read-only":
                self.open_assessment(path, read_only=True)
            elif choice == "break":
                self.open_assessment(path, break_lock=True)

        return chosen

    def start_session(self, session: Session) -> None:
        """Show ``session`` in the walkthrough, closing any other first."""
        from roam.tui.screens.walkthrough import WalkthroughScreen

        self.close_session()
        session.language = self.language
        session.today = self.today
        self.session = session
        self.settings.remember(session.path)
        self.walkthrough = WalkthroughScreen(
            session, start=self.settings.place(session.path).get("code")
        )
        self.push_screen(self.walkthrough)
        for warning in session.opened.warnings:
            self.notify(str(warning), title="Warning", severity="warning", timeout=8)
        if session.read_only:
            holder = f" ({session.locked_by} is editing it)" if session.locked_by else ""
            self.notify(f"Opened read-only{holder}: changes cannot be made.", timeout=8)
        self.safekeeping.offer_recovery(session)

    def close_session(self) -> None:
        """Commit pending typing, give the lock back, and return to the home screen."""
        from roam.tui.screens.walkthrough import WalkthroughScreen

        if self.session is None:
            return
        self.flush_typing()
        if isinstance(self.walkthrough, WalkthroughScreen):
            self.walkthrough.remember_place()  # before the home screen lists the file
        self.session.close()
        self.session = None
        self.walkthrough = None
        self.show_home()

    def flush_typing(self) -> None:
        from roam.tui.widgets.answer_form import AnswerForm

        if self.walkthrough is not None and self.walkthrough.is_mounted:
            self.walkthrough.query_one(AnswerForm).flush()

    def show_error(self, title: str, error: RoamError) -> None:
        from roam.tui.screens.dialogs import MessageScreen

        self.push_screen(MessageScreen(title, "\n".join(error.lines)))

    async def action_quit(self) -> None:
        """Quit, asking first when the last changes could not be saved."""
        self.leave_session(self._close_and_exit, "quit")

    def _close_and_exit(self) -> None:
        if self.session is not None:
            self.session.close()
            self.session = None
        self.exit()

    def leave_session(self, then: Callable[[], object], leaving: str = "close") -> None:
        """Call ``then`` once nothing unsaved stands in the way (asking if it does)."""
        self.safekeeping.leave(then, leaving)

    def action_save_as(self) -> None:
        if not isinstance(self.screen, ModalScreen):
            self.safekeeping.save_as()

    def refresh_save_marker(self) -> None:
        self.safekeeping.refresh_save_marker()

    def on_unmount(self) -> None:
        if self.session is not None:
            self.session.close()

    def action_export(self) -> None:
        from roam.tui.screens.export import ExportScreen

        if self.session is None:
            self.notify("Open an assessment first.")
            return
        self.flush_typing()
        self.push_screen(ExportScreen(self.session))

    def action_import(self, kind: str) -> None:
        """Import a liaison's review ('review') or a filled template ('answers')."""
        from roam.tui.screens.import_file import ImportFileScreen
        from roam.tui.screens.import_preview import ImportPreviewScreen

        session = self.session
        if session is None:
            self.notify("Open an assessment first.")
            return
        if session.read_only:
            self.notify("Opened read-only: nothing can be imported.", severity="warning")
            return
        if isinstance(self.screen, ModalScreen):
            return
        self.flush_typing()
        self._back_to_walkthrough()

        def imported(summary: ImportSummary | None) -> None:
            if summary is None:
                return
            parked = sum(c.outcome == "parked" for c in summary.conflicts)
            more = (
                f"\n{parked} conflicts wait for the team: ctrl+l, Conflicts to decide"
                if parked
                else ""
            )
            self.notify(summary.headline() + more, title="Imported", timeout=10)

        def chosen(request: ImportRequest | None) -> None:
            if request is not None:
                if request.kind == "open_data":
                    request = open_data_request(request, session)
                self.push_screen(ImportPreviewScreen(session, request), imported)

        kinds: dict[str, ImportKind] = {"review": "review", "open_data": "open_data"}
        kind_name = kinds.get(kind, "answers")
        self.push_screen(ImportFileScreen(kind_name, session.path.parent), chosen)

    # -- preferences --------------------------------------------------------------

    def action_toggle_theme(self) -> None:
        self.theme = LIGHT_THEME if self.theme == DARK_THEME else DARK_THEME

    def _remember_theme(self, theme: object) -> None:
        if self.theme != self.settings.theme:
            self.settings.theme = self.theme
            self.settings.save()

    def set_language(self, language: str) -> None:
        """Show the framework's texts in ``language`` (English where a text lacks it)."""
        from roam.tui.screens.walkthrough import WalkthroughScreen

        self.language = language
        self.settings.language = language
        self.settings.save()
        if self.session is not None:
            self.session.language = language
        if isinstance(self.walkthrough, WalkthroughScreen):
            self.walkthrough.relabel()
        self.notify(f"Framework texts: {LANGUAGES.get(language, language)}")

    def set_reviewer(self, name: str) -> None:
        self.settings.reviewer = name.strip()
        self.settings.save()
        if self.session is not None:
            self.session.who = self.who

    def with_name(self, then: Callable[[str], object], why: str) -> None:
        """Call ``then`` with the user's name, asking for it once if the settings lack it."""
        from roam.tui.screens.dialogs import AskScreen

        if self.settings.reviewer:
            then(self.settings.reviewer)
            return

        def answered(name: str | None) -> None:
            if name is not None and name.strip():
                self.set_reviewer(name)
                then(self.settings.reviewer)

        # Empty, not the computer's account name: "root" is nobody's signature.
        self.push_screen(AskScreen(f"Your name ({why})", self.settings.reviewer), answered)

    def action_ask_name(self) -> None:
        from roam.tui.screens.dialogs import AskScreen

        def answered(name: str | None) -> None:
            if name is not None:
                self.set_reviewer(name)
                self.notify(f"Comments and changes are now signed '{self.who}'")

        self.push_screen(AskScreen("Your name (signs comments and changes)", self.who), answered)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield from roam_commands(self)
