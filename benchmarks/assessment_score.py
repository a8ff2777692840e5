"""Load and score the demo assessment, against a bare parse of the same file.

The framework is loaded once beforehand (its own figure measures that), so the
operation is what opening a file costs once roam is running: read, validate,
check against the framework, score.
"""

from __future__ import annotations

from collections.abc import Callable

from benchmarks.demo_files import demo_assessment
from benchmarks.harness import Budget, Measurement, NotAvailable, Spec, compare

SPECS = [
    Spec(
        key="assessment_score",
        label="load and score the demo assessment",
        baseline_label="bare yaml.load(CSafeLoader) of the assessment file",
        target=2.0,
    )
]


def operation() -> Callable[[], object]:
    try:
        from roam.assessment.loader import load_assessment
        from roam.scoring.engine import score
    except ImportError as exc:
        raise NotAvailable(f"assessment loading or scoring: {exc}") from None
    from roam.framework.loader import load_framework

    framework = load_framework()
    path = demo_assessment()
    return lambda: score(load_assessment(path, framework), framework)


def measure(budget: Budget) -> dict[str, Measurement]:
    import yaml  # here, not at the top: see harness.settle_library_pages

    load_and_score = operation()
    path = demo_assessment()

    def bare_parse() -> None:
        yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)

    measurement = compare(load_and_score, bare_parse, budget.repeats(20))
    measurement.note = f"{path.stat().st_size // 1024} KiB file"
    return {"assessment_score": measurement}


def profile_target(key: str) -> Callable[[], object]:
    return operation()
