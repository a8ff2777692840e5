"""Driving the TUI's Excel imports in tests: a reviewed report, a filled template, the
file prompt and the preview's text."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
from textual.pilot import Pilot
from textual.widgets import Input, Static

from roam.assessment.create import new_assessment
from roam.assessment.loader import load_assessment
from roam.framework.loader import load_framework
from roam.tui.screens.import_file import ImportFileScreen
from roam.tui.screens.import_preview import ImportPreviewScreen
from roam.workbooks.template_writer import write_template
from roam.workbooks.workbook import export_report
from tests.helpers.exchange_workbooks import edit_workbook, fill_answers, liaison
from tests.helpers.tui import CREATED, MINI

SIZE = (120, 40)
EXPORTED = dt.datetime(2024, 6, 1, 12, 0, tzinfo=dt.UTC)


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
