"""Pictures of the main screens at 80x24 and 120x40, in the dark and light themes.

The demo assessment has fixed dates and the readiness checks a fixed "today",
so the pictures are the same on every run.  Update them after a deliberate
change with ``pytest tests/tui/test_snapshots.py --snapshot-update`` and look
at the new SVGs before committing them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from roam.tui.app import RoamApp
from roam.tui.settings import SETTINGS_FILE
from tests.helpers.tui import TODAY

SMALL = (80, 24)
LARGE = (120, 40)


def demo_app(demo_file: Path) -> RoamApp:
    return RoamApp(demo_file, today=TODAY)


async def light(pilot: Pilot[Any]) -> None:
    pilot.app.theme = "textual-light"


@pytest.mark.parametrize("size", [SMALL, LARGE], ids=["80x24", "120x40"])
def test_walkthrough(snap_compare: Any, demo_file: Path, size: tuple[int, int]) -> None:
    assert snap_compare(demo_app(demo_file), terminal_size=size)


def test_walkthrough_light(snap_compare: Any, demo_file: Path) -> None:
    assert snap_compare(demo_app(demo_file), terminal_size=SMALL, run_before=light)


@pytest.mark.parametrize("size", [SMALL, LARGE], ids=["80x24", "120x40"])
def test_dashboard(snap_compare: Any, demo_file: Path, size: tuple[int, int]) -> None:
    assert snap_compare(demo_app(demo_file), press=["f3"], terminal_size=size)


def test_review(snap_compare: Any, demo_file: Path) -> None:
    assert snap_compare(demo_app(demo_file), press=["f4"], terminal_size=LARGE)


def test_help_light(snap_compare: Any, demo_file: Path) -> None:
    assert snap_compare(demo_app(demo_file), press=["f1"], terminal_size=SMALL, run_before=light)


def test_home(snap_compare: Any, data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    recent = ["/srv/assessments/kenya-2025.yaml", "/srv/assessments/ghana-2024.yaml"]
    (data_dir / SETTINGS_FILE).write_text(json.dumps({"recent": recent}), encoding="utf-8")
    assert snap_compare(RoamApp(), terminal_size=SMALL)


DISK_FULL = "examplia.yaml: cannot save: No space left on device; the previous version is unchanged"


async def failed_save(pilot: Pilot[Any]) -> None:
    """The state after a save refused for a full disk (the message as roam words it)."""
    app = pilot.app
    assert isinstance(app, RoamApp) and app.session is not None
    app.session.save_state = "failed"
    app.session.save_error = DISK_FULL
    app.refresh_save_marker()


def test_quit_with_unsaved_work(snap_compare: Any, demo_file: Path) -> None:
    app = demo_app(demo_file)
    assert snap_compare(app, press=["ctrl+q"], terminal_size=SMALL, run_before=failed_save)


def test_save_as(snap_compare: Any, demo_file: Path) -> None:
    assert snap_compare(demo_app(demo_file), press=["ctrl+s"], terminal_size=SMALL)


def test_recovery_offered(snap_compare: Any, demo_file: Path) -> None:
    from roam.assessment.editing_session import open_assessment
    from roam.assessment.recovery import write_recovery

    with open_assessment(demo_file, read_only=True) as opened:
        record = opened.assessment.model_copy(deep=True)
        for code in ("R.A.1.a", "R.A.1.b"):
            record.answers[code].justification = "Typed before the terminal closed."
        write_recovery(demo_file, record, opened.framework)
    assert snap_compare(demo_app(demo_file), terminal_size=SMALL)
