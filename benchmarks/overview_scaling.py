"""`roam overview` over 193 generated assessments, against linear growth from 20.

The assessments are demo files of the built-in edition (a few seeds, so the
answers differ), copied under distinct countries and ISO codes.  Each run is
`roam overview FOLDER -o FILE` in a fresh process; the figure compares the
time for 193 files with 193/20 times the time for 20.
"""

from __future__ import annotations

import itertools
import string
import time
from pathlib import Path

from benchmarks.cli_help import roam_command
from benchmarks.demo_files import scratch
from benchmarks.harness import Budget, Measurement, NotAvailable, Spec, median, run_process

SPECS = [
    Spec(
        key="overview_scaling",
        label="overview over 193 generated assessments",
        baseline_label="linear extrapolation from 20 assessments",
        target=1.2,
    )
]

SMALL, LARGE = 20, 193
SEEDS = 4


def _check_available() -> None:
    try:
        from roam.teamwork.overview import build_portfolio  # noqa: F401
    except ImportError as exc:
        raise NotAvailable(f"overview: {exc}") from None


def _iso_codes() -> list[str]:
    """Three-letter codes starting with Q, a range ISO 3166-1 leaves to private use."""
    return ["Q" + a + b for a, b in itertools.product(string.ascii_uppercase, repeat=2)]


def generated_folder(count: int) -> Path:
    """``count`` assessment files in a folder of their own."""
    from roam.assessment.storage import save_assessment
    from roam.demo import DEMO_COUNTRY, DEMO_ISO, make_demo
    from roam.framework.loader import load_framework

    folder = scratch() / f"overview-{count}"
    if folder.exists():
        return folder
    seeds = scratch() / "overview-seeds"
    seeds.mkdir(exist_ok=True)
    framework = load_framework()
    texts = []
    for seed in range(1, SEEDS + 1):
        path = seeds / f"seed-{seed}.yaml"
        if not path.exists():
            save_assessment(make_demo(framework, seed=seed, path=path), path, framework)
        texts.append(path.read_text(encoding="utf-8"))
    folder.mkdir()
    for index, iso in zip(range(count), _iso_codes(), strict=False):
        text = texts[index % SEEDS]
        text = text.replace(f"country: {DEMO_COUNTRY}", f"country: Country {index:03d}", 1)
        text = text.replace(f"iso: {DEMO_ISO}", f"iso: {iso}", 1)
        (folder / f"country-{index:03d}.yaml").write_text(text, encoding="utf-8")
    return folder


def _overview_seconds(folder: Path) -> float:
    output = folder.with_suffix(".xlsx")
    start = time.perf_counter()
    run_process([*roam_command(), "overview", str(folder), "-o", str(output)], timeout=600)
    return time.perf_counter() - start


def measure(budget: Budget) -> dict[str, Measurement]:
    _check_available()
    small, large = generated_folder(SMALL), generated_folder(LARGE)
    _overview_seconds(small)  # warm the disk cache and the byte-code cache
    small_runs = [_overview_seconds(small) for _ in range(budget.repeats(3, minimum=2))]
    large_runs = [_overview_seconds(large) for _ in range(budget.repeats(2, minimum=1))]
    linear = median(small_runs) * LARGE / SMALL
    per_file = (median(large_runs) - median(small_runs)) / (LARGE - SMALL) * 1000
    return {
        "overview_scaling": Measurement(
            value=median(large_runs) * 1000,
            baseline=linear * 1000,
            samples=len(large_runs),
            note=f"{SMALL} files: {median(small_runs):.2f} s; each further file {per_file:.0f} ms",
        )
    }


def profile_target(key: str) -> list[str]:
    _check_available()
    folder = generated_folder(LARGE)
    return [roam_command()[0], "overview", str(folder), "-o", str(folder.with_suffix(".xlsx"))]
