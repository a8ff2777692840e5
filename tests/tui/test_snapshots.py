"""Pictures of the main screens at 80x24 and 120x40, in the dark and light themes.

The demo assessment has fixed dates and the readiness checks a fixed "today",
so the pictures are the same on every run.  Update them after a deliberate
change with ``pytest tests/tui/test_snapshots.py --snapshot-update`` and look
at the new SVGs before committing them.  The dialogs are in
test_snapshots_dialogs.py.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from roam.tui.app import RoamApp
from roam.tui.settings import SETTINGS_FILE
from tests.helpers.tui import TODAY, steady_cursor

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


def pressing(*keys: str) -> Callable[[Pilot[Any]], Awaitable[None]]:
    """A run_before that presses ``keys``, then steadies the cursors of the screen shown."""

    async def run(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        await pilot.press(*keys)
        await pilot.pause()
        await steady_cursor(pilot)

    return run


async def tree_listed(pilot: Pilot[Any]) -> None:
    """Wait until the file picker's folder tree has listed its folder (a worker reads it)."""
    from textual.widgets import DirectoryTree

    tree = pilot.app.screen.query_one(DirectoryTree)
    for _ in range(100):
        await pilot.pause(0.02)
        if tree.root.children:
            break
    await steady_cursor(pilot)


async def go_to(pilot: Pilot[Any], code: str) -> None:
    """Jump to indicator ``code`` with ctrl+g, as a user would."""
    await pilot.press("ctrl+g")
    await pilot.pause()
    await pilot.press(*code, "enter")
    await pilot.pause()


@pytest.mark.parametrize("size", [SMALL, LARGE], ids=["80x24", "120x40"])
def test_recommendations(snap_compare: Any, demo_file: Path, size: tuple[int, int]) -> None:
    assert snap_compare(demo_app(demo_file), press=["f5"], terminal_size=size)


def test_process(snap_compare: Any, demo_file: Path) -> None:
    assert snap_compare(demo_app(demo_file), press=["f6"], terminal_size=LARGE)


def test_filter_picker(snap_compare: Any, demo_file: Path) -> None:
    assert snap_compare(demo_app(demo_file), press=["ctrl+l"], terminal_size=SMALL)


def test_evidence_form(snap_compare: Any, demo_file: Path) -> None:
    """The record form, as ctrl+r opens it for a new evidence item."""
    assert snap_compare(demo_app(demo_file), terminal_size=SMALL, run_before=pressing("ctrl+r"))


def test_recommendation_form(snap_compare: Any, demo_file: Path) -> None:
    """The record form of a recommendation: text, stakeholder groups, priority, indicators."""
    app = demo_app(demo_file)
    assert snap_compare(app, terminal_size=LARGE, run_before=pressing("f5", "a"))


def test_conflict(snap_compare: Any, demo_file: Path) -> None:
    """The demo's R.E.3.a holds two researchers' versions side by side."""

    async def decide(pilot: Pilot[Any]) -> None:
        await go_to(pilot, "R.E.3.a")
        await pilot.press("ctrl+d")

    assert snap_compare(demo_app(demo_file), terminal_size=LARGE, run_before=decide)


