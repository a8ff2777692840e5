"""One headless TUI session in a fresh process; prints its figures as one JSON line.

    python tui_probe.py roam FILE PRESSES DATA_DIR [CACHE_DIR]
    python tui_probe.py bare NODES PRESSES

`roam` opens FILE in roam's TUI; `bare` shows a Textual Tree of NODES nodes,
all expanded, and nothing else.  Both then step PRESSES times (roam: ctrl+n,
the next indicator; bare: the cursor down), turning back at either end.

What is timed is what a user waits for: from the process's first line (so
imports count, the interpreter's own start-up does not) to the first frame
showing the usable screen; and from a key reaching the app to the first frame
drawn after the app changed what it shows.  Pilot.press is not used to time:
it sleeps in 20 ms steps until the process looks idle; the probe posts the key
event to the app itself.  Frames are counted in `App.post_display_hook`, which
Textual calls as soon as it has handed a screen update to the driver (the
headless driver then discards it, for both apps alike); both apps are probed as
subclasses that count there.  Nothing of roam is imported for `bare`, so its
peak memory is Textual's alone.
"""

from __future__ import annotations

import time

STARTED = time.perf_counter()

import asyncio  # noqa: E402 - the clock starts before any import
import json  # noqa: E402
import os  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
from collections.abc import Callable, Coroutine  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

SIZE = (120, 40)
TIMEOUT = 30.0
# Set ROAM_PROBE_PROFILE to a folder to get pyinstrument profiles of the start-up
# and of the presses there (benchmarks/run.py --profile does).
PROFILE_DIR = os.environ.get("ROAM_PROBE_PROFILE")


class Phases:
    """pyinstrument over one phase at a time, when PROFILE_DIR is set; otherwise nothing."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self.profiler: Any = None
        if PROFILE_DIR:
            from pyinstrument import Profiler

            self.profiler = Profiler(interval=0.0005, async_mode="disabled")
            self.profiler.start()

    def end(self, phase: str, *, again: bool) -> None:
        if self.profiler is None:
            return
        self.profiler.stop()
        text = self.profiler.output_text(unicode=False, color=False)
        Path(PROFILE_DIR or ".", f"profile-tui-{self.kind}-{phase}.txt").write_text(text)
        if again:
            self.profiler.reset()
            self.profiler.start()


def peak_mib() -> float:
    """This process's peak resident memory.

    VmHWM, not ru_maxrss: Linux carries ru_maxrss over an exec, so a probe
    started by a large parent would report at least the parent's size.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


class Frames:
    """Counts the screen updates an app finishes, and when the first after a change came.

    The time is taken as Textual hands the update to the driver, not when a waiting
    coroutine next gets a turn: ``run_test`` itself does not return until every
    widget has handled its queued messages, which for roam includes mounting the
    answer form's lower fields after the first frame (about 200 ms later).
    """

    def __init__(self) -> None:
        self.count = 0
        self.changed_at: int | None = None  # the frame count when the view last changed
        self.drawn_at: float | None = None  # perf_counter of the first frame since then
        self.last_at: float | None = None  # perf_counter of the latest frame

    def frame(self) -> None:
        """One screen update handed to the driver (called from ``post_display_hook``).

        Textual also calls the hook for an update that turned out empty (nothing visible
        changed), which the driver never sees; in both apps that happens once, early in
        the start-up, before the first indicator or cursor move is shown.  Were one to
        fall between a change and its frame, the figure would read quicker, not slower.
        """
        self.count += 1
        self.last_at = time.perf_counter()
        if self.changed_at is not None and self.drawn_at is None:
            self.drawn_at = self.last_at

    def changed(self) -> None:
        self.changed_at = self.count
        self.drawn_at = None

    async def drawn_since_change(self) -> float:
        """Wait for the first frame finished after the view changed; return its time."""
        deadline = time.perf_counter() + TIMEOUT
        while self.drawn_at is None:
            if time.perf_counter() > deadline:
                raise TimeoutError("no frame was drawn after the change")
            await asyncio.sleep(0)
        return self.drawn_at


async def press_and_time(app: Any, pilot: Any, frames: Frames, key: str) -> float:
    from textual import events

    frames.changed_at = None
    frames.drawn_at = None
    event = events.Key(key, None)
    event.set_sender(app)
    start = time.perf_counter()
    app.post_message(event)
    drawn = await frames.drawn_since_change()
    await pilot.pause()  # let everything the press set off settle, untimed
    return (drawn - start) * 1000


