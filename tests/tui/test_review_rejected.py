"""The Review screen's "Rejected" filter: a liaison's rejections that still stand.

The review comes in as a user brings it (F7, the preview, ctrl+s to apply); the
filter is read off the table's rows, the way the user sees them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import DataTable

from roam.tui.app import RoamApp
from roam.tui.screens.review import REVIEW_FILTERS, ReviewScreen
from roam.tui.screens.walkthrough import WalkthroughScreen
from tests.helpers.excel_imports import SIZE, open_import, reviewed_report
from tests.helpers.tui import answer_in_file, ui_test


async def rows_of(pilot: Pilot[Any], name: str) -> list[str]:
    """The codes the review table lists under filter ``name``, chosen with ctrl+l."""
    screen = pilot.app.screen
    assert isinstance(screen, ReviewScreen)
    await pilot.press("ctrl+l")  # at least once: the rows are made again as the user sees them
    while screen.filter_name != name:
        await pilot.press("ctrl+l")
    await pilot.pause()
    table = screen.query_one("#answers", DataTable)
    assert str(table.border_title).startswith(REVIEW_FILTERS[name])
    return [str(table.get_row_at(row)[0]) for row in range(table.row_count)]


def review_cell(pilot: Pilot[Any], code: str) -> str:
    table = pilot.app.screen.query_one("#answers", DataTable)
    return str(table.get_row(code)[2])


@ui_test
async def test_an_imported_rejection_is_listed_until_the_team_reworks_or_a_reviewer_accepts(
    answered_file: Path,
) -> None:
    reviewed = reviewed_report(
        answered_file,
        {
            "R.A.1.a": ("reject", "The level is too high for a law nobody applies."),
            "R.A.1.b": ("reject", "No source."),
            "O.A.1.a": ("query", "Which policy?"),
        },
    )
    app = RoamApp(answered_file)
    async with app.run_test(size=SIZE) as pilot:
        await open_import(pilot, "f7", reviewed)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, WalkthroughScreen)
        session = app.session
        assert session is not None
        await pilot.press("f4")
        await pilot.pause()

        assert await rows_of(pilot, "rejected") == ["R.A.1.a", "R.A.1.b"]
        assert review_cell(pilot, "R.A.1.a") == "Rejected"
        # A rejection goes back to the team as a query does: both are queried.
        assert await rows_of(pilot, "queried") == ["R.A.1.a", "R.A.1.b", "O.A.1.a"]
        assert review_cell(pilot, "O.A.1.a") == "Queried"

        # The team's reply alone leaves the rejection standing; their rework ends it,
        # and the reworked answer is then one changed since review.
        session.add_comment("R.A.1.a", "We will look at the court records.")
        assert await rows_of(pilot, "rejected") == ["R.A.1.a", "R.A.1.b"]
        session.edit_answer("R.A.1.a", {"level": "low"}, "level")
        assert await rows_of(pilot, "rejected") == ["R.A.1.b"]
        assert "R.A.1.a" in await rows_of(pilot, "changed")

        # A reviewer's accept ends the other.
        session.add_comment("R.A.1.b", "", state="accepted")
        assert await rows_of(pilot, "rejected") == []

    # What the file holds: the decision as data on the liaison's comment.
    thread = answer_in_file(answered_file, "R.A.1.b")["review"]["thread"]
    assert thread[0]["decision"] == "reject" and thread[0]["role"] == "liaison"
    query = answer_in_file(answered_file, "O.A.1.a")["review"]["thread"]
    assert query[0]["decision"] == "query"
