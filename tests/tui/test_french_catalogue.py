"""The built-in catalogue in French: the indicator panel shows roam's French texts."""

from __future__ import annotations

from pathlib import Path

from roam.assessment.create import new_assessment
from roam.assessment.storage import save_assessment
from roam.framework import load_framework
from roam.tui.app import RoamApp
from roam.tui.screens.walkthrough import WalkthroughScreen
from roam.tui.widgets.indicator_info import IndicatorInfo
from tests.helpers.tui import CREATED, ui_test

SIZE = (120, 40)


@ui_test
async def test_the_indicator_panel_shows_the_built_in_texts_in_french(tmp_path: Path) -> None:
    framework = load_framework()
    path = tmp_path / "senegal.yaml"
    assessment = new_assessment(
        framework, country="Sénégal", iso="SEN", scope="full", path=path, created=CREATED
    )
    save_assessment(assessment, path, framework)
    app = RoamApp(path, language="fr")
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, WalkthroughScreen)
        screen.go_to("R.B.1.b")
        await pilot.pause()
        info = " ".join(screen.query_one(IndicatorInfo).plain.split())
        assert "Score total du pays dans le rapport Freedom on the Net" in info
        assert "Freedom on the Net couvre environ 70 pays." in info  # the guidance
        assert "ses propres bornes servent de bornes de référence" in info  # the rationale
        assert "Total score of the country" not in info
        assert "covers about 70 countries" not in info
