"""The views of an open assessment besides the walkthrough, by name."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.screen import Screen

if TYPE_CHECKING:
    from roam.tui.session import Session


def view_screen(name: str) -> Callable[[Session], Screen[None]]:
    """The screen class of view ``name``; imported on first use to keep start-up quick."""
    if name == "dashboard":
        from roam.tui.screens.dashboard import DashboardScreen

        return DashboardScreen
    if name == "review":
        from roam.tui.screens.review import ReviewScreen

        return ReviewScreen
    if name == "recommendations":
        from roam.tui.screens.recommendations import RecommendationsScreen

        return RecommendationsScreen
    if name == "process":
        from roam.tui.screens.assessment_process import ProcessScreen

        return ProcessScreen
    raise ValueError(f"no view named {name!r}")