async def step_many(
    app: Any,
    pilot: Any,
    frames: Frames,
    *,
    keys: tuple[str, str],
    can_step: Callable[[bool], bool],
    presses: int,
) -> list[float]:
    timings = []
    forward = True
    for _ in range(presses):
        if not can_step(forward):
            forward = not forward
        timings.append(await press_and_time(app, pilot, frames, keys[0 if forward else 1]))
    return timings


def mark_each_indicator_shown(frames: Frames) -> None:
    """The walkthrough tells ``frames`` whenever it shows an indicator."""
    from roam.tui.screens.walkthrough import WalkthroughScreen

    show = WalkthroughScreen.show

    def show_and_mark(self: WalkthroughScreen, code: str) -> None:
        show(self, code)
        frames.changed()

    WalkthroughScreen.show = show_and_mark  # type: ignore[method-assign]


async def probe_roam(path: Path, presses: int, data_dir: Path, phases: Phases) -> dict[str, Any]:
    from roam.tui.app import RoamApp
    from roam.tui.screens.walkthrough import WalkthroughScreen
    from roam.tui.widgets.indicator_tree import IndicatorTree

    frames = Frames()
    mark_each_indicator_shown(frames)

    class ProbedRoamApp(RoamApp):
        def post_display_hook(self) -> None:
            frames.frame()

    app = ProbedRoamApp(path, data_dir=data_dir)
    async with app.run_test(size=SIZE) as pilot:
        startup = (await frames.drawn_since_change() - STARTED) * 1000
        settled = ((frames.last_at or STARTED) - STARTED) * 1000  # all mounted
        phases.end("startup", again=True)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, WalkthroughScreen) and screen.code is not None
        tree = screen.query_one(IndicatorTree)

        def can_step(forward: bool) -> bool:
            step = 1 if forward else -1
            return screen.session.next_code(screen.code, step, tree.shown_codes) is not None

        timings = await step_many(
            app, pilot, frames, keys=("ctrl+n", "ctrl+p"), can_step=can_step, presses=presses
        )
        phases.end("presses", again=False)
        return _result(startup, settled, timings, _count(tree.root) - 1)


async def probe_bare(nodes: int, presses: int) -> dict[str, Any]:
    from textual.app import App, ComposeResult
    from textual.widgets import Tree

    frames = Frames()

    class BareTree(Tree[None]):
        def watch_cursor_line(self, previous_line: int, line: int) -> None:
            super().watch_cursor_line(previous_line, line)
            frames.changed()

    class BareTreeApp(App[None]):
        def compose(self) -> ComposeResult:
            yield BareTree("root")

        def on_mount(self) -> None:
            tree = self.query_one(BareTree)
            tree.show_root = False
            branch = tree.root
            for index in range(nodes):
                label = f"X.{index // 10}.{index % 10} node number {index} of the bare tree"
                if index % 10 == 0:
                    branch = tree.root.add(label, expand=True)
                else:
                    branch.add_leaf(label)
            tree.root.expand()
            tree.focus()
            frames.changed()

        def post_display_hook(self) -> None:
            frames.frame()

    app = BareTreeApp()
    async with app.run_test(size=SIZE) as pilot:
        startup = (await frames.drawn_since_change() - STARTED) * 1000
        settled = ((frames.last_at or STARTED) - STARTED) * 1000  # all mounted
        await pilot.pause()
        tree = app.query_one(BareTree)

        def can_step(forward: bool) -> bool:
            return tree.cursor_line < tree.last_line if forward else tree.cursor_line > 0

        timings = await step_many(
            app, pilot, frames, keys=("down", "up"), can_step=can_step, presses=presses
        )
        return _result(startup, settled, timings, _count(tree.root) - 1)


def _count(node: Any) -> int:
    return 1 + sum(_count(child) for child in node.children)


def _result(startup: float, settled: float, timings: list[float], nodes: int) -> dict[str, Any]:
    return {"startup_ms": startup, "settled_ms": settled, "press_ms": timings, "nodes": nodes}


def main(argv: list[str]) -> None:
    run: Coroutine[Any, Any, dict[str, Any]]
    if argv[0] == "roam":
        kind = "roam"
        if len(argv) > 4:  # roam's cache of validated files (read when roam loads a file)
            os.environ["ROAM_CACHE_DIR"] = argv[4]
            kind = f"roam-{Path(argv[4]).name}"  # one profile per state of the cache
        run = probe_roam(Path(argv[1]), int(argv[2]), Path(argv[3]), Phases(kind))
    else:
        run = probe_bare(int(argv[1]), int(argv[2]))
    result = asyncio.run(run)
    result["peak_mib"] = peak_mib()
    print(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv[1:])
