"""Recommendations, review and home as the issue's users met them: full texts, order, filters."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, SelectionList, Static, TextArea

from roam.tui.app import RoamApp
from roam.tui.screens.recommendations import RecommendationsScreen
from tests.tui.helpers import record_form, type_text, ui_test

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
