"""The walkthrough screen of the TUI, against a bare Textual app with a Tree.

Each session runs in a fresh process (tui_probe.py), roam's and the bare app's
turn about, so imports, start-up and peak memory are measured from scratch.
The presses are shared out over the sessions; the keypress figure is the
median over all of them.
"""

from __future__ import annotations

import shutil
import statistics
from pathlib import Path
from typing import Any

from benchmarks.demo_files import demo_assessment, scratch
from benchmarks.harness import (
    PYTHON,
    Budget,
    Measurement,
    NotAvailable,
    Spec,
    run_json_process,
)

SPECS = [
    Spec(
        key="tui_startup",
        label="TUI time to a usable walkthrough screen",
        baseline_label="bare Textual app showing a Tree of as many nodes",
        target=1.5,
    ),
    Spec(
        key="tui_keypress",
        label="TUI keypress to next indicator rendered",
        baseline_label="moving the cursor in that bare Tree",
        target=3.0,
    ),
    Spec(
        key="tui_memory",
        label="TUI peak memory",
        baseline_label="the bare Textual app",
        target=1.5,
        unit="MiB",
    ),
]

PROBE = Path(__file__).with_name("tui_probe.py")
PRESSES = 300


def _check_available() -> None:
    try:
        from roam.tui.app import RoamApp  # noqa: F401
        from roam.tui.screens.walkthrough import WalkthroughScreen  # noqa: F401
    except ImportError as exc:
        raise NotAvailable(f"TUI walkthrough: {exc}") from None


def roam_command(presses: int, run: int) -> list[str]:
    """A fresh copy of the demo for each session: the TUI locks and may save it."""
    folder = scratch() / f"tui-{run}"
    folder.mkdir(exist_ok=True)
    copy = folder / "examplia.roam.yaml"
    shutil.copyfile(demo_assessment(), copy)
    return [PYTHON, str(PROBE), "roam", str(copy), str(presses), str(folder / "settings")]


def bare_command(nodes: int, presses: int) -> list[str]:
    return [PYTHON, str(PROBE), "bare", str(nodes), str(presses)]


def measure(budget: Budget) -> dict[str, Measurement]:
    _check_available()
    sessions = budget.repeats(5, minimum=2)
    presses = PRESSES // sessions if not budget.quick else 20
    roam_runs: list[dict[str, Any]] = []
    bare_runs: list[dict[str, Any]] = []
    for run in range(sessions):
        roam_runs.append(run_json_process(roam_command(presses, run)))
        bare_runs.append(run_json_process(bare_command(roam_runs[0]["nodes"], presses)))
    roam_presses = [t for r in roam_runs for t in r["press_ms"]]
    bare_presses = [t for r in bare_runs for t in r["press_ms"]]
    nodes = f"{roam_runs[0]['nodes']} tree nodes"
    return {
        "tui_startup": _median_of(roam_runs, bare_runs, "startup_ms", f"{nodes}, 120x40"),
        "tui_keypress": Measurement(
            value=statistics.median(roam_presses),
            baseline=statistics.median(bare_presses),
            samples=len(roam_presses),
            note=f"ctrl+n vs down; p90 {_p90(roam_presses):.1f} vs {_p90(bare_presses):.1f} ms",
        ),
        "tui_memory": _median_of(roam_runs, bare_runs, "peak_mib", "peak RSS (VmHWM)"),
    }


def _median_of(
    roam_runs: list[dict[str, Any]], bare_runs: list[dict[str, Any]], key: str, note: str
) -> Measurement:
    return Measurement(
        value=statistics.median(r[key] for r in roam_runs),
        baseline=statistics.median(r[key] for r in bare_runs),
        samples=len(roam_runs),
        note=note,
    )


def _p90(values: list[float]) -> float:
    return statistics.quantiles(values, n=10)[-1]


def profile_target(key: str) -> list[str]:
    _check_available()
    return roam_command(60, 99)[1:]  # pyinstrument runs the probe script itself
