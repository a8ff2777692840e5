"""The indicator panel and the help say who wrote the texts; no number passes for UNESCO's."""

from __future__ import annotations

import shutil
from pathlib import Path

from roam.assessment.create import new_assessment
from roam.assessment.storage import save_assessment
from roam.framework import load_framework
from roam.framework.loader import indicators_root
from roam.tui.app import RoamApp
from roam.tui.screens.help import HelpScreen
from roam.tui.screens.walkthrough import WalkthroughScreen
from roam.tui.widgets.indicator_info import IndicatorInfo
from tests.editions.sourced import RATIONALE, STATEMENT, STATEMENT_FR, sourced_mini
from tests.helpers.tui import CREATED, ui_test

EXAMPLE = indicators_root() / "overlays" / "example.overlay.yaml"

SIZE = (120, 40)


def _sourced_file(tmp_path: Path) -> Path:
    framework = load_framework(sourced_mini(tmp_path))
    path = tmp_path / "kenya.yaml"
    assessment = new_assessment(
        framework, country="Kenya", iso="KEN", scope="full", path=path, created=CREATED
    )
    save_assessment(assessment, path, framework)
    return path


@ui_test
async def test_panel_shows_provenance_unesco_refs_only_and_goalpost_rationale(
    tmp_path: Path,
) -> None:
    app = RoamApp(_sourced_file(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, WalkthroughScreen)
        info = screen.query_one(IndicatorInfo)
        screen.go_to("R.A.1.a")
        await pilot.pause()
        assert "UNESCO B.7 (question)" in info.plain
        assert f"About this text written for roam. {STATEMENT}" in info.plain
        screen.go_to("R.B.1.a")  # no UNESCO reference recorded: no number at all
        await pilot.pause()
        assert "UNESCO" not in info.plain and "question R." not in info.plain
        screen.go_to("R.A.2.a")
        await pilot.pause()
        assert f"Why these goalposts {RATIONALE}" in info.plain
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        shown = " ".join(str(static.render()) for static in app.screen.query(".legend"))
        assert f"About the texts (mini 1.0): {STATEMENT}" in shown


@ui_test
async def test_panel_speaks_french_about_the_texts(tmp_path: Path) -> None:
    app = RoamApp(_sourced_file(tmp_path), language="fr")
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, WalkthroughScreen)
        screen.go_to("R.A.1.a")
        await pilot.pause()
        assert f"rédigé pour roam. {STATEMENT_FR}" in screen.query_one(IndicatorInfo).plain


def _built_in_file(tmp_path: Path) -> Path:
    framework = load_framework()
    path = tmp_path / "kenya.yaml"
    assessment = new_assessment(
        framework, country="Kenya", iso="KEN", scope="core", path=path, created=CREATED
    )
    save_assessment(assessment, path, framework)
    return path


@ui_test
async def test_panel_shows_an_overlays_official_text_beside_roams(tmp_path: Path) -> None:
    path = _built_in_file(tmp_path)
    shutil.copy(EXAMPLE, tmp_path / EXAMPLE.name)
    app = RoamApp(path)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, WalkthroughScreen)
        screen.go_to("R.B.1.a")
        await pilot.pause()
        info = screen.query_one(IndicatorInfo).plain
        assert "UNESCO X.0 (question)" in info and "UNESCO X.0.1 (indicator)" in info
        assert "UNESCO's text (indicator; an example overlay: made-up text" in info
        assert "The legal guarantee of freedom of expression" in info  # roam's own, still shown


@ui_test
async def test_a_broken_overlay_is_reported_with_its_line_and_not_used(tmp_path: Path) -> None:
    path = _built_in_file(tmp_path)
    (tmp_path / "team.overlay.yaml").write_bytes(
        b'edition: {id: roam-x-2018, version: "2018.2"}\n'
        b"source: {title: A publication, year: 2019}\n"
        b"items:\n  - {code: R.B.9, unesco_ref: B.9}\n"
    )
    app = RoamApp(path)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, WalkthroughScreen)
        screen.go_to("R.B.1.a")
        await pilot.pause()
        info = screen.query_one(IndicatorInfo).plain
        assert "Official texts not shown: " in info and "team.overlay.yaml:4:12:" in info
        assert "has no item 'R.B.9'" in info
        assert "UNESCO" not in info.split("About this text")[0]


@ui_test
async def test_panel_shows_an_overlay_from_a_folder_given_on_the_command_line(
    tmp_path: Path,
) -> None:
    path = _built_in_file(tmp_path)
    folder = tmp_path / "official"
    folder.mkdir()
    shutil.copy(EXAMPLE, folder / EXAMPLE.name)
    app = RoamApp(path, overlay_folders=(folder,))
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, WalkthroughScreen)
        screen.go_to("R.B.1.a")
        await pilot.pause()
        info = screen.query_one(IndicatorInfo).plain
        assert "UNESCO X.0.1 (indicator)" in info


def test_roam_assess_takes_overlay_folders(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from roam.cli import main

    result = CliRunner().invoke(main, ["assess", "--help"])
    assert "--overlay" in result.output
    missing = CliRunner().invoke(main, ["assess", "--overlay", str(tmp_path / "nowhere")])
    assert missing.exit_code == 2
