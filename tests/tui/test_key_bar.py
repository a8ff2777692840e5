"""The footer at 80 and 120 columns: the app's keys always there, the screen's keys never cut.

The line is read off a screenshot (the characters a user sees, each at its column),
so a key that Textual draws past the right edge, or half under another, fails here.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Footer

from roam.tui.app import RoamApp
from roam.tui.screens.walkthrough import WalkthroughScreen
from tests.helpers.tui import ui_test

SMALL = (80, 24)
LARGE = (120, 40)
APP_KEYS = "f1 Help ^k Palette f3 Dashboard f9 Export"

_TEXT = re.compile(
    r'<text [^>]*x="([\d.]+)"[^>]*textLength="([\d.]+)"[^>]*'
    r'clip-path="url\(#[^)]*-line-(\d+)\)"[^>]*>([^<]*)</text>'
)


def bottom_line(pilot: Pilot[Any]) -> str:
    """The last line of the screen, each piece of text at its column, gaps as spaces."""
    app = pilot.app
    pieces: list[tuple[int, str]] = []
    cell = 0.0
    last = app.size.height - 1
    for x, length, line, text in _TEXT.findall(app.export_screenshot()):
        shown = html.unescape(text).replace("\xa0", " ")
        if int(line) == last and shown:
            cell = cell or float(length) / len(shown)
            pieces.append((round(float(x) / cell), shown))
    row = [" "] * app.size.width
    for column, shown in pieces:
        row[column : column + len(shown)] = shown
    return "".join(row)[: app.size.width]


def footer_entries(pilot: Pilot[Any]) -> tuple[list[str], list[str]]:
    """The texts of the footer's entries (a key and its words, or a group's label)
    that are displayed, and of those left out."""
    footer = pilot.app.screen.query_one(Footer)
    shown: list[str] = []
    left_out: list[str] = []
    for widget in footer.query("*"):
        if widget.children or widget.has_class("-grouped"):
            continue  # containers, and a group's keys (its label stands for them)
        text = str(widget.render()).strip()
        if text:
            visible = all(node.display for node in widget.ancestors_with_self if node is not footer)
            (shown if visible else left_out).append(text)
    return shown, left_out


def assert_whole(pilot: Pilot[Any]) -> str:
    """Every entry the footer shows stands whole on the bottom line, and nothing else."""
    line = bottom_line(pilot)
    shown, left_out = footer_entries(pilot)
    rest = line
    for text in shown:
        assert text in rest, f"{text!r} is not whole on {line!r}"
        rest = rest.replace(text, " ", 1)
    for text in left_out:
        assert text.split()[-1] not in line, f"{text!r} is half there on {line!r}"
    # What remains are the keys of groups (^n^p) and spaces: no piece of a cut word.
    assert re.fullmatch(r"[\s^a-z0-9]*", rest), f"cut text on {line!r}: {rest!r}"
    return line


@pytest.mark.parametrize("size", [SMALL, LARGE], ids=["80x24", "120x40"])
@ui_test
async def test_the_walkthrough_footer_shows_help_palette_dashboard_and_export(
    demo_file: Path, size: tuple[int, int]
) -> None:
    app = RoamApp(demo_file)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WalkthroughScreen)
        line = assert_whole(pilot)
        assert line.rstrip().endswith(APP_KEYS)
        for entry in ("⏎ Answer", "^n^p Next/prev", "^g^f Find"):
            assert entry in line
        if size == LARGE:
            for entry in ("^r Evidence", "^o Next open", "^l Filter", "^z Undo"):
                assert entry in line
        await pilot.press("enter")  # into the form: the tree's Enter leaves the footer
        await pilot.pause()
        line = assert_whole(pilot)
        assert "Answer" not in line and "^r Evidence" in line
        assert line.rstrip().endswith(APP_KEYS)


@pytest.mark.parametrize("keys", [["f3"], ["f4"], ["f5"], ["f6"]], ids=lambda k: k[0])
@ui_test
async def test_every_view_keeps_the_app_keys_at_80_columns(
    demo_file: Path, keys: list[str]
) -> None:
    app = RoamApp(demo_file)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press(*keys)
        await pilot.pause()
        line = assert_whole(pilot)
        assert line.rstrip().endswith(APP_KEYS)
        assert "esc Back" in line


@ui_test
async def test_the_review_footer_fits_all_its_keys_at_80_columns(demo_file: Path) -> None:
    app = RoamApp(demo_file)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("f4")
        await pilot.pause()
        line = assert_whole(pilot)
        assert "^s Comment ^e Edit ^l Filter esc Back" in line


@ui_test
async def test_keys_left_out_on_a_narrow_terminal_come_back_when_it_widens(
    demo_file: Path,
) -> None:
    app = RoamApp(demo_file)
    async with app.run_test(size=LARGE) as pilot:
        await pilot.pause()
        assert "^l Filter" in assert_whole(pilot)
        await pilot.resize_terminal(*SMALL)
        await pilot.pause()
        narrow = assert_whole(pilot)
        assert "Filter" not in narrow and narrow.rstrip().endswith(APP_KEYS)
        await pilot.resize_terminal(*LARGE)
        await pilot.pause()
        assert "^l Filter" in assert_whole(pilot)


@ui_test
async def test_the_home_footer_shows_its_keys_and_help_and_palette() -> None:
    app = RoamApp()
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        line = assert_whole(pilot)
        assert "n New o Open file d Demo x Forget recent" in line
        assert line.rstrip().endswith("f1 Help ^k Palette")
        assert "Dashboard" not in line  # no assessment open, no views
