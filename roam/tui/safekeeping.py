"""Nothing lost on the way out: unsaved work on quit, Save as, signals and the recovery file.

Every change is saved at once, so there is only something to lose after a save
failed (disk full, the file changed by another program, no permission).  Then:

* quitting or closing asks: Save (again), Save as…, Discard, or Cancel;
* Save as… writes the answers to a new file, locks it and goes on there;
* a signal (SIGTERM; SIGHUP where it exists) cannot ask anyone, so what still
  cannot be saved goes to a recovery file beside the assessment
  (:mod:`roam.assessment.recovery`), which the next open offers to restore.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from roam.errors import RoamError

if TYPE_CHECKING:
    from asyncio import AbstractEventLoop
    from types import FrameType

    from roam.assessment.recovery import Recovery
    from roam.tui.app import RoamApp
    from roam.tui.session import Session

# Signals that ask roam to stop (the terminal closed, a shutdown), by name: not every
# platform has each (Windows has no SIGHUP).
STOP_SIGNALS = ("SIGTERM", "SIGHUP")


class Safekeeping:
    """The app's side of keeping work: dialogs before leaving, and stopping on a signal."""

    def __init__(self, app: RoamApp) -> None:
        self.app = app
        self.stopping = False  # a signal's stop has begun; another signal adds nothing

    # -- leaving with unsaved work ---------------------------------------------------

    def leave(self, then: Callable[[], object], leaving: str = "close") -> None:
        """Call ``then`` once nothing unsaved stands in the way (asking the user if it does)."""
        from roam.tui.screens.dialogs import ConfirmScreen
        from roam.tui.screens.save_dialogs import SaveAsScreen, UnsavedWorkScreen

        app = self.app
        if any(isinstance(s, UnsavedWorkScreen | SaveAsScreen) for s in app.screen_stack):
            return  # asked already, or a file name is being chosen
        app.flush_typing()
        session = app.session
        if session is not None and session.refused and not session.unsaved:
            question = f"What you typed is not stored: {session.refused}. {leaving.title()} anyway?"

            def confirmed(yes: bool | None) -> None:
                if yes:
                    then()

            app.push_screen(ConfirmScreen(question), confirmed)
            return
        if session is None or not session.unsaved:
            then()
            return

        def chosen(choice: str | None) -> None:
            if choice == "discard":
                then()
            elif choice == "save":
                if session.save():
                    self.refresh_save_marker()
                    then()
                else:
                    self.leave(then, leaving)  # asked again, with the new reason
            elif choice == "save-as":
                self.save_as(lambda saved: then() if saved else self.leave(then, leaving))

        error = session.save_error or "The last changes are not in the file yet."
        app.push_screen(UnsavedWorkScreen(session.path.name, error, leaving), chosen)

    def save_as(self, then: Callable[[bool], object] | None = None) -> None:
        """Ask for a new file name and go on editing there; ``then(saved)`` afterwards."""
        from roam.tui.screens.save_dialogs import SaveAsScreen

        app = self.app
        session = app.session
        if session is None:
            app.notify("Open an assessment first.")
            return
        if session.read_only:
            app.notify("Opened read-only: nothing to save.", severity="warning")
            return
        app.flush_typing()

        def done(path: Path | None) -> None:
            if path is not None:
                app.settings.remember(path)
                self.refresh_save_marker()
                app.notify(f"Saved as {path}; roam goes on editing it.", timeout=8, markup=False)
            if then is not None:
                then(path is not None)

        app.push_screen(SaveAsScreen(session), done)

    def save_now(self) -> None:
        """Try the failed save again (every change is saved at once otherwise)."""
        app = self.app
        session = app.session
        if session is None or session.read_only:
            return
        app.flush_typing()
        if session.save():
            app.notify(f"Saved {session.path.name}.", markup=False)
        else:
            app.notify(
                session.save_error, title="Not saved", severity="error", timeout=10, markup=False
            )
        self.refresh_save_marker()

    def refresh_save_marker(self) -> None:
        """Redraw the saved-state marker of every screen that shows it."""
        from roam.tui.widgets.top_bar import TopBar

        for screen in self.app.screen_stack:
            for bar in screen.query(TopBar):
                bar.refresh_state()

    # -- signals --------------------------------------------------------------------

    def register_stop_signals(self) -> None:
        """A closed terminal, a dropped SSH link or a shutdown stops roam without losing work.

        Only the signals this platform has are registered.  Where the event loop
        cannot take signal handlers (Windows), Python's own handler hands the
        stop over to the loop.
        """
        import asyncio
        import signal

        loop = asyncio.get_running_loop()
        for name in STOP_SIGNALS:
            number = getattr(signal, name, None)
            if number is None:
                continue
            try:
                loop.add_signal_handler(number, self.stop_on_signal, number)
            except (NotImplementedError, RuntimeError, ValueError):
                with contextlib.suppress(OSError, RuntimeError, ValueError):
                    signal.signal(number, self._python_handler(loop))

    def _python_handler(self, loop: AbstractEventLoop) -> Callable[[int, FrameType | None], None]:
        def handler(number: int, frame: FrameType | None) -> None:
            loop.call_soon_threadsafe(self.stop_on_signal, number)

        return handler

    def stop_on_signal(self, number: int) -> None:
        """Stop at once, as a signal asks: save what can be, keep the rest in a recovery file.

        Nobody can be asked now (the terminal may be gone), so unsaved answers
        that still cannot be saved go to the recovery file beside the assessment,
        which the next open offers to restore.
        """
        if self.stopping:
            return
        self.stopping = True
        app = self.app
        message = ""
        session = app.session
        if session is not None:
            app.flush_typing()
            if session.unsaved and not session.save():
                message = _keep_for_recovery(session)
            session.close()
            app.session = None
        app.exit(return_code=1 if message else 0, message=message or None)

    # -- the recovery file ----------------------------------------------------------

    def offer_recovery(self, session: Session) -> None:
        """Say so when a stopped session left unsaved answers beside the file; offer them."""
        from roam.assessment.recovery import discard_recovery
        from roam.tui.screens.save_dialogs import RecoveryScreen

        app = self.app
        try:
            recovery = session.recovery()
        except RoamError as exc:
            app.show_error("A recovery file cannot be read", exc)
            return
        if recovery is None:
            return
        if session.read_only:
            app.notify(
                f"{recovery.path.name} holds unsaved answers of this assessment: "
                "open it for editing to restore them.",
                severity="warning",
                timeout=12,
                markup=False,
            )
            return

        def chosen(choice: str | None) -> None:
            if app.session is not session:
                return
            if choice == "restore":
                if not self._restore(session, recovery):
                    return
            elif choice == "keep-file":
                discard_recovery(recovery)
                message = f"{recovery.path.name} deleted; {session.path.name} is unchanged."
                app.notify(message, markup=False)
            else:
                message = f"{recovery.path.name} is kept; roam asks again next time."
                app.notify(message, markup=False)
                return
            self.offer_recovery(session)  # a later one, if a stop happened again since

        app.push_screen(RecoveryScreen(session.path.name, recovery), chosen)

    def _restore(self, session: Session, recovery: Recovery) -> bool:
        from roam.tui.screens.walkthrough import WalkthroughScreen

        app = self.app
        restored = session.restore(recovery)
        # A new walkthrough: every label, count and field shows the restored record.
        walkthrough = WalkthroughScreen(session)
        if app.screen is app.walkthrough:
            app.switch_screen(walkthrough)
            app.walkthrough = walkthrough
        if restored:
            app.notify(f"Restored the answers kept in {recovery.path.name}.", markup=False)
        else:
            app.notify(
                session.save_error, title="Restored, NOT SAVED", severity="error", markup=False
            )
        return restored


def _keep_for_recovery(session: Session) -> str:
    """Write the recovery file; the message to leave on the terminal either way."""
    try:
        where = session.write_recovery()
    except RoamError as exc:
        return f"roam: stopped; the last changes are LOST: {session.save_error}; {exc}"
    return (
        f"roam: stopped; {session.path.name} could not be saved ({session.save_error}). "
        f"The answers are kept in {where}; open {session.path.name} again to restore them."
    )
