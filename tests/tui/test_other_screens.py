"""Recommendations, review and home as the issue's users met them: full texts, order, filters."""

from __future__ import annotations

import json
import re
from pathlib import Path

from textual.widgets import DataTable, Footer, Input, OptionList, SelectionList, Static, TextArea

from roam.tui.app import RoamApp
from roam.tui.screens.dialogs import AskScreen
from roam.tui.screens.home import HomeScreen
from roam.tui.screens.recommendations import RecommendationsScreen
from roam.tui.screens.review import ReviewScreen, changed_since_review
from roam.tui.settings import SETTINGS_FILE
from tests.helpers.tui import answer_in_file, record_form, type_text, ui_test

SIZE = (120, 40)
LONG = (
    "Adopt an access to information law that covers every public body, with an independent "
    "commissioner and deadlines for answers."
)


@ui_test
async def test_a_long_recommendation_shows_in_full_and_the_columns_fit_it(mini_file: Path) -> None:
    app = RoamApp(mini_file)
    async with app.run_test(size=SIZE) as pilot:
        form = await record_form(pilot, "f5", "a")
        form.query_one("#field-text", TextArea).focus()
        await type_text(pilot, LONG)
        form.query_one("#field-groups", SelectionList).focus()
        await pilot.press("space", "ctrl+s")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, RecommendationsScreen)
        table = screen.query_one(DataTable)
        text_column = list(table.columns.values())[-1]
        assert text_column.content_width > len("Recommendation") + 20  # re-fitted to the row
        detail = str(screen.query_one("#recommendation-detail", Static).render())
        assert LONG in detail.replace("\n", " ")
        assert "REC-1" in detail


def _review_rows(app: RoamApp) -> list[str]:
    screen = app.screen
    assert isinstance(screen, ReviewScreen)
    table = screen.query_one("#answers", DataTable)
    return [str(table.get_row_at(row)[0]) for row in range(table.row_count)]


@ui_test
async def test_the_review_lists_assessed_answers_in_framework_order_with_filters(
    demo_file: Path,
) -> None:
    app = RoamApp(demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        session = screen.session
        rows = _review_rows(app)
        assessed = [c for c in session.codes if session.answer(c).status != "not_assessed"]
        assert rows == assessed  # framework order, the not-assessed ones left out
        assert len(rows) < len(session.codes)
        table = screen.query_one("#answers", DataTable)
        assert [str(column.label) for column in table.columns.values()][-1] == "Comments"
        assert table.border_title is not None and table.border_title.startswith("Assessed")
        await pilot.press("ctrl+l")  # queried
        await pilot.pause()
        queried = _review_rows(app)
        assert queried and all(session.answer(c).review.state == "queried" for c in queried)
        assert queried == [c for c in session.codes if session.answer(c).review.state == "queried"]
        await pilot.press("ctrl+l")  # rejected (none: the demo's review was not imported)
        await pilot.pause()
        assert str(table.border_title).startswith("Rejected")
        await pilot.press("ctrl+l")  # changed since review
        await pilot.pause()
        assert str(table.border_title).startswith("Changed since review")
        await pilot.press("ctrl+l", "ctrl+l")  # with comments, then all
        await pilot.pause()
        assert _review_rows(app) == session.codes


@ui_test
async def test_an_answer_edited_after_its_review_is_listed_as_changed(mini_file: Path) -> None:
    app = RoamApp(mini_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        session = app.session
        assert session is not None
        session.edit_answer("R.A.1.a", {"level": "mid", "status": "answered"}, "level")
        session.edit_answer("R.A.1.b", {"level": "mid", "status": "answered"}, "level")
        session.add_comment("R.A.1.a", "Which law?", state="queried")
        session.add_comment("R.A.1.b", "Fine.", state="accepted")
        session.edit_answer("R.A.1.a", {"justification": "The Data Act 2019."}, "justification")
        assert changed_since_review(session.answer("R.A.1.a"))
        assert not changed_since_review(session.answer("R.A.1.b"))
        await pilot.press("f4")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        while screen.filter_name != "changed":
            await pilot.press("ctrl+l")
        await pilot.pause()
        assert _review_rows(app) == ["R.A.1.a"]


@ui_test
async def test_review_comments_are_signed_with_the_name_asked_once(
    mini_file: Path, data_dir: Path
) -> None:
    app = RoamApp(mini_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        review = app.screen
        assert isinstance(review, ReviewScreen)
        review.query_one("#comment", TextArea).focus()
        await type_text(pilot, "Which law?")
        await pilot.press("ctrl+s")
        await pilot.pause()
        asked = app.screen
        assert isinstance(asked, AskScreen)
        assert asked.query_one(Input).value == ""  # not the computer's account name
        await type_text(pilot, "Amina Diallo")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is review
        review.query_one("#comment", TextArea).focus()
        await type_text(pilot, "And which year?")
        await pilot.press("ctrl+s")  # not asked again
        await pilot.pause()
        assert app.screen is review
    thread = answer_in_file(mini_file, review.code or "")["review"]["thread"]
    assert [(c["author"], c["text"]) for c in thread] == [
        ("Amina Diallo", "Which law?"),
        ("Amina Diallo", "And which year?"),
    ]
    assert json.loads((data_dir / SETTINGS_FILE).read_text("utf-8"))["reviewer"] == "Amina Diallo"


@ui_test
async def test_reopening_starts_where_the_person_left_off(mini_file: Path) -> None:
    app = RoamApp(mini_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.go_to("R.B.1.a")  # type: ignore[attr-defined]
        await pilot.pause()
    again = RoamApp(mini_file)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert again.screen.code == "R.B.1.a"  # type: ignore[attr-defined]


@ui_test
async def test_the_recent_list_says_country_progress_and_last_edit(mini_file: Path) -> None:
    app = RoamApp(mini_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        session = app.session
        assert session is not None
        session.edit_answer("R.A.1.a", {"level": "mid", "status": "answered"}, "level")
        app.close_session()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        recent = app.screen.query_one("#recent", OptionList)
        label = str(recent.get_option_at_index(0).prompt)
        assert "kenya.yaml" in label and "Kenya (KEN)" in label
        assert "1/6 assessed" in label
        assert re.search(r"edited \d{4}-\d\d-\d\d \d\d:\d\d", label)
        footer = " ".join(
            str(widget.render()) for widget in app.screen.query_one(Footer).query("*")
        )
        assert "x" in footer.split("Forget recent")[0].split()[-1]  # as the manual says
