"""Load and validate the built-in framework, against a bare LibYAML parse of its files."""

from __future__ import annotations

from collections.abc import Callable

from benchmarks.harness import Budget, Measurement, Spec, compare

SPECS = [
    Spec(
        key="framework_load",
        label="load and validate the built-in framework",
        baseline_label="bare yaml.load(CSafeLoader) of the same files",
        target=1.5,
    )
]


def operation() -> Callable[[], object]:
    from roam.framework.loader import load_framework

    return load_framework


def measure(budget: Budget) -> dict[str, Measurement]:
    import yaml  # here, not at the top: see harness.settle_library_pages

    from roam.framework.loader import default_edition_path

    files = sorted(default_edition_path().glob("*.yaml"))

    def bare_parse() -> None:
        for path in files:
            yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)

    measurement = compare(operation(), bare_parse, budget.repeats(30))
    measurement.note = f"{len(files)} files"
    return {"framework_load": measurement}


def profile_target(key: str) -> Callable[[], object]:
    return operation()
