"""What makes the TUI start quickly must not change what it shows or lose anything.

The tree, built in one go, still has every indicator; the walkthrough, not
restyled when it first shows, is styled as a full restyle would style it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.app import App, ComposeResult
from textual.screen import Screen

from roam.scoring.engine import score
from roam.scoring.result import ScoreReport
from roam.tui.app import RoamApp
from roam.tui.screens.filter_picker import FilterPicker
from roam.tui.screens.walkthrough import WalkthroughScreen
from roam.tui.session import Session
from roam.tui.widgets.answer_form import AnswerForm
from roam.tui.widgets.indicator_tree import IndicatorTree
from roam.tui.widgets.progress_panel import ProgressPanel
from tests.helpers.tui import on_screen, ui_test

SIZE = (100, 32)


pytestmark = pytest.mark.usefixtures("cache_dir")  # a cache folder of each test's own


@ui_test
async def test_the_tree_has_every_indicator_in_framework_order(demo_file: Path) -> None:
    app = RoamApp(demo_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        tree = app.screen.query_one(IndicatorTree)
        session = app.screen.session  # type: ignore[attr-defined]
        nodes = [tree.get_node_at_line(line) for line in range(tree.last_line + 1)]
        lines = [node.data for node in nodes if node is not None]
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
        repr((node, sorted(node.styles.base.get_rules().items()), sorted(node.pseudo_classes)))
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


def _coverage_cells(report: ScoreReport) -> list[str]:
    """The completion the progress panel shows: overall, then each category."""
    nodes = [report.overall, *report.categories]
    return [f"{node.coverage.complete:4.0f}%" for node in nodes]


@ui_test
async def test_the_scores_worked_out_after_the_first_frame_reach_the_progress(
    demo_file: Path,
) -> None:
    """The walkthrough scores in a worker once it is drawn: the panel then shows them, and an
    edit right after shows the new figures, never those of the worker."""
    app = RoamApp(demo_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        session = app.session
        assert session is not None and session.report is not None
        panel = app.screen.query_one(ProgressPanel)
        expected = score(session.assessment, session.framework)
        assert session.report == expected
        rows = (await on_screen(pilot, panel)).splitlines()
        assert rows[0].startswith(" All")
        assert [row[-5:] for row in rows[: len(expected.categories) + 1]] == _coverage_cells(
            expected
        )

        form = app.screen.query_one(AnswerForm)
        assert form.code is not None and session.answer(form.code).status == "not_assessed"
        assert form.commit({"status": "no_data"})
        await pilot.pause()
        edited = score(session.assessment, session.framework)
        assert edited.overall.coverage != expected.overall.coverage
        rows = (await on_screen(pilot, panel)).splitlines()
        assert [row[-5:] for row in rows[: len(edited.categories) + 1]] == _coverage_cells(edited)


@ui_test
async def test_the_progress_keeps_its_lines_until_the_scores_come(demo_file: Path) -> None:
    """Before the scores the panel has the rows it will have, so nothing moves when they come."""
    session = Session.open(demo_file, read_only=True, score_now=False)

    class PanelApp(App[None]):
        def compose(self) -> ComposeResult:
            yield ProgressPanel(session)

    try:
        async with PanelApp().run_test(size=(120, 40)) as pilot:
            panel = pilot.app.query_one(ProgressPanel)
            waiting = str(panel.render()).split("\n")
            assert [row.split()[0] for row in waiting[:-1]] == [
                "All",
                *(category.code for category in session.framework.categories),
            ]
            assert "%" not in str(panel.render())
            session.rescore()
            panel.update_progress()
            await pilot.pause()
            scored = str(panel.render()).split("\n")
            assert len(scored) == len(waiting)
            assert all(row.endswith("%") for row in scored[:-1])
    finally:
        session.close()
