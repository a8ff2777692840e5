"""The answer form's details: levels after N/A, the value's fields, evidence links, Esc, ctrl+k."""

from __future__ import annotations

from pathlib import Path

from textual.command import CommandPalette
from textual.widgets import Input, Label, Select, Static, TextArea

from roam.tui.app import RoamApp
from roam.tui.screens.dialogs import ConfirmScreen
from roam.tui.screens.walkthrough import WalkthroughScreen
from roam.tui.widgets.answer_form import AnswerForm
from roam.tui.widgets.choice_set import ChoiceSet
from roam.tui.widgets.indicator_tree import IndicatorTree
from roam.tui.widgets.level_set import LevelSet
from roam.tui.widgets.record_table import RecordTable
from tests.helpers.tui import choose, pick, record_form, type_text, ui_test

SIZE = (120, 40)


def walkthrough(app: RoamApp) -> WalkthroughScreen:
    screen = app.screen
    assert isinstance(screen, WalkthroughScreen)
    return screen


@ui_test
async def test_levels_take_no_choice_after_not_applicable(mini_file: Path) -> None:
    app = RoamApp(mini_file)
    async with app.run_test(size=SIZE) as pilot:
        screen = walkthrough(app)
        screen.go_to("R.A.1.a")
        await pilot.pause()
        levels = screen.query_one(AnswerForm).query_one("#level-three", LevelSet)
        assert not levels.disabled
        status = screen.query_one("#status", ChoiceSet)
        await pick(pilot, status, "not_applicable")
        assert levels.disabled
        await pick(pilot, status, "no_data")
        assert levels.disabled
        await pick(pilot, status, "answered")
        assert not levels.disabled
        await pick(pilot, status, "not_applicable")
        await pilot.press("ctrl+n", "ctrl+p")  # shown again, as it was left
        await pilot.pause()
        assert screen.code == "R.A.1.a" and levels.disabled


@ui_test
async def test_the_unit_shows_whole_and_justification_follows_the_value(mini_file: Path) -> None:
    app = RoamApp(mini_file)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = walkthrough(app)
        screen.go_to("C.1.1.a")
        await pilot.pause()
        form = screen.query_one(AnswerForm)
        unit = form.query_one("#unit", Input)
        assert unit.placeholder == "USD"
        assert unit.region.width >= 30  # a line of its own, room for a phrase
        justification_label = next(
            label for label in form.query(Label) if str(label.render()) == "Justification"
        )
        gap = justification_label.region.y - (unit.region.y + unit.region.height)
        assert gap <= 2, f"{gap} rows between the unit and the justification"
        for field in ("value", "year", "unit"):
            assert not form.query_one(f"#{field}", Input).disabled
        await pick(pilot, screen.query_one("#status", ChoiceSet), "no_data")
        for field in ("value", "year", "unit"):
            assert form.query_one(f"#{field}", Input).disabled


@ui_test
async def test_the_evidence_table_shows_the_link(mini_file: Path) -> None:
    app = RoamApp(mini_file)
    async with app.run_test(size=SIZE) as pilot:
        screen = walkthrough(app)
        form = await record_form(pilot, "ctrl+n", "ctrl+r")
        await choose(pilot, form.query_one("#field-kind", Select), "report")
        form.query_one("#field-citation", Input).focus()
        await type_text(pilot, "Annual report")
        form.query_one("#field-location", Input).focus()
        link = "https://regulator.example/publications/2023/annual-report-final-version.pdf"
        await type_text(pilot, link)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        table = screen.query_one("#evidence", RecordTable).table
        assert "URL or file" in [str(column.label) for column in table.columns.values()]
        cell = str(table.get_row_at(0)[2])
        assert cell.startswith("https://regulator.example/") and cell.endswith("version.pdf")
        assert "…" in cell and len(cell) < len(link)


@ui_test
async def test_esc_on_a_filled_evidence_form_asks_before_discarding(mini_file: Path) -> None:
    app = RoamApp(mini_file)
    async with app.run_test(size=SIZE) as pilot:
        screen = walkthrough(app)
        form = await record_form(pilot, "ctrl+n", "ctrl+r")
        await pilot.press("escape")  # nothing typed: closes at once
        await pilot.pause()
        assert app.screen is screen
        form = await record_form(pilot, "ctrl+r")
        form.query_one("#field-citation", Input).focus()
        await type_text(pilot, "Annual report")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")  # back to the form, the typing kept
        await pilot.pause()
        assert app.screen is form
        assert form.query_one("#field-citation", Input).value == "Annual report"
        await pilot.press("escape", "y")
        await pilot.pause()
        assert app.screen is screen


@ui_test
async def test_ctrl_k_deletes_to_the_end_of_the_line_in_a_text_field(mini_file: Path) -> None:
    app = RoamApp(mini_file)
    async with app.run_test(size=SIZE) as pilot:
        screen = walkthrough(app)
        justification = screen.query_one("#justification", TextArea)
        justification.focus()
        await type_text(pilot, "keep this, not that")
        await pilot.press("home", *["right"] * 9, "ctrl+k")
        await pilot.pause()
        assert justification.text == "keep this"
        assert not isinstance(app.screen, CommandPalette)
        await pilot.press("escape", "ctrl+k")  # out of the field: the palette
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)


@ui_test
async def test_every_indicator_the_failing_filter_lists_shows_its_problem(
    demo_file: Path,
) -> None:
    app = RoamApp(demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = walkthrough(app)
        form = screen.query_one(AnswerForm)
        while not form.complete:
            await pilot.pause()
        screen.apply_filter("failing")
        failing = list(screen.query_one("#tree", IndicatorTree).shown_codes)
        assert "R.B.1.b" in failing
        sample = ["R.B.1.b", *failing[:: max(1, len(failing) // 25)]]  # across the framework
        for code in sample:
            screen.go_to(code)
            await pilot.pause()
            summary = str(form.query_one("#answer-summary", Static).render())
            assert "no problems" not in summary and "⚠" in summary, (code, summary)
