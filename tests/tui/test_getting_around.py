"""Getting into the form and around the walkthrough: Enter, the footer, help, jumps, choices."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Footer, TextArea

from roam.tui.app import RoamApp
from roam.tui.screens.help import TASKS, HelpScreen
from roam.tui.screens.walkthrough import WalkthroughScreen
from roam.tui.widgets.answer_form import AnswerForm
from roam.tui.widgets.choice_set import ChoiceSet
from roam.tui.widgets.indicator_tree import IndicatorTree
from tests.helpers.tui import answer_in_file, type_text, ui_test

SIZE = (120, 40)


def walkthrough(app: RoamApp) -> WalkthroughScreen:
    screen = app.screen
    assert isinstance(screen, WalkthroughScreen)
    return screen


def footer_text(app: RoamApp) -> str:
    footer = app.screen.query_one(Footer)
    return " ".join(str(widget.render()) for widget in footer.query("*"))


@ui_test
async def test_enter_on_an_indicator_opens_its_form_at_the_first_field(mini_file: Path) -> None:
    app = RoamApp(mini_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = walkthrough(app)
        assert isinstance(app.focused, IndicatorTree)
        await pilot.press("ctrl+n")
        await pilot.pause()
        code = screen.code
        assert code is not None
        await pilot.press("enter")
        await pilot.pause()
        status = screen.query_one(AnswerForm).query_one("#status", ChoiceSet)
        assert app.focused is status
        await pilot.press("left", "enter")  # from "Not yet" to "No data", with the keyboard
        await pilot.pause(0.2)
        assert answer_in_file(mini_file, code)["status"] == "no_data"


@ui_test
async def test_the_footer_shows_the_keys_of_the_screen_grouped(mini_file: Path) -> None:
    app = RoamApp(mini_file)
    async with app.run_test(size=(200, 40)) as pilot:
        await pilot.pause()
        shown = footer_text(app)
        for label in ("Answer", "Next/prev", "Find", "Filter", "Evidence", "Undo",
                      "Dashboard", "Export", "Help"):  # fmt: skip
            assert label in shown, label
        await pilot.press("f3")
        await pilot.pause()
        assert "Evidence" not in footer_text(app)  # the dashboard's keys, not the walkthrough's


@ui_test
async def test_the_home_footer_offers_no_views_before_an_assessment_is_open() -> None:
    app = RoamApp()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        shown = footer_text(app)
        assert "Help" in shown
        assert "Dashboard" not in shown and "Export" not in shown


@ui_test
async def test_help_is_grouped_by_task_and_names_the_walkthrough(mini_file: Path) -> None:
    app = RoamApp(mini_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f1")
        helper = app.screen
        assert isinstance(helper, HelpScreen)
        tasks = [row[0] for row in helper.rows if row[0]]
        order = [task for task, _ids in TASKS]
        assert tasks[0] == "Move"
        assert len(tasks) == len(set(tasks)), "each task is one block of rows"
        assert [task for task in tasks if task in order] == [t for t in order if t in tasks]
        by_id = {row[3]: row for row in helper.rows}
        assert by_id["roam.view.walkthrough"][2] == "Walkthrough"
        ids = [row[3] for row in helper.rows]
        assert ids.index("roam.next") < ids.index("roam.jump") < ids.index("roam.undo")
        assert ids.index("roam.undo") < ids.index("roam.view.dashboard") < ids.index("roam.quit")


@ui_test
async def test_after_a_palette_jump_the_tree_has_the_focus_on_that_indicator(
    demo_file: Path,
) -> None:
    app = RoamApp(demo_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = walkthrough(app)
        justification = screen.query_one("#justification", TextArea)
        justification.focus()
        await pilot.pause()
        await pilot.press("ctrl+g")
        await type_text(pilot, "X.D.1.a")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        tree = screen.query_one(IndicatorTree)
        assert screen.code == "X.D.1.a"
        assert app.focused is tree
        assert tree.cursor_code == "X.D.1.a"
        top = tree.scroll_offset.y
        assert top <= tree.cursor_line < top + tree.scrollable_content_region.height
        await pilot.press("up")  # the next keys move the tree from there
        await pilot.pause()
        assert tree.cursor_code != "X.D.1.a" and app.focused is tree


@ui_test
async def test_the_chosen_choice_differs_in_shape_not_only_in_colour(mini_file: Path) -> None:
    app = RoamApp(mini_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        status = walkthrough(app).query_one("#status", ChoiceSet)
        drawn = status.render().plain
        assert "(•) Not yet" in drawn
        for other in ("Answered", "N/A", "No data"):
            assert f"( ) {other}" in drawn
        assert drawn.count("(•)") == 1