def test_export(snap_compare: Any, demo_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The report's default file is under the current folder, shown in full: the
    # filesystem's root, so that no temporary folder's name is in the picture.
    monkeypatch.chdir(demo_file.anchor)
    assert snap_compare(demo_app(demo_file), terminal_size=SMALL, run_before=pressing("f9"))


def test_new_assessment(snap_compare: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(Path.cwd().anchor)  # the default file's folder, named in the form
    assert snap_compare(RoamApp(today=TODAY), terminal_size=SMALL, run_before=pressing("n"))


def files_to_pick(folder: Path) -> None:
    """A folder as a team keeps it: assessments, a reports folder, a reviewed workbook."""
    (folder / "reports").mkdir()
    (folder / "reports" / "XEX-2024-05-20.xlsx").write_bytes(b"")
    (folder / "kenya-2025.yaml").write_bytes(b"")
    (folder / "reviewed.xlsx").write_bytes(b"")
    (folder / "notes.txt").write_bytes(b"")


def test_open_file(snap_compare: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The file picker of the home screen's "o", on a folder named relatively."""
    from roam.tui.screens.open_file import OpenFileScreen

    folder = tmp_path / "assessments"
    folder.mkdir()
    files_to_pick(folder)
    monkeypatch.chdir(tmp_path)

    async def pick(pilot: Pilot[Any]) -> None:
        # The home screen's "o" opens the picker on the current folder's absolute path;
        # the same screen on a relative one keeps the temporary path out of the picture.
        pilot.app.push_screen(OpenFileScreen(Path("assessments")))
        await pilot.pause()
        await tree_listed(pilot)

    assert snap_compare(RoamApp(today=TODAY), terminal_size=SMALL, run_before=pick)


def test_import_file(snap_compare: Any, demo_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """f7 asks for the liaison's workbook in the assessment's folder."""
    files_to_pick(demo_file.parent)
    monkeypatch.chdir(demo_file.parent)  # the file opened by a relative name, as typed

    async def review(pilot: Pilot[Any]) -> None:
        await pilot.press("f7")
        await pilot.pause()
        await tree_listed(pilot)

    app = RoamApp(Path(demo_file.name), today=TODAY)
    assert snap_compare(app, terminal_size=SMALL, run_before=review)


FILLED = {
    "C.6.1.c": {"value": 31.5, "year": 2023, "justification": "ITU table 4, 2023 edition."},
    "R.A.1.a": {"level": "Initial", "justification": "A draft exists; nothing in force yet."},
    "R.F.3.b": {"level": "very high"},
}


def test_import_preview(
    snap_compare: Any, demo_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """f8 on a filled template: what would change, and the conflicts, before anything is saved."""
    import openpyxl
    from textual.widgets import Static

    from roam.assessment.loader import load_assessment
    from roam.framework.loader import load_framework
    from roam.workbooks.template_writer import write_template
    from tests.helpers.exchange_workbooks import edit_workbook, fill_answers

    assessment = load_assessment(demo_file)
    template = demo_file.with_name("template.xlsx")
    write_template(assessment, load_framework(), list(assessment.answers), template)

    def fill(workbook: openpyxl.Workbook) -> None:
        fill_answers(workbook["Answers"], FILLED)
        workbook.properties.lastModifiedBy = "Amina Odhiambo"

    edit_workbook(template, demo_file.with_name("filled.xlsx"), fill)
    monkeypatch.chdir(demo_file.parent)

    async def preview(pilot: Pilot[Any]) -> None:
        await pilot.press("f8", *"filled.xlsx", "enter")
        status = pilot.app.screen.query_one("#import-status", Static)
        for _ in range(200):  # the preview reads the workbook in a worker
            await pilot.pause(0.05)
            if not str(status.render()).startswith("Reading"):
                break
        await pilot.pause()

    app = RoamApp(Path(demo_file.name), today=TODAY)
    assert snap_compare(app, terminal_size=LARGE, run_before=preview)


def test_review_rejected(snap_compare: Any, demo_file: Path) -> None:
    """The "Rejected" filter with an answer the liaison rejected in an imported review."""
    import datetime as dt

    from roam.assessment.answer_edits import set_answer_field
    from roam.assessment.loader import load_assessment
    from roam.assessment.model import Comment
    from roam.assessment.storage import save_assessment

    assessment = load_assessment(demo_file)
    answer = assessment.answers["R.B.1.a"]
    moment = dt.datetime(2024, 6, 1, 12, 0, tzinfo=dt.UTC)
    text = "Rejected: the 2020 Act was amended in 2023."
    answer.review.thread.append(
        Comment(author="Marie Dupont", role="liaison", time=moment, text=text, decision="reject")
    )
    set_answer_field(answer, "review.state", "queried", "Marie Dupont", moment)
    save_assessment(assessment, demo_file)
    press = ["f4", "ctrl+l", "ctrl+l"]  # assessed, queried, rejected
    assert snap_compare(demo_app(demo_file), press=press, terminal_size=LARGE)
