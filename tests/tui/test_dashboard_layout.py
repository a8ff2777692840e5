"""The dashboard at 120x40 and 80x24: nothing cut, words that say what to do, scrolling, focus."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, Static

from roam.tui.app import RoamApp
from roam.tui.screens.dashboard import TO_DO, DashboardScreen
from tests.helpers.tui import TODAY, ui_test


async def _dashboard(app: RoamApp, pilot: object) -> DashboardScreen:
    await pilot.press("f3")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    screen = app.screen
    assert isinstance(screen, DashboardScreen)
    return screen


@ui_test
async def test_at_120x40_bands_titles_and_reasons_show_whole(demo_file: Path) -> None:
    app = RoamApp(demo_file, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _dashboard(app, pilot)
        await pilot.pause()
        scores = str(screen.query_one("#scores", Static).render())
        for category in ("R ", "O ", "A ", "M ", "X "):
            line = next(line for line in scores.splitlines() if line.startswith(category))
            assert " · " in line and "…" not in line.split(" · ")[1], line  # the band whole
        for panel in screen.query("#scores, DataTable"):
            title = panel.border_title or ""
            assert len(title) + 4 <= panel.size.width + 2, title  # the title fits its border
        findings = screen.query_one("#findings", DataTable)
        assert [str(c.label) for c in findings.columns.values()] == ["Code", "What to do", "Why"]
        to_do = {str(findings.get_row_at(row)[1]) for row in range(findings.row_count)}
        assert to_do <= set(TO_DO.values()) and "Add evidence (ctrl+r)" in to_do
        gaps = screen.query_one("#gaps", DataTable)
        assert [str(c.label) for c in gaps.columns.values()][1] == "Why no data"
        code, why = (gaps.columns[key] for key in list(gaps.columns)[:2])
        shown = code.get_render_width(gaps) + why.get_render_width(gaps)
        assert shown <= gaps.scrollable_content_region.width  # the reason in view, whole


@ui_test
async def test_at_80x24_the_page_scrolls_and_every_tab_stop_shows_the_focus(
    demo_file: Path,
) -> None:
    app = RoamApp(demo_file, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _dashboard(app, pilot)
        page = screen.query_one("#dashboard")
        assert app.focused is page
        await pilot.press("pagedown")
        await pilot.pause()
        after_page = page.scroll_offset.y
        assert after_page > 0
        await pilot.press("down")
        await pilot.pause()
        assert page.scroll_offset.y > after_page
        await pilot.press("pageup", "pageup", "pageup")
        await pilot.pause()
        assert page.scroll_offset.y < after_page
        seen = []
        for _ in range(4):
            focused = app.focused
            assert focused is not None
            seen.append(focused.id)
            if isinstance(focused, DataTable):
                assert focused.cursor_type == "row"  # the highlighted row shows where it is
            else:
                assert focused.styles.background_tint.a > 0, focused  # tinted while focused
            await pilot.press("tab")
            await pilot.pause()
        assert "robustness" not in seen
        assert {"dashboard", "findings", "gaps"} <= set(seen)
