"""pyinstrument profiles of the figures that miss their targets.

A benchmark module offers `profile_target(key)`, returning either a callable
(profiled in this process, run a few times) or a command line (profiled in a
fresh process with `python -m pyinstrument`).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from pathlib import Path

from benchmarks.harness import PYTHON, run_process

MODULE_NAMES = [
    "benchmarks.framework_load",
    "benchmarks.assessment_score",
    "benchmarks.report_export",
    "benchmarks.tui_walkthrough",
    "benchmarks.cli_help",
    "benchmarks.overview_scaling",
]


def _target(key: str) -> Callable[[], object] | Sequence[str] | None:
    for name in MODULE_NAMES:
        module = importlib.import_module(name)
        if any(spec.key == key for spec in module.SPECS):
            finder = getattr(module, "profile_target", None)
            return None if finder is None else finder(key)
    return None


def profile_figure(key: str, out_dir: Path, rounds: int = 10) -> str:
    target = _target(key)
    if target is None:
        return "no profile target"
    out = out_dir / f"profile-{key}.txt"
    if callable(target):
        from pyinstrument import Profiler

        target()  # warm caches and imports, as the benchmark does
        profiler = Profiler(interval=0.0005)
        profiler.start()
        for _ in range(rounds):
            target()
        profiler.stop()
        out.write_text(profiler.output_text(unicode=False, color=False), encoding="utf-8")
    else:
        # The TUI probe also writes one profile per phase (start-up, presses) there.
        run_process(
            [PYTHON, "-m", "pyinstrument", "-r", "text", "-o", str(out), *target],
            extra_env={"ROAM_PROBE_PROFILE": str(out_dir)},
            timeout=600,
        )
    return str(out)
