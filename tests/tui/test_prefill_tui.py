"""Pre-fill from open data in the TUI: file prompt, preview (nothing saved), apply, provenance."""

from __future__ import annotations

from pathlib import Path

from roam.framework.loader import load_framework
from roam.tui.app import RoamApp
from roam.tui.screens.walkthrough import WalkthroughScreen
from roam.tui.widgets.indicator_info import IndicatorInfo
from tests.helpers.excel_imports import SIZE, open_import, shown
from tests.helpers.open_data import (
    LATEST,
    TEAM_CODE,
    make_examplia,
    value_for,
    wdi_rows,
    write_api_csv,
    write_zip,
)
from tests.helpers.tui import answer_in_file, ui_test


@ui_test
async def test_prefill_is_previewed_then_applied_and_its_source_shown(tmp_path: Path) -> None:
    examplia = make_examplia(tmp_path, load_framework(None))
    data = write_api_csv(
        tmp_path / "API.csv", wdi_rows(["SP.POP.TOTL", "IT.NET.USER.ZS", "EG.ELC.ACCS.ZS"])
    )
    zipped = write_zip(tmp_path / "API_SP.POP.TOTL.zip", {"API_SP.POP.TOTL.csv": data.read_bytes()})
    before = examplia.read_bytes()
    app = RoamApp(examplia)
    async with app.run_test(size=SIZE) as pilot:
        preview = await open_import(pilot, "f10", zipped)
        text = shown(preview)
        assert "would import 2 new" in text and "1 conflict" in text
        assert "C.2.1.a" in text and "SP.POP.TOTL" in text
        assert examplia.read_bytes() == before  # a preview saves nothing
        await pilot.press("ctrl+s")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, WalkthroughScreen)
        info = screen.query_one(IndicatorInfo)
        info.show("C.2.1.a")
        assert "Filled in by roam from open data: WDI SP.POP.TOTL" in info.plain
        assert "a draft until the team checks it" in info.plain
        session = app.session
        assert session is not None
        session.edit_answer("C.3.1.c", {"value": 80.0})
        assert session.assessment.answers["C.3.1.c"].provenance == ""  # now the team's figure
    filled = answer_in_file(examplia, "C.2.1.a")
    assert (filled["value"], filled["year"]) == (value_for("SP.POP.TOTL"), LATEST)
    assert "review" not in filled  # the default state, draft, is not written
    assert filled["provenance"] == "open data: WDI SP.POP.TOTL"
    assert len(answer_in_file(examplia, TEAM_CODE)["conflicts"]) == 2


@ui_test
async def test_a_bad_file_is_refused_in_the_preview(tmp_path: Path) -> None:
    examplia = make_examplia(tmp_path, load_framework(None))
    bad = tmp_path / "letter.csv"
    bad.write_bytes(b"Dear team,\nthe figures follow.\n")
    before = examplia.read_bytes()
    app = RoamApp(examplia)
    async with app.run_test(size=SIZE) as pilot:
        preview = await open_import(pilot, "f10", bad)
        text = shown(preview)
        assert "the assessment is unchanged" in text
        assert f"{bad}:1: not a World Bank download" in text
    assert examplia.read_bytes() == before
