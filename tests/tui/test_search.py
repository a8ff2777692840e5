"""Search ranks what users name (themes, questions) above indicator texts and says what matched."""

from __future__ import annotations

from pathlib import Path

from textual.command import CommandList, CommandPalette

from roam.tui.app import RoamApp
from roam.tui.screens.walkthrough import WalkthroughScreen
from roam.tui.search import GUIDANCE, IN_THEME, QUESTION, TEXT, THEME, search
from roam.tui.session import Session
from tests.helpers.tui import type_text, ui_test

SIZE = (120, 40)


def palette_lines(app: RoamApp) -> str:
    """What the open palette lists, each result with its help line."""
    assert isinstance(app.screen, CommandPalette)
    found = app.screen.query_one(CommandList)
    return "\n".join(str(option.prompt) for option in found.options)


def test_privacy_shows_the_theme_and_its_questions_before_indicator_texts(
    demo_file: Path,
) -> None:
    session = Session.open(demo_file, read_only=True, who="test")
    try:
        found = search(session, "privacy")
    finally:
        session.close()
    first = found[0]
    assert first.label == "R.E Right to privacy" and first.matched == THEME
    theme_questions = [hit for hit in found if hit.label.startswith("R.E.") and hit.rank == 0]
    assert [hit.label.split()[0] for hit in theme_questions] == [
        "R.E.1", "R.E.2", "R.E.3", "R.E.4", "R.E.5",
    ]  # fmt: skip
    assert found[1 : 1 + len(theme_questions)] == theme_questions
    assert {hit.matched for hit in theme_questions} <= {IN_THEME, QUESTION}
    texts = [hit for hit in found if hit.matched in (TEXT, GUIDANCE)]
    assert texts and found.index(texts[0]) > found.index(theme_questions[-1])
    assert "R.A.1.a" in texts[0].label  # an indicator whose own text says "privacy"
    ranks = [hit.rank for hit in found]
    assert ranks == sorted(ranks)


@ui_test
async def test_the_search_palette_says_what_matched(demo_file: Path) -> None:
    app = RoamApp(demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+f")
        await type_text(pilot, "privacy")
        await pilot.pause(0.8)
        palette = app.screen
        assert isinstance(palette, CommandPalette)
        shown = palette_lines(app)
        assert "Right to privacy" in shown.splitlines()[0]
        assert THEME in shown
        await pilot.press("enter")  # the first result: the theme
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, WalkthroughScreen)
        assert screen.code == "R.E.1.a"


@ui_test
async def test_words_typed_into_jump_lead_to_search(demo_file: Path) -> None:
    app = RoamApp(demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+g")
        await type_text(pilot, "privacy")
        await pilot.pause(0.8)
        assert "search the texts for it" in palette_lines(app)
        await pilot.press("enter")
        await pilot.pause(0.8)
        palette = app.screen
        assert isinstance(palette, CommandPalette)
        assert "Right to privacy" in palette_lines(app)  # the search, the words typed in


@ui_test
async def test_the_empty_palette_lists_commands_not_indicators(mini_file: Path) -> None:
    app = RoamApp(mini_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+k")
        await pilot.pause(0.8)
        shown = palette_lines(app)
        assert "Open dashboard" in shown
        assert "C.1.1.a" not in shown and "R.A.1.a" not in shown
        await pilot.press("escape")
        await pilot.press("ctrl+g")  # the jump still lists the indicators
        await pilot.pause(0.8)
        assert "C.1.1.a" in palette_lines(app)
