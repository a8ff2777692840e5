"""Run every benchmark, print the table, write the figures as JSON.

Usage: .venv/bin/python benchmarks/run.py [--quick] [--only KEY ...] [--profile]

Each figure is compared with a bare baseline measured in the same run; the
table says, for each, whether the ratio meets its target.  --profile runs
pyinstrument on every figure that misses its target and saves the profile
under benchmarks/results/.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import traceback
from datetime import datetime
from pathlib import Path
from types import ModuleType

if __package__ in (None, ""):  # run as a script: make the checkout importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks import (
    assessment_score,
    cli_help,
    draft_export,
    framework_load,
    overview_scaling,
    report_export,
    tui_walkthrough,
)
from benchmarks.demo_files import scratch
from benchmarks.harness import ROOT, Budget, Figure, NotAvailable, prepare_environment
from benchmarks.machine import describe, one_line
from benchmarks.profiling import profile_figure

MODULES: list[ModuleType] = [
    framework_load,
    assessment_score,
    report_export,
    tui_walkthrough,
    cli_help,
    overview_scaling,
    draft_export,
]
RESULTS = ROOT / "benchmarks" / "results"


def run_module(module: ModuleType, budget: Budget, only: set[str]) -> list[Figure]:
    figures = [Figure(spec) for spec in module.SPECS if not only or spec.key in only]
    if not figures:
        return []
    try:
        measured = module.measure(budget)
    except NotAvailable as exc:
        for figure in figures:
            figure.unavailable = str(exc)
        return figures
    except Exception as exc:  # a broken benchmark must not hide the others
        traceback.print_exc()
        for figure in figures:
            figure.unavailable = f"benchmark failed: {type(exc).__name__}: {exc}"
        return figures
    for figure in figures:
        figure.measurement = measured.get(figure.spec.key)
        if figure.measurement is None:
            figure.unavailable = "not measured"
    return figures


def _number(value: float | None, unit: str) -> str:
    return "-" if value is None else f"{value:,.1f} {unit}"


def format_table(figures: list[Figure]) -> str:
    header = ["figure", "roam", "baseline", "ratio", "target", "status"]
    rows = []
    for f in figures:
        m = f.measurement
        rows.append(
            [
                f.spec.label,
                _number(None if m is None else m.value, f.spec.unit),
                _number(None if m is None else m.baseline, f.spec.unit),
                "-" if f.ratio is None else f"{f.ratio:.2f}x",
                f"<= {f.spec.target:g}x",
                f.status,
            ]
        )
    widths = [max(len(str(cell)) for cell in column) for column in zip(header, *rows, strict=False)]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(header, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    for row in rows:
        lines.append("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
    return "\n".join(lines)


def format_notes(figures: list[Figure]) -> str:
    """What each figure's number does not say by itself (how it was taken, what came beside it)."""
    notes = [
        f"  {f.spec.key}: {f.measurement.note}"
        for f in figures
        if f.measurement and f.measurement.note
    ]
    return "\n".join(["notes:", *notes]) if notes else ""


def verdict(figures: list[Figure]) -> str:
    met = [f for f in figures if f.met is True]
    missed = [f for f in figures if f.met is False]
    absent = [f for f in figures if f.measurement is None]
    parts = [f"{len(met)} of {len(figures)} targets met"]
    if missed:
        parts.append("missed: " + ", ".join(f.spec.key for f in missed))
    if absent:
        parts.append("not available yet: " + ", ".join(f.spec.key for f in absent))
    return "; ".join(parts)


def write_results(figures: list[Figure], machine: dict[str, object], seconds: float) -> Path:
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    payload = {
        "when": datetime.now().isoformat(timespec="seconds"),
        "machine": machine,
        "seconds": round(seconds, 1),
        "figures": [f.as_json() for f in figures],
    }
    text = json.dumps(payload, indent=2)
    path = RESULTS / f"bench-{stamp}.json"
    path.write_text(text + "\n", encoding="utf-8")
    (RESULTS / "latest.json").write_text(text + "\n", encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a quarter of the repetitions")
    parser.add_argument("--only", nargs="+", default=[], metavar="KEY", help="figures to run")
    parser.add_argument(
        "--profile", action="store_true", help="profile each figure that misses its target"
    )
    args = parser.parse_args(argv)
    budget = Budget(quick=args.quick)
    prepare_environment(scratch())
    machine = describe()
    print(f"machine: {one_line(machine)}", flush=True)
    started = time.perf_counter()
    figures: list[Figure] = []
    for module in MODULES:
        for figure in run_module(module, budget, set(args.only)):
            print(f"  {figure.spec.key}: {figure.status}", flush=True)
            figures.append(figure)
    seconds = time.perf_counter() - started
    print()
    print(format_table(figures))
    notes = format_notes(figures)
    if notes:
        print()
        print(notes)
    print()
    print(verdict(figures))
    path = write_results(figures, machine, seconds)
    print(f"figures written to {path.relative_to(ROOT)} ({seconds:.0f} s)")
    if args.profile:
        for figure in figures:
            if figure.met is False:
                print(f"profile of {figure.spec.key}: {profile_figure(figure.spec.key, RESULTS)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
