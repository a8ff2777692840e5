"""Versions in conflict side by side, and the team's decision recorded with who decided."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Static

from roam.assessment.loader import load_assessment
from roam.assessment.model import AnswerVersion, Evidence
from roam.assessment.storage import save_assessment
from roam.framework.loader import load_framework
from roam.tui.app import RoamApp
from roam.tui.screens.conflicts import ConflictScreen
from roam.tui.screens.dialogs import AskScreen
from roam.tui.screens.walkthrough import WalkthroughScreen
from roam.tui.settings import SETTINGS_FILE
from roam.tui.widgets.indicator_tree import IndicatorTree
from tests.helpers.tui import MINI, answer_in_file, author_in_file, type_text, ui_test

SIZE = (120, 40)


@pytest.fixture
def conflict_file(mini_file: Path) -> Path:
    """R.A.1.a as `roam import-answers` leaves it without --keep: the team's and Ben's versions."""
    framework = load_framework(MINI)
    assessment = load_assessment(mini_file)
    answer = assessment.answers["R.A.1.a"]
    answer.status, answer.level = "answered", "mid"
    answer.justification = "The act exists."
    answer.evidence = [Evidence(kind="law_or_regulation", citation="Access Act 2019")]
    answer.conflicts = [
        AnswerVersion(
            source="assessment",
            status="answered",
            level="mid",
            justification="The act exists.",
            evidence=[Evidence(kind="law_or_regulation", citation="Access Act 2019")],
        ),
        AnswerVersion(
            source="Ben (filled.xlsx)",
            status="answered",
            level="low",
            year=2023,
            justification="Courts never apply it.",
            confidence="high",
            evidence=[Evidence(kind="court_decision", citation="Case 12/2021")],
        ),
    ]
    save_assessment(assessment, mini_file, framework)
    return mini_file


async def decide(app: RoamApp, pilot: Pilot[Any], key: str) -> ConflictScreen:
    screen = app.screen
    assert isinstance(screen, WalkthroughScreen)
    screen.go_to("R.A.1.a")
    await pilot.pause()
    await pilot.press("ctrl+d")
    conflicts = app.screen
    assert isinstance(conflicts, ConflictScreen)
    await pilot.press(key)
    return conflicts


@ui_test
async def test_the_versions_are_shown_side_by_side_with_what_differs(conflict_file: Path) -> None:
    app = RoamApp(conflict_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        tree = app.screen.query_one(IndicatorTree)
        assert "⇄" in tree.indicator_label("R.A.1.a").plain
        assert "⇄" not in tree.indicator_label("R.A.1.b").plain
        walkthrough = app.screen
        assert isinstance(walkthrough, WalkthroughScreen)
        walkthrough.apply_filter("conflicts")
        assert tree.shown_codes == ["R.A.1.a"]
        summary = str(app.screen.query_one("#answer-summary", Static).render())
        assert "2 versions to decide" in summary
        await pilot.press("ctrl+d")
        screen = app.screen
        assert isinstance(screen, ConflictScreen)
        panels = [str(panel.render()) for panel in screen.query(".version-body Static")]
        assert len(panels) == 2
        mine, bens = panels
        assert "Mid (50)" in mine and "Low (0)" in bens
        assert "Year: 2023" in bens and "Confidence: High" in bens
        assert "Evidence: 1 item" in mine and "Case 12/2021" in bens
        assert "⇄ Level" in mine and "⇄ Year" in bens  # the fields that differ are marked
        assert "⇄ Status" not in mine  # both say answered
        await pilot.press("escape")
        assert isinstance(app.screen, WalkthroughScreen)
    assert len(answer_in_file(conflict_file, "R.A.1.a")["conflicts"]) == 2


@ui_test
async def test_a_decision_asks_the_name_once_saves_and_can_be_undone(
    conflict_file: Path, data_dir: Path
) -> None:
    app = RoamApp(conflict_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await decide(app, pilot, "2")
        ask = app.screen
        assert isinstance(ask, AskScreen)  # no name in the settings yet
        ask.query_one("#answer", Input).value = ""
        await type_text(pilot, "MAB chair")
        await pilot.press("enter")
        await pilot.pause()
        decided = answer_in_file(conflict_file, "R.A.1.a")
        assert (decided["level"], decided["year"], decided["confidence"]) == ("low", 2023, "high")
        assert decided["justification"] == "Courts never apply it."
        assert "conflicts" not in decided
        assert [e["citation"] for e in decided["evidence"]] == ["Access Act 2019", "Case 12/2021"]
        consensus = decided["history"][-1]
        assert (consensus["field"], author_in_file(conflict_file, consensus)) == (
            "consensus",
            "MAB chair",
        )
        assert consensus["new"]["source"] == "Ben (filled.xlsx)"
        assert [v["level"] for v in consensus["old"]] == ["mid", "low"]
        screen = app.screen
        assert isinstance(screen, WalkthroughScreen)
        assert "⇄" not in screen.query_one(IndicatorTree).indicator_label("R.A.1.a").plain

        await pilot.press("ctrl+z")
        await pilot.pause()
        undone = answer_in_file(conflict_file, "R.A.1.a")
        assert undone["level"] == "mid"
        assert [v["source"] for v in undone["conflicts"]] == ["assessment", "Ben (filled.xlsx)"]

        await decide(app, pilot, "1")  # the name is known now: no question
        await pilot.pause()
        assert isinstance(app.screen, WalkthroughScreen)
        kept = answer_in_file(conflict_file, "R.A.1.a")
        assert kept["level"] == "mid" and "conflicts" not in kept
        assert author_in_file(conflict_file, kept["history"][-1]) == "MAB chair"
    settings = json.loads((data_dir / SETTINGS_FILE).read_text(encoding="utf-8"))
    assert settings["reviewer"] == "MAB chair"


@ui_test
async def test_without_a_name_nothing_is_decided(conflict_file: Path) -> None:
    app = RoamApp(conflict_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await decide(app, pilot, "2")
        assert isinstance(app.screen, AskScreen)
        await pilot.press("escape")
        await pilot.pause()
    assert len(answer_in_file(conflict_file, "R.A.1.a")["conflicts"]) == 2


@ui_test
async def test_a_second_coders_version_alone_is_shown_beside_the_current_answer(
    mini_file: Path, data_dir: Path
) -> None:
    framework = load_framework(MINI)
    assessment = load_assessment(mini_file)
    answer = assessment.answers["R.A.1.b"]
    answer.status, answer.level, answer.justification = "answered", "high", "Applied everywhere."
    answer.conflicts = [
        AnswerVersion(source="Lena (second coder)", status="answered", level="mid"),
    ]
    save_assessment(assessment, mini_file, framework)
    data_dir.mkdir(parents=True)
    (data_dir / SETTINGS_FILE).write_text(json.dumps({"reviewer": "Team lead"}), "utf-8")
    app = RoamApp(mini_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        walkthrough = app.screen
        assert isinstance(walkthrough, WalkthroughScreen)
        walkthrough.go_to("R.A.1.b")
        await pilot.pause()
        await pilot.press("ctrl+d")
        screen = app.screen
        assert isinstance(screen, ConflictScreen)
        titles = [str(panel.border_title) for panel in screen.query(".version")]
        assert titles == ["1 · current answer in this file", "2 · Lena (second coder)"]
        await pilot.press("1")  # the team keeps the file's answer; the name is known
        await pilot.pause()
    kept = answer_in_file(mini_file, "R.A.1.b")
    assert (kept["level"], kept["justification"]) == ("high", "Applied everywhere.")
    assert "conflicts" not in kept
    decision = kept["history"][-1]
    assert (decision["field"], author_in_file(mini_file, decision)) == ("consensus", "Team lead")
    assert [version["level"] for version in decision["old"]] == ["mid"]


def test_the_form_counts_the_versions_the_decision_offers(conflict_file: Path) -> None:
    """The summary's count, made without building versions, is what ctrl+d shows."""
    from roam.tui.session import Session

    session = Session.open(conflict_file, read_only=True)
    try:
        assert session.conflict_count("R.A.1.a") == len(session.conflict_versions("R.A.1.a")) == 2
        # Ben's version only: the team's current answer is offered too, first.
        answer = session.assessment.answers["R.A.1.a"]
        answer.conflicts = answer.conflicts[1:]
        assert session.conflict_count("R.A.1.a") == len(session.conflict_versions("R.A.1.a")) == 2
        answer.conflicts = []
        assert session.conflict_count("R.A.1.a") == len(session.conflict_versions("R.A.1.a")) == 0
    finally:
        session.close()
