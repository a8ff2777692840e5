"""roam's entries in the command palette (ctrl+k), after Textual's own.

Every action a key does is here too, with its key, so the palette is also a
list of what can be done; the assessment's entries only while one is open.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from textual.app import SystemCommand

from roam.tui.session import FILTER_LABELS

if TYPE_CHECKING:
    from roam.tui.app import RoamApp

VIEWS = ("walkthrough", "dashboard", "review", "recommendations", "process")
LANGUAGES = {"en": "English", "fr": "Français"}


def roam_commands(app: RoamApp) -> Iterator[SystemCommand]:
    """The palette's entries for the preferences and the open assessment of ``app``."""
    yield SystemCommand("Toggle light/dark theme", "ctrl+t", app.action_toggle_theme)
    for code, name in LANGUAGES.items():
        yield SystemCommand(
            f"Language: {name}",
            "Framework texts in this language (English where missing)",
            lambda language=code: app.set_language(language),
        )
    yield SystemCommand("Set your name", "Signs review comments", app.action_ask_name)
    if app.session is None:
        return
    for view, key in zip(VIEWS, ("f2", "f3", "f4", "f5", "f6"), strict=True):
        yield SystemCommand(f"Open {view}", key, lambda name=view: app.action_view(name))
    for name, label in FILTER_LABELS.items():
        yield SystemCommand(
            f"Filter: {label}", "Show only these indicators", lambda f=name: app.show_filtered(f)
        )
    yield SystemCommand(
        "Import a liaison's review (Excel)",
        "f7: decisions and comments from a report made by roam",
        lambda: app.action_import("review"),
    )
    yield SystemCommand(
        "Import a filled template (Excel)",
        "f8: answers from a data-collection template",
        lambda: app.action_import("answers"),
    )
    yield SystemCommand(
        "Pre-fill from open data…",
        "f10: World Bank or tidy CSV figures into empty answers, as drafts",
        lambda: app.action_import("open_data"),
    )
    yield SystemCommand("Export to Excel", "f9", app.action_export)
    yield SystemCommand(
        "Save as…",
        "ctrl+s: write the answers to a new file and go on there",
        app.safekeeping.save_as,
    )
    if app.session.unsaved:
        yield SystemCommand("Save again", "Try the failed save once more", app.safekeeping.save_now)
    yield SystemCommand(
        "Close this assessment",
        "Back to the home screen",
        lambda: app.leave_session(app.close_session),
    )
