"""`roam assess FILE` on a changed file: the walkthrough opens on the child's reading."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from roam.assessment import read_ahead
from roam.assessment.read_ahead import start_read_ahead
from roam.tui.app import RoamApp
from roam.tui.screens.walkthrough import WalkthroughScreen
from tests.tui.helpers import ui_test

SIZE = (120, 40)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the read-ahead needs os.fork")
@pytest.mark.usefixtures("cache_dir")
@ui_test
async def test_a_file_read_ahead_opens_without_being_parsed_in_the_tui(
    mini_file: Path, parses: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(read_ahead, "_usable_cpus", lambda: 2)
    handle = start_read_ahead(mini_file)
    assert handle is not None
    app = RoamApp(mini_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, WalkthroughScreen)
        assert screen.code == screen.session.codes[0]
        assert screen.session.report is not None
    assert parses == []
    assert handle.exit_status is not None and os.waitstatus_to_exitcode(handle.exit_status) == 0
