"""Load and score the demo assessment, against a bare parse of the same file."""

from __future__ import annotations

from benchmarks.harness import Budget, Measurement, NotAvailable, Spec

SPECS = [
    Spec(
        key="assessment_score",
        label="load and score the demo assessment",
        baseline_label="bare yaml.load(CSafeLoader) of the assessment file",
        target=2.0,
    )
]


def measure(budget: Budget) -> dict[str, Measurement]:
    raise NotAvailable("demo assessment and scoring engine not landed")
