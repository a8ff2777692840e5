"""The walkthrough screen of the TUI, against a bare Textual app with a Tree.

Each session runs in a fresh process (tui_probe.py), roam's and the bare app's
turn about, so imports, start-up and peak memory are measured from scratch.
Every session makes the same number of presses, so the peak memory is that of
the same walk in each; the keypress figure is the median over all of them (540
in a full run). Nine sessions of each: on a 2-CPU VM the bare app's own start-up
moves by 50 ms from session to session, and with five the medians of two runs
of the same code read 1.13x and 1.59x.

roam keeps what it validated in a cache (roam.cache), so
start-up depends on what that cache holds; both cases are measured, each
session with a cache folder of its own:
  - reopened: the file was opened before and is unchanged (the usual case: a
    session that saved leaves its file in the cache when it closes);
  - changed: the file was changed outside roam since (a merge, an import, an
    editor), so it is parsed and validated; the edition is in the cache.
"""

from __future__ import annotations

import shutil
import statistics
from pathlib import Path
from typing import Any

from benchmarks.demo_files import demo_assessment, scratch
from benchmarks.harness import (
    CACHE_DIR_ENV,
    PYTHON,
    Budget,
    Measurement,
    NotAvailable,
    Spec,
    run_json_process,
    run_process,
)

SPECS = [
    Spec(
        key="tui_startup",
        label="TUI time to a usable walkthrough screen (file reopened)",
        baseline_label="bare Textual app showing a Tree of as many nodes",
        target=1.5,
    ),
    Spec(
        key="tui_startup_changed",
        label="TUI time to a usable walkthrough screen (file changed outside roam)",
        baseline_label="bare Textual app showing a Tree of as many nodes",
        target=1.6,
    ),
    Spec(
        key="tui_keypress",
        label="TUI keypress to next indicator rendered",
        baseline_label="moving the cursor in that bare Tree",
        target=1.5,
    ),
    Spec(
        key="tui_memory",
        label="TUI peak memory (file reopened)",
        baseline_label="the bare Textual app",
        target=1.6,
        unit="MiB",
    ),
    Spec(
        key="tui_memory_changed",
        label="TUI peak memory (file changed outside roam)",
        baseline_label="the bare Textual app",
        target=1.6,
        unit="MiB",
    ),
]

PROBE = Path(__file__).with_name("tui_probe.py")
SESSIONS = 9
PRESSES_PER_SESSION = 60


def _check_available() -> None:
    try:
        from roam.tui.app import RoamApp  # noqa: F401
        from roam.tui.screens.walkthrough import WalkthroughScreen  # noqa: F401
    except ImportError as exc:
        raise NotAvailable(f"TUI walkthrough: {exc}") from None


def roam_command(presses: int, run: int | str, cache: Path) -> list[str]:
    """A fresh copy of the demo for each session: the TUI locks and may save it."""
    folder = scratch() / f"tui-{run}"
    folder.mkdir(exist_ok=True)
    copy = folder / "examplia.roam.yaml"
    shutil.copyfile(demo_assessment(), copy)
    settings = str(folder / "settings")
    return [PYTHON, str(PROBE), "roam", str(copy), str(presses), settings, str(cache)]


def bare_command(nodes: int, presses: int) -> list[str]:
    return [PYTHON, str(PROBE), "bare", str(nodes), str(presses)]


def _reopened_cache() -> Path:
    """The cache folder the sessions that reopen the demo share; the warm-up fills it."""
    return scratch() / "cache-reopened"


def _changed_cache(run: int | str) -> Path:
    """A cache folder of its own: the built-in edition, the TUI's CSS and the records' validators.

    The parsed CSS and the validators come from the warm-up session, as they would
    from any earlier run of this roam: neither depends on the file opened.
    """
    template = scratch() / "cache-edition-only"
    if not template.exists():
        load = "from roam.framework.loader import load_framework; load_framework()"
        run_process([PYTHON, "-c", load], extra_env={CACHE_DIR_ENV: str(template)})
        template.mkdir(exist_ok=True)  # a roam without the cache leaves none
        for kind in ("textual-css", "validators"):
            for entry in _reopened_cache().glob(f"{kind}-*"):
                shutil.copy2(entry, template / entry.name)
    folder = scratch() / f"cache-changed-{run}"
    shutil.rmtree(folder, ignore_errors=True)  # a session before may have filled it
    shutil.copytree(template, folder)
    return folder


def measure(budget: Budget) -> dict[str, Measurement]:
    _check_available()
    sessions = budget.repeats(SESSIONS, minimum=2)
    presses = PRESSES_PER_SESSION if not budget.quick else 20
    # Untimed: compiles both apps' byte-code, and leaves the demo in the reopened cache.
    warm_up = run_json_process(roam_command(1, "warm-up", _reopened_cache()))
    run_json_process(bare_command(warm_up["nodes"], 1))
    roam_runs: list[dict[str, Any]] = []
    changed_runs: list[dict[str, Any]] = []
    bare_runs: list[dict[str, Any]] = []
    for run in range(sessions):
        roam_runs.append(run_json_process(roam_command(presses, run, _reopened_cache())))
        bare_runs.append(run_json_process(bare_command(warm_up["nodes"], presses)))
        changed = f"changed-{run}"
        changed_runs.append(run_json_process(roam_command(presses, changed, _changed_cache(run))))
    roam_presses = [t for r in roam_runs for t in r["press_ms"]]
    bare_presses = [t for r in bare_runs for t in r["press_ms"]]
    nodes = f"{warm_up['nodes']} tree nodes"
    return {
        "tui_startup": _median_of(roam_runs, bare_runs, "startup_ms", _settled(roam_runs, nodes)),
        "tui_startup_changed": _median_of(
            changed_runs,
            bare_runs,
            "startup_ms",
            _settled(changed_runs, nodes),
        ),
        "tui_keypress": Measurement(
            value=statistics.median(roam_presses),
            baseline=statistics.median(bare_presses),
            samples=len(roam_presses),
            note=f"ctrl+n vs down; p90 {_p90(roam_presses):.1f} vs {_p90(bare_presses):.1f} ms",
        ),
        "tui_memory": _median_of(roam_runs, bare_runs, "peak_mib", "peak RSS (VmHWM)"),
        "tui_memory_changed": _median_of(changed_runs, bare_runs, "peak_mib", "peak RSS (VmHWM)"),
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


def _settled(runs: list[dict[str, Any]], nodes: str) -> str:
    """The note of a start-up figure: when the answer form's lower fields were drawn too."""
    settled = statistics.median(r["settled_ms"] for r in runs)
    starts = [r["startup_ms"] for r in runs]
    return (
        f"{nodes}, 120x40; sessions {min(starts):,.0f} to {max(starts):,.0f} ms; "
        f"every field drawn at {settled:,.0f} ms"
    )


def _p90(values: list[float]) -> float:
    return statistics.quantiles(values, n=10)[-1]


def profile_target(key: str) -> list[str]:
    _check_available()
    changed = key.endswith("_changed")
    cache = _changed_cache("profile") if changed else _reopened_cache()
    return roam_command(60, "profile", cache)[1:]  # pyinstrument runs the probe script itself
