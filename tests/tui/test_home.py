"""The home screen, recent files, new assessments, the demo, locks and the command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from textual.widgets import Input, OptionList, Select, Static

from roam.assessment.editing_session import open_assessment
from roam.cli.main import main
from roam.tui.app import RoamApp
from roam.tui.screens.dialogs import LockedScreen, MessageScreen
from roam.tui.screens.home import DEMO_FILE, HomeScreen
from roam.tui.screens.new_assessment import NewAssessmentScreen
from roam.tui.screens.walkthrough import WalkthroughScreen
from roam.tui.settings import SETTINGS_FILE
from roam.tui.widgets.answer_form import AnswerForm
from roam.tui.widgets.choice_set import ChoiceSet
from tests.helpers.tui import MINI, choose, saved, type_text, ui_test

SIZE = (120, 40)


@ui_test
async def test_opened_files_are_remembered_in_the_data_dir(mini_file: Path, data_dir: Path) -> None:
    app = RoamApp(mini_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+q")
    remembered = json.loads((data_dir / SETTINGS_FILE).read_text(encoding="utf-8"))
    assert remembered["recent"] == [str(mini_file.resolve())]
    home_app = RoamApp()
    async with home_app.run_test(size=SIZE) as pilot:
        assert isinstance(home_app.screen, HomeScreen)
        recent = home_app.screen.query_one("#recent", OptionList)
        assert recent.get_option_at_index(0).id == str(mini_file.resolve())
        recent.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(home_app.screen, WalkthroughScreen)


@ui_test
async def test_new_assessment_from_the_home_screen(tmp_path: Path) -> None:
    target = tmp_path / "ghana.yaml"
    app = RoamApp()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        form = app.screen
        assert isinstance(form, NewAssessmentScreen)
        await type_text(pilot, "Ghana")
        await pilot.press("tab")
        await type_text(pilot, "gh")  # too short: refused with the reason
        form.query_one("#file", Input).value = str(target)
        await choose(pilot, form.query_one("#edition", Select), "other")
        form.query_one("#edition-path", Input).value = str(MINI)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "alpha-3" in str(form.query_one("#error-iso", Static).render())
        form.query_one("#iso", Input).value = "gha"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, WalkthroughScreen)
    data = saved(target)
    assert (data["country"], data["iso"], data["scope"]) == ("Ghana", "GHA", "core")
    assert data["framework"]["id"] == "mini"
    # Core scope: the core indicators plus the contextual one.
    assert list(data["answers"]) == ["C.1.1.a", "R.A.1.a", "R.A.2.a", "O.A.1.a"]


@ui_test
async def test_the_start_list_works_with_enter_and_the_mouse() -> None:
    app = RoamApp()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")  # the first entry: a new assessment
        await pilot.pause()
        assert isinstance(app.screen, NewAssessmentScreen)
        await pilot.press("escape")
        await pilot.click("#actions", offset=(4, 2))  # the second entry: open a file
        await pilot.pause()
        assert type(app.screen).__name__ == "OpenFileScreen"


@ui_test
async def test_the_demo_opens_from_the_home_screen(data_dir: Path) -> None:
    app = RoamApp()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("d")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, WalkthroughScreen)
        assert screen.session.assessment.country == "Republic of Examplia"
        assert len(screen.session.codes) == 303
    assert (data_dir / DEMO_FILE).is_file()


@ui_test
async def test_a_locked_file_offers_read_only(mini_file: Path) -> None:
    holder = open_assessment(mini_file)  # another roam is editing the file
    try:
        before = mini_file.read_bytes()
        app = RoamApp(mini_file)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            dialog = app.screen
            assert isinstance(dialog, LockedScreen)
            assert "open for editing by" in str(dialog.query_one(".dialog-body", Static).render())
            await pilot.press("r")
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, WalkthroughScreen)
            assert screen.session.read_only
            assert "read-only" in str(screen.query_one("#save-marker", Static).render())
            assert screen.query_one(AnswerForm).query_one("#status", ChoiceSet).disabled
            await pilot.press("ctrl+z")
        assert mini_file.read_bytes() == before
    finally:
        holder.close()


@ui_test
async def test_a_dead_editors_lock_is_broken_with_b(mini_file: Path) -> None:
    from tests.helpers.assessment_builders import lock_left_by_a_dead_process

    dead = lock_left_by_a_dead_process(mini_file)
    app = RoamApp(mini_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, LockedScreen)
        assert f"process {dead}" in str(dialog.query_one(".dialog-body", Static).render())
        await pilot.press("b")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, WalkthroughScreen)
        assert not screen.session.read_only


@ui_test
async def test_a_broken_file_says_why_without_a_traceback(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("country: [unclosed\n", encoding="utf-8")
    app = RoamApp(broken)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, MessageScreen)
        assert "broken.yaml" in app.screen.body
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


def test_assess_refuses_a_missing_file_in_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["assess", str(tmp_path / "nowhere.yaml")])
    assert result.exit_code == 2
    assert "nowhere.yaml: no such file" in result.output


@ui_test
async def test_the_new_file_placeholder_stays_and_the_default_is_said_in_full(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = RoamApp()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        form = app.screen
        assert isinstance(form, NewAssessmentScreen)
        file_input = form.query_one("#file", Input)
        placeholder = file_input.placeholder
        await type_text(pilot, "Ghana")
        await pilot.press("tab")
        for letter in "gha":
            await type_text(pilot, letter)
            await pilot.pause()
            assert file_input.placeholder == placeholder  # never changes while typing
        hint = str(form.query_one("#file-default", Static).render())
        assert hint == f"Left empty: {tmp_path / 'gha-assessment.yaml'}"
        await choose(pilot, form.query_one("#edition", Select), "other")
        form.query_one("#edition-path", Input).value = str(MINI)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, WalkthroughScreen)
    assert saved(tmp_path / "gha-assessment.yaml")["iso"] == "GHA"
