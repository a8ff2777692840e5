"""What every benchmark shares: figures, medians of interleaved runs, subprocesses.

An operation and its baseline are timed turn about (A, B, A, B, ...) so that a
machine that slows down or speeds up during the run affects both alike; the
figure is the ratio of the two medians.
"""

from __future__ import annotations

import gc
import json
import os
import statistics
import subprocess
import sys
import sysconfig
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable


class NotAvailable(Exception):  # noqa: N818 - it names a state, not a failure
    """The code a figure measures has not landed yet."""


@dataclass(frozen=True, slots=True)
class Spec:
    """One row of the benchmark table: what is measured, against what, and the target."""

    key: str
    label: str
    baseline_label: str
    target: float
    unit: str = "ms"


@dataclass(slots=True)
class Measurement:
    value: float
    baseline: float
    samples: int
    note: str = ""


@dataclass(slots=True)
class Figure:
    spec: Spec
    measurement: Measurement | None = None
    unavailable: str = ""

    @property
    def ratio(self) -> float | None:
        if self.measurement is None or self.measurement.baseline <= 0:
            return None
        return self.measurement.value / self.measurement.baseline

    @property
    def met(self) -> bool | None:
        ratio = self.ratio
        return None if ratio is None else ratio <= self.spec.target

    @property
    def status(self) -> str:
        if self.measurement is None:
            return f"not available yet: {self.unavailable}"
        return "met" if self.met else "MISSED"

    def as_json(self) -> dict[str, Any]:
        m = self.measurement
        return {
            "key": self.spec.key,
            "figure": self.spec.label,
            "baseline": self.spec.baseline_label,
            "unit": self.spec.unit,
            "target_ratio": self.spec.target,
            "value": None if m is None else round(m.value, 3),
            "baseline_value": None if m is None else round(m.baseline, 3),
            "ratio": None if self.ratio is None else round(self.ratio, 3),
            "samples": None if m is None else m.samples,
            "met": self.met,
            "status": self.status,
            "note": "" if m is None else m.note,
        }


@dataclass(slots=True)
class Budget:
    """How many repetitions to spend; `quick` divides them for a smoke run."""

    quick: bool = False
    scale: float = field(init=False, default=1.0)

    def __post_init__(self) -> None:
        self.scale = 0.25 if self.quick else 1.0

    def repeats(self, full: int, minimum: int = 3) -> int:
        return max(minimum, round(full * self.scale))


def _timed(action: Callable[[], object]) -> float:
    gc.collect()
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def compare(
    operation: Callable[[], object],
    baseline: Callable[[], object],
    repeats: int,
    warmup: int = 2,
) -> Measurement:
    """Median wall time (ms) of each callable, run turn about after a warm-up."""
    for _ in range(warmup):
        operation()
        baseline()
    op_times: list[float] = []
    base_times: list[float] = []
    for _ in range(repeats):
        op_times.append(_timed(operation))
        base_times.append(_timed(baseline))
    return Measurement(
        value=statistics.median(op_times) * 1000,
        baseline=statistics.median(base_times) * 1000,
        samples=repeats,
    )


CACHE_DIR_ENV = "ROAM_CACHE_DIR"  # roam.cache reads it
CONFIG_DIR_ENV = "ROAM_CONFIG_DIR"  # where roam.cache keeps the key of its entries


def prepare_environment(scratch: Path) -> None:
    """Every process of the run starts as it would on a user's machine, and leaves no trace.

    Bytecode: this machine sets PYTHONDONTWRITEBYTECODE, so each fresh process
    compiled roam's modules from source (about 40 ms of the TUI's start-up) while
    the baseline's Textual came with compiled files.  A user's installed roam is
    compiled once, so every process (roam's and the baselines' alike) now keeps
    its compiled files in one scratch folder; each figure warms up before timing.
    Cache of validated files: off, so the in-process figures time parsing and
    validation; the TUI figures give each session a cache folder of their own.
    """
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    os.environ["PYTHONPYCACHEPREFIX"] = str(scratch / "bytecode")
    os.environ[CACHE_DIR_ENV] = "off"
    os.environ[CONFIG_DIR_ENV] = str(scratch / "config")  # not the user's own key
    settle_library_pages()


def shared_libraries() -> list[Path]:
    """The compiled libraries of the interpreter and of every installed package."""
    found: set[Path] = set()
    for entry in map(Path, sys.path):
        recursive = entry.name in ("site-packages", "dist-packages")
        if entry.is_dir() and (recursive or entry.name == "lib-dynload"):
            found.update(p.resolve() for p in entry.glob("**/*.so*" if recursive else "*.so"))
    interpreter_lib = sysconfig.get_config_var("LIBDIR")
    if interpreter_lib:
        found.update(p.resolve() for p in Path(interpreter_lib).glob("libpython*.so*"))
    return sorted(path for path in found if path.is_file())


def settle_library_pages() -> int:
    """Let the next process read every library from disk; returns how many were settled.

    Peak memory counts the pages of the libraries a process has mapped.  A library
    pip has just written sits in the page cache in large blocks, and a process that
    maps it is charged whole blocks: pydantic-core's library counted 3.4 MiB right
    after `pip install`, 2.0 MiB once read back from disk.  The bare app's
    libraries (the interpreter's) were installed long before, so a fresh venv
    charged roam alone about 1.4 MiB more.  Writing back and then dropping the
    cached pages (only those no running process maps) puts every library of both
    apps in the state of a library read from disk, whenever it was installed.
    """
    if not hasattr(os, "posix_fadvise"):  # not on macOS or Windows
        return 0
    settled = 0
    for path in shared_libraries():
        try:
            descriptor = os.open(path, os.O_RDONLY)
        except OSError:
            continue
        try:
            # Pages not yet written back are not dropped: a library pip wrote
            # minutes ago still counted whole blocks until this was added.
            os.fdatasync(descriptor)
            os.posix_fadvise(descriptor, 0, 0, os.POSIX_FADV_DONTNEED)
            settled += 1
        except OSError:
            pass
        finally:
            os.close(descriptor)
    return settled


def run_process(
    argv: Sequence[str],
    *,
    cwd: Path = ROOT,
    timeout: float = 120,
    extra_env: dict[str, str] | None = None,
) -> str:
    """Run a command to completion and return its stdout; fail loudly if it fails."""
    env = {**os.environ, "NO_COLOR": "1", **(extra_env or {})}
    done = subprocess.run(
        list(argv), cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(
            f"{' '.join(argv)} exited {done.returncode}:\n{done.stderr.strip()[-2000:]}"
        )
    return done.stdout


def run_json_process(
    argv: Sequence[str], *, timeout: float = 300, extra_env: dict[str, str] | None = None
) -> dict[str, Any]:
    """Run a probe script that prints one JSON object as its last line of output."""
    output = run_process(argv, timeout=timeout, extra_env=extra_env)
    last = output.strip().splitlines()[-1]
    result: dict[str, Any] = json.loads(last)
    return result


def time_process(argv: Sequence[str]) -> float:
    start = time.perf_counter()
    run_process(argv)
    return time.perf_counter() - start


def compare_processes(
    operation: Sequence[str], baseline: Sequence[str], repeats: int, warmup: int = 2
) -> Measurement:
    """Median wall time (ms) of two commands, each started fresh, run turn about."""
    return compare(lambda: run_process(operation), lambda: run_process(baseline), repeats, warmup)


def median(values: Sequence[float]) -> float:
    return statistics.median(values)
