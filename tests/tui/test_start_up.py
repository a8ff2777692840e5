"""What makes the TUI start quickly must not change what it shows or lose anything.

The parsed CSS comes from roam's cache only for the same CSS, theme and Textual;
the garbage collector is paused while the first screen is built and always resumed;
the tree, built in one go, still has every indicator; the walkthrough, not
restyled when it first shows, is styled as a full restyle would style it.
"""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
from textual.css.stylesheet import Stylesheet, StylesheetParseError
from textual.screen import Screen

from roam.tui import remembered_css
from roam.tui.app import RoamApp
from roam.tui.remembered_css import RememberingStylesheet
from roam.tui.screens.filter_picker import FilterPicker
from roam.tui.screens.walkthrough import WalkthroughScreen
from roam.tui.widgets.answer_form import AnswerForm
from roam.tui.widgets.indicator_tree import IndicatorTree
from tests.conftest import recorded_calls
from tests.tui.helpers import ui_test

SIZE = (100, 32)


pytestmark = pytest.mark.usefixtures("cache_dir")  # a cache folder of each test's own


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The pieces of CSS Textual's parser was given (where each was read from)."""
    return recorded_calls(
        monkeypatch,
        Stylesheet,
        "_parse_rules",
        lambda sheet, css, read_from, *_, **__: str(read_from),
    )


def _rules(app: RoamApp) -> list[str]:
    """Each rule as text (Textual's layouts compare by identity, so rules cannot)."""
    return [
        repr((rule.selector_set, rule.styles.get_rules(), rule.is_default_rules, rule.tie_breaker))
        for rule in app.stylesheet.rules
    ]


async def _started(path: Path) -> tuple[list[str], str]:
    """The rules of a session's stylesheet, and the screen as text."""
    app = RoamApp(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        return _rules(app), app.export_screenshot()


@ui_test
async def test_a_second_start_parses_no_css_and_styles_alike(
    mini_file: Path, parses: list[str]
) -> None:
    first_rules, first_screen = await _started(mini_file)
    assert any("roam.tcss" in where for where in parses)
    parses.clear()
    again_rules, again_screen = await _started(mini_file)
    assert parses == []
    assert again_rules == first_rules
    assert again_screen == first_screen


@ui_test
async def test_another_theme_parses_anew_and_is_remembered_too(
    mini_file: Path, parses: list[str]
) -> None:
    await _started(mini_file)
    first_start = len(parses)
    app = RoamApp(mini_file)
    async with app.run_test(size=SIZE) as pilot:
        parses.clear()
        await pilot.press("ctrl+t")  # light/dark: other colours in every rule
        await pilot.pause()
        assert any("roam.tcss" in where for where in parses)
        theme = app.theme
    parses.clear()
    rules, screen = await _started(mini_file)  # the theme chosen is kept in the settings
    # The switch parsed the CSS as it stood then; a start adds the few pieces that
    # Textual registers more than once on the way (Widget's own CSS, for one).
    assert len(parses) < first_start / 4
    parses.clear()
    app = RoamApp(mini_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.theme == theme
        assert (_rules(app), app.export_screenshot()) == (rules, screen)
    assert parses == []


@ui_test
async def test_another_textual_parses_anew(
    mini_file: Path, parses: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    await _started(mini_file)
    parses.clear()
    monkeypatch.setattr(remembered_css, "_parser_fingerprint", lambda: "another Textual")
    await _started(mini_file)
    assert any("roam.tcss" in where for where in parses)


def test_css_with_errors_is_not_remembered(tmp_path: Path) -> None:
    sheet = RememberingStylesheet(variables={})
    sheet.add_source("Screen { colour: red; }", read_from=("bad.tcss", ""))
    with pytest.raises(StylesheetParseError):
        sheet.parse()
    sheet.save()
    assert list((tmp_path / "cache").glob("textual-css-*")) == []


@ui_test
async def test_a_damaged_entry_is_a_miss(mini_file: Path, cache_dir: Path) -> None:
    rules, screen = await _started(mini_file)
    (entry,) = cache_dir.glob("textual-css-*")
    entry.write_bytes(b"not a pickle")
    again_rules, again_screen = await _started(mini_file)
    assert (again_rules, again_screen) == (rules, screen)
    assert entry.read_bytes() != b"not a pickle"  # stored anew


@ui_test
async def test_the_collector_runs_again_once_the_first_screen_is_drawn(mini_file: Path) -> None:
    assert gc.isenabled()
    app = RoamApp(mini_file)
    assert not gc.isenabled()  # paused from the start
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert gc.isenabled()
    assert gc.isenabled()


@ui_test
async def test_the_collector_is_resumed_when_a_start_fails(tmp_path: Path) -> None:
    app = RoamApp(tmp_path / "missing.yaml")  # an error dialog, not a walkthrough
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
    assert gc.isenabled()


@ui_test
async def test_the_tree_has_every_indicator_in_framework_order(demo_file: Path) -> None:
    app = RoamApp(demo_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        tree = app.screen.query_one(IndicatorTree)
        session = app.screen.session  # type: ignore[attr-defined]
        lines = [line.node.data for line in tree._tree_lines]
        shown = [code for level, code in lines if level == "indicator"]
        assert shown == session.codes
        assert tree.virtual_size.height == len(lines)
        assert tree.cursor_code == app.screen.code  # type: ignore[attr-defined]


@ui_test
async def test_the_blank_containers_have_nothing_of_their_own_to_draw(mini_file: Path) -> None:
    """They are drawn as blank lines: a border or a title given to one would never show."""
    app = RoamApp(mini_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        blank = [node for node in app.screen.walk_children(with_self=True) if node.BLANK]
        named = {"walkthrough", "detail", "form-box", "form", "answer-area", "level-box"}
        assert {node.id for node in blank} >= named
        for node in blank:
            assert all(kind in ("", "none", "hidden") for kind, _ in node.styles.border)
            assert all(kind in ("", "none", "hidden") for kind, _ in node.styles.outline)
            assert not node.border_title and not node.border_subtitle


def _node_styles(screen: Screen[object]) -> list[str]:
    """What CSS gave each widget of ``screen`` and the states it matched, as text."""
    return [
        repr((node, sorted(node._css_styles.get_rules().items()), sorted(node.pseudo_classes)))
        for node in screen.walk_children(with_self=True)
    ]


@ui_test
async def test_the_walkthrough_is_styled_as_a_full_restyle_would_style_it(demo_file: Path) -> None:
    """Its widgets are styled as they mount, not all again when it first shows."""
    app = RoamApp(demo_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, WalkthroughScreen) and screen.query_one(AnswerForm).complete
        for state in ("first shown", "back from a dialog"):
            as_styled = _node_styles(screen)
            app.update_styles(screen)
            assert _node_styles(screen) == as_styled, state
            await pilot.press("ctrl+l")
            await pilot.pause()
            assert isinstance(app.screen, FilterPicker)
            await pilot.press("escape")
            await pilot.pause()
            assert app.screen is screen
