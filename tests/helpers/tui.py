"""What the UI tests share: the mini edition, fixed dates, and small steps (read the saved
file, type, choose in a Select)."""

from __future__ import annotations

import asyncio
import datetime as dt
import functools
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

import yaml
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Select

from roam.tui.screens.record_form import RecordForm
from roam.tui.widgets.choice_set import ChoiceSet
from tests.helpers.files import MINI_FRAMEWORK

MINI = MINI_FRAMEWORK
# The readiness checks' "today", so that what the dashboard shows never depends on the date.
TODAY = dt.date(2024, 6, 1)
CREATED = dt.datetime(2024, 1, 15, 9, 0, tzinfo=dt.UTC)


def saved(path: Path) -> dict[str, Any]:
    """The assessment file as plain data, as another program would read it."""
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def author_in_file(path: Path, change: dict[str, Any]) -> str:
    """The name a history entry of the file gives by its key into the people table."""
    people: dict[str, str] = saved(path)["people"]
    return people[change["who"]]


def answer_in_file(path: Path, code: str) -> dict[str, Any]:
    return saved(path)["answers"][code]


async def on_screen(pilot: Pilot[Any], widget: Widget) -> str:
    """The text ``widget`` shows, after checking a user can see it once scrolled to."""
    widget.scroll_visible(animate=False)
    await pilot.pause()
    assert widget.display, f"{widget} is hidden"
    region = widget.region
    assert region.height > 0 and region.width > 0, f"{widget} takes no room"
    assert pilot.app.screen.region.contains_region(region), f"{widget} is off the screen"
    container: Widget | None = widget.parent if isinstance(widget.parent, Widget) else None
    while container is not None:
        if container.is_scrollable:
            assert container.region.contains_region(region), f"{widget} is cut off"
        container = container.parent if isinstance(container.parent, Widget) else None
    return str(widget.render())


MAX_OPTIONS = 40  # more than any of roam's choice lists


async def type_text(pilot: Pilot[Any], text: str) -> None:
    await pilot.press(*text)


async def choose(pilot: Pilot[Any], select: Select[Any], value: object) -> None:
    """Pick ``value`` in ``select`` with the keyboard, as a user would.

    From the first option down, one at a time, until ``value`` is chosen (a user
    reads the labels; a test knows only the value).
    """
    select.focus()
    await pilot.pause()
    await pilot.press("enter", "home", "enter")  # open the list, go to the top, choose
    await pilot.pause()
    for _ in range(MAX_OPTIONS):
        if select.value == value:
            return
        await pilot.press("enter", "down", "enter")  # open the list, the next one, choose
        await pilot.pause()
    raise AssertionError(f"{value!r} is not an option of {select}")
    assert select.value == value


async def pick(pilot: Pilot[Any], choices: ChoiceSet, value: str | None) -> None:
    """Press the radio button of ``value`` with the arrow keys and enter, as a user would."""
    choices.focus()
    await pilot.pause()
    current = choices.cursor or 0  # the highlighted choice
    steps = choices.values.index(value) - current
    await pilot.press(*(["right"] * steps if steps > 0 else ["left"] * -steps), "enter")
    await pilot.pause()
    assert choices.chosen == value


def ui_test(test: Callable[..., Coroutine[Any, Any, None]]) -> Callable[..., None]:
    """Run an async Pilot test in its own event loop (no async plugin needed)."""

    @functools.wraps(test)
    def run(*args: Any, **kwargs: Any) -> None:
        asyncio.run(test(*args, **kwargs))

    return run


async def record_form(pilot: Pilot[Any], *keys: str) -> RecordForm:
    """Press ``keys`` (those that open a form for one record) and return the form shown."""
    await pilot.press(*keys)
    form = pilot.app.screen
    assert isinstance(form, RecordForm), f"{keys} opened {form!r}, not a record form"
    return form


async def steady_cursor(pilot: Pilot[Any]) -> None:
    """Text fields' cursors shown without blinking: a picture taken after a wait (a worker,
    a busy machine) would otherwise catch the cursor on or off by chance."""
    from textual.widgets import Input, TextArea

    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False
    for area in pilot.app.screen.query(TextArea):
        area.cursor_blink = False
    await pilot.pause()
