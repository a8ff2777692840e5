"""Both Excel imports from the TUI: file prompt, preview (nothing saved), apply, undo."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Static

from roam.assessment.create import new_assessment
from roam.assessment.loader import load_assessment
from roam.assessment.model import Evidence
from roam.assessment.storage import save_assessment
from roam.framework.loader import load_framework
from roam.tui.app import RoamApp
from roam.tui.screens.import_file import ImportFileScreen
from roam.tui.screens.import_preview import ImportPreviewScreen
from roam.tui.screens.walkthrough import WalkthroughScreen
from roam.tui.widgets.choice_set import ChoiceSet
from roam.tui.widgets.indicator_tree import IndicatorTree
from roam.workbooks.template_layout import COLUMN_NUMBER
from roam.workbooks.template_writer import write_template
from roam.workbooks.workbook import export_report
from tests.helpers.exchange_workbooks import (
    edit_workbook,
    fill_answers,
    liaison,
    row_of,
)
from tests.helpers.tui import CREATED, MINI, answer_in_file, pick, type_text, ui_test

SIZE = (120, 40)
EXPORTED = dt.datetime(2024, 6, 1, 12, 0, tzinfo=dt.UTC)


@pytest.fixture
def answered_file(mini_file: Path) -> Path:
    """The mini assessment with R.A.1.a answered 'mid' by the team."""
    framework = load_framework(MINI)
    assessment = load_assessment(mini_file)
    answer = assessment.answers["R.A.1.a"]
    answer.status, answer.level = "answered", "mid"
    answer.justification = "The act exists but courts rarely apply it."
    answer.evidence = [Evidence(kind="law_or_regulation", citation="Access Act 2019")]
    save_assessment(assessment, mini_file, framework)
    return mini_file


def reviewed_report(assessment_file: Path, decisions: dict[str, tuple[str, str]]) -> Path:
    """A report exported from the file, with a liaison's (decision, comment) per code."""
    framework = load_framework(MINI)
    report = export_report(
        load_assessment(assessment_file),
        assessment_file.with_name("report.xlsx"),
        framework=framework,
        generated=EXPORTED,
    )
    return edit_workbook(report, report.with_name("reviewed.xlsx"), liaison(decisions))


def filled_template(assessment_file: Path, cells: dict[str, dict[str, object]]) -> Path:
    """A data-collection template of the file, filled in as a stakeholder would."""
    framework = load_framework(MINI)
    assessment = load_assessment(assessment_file)
    template = write_template(
        assessment, framework, list(assessment.answers), assessment_file.with_name("t.xlsx")
    )

    def fill(workbook: openpyxl.Workbook) -> None:
        fill_answers(workbook["Answers"], cells)

    return edit_workbook(template, template.with_name("filled.xlsx"), fill)


def ghana_template(target: Path) -> Path:
    """A template made from another country's assessment of the same edition."""
    framework = load_framework(MINI)
    ghana = new_assessment(
        framework, country="Ghana", iso="GHA", scope="full", path=target, created=CREATED
    )
    return write_template(ghana, framework, list(ghana.answers), target)


async def open_import(
    pilot: Pilot[Any], key: str, workbook: Path, before_preview: Callable[..., Any] | None = None
) -> ImportPreviewScreen:
    """Press ``key``, type the workbook's path, and wait for the preview to be ready."""
    app = pilot.app
    await pilot.pause()
    await pilot.press(key)
    picker = app.screen
    assert isinstance(picker, ImportFileScreen)
    picker.query_one("#path", Input).value = str(workbook)
    if before_preview is not None:
        await before_preview(picker)
    picker.query_one("#path", Input).focus()
    await pilot.press("enter")
    preview = app.screen
    assert isinstance(preview, ImportPreviewScreen)
    for _ in range(100):
        await pilot.pause(0.05)
        status = str(preview.query_one("#import-status", Static).render())
        if not status.startswith("Reading"):
            break
    return preview


def shown(preview: ImportPreviewScreen) -> str:
    status = str(preview.query_one("#import-status", Static).render())
    details = preview.query_one("#import-details", Static)
    return status + "\n" + _plain(details)


def _plain(widget: Static) -> str:
    from rich.console import Console

    console = Console(width=160, record=True, color_system=None)
    console.print(widget.content)
    return console.export_text()


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
        assert "would import 1 new, 0 replaced, 0 with evidence added, 1 conflicts" in text
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
