"""Moving between the app's screens: home, the walkthrough, its views, help.

Screens stack as  Home → Walkthrough → (one view: dashboard, review,
recommendations or process); every move keeps that order.  A mixin of
:class:`roam.tui.app.RoamApp`, which holds the session and the walkthrough.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import App
from textual.screen import ModalScreen, Screen

if TYPE_CHECKING:
    from roam.tui.session import FilterName, Session


class ScreenNavigation(App[None]):
    """The home screen, the views of the open assessment, and going back to an indicator."""

    if TYPE_CHECKING:  # given by RoamApp
        session: Session | None
        walkthrough: Screen[None] | None

        def flush_typing(self) -> None: ...

    def show_home(self) -> None:
        """Make the home screen the current one, building it if it was never shown."""
        from roam.tui.screens.home import HomeScreen

        homes = [screen for screen in self.screen_stack if isinstance(screen, HomeScreen)]
        if not homes:
            while len(self.screen_stack) > 1:
                self.pop_screen()
            self.push_screen(HomeScreen())
            return
        while self.screen is not homes[0]:
            self.pop_screen()
        homes[0].refresh_recent()

    def action_view(self, name: str) -> None:
        """Show one of the views of the open assessment."""
        from roam.tui.screens.views import view_screen

        if self.session is None or self.walkthrough is None:
            self.notify("Open an assessment first (n: new, o: open, d: demo).")
            return
        if isinstance(self.screen, ModalScreen):
            return
        if name == "walkthrough":
            self._back_to_walkthrough()
            return
        if type(self.screen).__name__ == view_screen(name).__name__:
            return
        self.flush_typing()
        self._back_to_walkthrough()
        self.push_screen(view_screen(name)(self.session))

    def _back_to_walkthrough(self) -> None:
        while self.walkthrough in self.screen_stack and self.screen is not self.walkthrough:
            self.pop_screen()

    def go_to_indicator(self, code: str) -> None:
        """Show indicator ``code`` in the walkthrough, from anywhere, with the tree focused.

        The next keys then move from that indicator (and Enter opens its form),
        never in a field of the previous one scrolled out of view.
        """
        from roam.tui.screens.walkthrough import WalkthroughScreen

        if self.session is None or not isinstance(self.walkthrough, WalkthroughScreen):
            return
        self._back_to_walkthrough()
        self.walkthrough.go_to(code)
        self.walkthrough.action_focus_tree()

    def search_texts(self, query: str) -> None:
        """Open the walkthrough's search with ``query`` typed in (from the jump's pointer)."""
        from roam.tui.screens.walkthrough import WalkthroughScreen

        if self.session is None or not isinstance(self.walkthrough, WalkthroughScreen):
            return
        self._back_to_walkthrough()
        self.walkthrough.action_search(query)

    def action_help(self) -> None:
        from roam.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def show_filtered(self, name: FilterName) -> None:
        """The walkthrough, showing only the indicators passing filter ``name``."""
        from roam.tui.screens.walkthrough import WalkthroughScreen

        if isinstance(self.walkthrough, WalkthroughScreen):
            self._back_to_walkthrough()
            self.walkthrough.apply_filter(name)
