"""Text from files is shown as written: markup in it neither crashes the TUI nor drives it.

An evidence citation ``Regulator annual report [/2023 edition]`` from a stakeholder
template crashed the TUI with a MarkupError; ``[bold]x[/bold]`` was drawn bold and
``[@click=app.quit]`` became a clickable action.  Here every field the TUI shows, in the
framework and in the assessment, carries such text (and a terminal escape code), and
each screen is read back as a user sees it: the literal text is there.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from roam.assessment.create import new_assessment
from roam.assessment.loader import load_assessment
from roam.assessment.model import (
    AnswerVersion,
    Comment,
    Evidence,
    MabMember,
    Person,
    Recommendation,
)
from roam.assessment.storage import save_assessment
from roam.framework.loader import load_framework
from roam.tui.app import RoamApp
from roam.tui.screens.conflicts import ConflictScreen
from roam.tui.screens.dialogs import ConfirmScreen, MessageScreen
from roam.tui.screens.home import HomeScreen
from roam.tui.screens.import_file import ImportFileScreen
from roam.tui.screens.walkthrough import WalkthroughScreen
from tests.helpers.excel_imports import filled_template, open_import
from tests.helpers.excel_imports import shown as preview_text
from tests.helpers.tui import CREATED, MINI, ui_test

SIZE = (200, 60)
CRASHES = "[/2023 edition]"  # a closing tag that closes nothing: MarkupError
BOLD = "[bold]x[/bold]"  # balanced: was drawn bold, without the tags
CLICK = "[@click=app.quit]q[/]"  # was a link that quit the app
ESCAPE = "\x1b[2J"  # clears the terminal if written to it
SHOWN_ESCAPE = r"\x1b[2J"
FILE_MARK = "[@click=app.quit]q"  # an opening tag alone: a link to the end of the line


# Framework texts the walkthrough, the dashboard and the conflicts show, with markup.
FRAMEWORK_MARKS = {
    "label: Low}": f'label: "Low {CLICK}"}}',
    "label: Mid}": f'label: "Mid {CRASHES}"}}',
    "name: {en: Rights, fr: Droits}": f'name: {{en: "Rights {CLICK}", fr: Droits}}',
    "name: Framework\n": f'name: "Framework {BOLD}"\n',
    "text: A law exists}": f'text: "A law exists {BOLD}"}}',
    "name: Three levels": f'name: "Three levels {CRASHES}"',
    "text: Are journalists attacked?": f'text: "Are journalists attacked? {CRASHES}"',
    "unit: attacks": f'unit: "attacks {BOLD}"',
}


@pytest.fixture
def marked_file(tmp_path: Path) -> Path:
    text = MINI.read_text(encoding="utf-8")
    for plain, marked in FRAMEWORK_MARKS.items():
        assert plain in text
        text = text.replace(plain, marked)
    framework_file = tmp_path / "mini.yaml"
    framework_file.write_text(text, encoding="utf-8")
    framework = load_framework(framework_file)
    # A file name with markup too: the home screen lists it among the recent files.
    path = tmp_path / f"kenya {FILE_MARK}.yaml"  # no "/" in a file name
    assessment = new_assessment(
        framework, country=f"Examplia {BOLD}", iso="XEX", scope="full", path=path, created=CREATED
    )
    assessment.team = [Person(name=f"Ana {CLICK}", role=f"lead {CRASHES}")]
    assessment.mab = [MabMember(name=f"Ben {BOLD}", organisation=f"NGO {CRASHES}", group="media")]
    for milestone in assessment.milestones:
        milestone.note = f"note {CLICK}"
    answer = assessment.answers["R.A.1.a"]
    answer.status, answer.level = "answered", "mid"
    answer.justification = f"Regulator annual report {CRASHES} {ESCAPE}"
    answer.evidence = [
        Evidence(kind="report", citation=f"Regulator annual report {CRASHES}", publisher=BOLD)
    ]
    answer.review.state = "queried"
    answer.review.thread = [
        Comment(
            author=f"Liaison {CLICK}",
            role=f"UNESCO {BOLD}",
            time=dt.datetime(2024, 5, 1, tzinfo=dt.UTC),
            text=f"See {CRASHES} {ESCAPE}",
        )
    ]
    answer.conflicts = [
        AnswerVersion(source="assessment", status="answered", level="mid",
                      justification=answer.justification, evidence=answer.evidence),
        AnswerVersion(source=f"Ben {BOLD} (filled.xlsx)", status="answered", level="low",
                      justification=f"Courts {CLICK}",
                      evidence=[Evidence(kind="court_decision", citation=f"Case {CRASHES}")]),
    ]  # fmt: skip
    gap = assessment.answers["R.B.1.a"]
    gap.status, gap.justification = "no_data", f"Nobody counts {BOLD}"
    assessment.recommendations = [
        Recommendation(id="REC-1", text=f"Adopt {CLICK}", groups=["academia"],
                       indicators=["R.A.1.a"]),
    ]  # fmt: skip
    save_assessment(assessment, path, framework)
    return path


_LINE = re.compile(r'<text [^>]*clip-path="url\(#[^)]*-line-(\d+)\)"[^>]*>([^<]*)</text>')


def screen_text(pilot: Pilot[Any]) -> str:
    """The screen as a user sees it: the characters of each line, read off a screenshot."""
    lines: dict[int, list[str]] = {}
    for number, text in _LINE.findall(pilot.app.export_screenshot()):
        lines.setdefault(int(number), []).append(html.unescape(text).replace("\xa0", " "))
    return "\n".join("".join(parts) for _, parts in sorted(lines.items()))


def assert_literal(text: str, *expected: str) -> None:
    for literal in expected:
        assert literal in text, f"{literal!r} is not on the screen:\n{text}"
    assert "\x1b" not in text


async def _show(pilot: Pilot[Any], key: str) -> str:
    await pilot.press(key)
    await pilot.pause()
    return screen_text(pilot)


@ui_test
async def test_markup_in_every_field_is_shown_literally_and_never_runs(marked_file: Path) -> None:
    app = RoamApp(marked_file)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        walkthrough = app.screen
        assert isinstance(walkthrough, WalkthroughScreen)
        walkthrough.go_to("R.A.1.a")
        await pilot.pause()
        # The tree (category, theme, question, indicator), the indicator's text and
        # scale, the top bar's country, the evidence table and the justification.
        text = screen_text(pilot)
        assert_literal(text, f"Examplia {BOLD}", f"Rights {CLICK}", f"A law exists {BOLD}")
        assert_literal(text, f"Regulator annual report {CRASHES}", "[2J")
        assert_literal(text, f"Low {CLICK}", f"Mid {CRASHES}")

        # Clicking where the [@click=app.quit] text is drawn does nothing but click text.
        await pilot.click(offset=(0, 0))
        assert app.is_running

        text = await _show(pilot, "f3")  # dashboard: scores, checks, data gaps
        assert_literal(text, f"Rights {CLICK}", f"Nobody counts {BOLD}")

        text = await _show(pilot, "f4")  # review: answers, the answer, the thread
        assert_literal(text, f"Liaison {CLICK}", f"UNESCO {BOLD}", f"See {CRASHES} {SHOWN_ESCAPE}")
        assert_literal(text, f"Regulator annual report {CRASHES} {SHOWN_ESCAPE}")

        text = await _show(pilot, "f5")  # recommendations
        assert_literal(text, f"Adopt {CLICK}")

        text = await _show(pilot, "f6")  # process: team, MAB, milestones
        assert_literal(text, f"Ana {CLICK}", f"lead {CRASHES}", f"Ben {BOLD}", f"NGO {CRASHES}")
        assert_literal(text, f"note {CLICK}")

        await _show(pilot, "f2")
        walkthrough.go_to("R.A.1.a")
        await pilot.press("ctrl+d")  # the conflicting versions side by side
        await pilot.pause()
        assert isinstance(app.screen, ConflictScreen)
        assert_literal(screen_text(pilot), f"Ben {BOLD} (filled.xlsx)", f"Courts {CLICK}")
        await pilot.press("escape")
        await pilot.pause()

        # A notification quoting data, and the dialogs that quote it.
        app.notify(f"Removed '{CRASHES}' {BOLD}", title=f"Title {CLICK}")
        await pilot.pause()
        assert_literal(screen_text(pilot), f"Removed '{CRASHES}' {BOLD}", f"Title {CLICK}")
        app.push_screen(MessageScreen(f"Title {BOLD}", f"Body {CRASHES} {ESCAPE}"))
        await pilot.pause()
        assert_literal(screen_text(pilot), f"Title {BOLD}", f"Body {CRASHES} {SHOWN_ESCAPE}")
        await pilot.press("escape")
        app.push_screen(ConfirmScreen(f"Remove evidence Regulator annual report {CRASHES}?"))
        await pilot.pause()
        assert_literal(screen_text(pilot), f"Remove evidence Regulator annual report {CRASHES}?")
        await pilot.press("n")
        await pilot.pause()

        app.close_session()  # back home: the recent list names the file
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert_literal(screen_text(pilot), f"kenya {FILE_MARK}.yaml")
        assert app.is_running


@pytest.fixture
def answered_file(mini_file: Path) -> Path:
    """The mini assessment with R.A.1.a answered 'mid' by the team (as in test_excel_imports)."""
    framework = load_framework(MINI)
    assessment = load_assessment(mini_file)
    answer = assessment.answers["R.A.1.a"]
    answer.status, answer.level, answer.justification = "answered", "mid", "The act exists."
    save_assessment(assessment, mini_file, framework)
    return mini_file


@ui_test
async def test_an_import_preview_shows_markup_from_the_workbook_literally(
    answered_file: Path,
) -> None:
    """Cells a stakeholder typed, quoted in the preview's changes, conflicts and bad cells."""
    workbook = filled_template(
        answered_file,
        {
            "R.A.1.a": {"level": "low", "justification": f"Courts {CLICK}"},
            "R.A.1.b": {
                "level": "high",
                "evidence1.citation": f"Regulator annual report {CRASHES}",
            },
            "R.A.2.a": {"value": f"lots {BOLD}", "year": 2023},
        },
    )
    app = RoamApp(answered_file)
    async with app.run_test(size=SIZE, notifications=True) as pilot:

        async def contributor(picker: ImportFileScreen) -> None:
            picker.query_one("#who", Input).value = f"Amina {CRASHES}"

        preview = await open_import(pilot, "f8", workbook, contributor)
        text = preview_text(preview)
        assert f"lots {BOLD}" in text  # the bad cell quotes it
        assert f"Courts {CLICK}" in text  # the conflict shows both sides
        await pilot.press("ctrl+s")  # apply: the notification quotes the summary
        await pilot.pause()
        assert app.is_running
        assert isinstance(app.screen, WalkthroughScreen)
    parked = load_assessment(answered_file).answers["R.A.1.a"].conflicts
    assert parked[1].source == f"Amina {CRASHES} (filled.xlsx)"
