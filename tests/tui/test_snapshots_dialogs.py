"""Pictures of the small dialogs at 80x24: a message, a confirmation, a question, the lock.

Each is reached as a user meets it where a key or a file leads there; update them as
test_snapshots.py says.  No picture holds a temporary folder's name: files are opened
by a name relative to the test's current folder.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from roam.assessment.lock import LockedError, LockInfo
from roam.tui.app import RoamApp
from tests.helpers.tui import TODAY, steady_cursor

SMALL = (80, 24)


def test_message_for_a_file_that_cannot_be_opened(
    snap_compare: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "kenya.yaml").write_bytes(b"country: Kenya\niso: [KEN\n")
    monkeypatch.chdir(tmp_path)
    assert snap_compare(RoamApp(Path("kenya.yaml"), today=TODAY), terminal_size=SMALL)


def test_confirm_removing_a_recommendation(snap_compare: Any, demo_file: Path) -> None:
    app = RoamApp(demo_file, today=TODAY)
    assert snap_compare(app, press=["f5", "x"], terminal_size=SMALL)


def test_ask_for_the_name_that_signs_comments(snap_compare: Any, demo_file: Path) -> None:
    """The first review comment asks who signs it (the settings have no name yet)."""

    async def comment(pilot: Pilot[Any]) -> None:
        await pilot.press("f4")
        await pilot.pause()
        pilot.app.screen.query_one("#comment").focus()
        await pilot.press(*"Which law?", "ctrl+s")
        await pilot.pause()
        await steady_cursor(pilot)

    app = RoamApp(demo_file, today=TODAY)
    assert snap_compare(app, terminal_size=SMALL, run_before=comment)


def test_locked_by_a_session_that_has_ended(snap_compare: Any) -> None:
    """Opening a file whose editor's process is gone: read-only, or break the lock."""
    holder = LockInfo(
        pid=4242,
        host="field-laptop",
        user="wanjiru",
        time="2024-05-31T17:45:00+03:00",
        token="0" * 32,
    )
    error = LockedError(Path("kenya.yaml"), holder, "gone")

    async def locked(pilot: Pilot[Any]) -> None:
        from roam.tui.screens.dialogs import LockedScreen

        await pilot.pause()
        pilot.app.push_screen(LockedScreen(error))

    assert snap_compare(RoamApp(today=TODAY), terminal_size=SMALL, run_before=locked)
