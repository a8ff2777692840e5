"""Both Excel imports from the TUI: file prompt, preview (nothing saved), apply, undo."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from textual.widgets import Input, Static

from roam.tui.app import RoamApp
from roam.tui.screens.import_file import ImportFileScreen
from roam.tui.screens.walkthrough import WalkthroughScreen
from roam.tui.widgets.choice_set import ChoiceSet
from roam.tui.widgets.indicator_tree import IndicatorTree
from roam.workbooks.template_layout import COLUMN_NUMBER
from tests.helpers.excel_imports import (
    SIZE,
    filled_template,
    ghana_template,
    open_import,
    reviewed_report,
    shown,
)
from tests.helpers.exchange_workbooks import (
    row_of,
)
from tests.helpers.tui import answer_in_file, pick, type_text, ui_test


@ui_test
async def test_a_liaisons_review_is_previewed_then_applied_and_saved(answered_file: Path) -> None:
    reviewed = reviewed_report(
        answered_file,
        {"R.A.1.a": ("accept", "Well sourced."), "R.A.1.b": ("query", "Which courts?")},
    )
    app = RoamApp(answered_file)
    async with app.run_test(size=SIZE) as pilot:

        async def reviewer(picker: ImportFileScreen) -> None:
            picker.query_one("#who", Input).value = "Marie Dupont"

        preview = await open_import(pilot, "f7", reviewed, reviewer)
        text = shown(preview)
        assert "would import 1 accepted, 1 queried, 0 rejected, 2 comments" in text
        assert "R.A.1.b" in text and "Which courts?" in text
        assert "review" not in answer_in_file(answered_file, "R.A.1.a")  # a preview saves nothing
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, WalkthroughScreen)
    accepted = answer_in_file(answered_file, "R.A.1.a")["review"]
    assert accepted["state"] == "accepted"
    assert accepted["thread"][0]["author"] == "Marie Dupont"
    assert "Well sourced." in accepted["thread"][0]["text"]
    queried = answer_in_file(answered_file, "R.A.1.b")["review"]
    assert queried["state"] == "queried"


@ui_test
async def test_a_filled_template_lists_bad_cells_and_parks_conflicts(answered_file: Path) -> None:
    workbook = filled_template(
        answered_file,
        {
            "R.A.1.a": {"level": "low", "justification": "Courts never apply it."},
            "R.A.1.b": {"level": "high", "justification": "Applied everywhere."},
            "R.A.2.a": {"value": "lots", "year": 2023},
        },
    )
    app = RoamApp(answered_file)
    async with app.run_test(size=SIZE) as pilot:

        async def contributor(picker: ImportFileScreen) -> None:
            picker.query_one("#who", Input).value = "Amina Odhiambo"

        preview = await open_import(pilot, "f8", workbook, contributor)
        text = shown(preview)
        assert "would import 1 new, 0 replaced, 0 with evidence added, 1 conflict" in text
        row = row_of(openpyxl.load_workbook(workbook)["Answers"], "R.A.2.a")
        value_cell = f"{openpyxl.utils.get_column_letter(COLUMN_NUMBER['value'])}{row}"
        assert f"Answers!{value_cell}: " in text and "lots" in text  # the bad cell, with reason
        assert "level" in text and "mid" in text and "low" in text  # the conflict, both sides
        await pilot.press("ctrl+s")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, WalkthroughScreen)
        assert "⇄" in screen.query_one(IndicatorTree).indicator_label("R.A.1.a").plain
        screen.apply_filter("conflicts")
        assert screen.query_one(IndicatorTree).shown_codes == ["R.A.1.a"]
    parked = answer_in_file(answered_file, "R.A.1.a")
    assert parked["level"] == "mid"  # the team's answer stays until the team decides
    assert [version["level"] for version in parked["conflicts"]] == ["mid", "low"]
    assert parked["conflicts"][1]["source"] == "Amina Odhiambo (filled.xlsx)"
    new = answer_in_file(answered_file, "R.A.1.b")
    assert (new["level"], new["review"]["state"]) == ("high", "submitted")
    assert "value" not in answer_in_file(answered_file, "R.A.2.a")


@ui_test
async def test_take_theirs_replaces_and_undo_puts_every_answer_back(answered_file: Path) -> None:
    workbook = filled_template(
        answered_file,
        {"R.A.1.a": {"level": "low"}, "R.A.1.b": {"level": "high"}},
    )
    app = RoamApp(answered_file)
    async with app.run_test(size=SIZE) as pilot:

        async def theirs(picker: ImportFileScreen) -> None:
            await pick(pilot, picker.query_one("#keep", ChoiceSet), "theirs")

        await open_import(pilot, "f8", workbook, theirs)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert answer_in_file(answered_file, "R.A.1.a")["level"] == "low"
        assert answer_in_file(answered_file, "R.A.1.b")["level"] == "high"
        await pilot.press("ctrl+z")
        await pilot.pause()
    assert answer_in_file(answered_file, "R.A.1.a")["level"] == "mid"
    assert "level" not in answer_in_file(answered_file, "R.A.1.b")


def csv_named_xlsx(assessment_file: Path) -> Path:
    workbook = assessment_file.with_name("bad.xlsx")
    workbook.write_bytes(b"kind,citation\nreport,x\n")
    return workbook


def report_not_template(assessment_file: Path) -> Path:
    return reviewed_report(assessment_file, {})


def another_countrys_template(assessment_file: Path) -> Path:
    return ghana_template(assessment_file.with_name("ghana.xlsx"))


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (csv_named_xlsx, "not an Excel workbook"),
        (report_not_template, "not a roam data-collection template"),
        (another_countrys_template, "made from the assessment of Ghana (GHA), not Kenya (KEN)"),
    ],
    ids=["not-xlsx", "report-as-template", "another-country"],
)
@ui_test
async def test_a_workbook_that_cannot_be_imported_says_why_and_changes_nothing(
    answered_file: Path, make: Callable[[Path], Path], reason: str
) -> None:
    workbook = make(answered_file)
    before = answered_file.read_bytes()
    app = RoamApp(answered_file)
    async with app.run_test(size=SIZE) as pilot:
        preview = await open_import(pilot, "f8", workbook)
        status = str(preview.query_one("#import-status", Static).render())
        assert status.startswith("Not imported; the assessment is unchanged")
        assert reason in status
        assert "Traceback" not in status
        assert preview.query_one("#apply").disabled
        await pilot.press("ctrl+s", "escape")
        await pilot.pause()
        assert isinstance(app.screen, WalkthroughScreen)
    assert answered_file.read_bytes() == before


@ui_test
async def test_a_missing_file_is_refused_in_the_prompt(answered_file: Path) -> None:
    app = RoamApp(answered_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f7")
        picker = app.screen
        assert isinstance(picker, ImportFileScreen)
        await type_text(pilot, "nowhere.xlsx")
        await pilot.press("enter")
        assert app.screen is picker
        assert "no such file" in str(picker.query_one("#error-path", Static).render())


@ui_test
async def test_an_untouched_report_says_what_was_compared(answered_file: Path) -> None:
    report = reviewed_report(answered_file, {})
    app = RoamApp(answered_file)
    async with app.run_test(size=SIZE) as pilot:
        preview = await open_import(pilot, "f7", report)
        status = str(preview.query_one("#import-status", Static).render())
        assert f"Nothing to change: {report.name} holds no liaison decision or comment." in status
        assert "has all of this already" not in status
        assert preview.query_one("#apply").disabled
