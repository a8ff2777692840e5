"""The walkthrough, driven with the keyboard, checked in the file the app saved."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.containers import VerticalScroll
from textual.widgets import Input, Select, Static, TextArea

from roam.tui.app import RoamApp
from roam.tui.screens.walkthrough import WalkthroughScreen
from roam.tui.widgets.answer_form import AnswerForm
from roam.tui.widgets.choice_set import ChoiceSet
from roam.tui.widgets.indicator_tree import IndicatorTree
from roam.tui.widgets.level_set import LevelSet
from roam.tui.widgets.record_table import RecordTable
from tests.helpers.tui import (
    answer_in_file,
    choose,
    on_screen,
    pick,
    record_form,
    type_text,
    ui_test,
)

SIZE = (120, 40)


def walkthrough(app: RoamApp) -> WalkthroughScreen:
    screen = app.screen
    assert isinstance(screen, WalkthroughScreen)
    return screen


@ui_test
async def test_opens_on_the_first_unanswered_indicator(mini_file: Path) -> None:
    app = RoamApp(mini_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = walkthrough(app)
        # C.1.1.a is the first indicator of the mini edition, and nothing is answered yet.
        assert screen.code == "C.1.1.a"
        tree = screen.query_one(IndicatorTree)
        assert tree.shown_codes == [
            "C.1.1.a",
            "R.A.1.a",
            "R.A.1.b",
            "R.A.2.a",
            "R.B.1.a",
            "O.A.1.a",
        ]


@ui_test
async def test_next_and_previous_work_while_typing_in_a_field(mini_file: Path) -> None:
    app = RoamApp(mini_file)
    async with app.run_test(size=SIZE) as pilot:
        screen = walkthrough(app)
        screen.query_one("#justification", TextArea).focus()
        await pilot.press("ctrl+n", "ctrl+n")
        assert screen.code == "R.A.1.b"
        await pilot.press("ctrl+p")
        assert screen.code == "R.A.1.a"
        await pilot.press("ctrl+p", "ctrl+p")  # wraps from the first to the last
        assert screen.code == "O.A.1.a"
        assert isinstance(app.focused, TextArea)  # the keys never typed into the field


@ui_test
async def test_choosing_a_level_answers_the_indicator_and_saves(mini_file: Path) -> None:
    app = RoamApp(mini_file)
    async with app.run_test(size=SIZE) as pilot:
        screen = walkthrough(app)
        await pilot.press("ctrl+n")
        assert screen.code == "R.A.1.a"
        levels = screen.query_one("#level-three", LevelSet)
        levels.focus()
        await pilot.press("down", "enter")  # from "Low" to "Mid", then press it
        await pilot.pause()
        answer = answer_in_file(mini_file, "R.A.1.a")
        assert answer["status"] == "answered"
        assert answer["level"] == "mid"
        assert [change["field"] for change in answer["history"]] == ["level", "status"]
        label = screen.query_one(IndicatorTree).indicator_label("R.A.1.a")
        assert label.plain.startswith("✓")
        assert "saved" in str(screen.query_one("#save-marker", Static).render())


@ui_test
async def test_add_evidence_with_every_field(mini_file: Path) -> None:
    app = RoamApp(mini_file)
    async with app.run_test(size=SIZE) as pilot:
        screen = walkthrough(app)
        await pilot.press("ctrl+n")  # R.A.1.a
        form = await record_form(pilot, "ctrl+r")
        await choose(pilot, form.query_one("#field-kind", Select), "law_or_regulation")
        form.query_one("#field-citation", Input).focus()
        await type_text(pilot, "Access to Information Act 2016")
        await pilot.press("tab")
        await type_text(pilot, "https://laws.example/ati")
        await pilot.press("tab")
        await type_text(pilot, "Parliament")
        await pilot.press("tab")
        await type_text(pilot, "2016-08-31")
        await pilot.press("tab")
        await type_text(pilot, "2024-02-01")
        await pilot.press("tab", "space")  # the confidential checkbox
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        evidence = answer_in_file(mini_file, "R.A.1.a")["evidence"]
        assert evidence == [
            {
                "kind": "law_or_regulation",
                "citation": "Access to Information Act 2016",
                "location": "https://laws.example/ati",
                "publisher": "Parliament",
                "published": dt.date(2016, 8, 31),
                "accessed": dt.date(2024, 2, 1),
                "confidential": True,
            }
        ]
        assert screen.query_one("#evidence", RecordTable).row_count == 1


@ui_test
async def test_a_bad_date_in_evidence_is_refused_with_the_reason(mini_file: Path) -> None:
    app = RoamApp(mini_file)
    async with app.run_test(size=SIZE) as pilot:
        form = await record_form(pilot, "ctrl+n", "ctrl+r")
        await choose(pilot, form.query_one("#field-kind", Select), "report")
        form.query_one("#field-published", Input).focus()
        await type_text(pilot, "2023-13-45")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form  # not stored
        assert "required" in await on_screen(pilot, form.query_one("#error-citation", Static))
        published_error = await on_screen(pilot, form.query_one("#error-published", Static))
        assert "not a date" in published_error
        assert "YYYY-MM-DD" in published_error
        await pilot.press("escape")
        assert "evidence" not in answer_in_file(mini_file, "R.A.1.a")


@ui_test
async def test_check_the_marked_fields_brings_the_first_one_into_view(mini_file: Path) -> None:
    app = RoamApp(mini_file)
    async with app.run_test(size=(80, 24)) as pilot:
        form = await record_form(pilot, "ctrl+n", "ctrl+r")
        await choose(pilot, form.query_one("#field-kind", Select), "report")
        form.query_one("#field-accessed", Input).focus()  # far down: the form scrolls there
        await type_text(pilot, "someday")
        await pilot.pause()
        box = form.query_one(VerticalScroll)
        citation_error = form.query_one("#error-citation", Static)
        assert box.scroll_y > 0
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.pause()
        assert app.screen is form
        assert app.focused is form.query_one("#field-citation", Input)  # first in the form
        assert citation_error.display
        assert box.region.contains_region(citation_error.region)  # seen without scrolling
        assert "not a date" in str(form.query_one("#error-accessed", Static).render())


@ui_test
async def test_evidence_without_a_kind_asks_for_one(mini_file: Path) -> None:
    app = RoamApp(mini_file)
    async with app.run_test(size=SIZE) as pilot:
        form = await record_form(pilot, "ctrl+n", "ctrl+r")
        form.query_one("#field-citation", Input).focus()
        await type_text(pilot, "Annual report 2023")
        await pilot.press("ctrl+s")
        assert app.screen is form
        message = await on_screen(pilot, form.query_one("#error-kind", Static))
        assert message == "⚠ choose one of the options"


@ui_test
async def test_not_applicable_needs_a_justification_shown_inline(mini_file: Path) -> None:
    app = RoamApp(mini_file)
    async with app.run_test(size=SIZE) as pilot:
        screen = walkthrough(app)
        screen.go_to("O.A.1.a")
        await pick(pilot, screen.query_one("#status", ChoiceSet), "not_applicable")
        error = screen.query_one("#error-justification", Static)
        assert "a justification is required for not applicable" in await on_screen(pilot, error)
        assert answer_in_file(mini_file, "O.A.1.a")["status"] == "not_applicable"
        screen.query_one("#justification", TextArea).focus()
        await type_text(pilot, "No standards body exists in the country.")
        await pilot.press("ctrl+n")  # moving on commits what was typed
        answer = answer_in_file(mini_file, "O.A.1.a")
        assert answer["justification"] == "No standards body exists in the country."
        await pilot.press("ctrl+p")
        assert screen.code == "O.A.1.a"
        assert not screen.query_one("#error-justification", Static).display


@ui_test
async def test_every_field_of_the_form_can_be_reached_at_80x24(mini_file: Path) -> None:
    app = RoamApp(mini_file)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = walkthrough(app)
        screen.go_to("R.A.1.a")
        await pilot.pause(0.3)
        for field in ("#justification", "#evidence", "#confidence", "#stakeholders"):
            widget = screen.query_one(field)
            widget.focus()
            await pilot.pause()
            await on_screen(pilot, widget)
        await pick(pilot, screen.query_one("#status", ChoiceSet), "no_data")
        error = screen.query_one("#error-justification", Static)
        assert "justification is required" in await on_screen(pilot, error)


@ui_test
async def test_typed_text_is_saved_after_a_pause_without_leaving_the_field(
    mini_file: Path,
) -> None:
    app = RoamApp(mini_file)
    async with app.run_test(size=SIZE) as pilot:
        screen = walkthrough(app)
        screen.query_one("#justification", TextArea).focus()
        await type_text(pilot, "Draft note")
        await pilot.pause(1.0)
        assert answer_in_file(mini_file, "C.1.1.a")["justification"] == "Draft note"


@ui_test
async def test_a_value_outside_its_range_and_a_bad_year_are_explained(mini_file: Path) -> None:
    app = RoamApp(mini_file)
    async with app.run_test(size=SIZE) as pilot:
        screen = walkthrough(app)
        screen.go_to("R.A.2.a")  # share of people online: possible values 0 to 100
        # Whole values at once: on a busy machine the pause that commits typing could
        # fall between two keys and store "1" or "15" on the way, which is fine for a
        # user but not what this test is about.
        screen.query_one("#value", Input).focus()
        screen.query_one("#value", Input).value = "150"
        await pilot.press("tab")
        screen.query_one("#year", Input).value = "1800"
        await pilot.press("tab")
        await pilot.pause()
        message = await on_screen(pilot, screen.query_one("#error-value", Static))
        assert "150 is outside the possible range 0 to 100; not stored" in message
        assert "year" in message and "1900" in message
        # Refused, both: an impossible value would score as not assessed behind an "answered".
        answer = answer_in_file(mini_file, "R.A.2.a")
        assert answer["status"] == "not_assessed"
        assert "value" not in answer and "year" not in answer
        assert screen.query_one("#value", Input).value == "150"  # the draft stays to be fixed
        summary = str(screen.query_one("#answer-summary", Static).render())
        assert "NOT STORED" in summary
        assert "NOT STORED" in str(screen.query_one("#save-marker", Static).render())
        # Fixed: stored, and the header says saved again.
        screen.query_one("#value", Input).value = "15"
        await pilot.press("tab")
        await pilot.pause()
        assert answer_in_file(mini_file, "R.A.2.a")["value"] == 15
        assert "NOT STORED" in str(screen.query_one("#save-marker", Static).render())  # 1800
        screen.query_one("#year", Input).value = "2023"
        await pilot.press("tab")
        await pilot.pause()
        assert answer_in_file(mini_file, "R.A.2.a")["year"] == 2023
        assert "✓ saved" in str(screen.query_one("#save-marker", Static).render())


@ui_test
async def test_undo_puts_the_answer_back_in_the_file(mini_file: Path) -> None:
    app = RoamApp(mini_file)
    async with app.run_test(size=SIZE) as pilot:
        screen = walkthrough(app)
        screen.go_to("R.A.1.b")
        await pick(pilot, screen.query_one("#status", ChoiceSet), "no_data")
        assert answer_in_file(mini_file, "R.A.1.b")["status"] == "no_data"
        await pilot.press("ctrl+n")  # undo works from anywhere, and returns to the indicator
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert screen.code == "R.A.1.b"
        assert answer_in_file(mini_file, "R.A.1.b")["status"] == "not_assessed"
        assert screen.query_one("#status", ChoiceSet).chosen == "not_assessed"
        label = screen.query_one(IndicatorTree).indicator_label("R.A.1.b")
        assert label.plain.startswith("·")


@ui_test
async def test_jump_to_a_code_from_the_palette(mini_file: Path) -> None:
    app = RoamApp(mini_file)
    async with app.run_test(size=SIZE) as pilot:
        screen = walkthrough(app)
        await pilot.press("ctrl+g")
        await type_text(pilot, "R.B.1.a")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert screen.code == "R.B.1.a"
        assert screen.query_one(IndicatorTree).cursor_code == "R.B.1.a"


@ui_test
async def test_the_general_palette_finds_codes_too(mini_file: Path) -> None:
    app = RoamApp(mini_file)
    async with app.run_test(size=SIZE) as pilot:
        screen = walkthrough(app)
        await pilot.press("ctrl+k")
        await type_text(pilot, "O.A.1.a")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert screen.code == "O.A.1.a"


@ui_test
async def test_full_text_search_finds_an_indicator_by_its_words(mini_file: Path) -> None:
    app = RoamApp(mini_file)
    async with app.run_test(size=SIZE) as pilot:
        screen = walkthrough(app)
        await pilot.press("ctrl+f")
        await type_text(pilot, "journalists attacked")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert screen.code == "R.B.1.a"


@ui_test
async def test_filters_show_only_matching_indicators(mini_file: Path) -> None:
    app = RoamApp(mini_file)
    async with app.run_test(size=SIZE) as pilot:
        screen = walkthrough(app)
        tree = screen.query_one(IndicatorTree)
        await pilot.press("ctrl+l")
        await pilot.press("down", "enter")  # "Core only"
        await pilot.pause()
        assert tree.shown_codes == ["R.A.1.a", "R.A.2.a", "O.A.1.a"]
        await pilot.press("ctrl+n")
        assert screen.code in tree.shown_codes
        screen.apply_filter("all")
        screen.go_to("R.B.1.a")
        await pick(pilot, screen.query_one("#status", ChoiceSet), "no_data")
        screen.apply_filter("data_gaps")
        assert tree.shown_codes == ["R.B.1.a"]
        screen.apply_filter("failing")  # no data without a justification fails a check
        assert tree.shown_codes == ["R.B.1.a"]
        screen.apply_filter("unanswered")
        assert "R.B.1.a" not in tree.shown_codes
        assert len(tree.shown_codes) == 5


@ui_test
async def test_next_open_skips_answered_indicators(mini_file: Path) -> None:
    app = RoamApp(mini_file)
    async with app.run_test(size=SIZE) as pilot:
        screen = walkthrough(app)
        screen.go_to("R.A.1.b")
        await pick(pilot, screen.query_one("#status", ChoiceSet), "no_data")
        screen.go_to("R.A.1.a")
        await pilot.press("ctrl+o")
        assert screen.code == "R.A.2.a"  # R.A.1.b has a status now


@ui_test
async def test_form_shows_the_answer_again_after_reopening(mini_file: Path) -> None:
    app = RoamApp(mini_file)
    async with app.run_test(size=SIZE) as pilot:
        screen = walkthrough(app)
        await pilot.press("ctrl+n")  # R.A.1.a
        screen.query_one("#level-three", LevelSet).focus()
        await pilot.press("down", "down", "enter")  # High
        screen.query_one("#justification", TextArea).focus()
        await type_text(pilot, "The law is in force.")
        await pilot.press("ctrl+q")
    reopened = RoamApp(mini_file)
    async with reopened.run_test(size=SIZE) as pilot:
        screen = walkthrough(reopened)
        screen.go_to("R.A.1.a")
        await pilot.pause()
        form = screen.query_one(AnswerForm)
        assert form.query_one("#status", ChoiceSet).chosen == "answered"
        assert form.query_one("#level-three", LevelSet).chosen == "high"
        assert form.query_one("#justification", TextArea).text == "The law is in force."


@ui_test
async def test_a_long_walk_keeps_the_cursor_line_on_screen(demo_file: Path) -> None:
    app = RoamApp(demo_file)
    async with app.run_test(size=SIZE) as pilot:
        screen = walkthrough(app)
        tree = screen.query_one(IndicatorTree)
        for _ in range(40):
            await pilot.press("ctrl+n")
        await pilot.pause()
        assert screen.code is not None and tree.cursor_code == screen.code
        drawn = tree.render_line(tree.cursor_line - round(tree.scroll_y)).text
        assert screen.code in drawn  # the cursor's line is on the screen, drawn anew
