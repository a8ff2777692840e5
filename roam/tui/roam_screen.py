"""The one way a screen reaches the roam app: a typed ``roam_app``.

Textual types ``Screen.app`` as any :class:`~textual.app.App`; roam's screens
need :class:`~roam.tui.app.RoamApp`'s settings, session and moves.  Every
screen that does derives from :class:`RoamScreen` or :class:`RoamModalScreen`
(tests/tui/test_roam_screen.py checks), instead of casting ``self.app`` each
in its own way.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

from textual.screen import ModalScreen, Screen

if TYPE_CHECKING:
    from roam.tui.app import RoamApp

ResultT = TypeVar("ResultT")


def roam_app_of(screen: Screen[Any]) -> RoamApp:
    """The app running ``screen``; a TypeError if it is not roam's (a screen run elsewhere)."""
    from roam.tui.app import RoamApp  # not at the top: a screen must not load the app

    app = screen.app
    if not isinstance(app, RoamApp):
        raise TypeError(f"{type(screen).__name__} runs only in roam's app, not {type(app)}")
    return app


class RoamScreen(Screen[ResultT]):
    """A full screen of roam's app."""

    @property
    def roam_app(self) -> RoamApp:
        return roam_app_of(self)


class RoamModalScreen(ModalScreen[ResultT]):
    """A dialog of roam's app."""

    @property
    def roam_app(self) -> RoamApp:
        return roam_app_of(self)
