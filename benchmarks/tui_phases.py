"""Where one TUI start-up goes: milliseconds from the process's first line to each step.

    python benchmarks/tui_phases.py FILE DATA_DIR CACHE_DIR

Run it twice with the same CACHE_DIR to time the usual start (file and edition in
roam's cache of validated files).  It prints one line per step: when it ended, and
how long it took.  A diagnostic for benchmarks/README.md, not a figure of the table.
"""

from __future__ import annotations

import time

STARTED = time.perf_counter()

import asyncio  # noqa: E402 - the clock starts before any import
import os  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

MARKS: list[tuple[str, float]] = []


def mark(step: str, at: float | None = None) -> None:
    MARKS.append((step, ((time.perf_counter() if at is None else at) - STARTED) * 1000))


def imports() -> None:
    import textual.app  # noqa: F401

    mark("Textual imported")
    import pydantic.main  # noqa: F401

    mark("Pydantic imported")
    import roam.assessment.model

    mark("roam's models")
    import roam.tui.app
    import roam.tui.screens.walkthrough  # noqa: F401

    mark("the TUI's modules")


def instrument() -> None:
    """Mark the session's opening and the walkthrough's mounting as they happen."""
    from roam.tui.screens.walkthrough import WalkthroughScreen
    from roam.tui.session import Session

    opened = Session.open.__func__  # type: ignore[attr-defined]

    def open_marked(cls: type[Session], *args: Any, **kwargs: Any) -> Session:
        mark("before Session.open")
        session: Session = opened(cls, *args, **kwargs)
        mark("Session.open")
        return session

    Session.open = classmethod(open_marked)  # type: ignore[method-assign, assignment]
    mounted = WalkthroughScreen.on_mount

    def mount_marked(self: WalkthroughScreen) -> None:
        mark("walkthrough composed")
        mounted(self)
        mark("tree built, first indicator shown")

    WalkthroughScreen.on_mount = mount_marked  # type: ignore[method-assign]


async def first_frame(path: Path, data_dir: Path) -> None:
    sys.path.insert(0, str(Path(__file__).parent))
    from tui_probe import Frames, mark_each_indicator_shown

    from roam.tui.app import RoamApp

    frames = Frames()
    mark_each_indicator_shown(frames)
    app = RoamApp(path, data_dir=data_dir)
    frames.watch(app)
    async with app.run_test(size=(120, 40)):
        mark("first frame drawn", await frames.drawn_since_change())
        mark("every field drawn", frames.last_at)


def main(argv: list[str]) -> None:
    path, data_dir, cache_dir = (Path(arg) for arg in argv)
    os.environ["ROAM_CACHE_DIR"] = str(cache_dir)
    imports()
    instrument()
    asyncio.run(first_frame(path, data_dir))
    before = 0.0
    for step, at in MARKS:
        print(f"{step:36} {at:7.0f} ms  +{at - before:5.0f}")
        before = at


if __name__ == "__main__":
    main(sys.argv[1:])
