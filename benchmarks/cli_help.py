"""`roam --help` wall time, against starting Python and importing pydantic and yaml."""

from __future__ import annotations

from pathlib import Path

from benchmarks.harness import PYTHON, Budget, Measurement, NotAvailable, Spec, compare_processes

SPECS = [
    Spec(
        key="cli_help",
        label="`roam --help` wall time",
        baseline_label='python -c "import pydantic, yaml"',
        target=1.5,
    )
]


def roam_command() -> list[str]:
    script = Path(PYTHON).parent / "roam"
    if not script.is_file():
        raise NotAvailable(f"no roam script beside {PYTHON}; run `make` to install")
    return [str(script)]


def measure(budget: Budget) -> dict[str, Measurement]:
    measurement = compare_processes(
        [*roam_command(), "--help"],
        [PYTHON, "-c", "import pydantic, yaml"],
        budget.repeats(20),
    )
    measurement.note = "each run a fresh process"
    return {"cli_help": measurement}


def profile_target(key: str) -> list[str]:
    return [*roam_command(), "--help"]
