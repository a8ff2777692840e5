"""Fuzzing the TUI's display of text from files: markup and control characters, shown as written.

Each case puts random text made of markup pieces (``[bold]``, ``[/]``, ``[@click=...]``,
stray brackets and backslashes), terminal commands (ESC, BEL, C1 controls, bidi
overrides) and ordinary characters into the fields a team fills in (team name,
justification, evidence citation, review comment, recommendation), saves the assessment,
opens it in the TUI and visits the screens that show those fields.  Nothing may raise,
each widget must show exactly the text of the file (with control characters written out,
``\\x1b``), and no drawn line may carry a character the terminal would obey.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.text import Text
from textual.widgets import DataTable, Static

from roam.assessment.create import new_assessment
from roam.assessment.loader import load_assessment
from roam.assessment.model import Comment, Evidence, Person, Recommendation
from roam.assessment.storage import save_assessment
from roam.framework.loader import load_framework
from roam.shown_text import shown
from roam.tui.app import RoamApp
from roam.tui.forms import evidence_row, person_row, recommendation_row
from roam.tui.plain import plain
from roam.tui.screens.review import ReviewScreen
from roam.tui.widgets.record_table import RecordTable
from tests.fuzz.support import CASES, FUZZ, FUZZ_EXAMPLES, OUTCOMES
from tests.helpers.files import MINI_FRAMEWORK

# Every case starts the TUI: a twentieth of the budget (at least 3; 250 in `make fuzz`).
TUI_BUDGET = settings(FUZZ, max_examples=max(3, FUZZ_EXAMPLES // 20))

PIECES = [
    "[", "]", "[/", "[/]", "[b]", "[/b]", "[bold red]", "[/bold red]", "[@click=app.quit]",
    "[@click=app.bell]", "[link=https://evil.example]", "[/link]", "[/2023 edition]",
    "\\[", "\\", "[[", "]]", ":smile:", "[on #ff0000]", "$accent", "[$accent]", "&",
    "\x1b", "\x1b[2J", "\x1b]2;TITLE\x07", "\x07", "\x00", "\x08", "\x7f", "\x9b", "\x85",
    "\u202e", "\u2066", "\r", "\n", "\t", " ", "é", "中", "\U0001f600", "x",
]  # fmt: skip
markup_text = st.lists(st.sampled_from(PIECES) | st.text(max_size=3), min_size=1, max_size=12).map(
    "".join
)
TARGET = "tui: text with markup and control characters"


def _write(path: Path, texts: list[str]) -> None:
    framework = load_framework(MINI_FRAMEWORK)
    assessment = new_assessment(
        framework, country="Kenya", iso="KEN", scope="full", path=path,
        created=dt.datetime(2024, 1, 15, tzinfo=dt.UTC),
    )  # fmt: skip
    name, justification, citation, comment, recommendation = texts
    assessment.team = [Person(name="n" + name)]
    answer = assessment.answers["R.A.1.a"]
    answer.status, answer.level, answer.justification = "answered", "mid", justification
    answer.evidence = [Evidence(kind="report", citation="c" + citation)]
    answer.review.thread = [
        Comment(author="a", time=dt.datetime(2024, 5, 1, tzinfo=dt.UTC), text="t" + comment)
    ]
    assessment.recommendations = [
        Recommendation(id="REC-1", text="r" + recommendation, groups=["academia"])
    ]
    save_assessment(assessment, path, framework, backup=False)


def _cells(table: RecordTable) -> list[str]:
    data: DataTable[Any] = table.table
    return [
        cell.plain if isinstance(cell, Text) else str(cell)
        for row in range(data.row_count)
        for cell in data.get_row_at(row)
    ]


def _expected(row: tuple[str, ...]) -> list[str]:
    """A record's row as the table must show it: its own text, control characters written out."""
    return [shown(cell) for cell in row]


async def _visit(path: Path) -> None:
    assessment = load_assessment(path)  # the texts as the file holds them
    answer = assessment.answers["R.A.1.a"]
    app = RoamApp(path)
    async with app.run_test(size=(140, 45), notifications=True) as pilot:
        await pilot.pause()
        app.screen.go_to("R.A.1.a")  # type: ignore[attr-defined]
        await pilot.pause()
        evidence = app.screen.query_one("#evidence", RecordTable)
        assert _cells(evidence) == _expected(evidence_row(answer.evidence[0]))
        app.notify(answer.justification)  # as a notification quoting data would
        await pilot.press("f4")
        await pilot.pause()
        review = app.screen
        assert isinstance(review, ReviewScreen)
        thread = str(review.query_one("#thread", Static).render())
        assert shown(answer.review.thread[0].text) in thread
        shown_answer = str(review.query_one("#review-answer", Static).render())
        assert shown(answer.justification).strip() in shown_answer
        await pilot.press("f5")
        await pilot.pause()
        recommendations = app.screen.query_one(RecordTable)
        assert _cells(recommendations) == _expected(
            recommendation_row(assessment.recommendations[0])
        )
        await pilot.press("f6")
        await pilot.pause()
        team = app.screen.query_one("#team", RecordTable)
        assert _cells(team) == _expected(person_row(assessment.team[0]))
        # What reaches the terminal: no drawn line carries ESC or another command.
        screenshot = app.export_screenshot()
        assert "\x1b" not in screenshot and "\x9b" not in screenshot
    assert app.return_code in (None, 0)


@TUI_BUDGET
@given(st.lists(markup_text, min_size=5, max_size=5))
def test_tui_shows_text_from_files_as_written(tmp_path_factory: Any, texts: list[str]) -> None:
    CASES[TARGET] += 1
    path = tmp_path_factory.mktemp("tui") / "kenya.yaml"
    _write(path, texts)
    asyncio.run(_visit(path))
    OUTCOMES[f"{TARGET}: accepted"] += 1


@FUZZ
@given(markup_text)
def test_plain_text_is_never_markup_and_never_a_terminal_command(text: str) -> None:
    """The helper every display of data goes through: literal text, nothing to obey."""
    CASES["tui: plain() helper"] += 1
    rendered = plain(text)
    assert rendered.plain == shown(text)
    assert not rendered.spans  # no style or link was read from the text
    assert "\x1b" not in rendered.plain and "\x07" not in rendered.plain
    OUTCOMES["tui: plain() helper: accepted"] += 1
