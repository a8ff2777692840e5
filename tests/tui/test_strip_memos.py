"""A drawn line no longer shown is freed at once, and Textual draws the same lines as before.

See roam/tui/strip_memos.py: Textual's strips memoized themselves, which left
every line the walkthrough stopped showing for the collector's rare full pass.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator
from pathlib import Path

from rich.segment import Segment
from textual.strip import Strip

from roam.tui.app import RoamApp
from roam.tui.strip_memos import free_lines_promptly
from tests.tui.helpers import ui_test


@contextlib.contextmanager
def collector_off() -> Iterator[list[object]]:
    """Only reference counting frees objects inside; the garbage of a final pass is given."""
    garbage: list[object] = []
    gc.collect()
    gc.disable()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        yield garbage
        gc.collect()
        garbage.extend(gc.garbage)
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        gc.enable()


def _strips_alive() -> int:
    return sum(1 for thing in gc.get_objects() if type(thing) is Strip)


def _line(text: str) -> Strip:
    return Strip([Segment(text[:3]), Segment(text[3:])], len(text))


def test_a_line_drawn_at_its_own_width_is_freed_without_the_collector() -> None:
    free_lines_promptly()
    with collector_off():
        before = _strips_alive()
        line = _line("indicator text")
        # What the compositor asks of a line that fills its widget's width.
        assert line.crop_extend(0, line.cell_length, None) is line
        assert line.divide([line.cell_length]) == [line]
        del line
        assert _strips_alive() == before


def test_lines_and_their_memos_are_as_textual_makes_them() -> None:
    free_lines_promptly()
    line = _line("indicator text")
    cropped = line.crop_extend(2, 20, None)
    assert (cropped.text, cropped.cell_length) == ("dicator text      ", 18)
    assert line.crop_extend(2, 20, None) is cropped  # other results are still remembered
    pieces = line.divide([4, 9, 14])
    assert [piece.text for piece in pieces] == ["indi", "cator", " text"]
    assert line.divide([4, 9, 14]) is pieces
    assert line.crop_extend(0, 14, None) is line
    assert line.divide([99]) == []  # cuts past the end, as Textual gives them


@ui_test
async def test_stepping_through_indicators_leaves_no_line_holding_itself(
    demo_file: Path,
) -> None:
    app = RoamApp(demo_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        with collector_off() as garbage:
            for _ in range(8):
                await pilot.press("ctrl+n")
                await pilot.pause()
        held = [
            thing
            for thing in garbage
            if type(thing) is Strip
            and (
                any(memo is thing for memo in thing._crop_extend_cache._cache.values())
                or any(thing in memo for memo in thing._divide_cache._cache.values())
            )
        ]
        assert held == []
        assert app.screen.code != app.session.codes[0]  # type: ignore[attr-defined, union-attr]
