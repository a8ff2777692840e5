"""Export the demo report, against a bare openpyxl script writing as many cells."""

from __future__ import annotations

from benchmarks.harness import Budget, Measurement, NotAvailable, Spec

SPECS = [
    Spec(
        key="report_export",
        label="export the demo report",
        baseline_label="bare openpyxl: same cell values, same sheets, no styles or charts",
        target=2.0,
    )
]


def measure(budget: Budget) -> dict[str, Measurement]:
    raise NotAvailable("roam.report export_report not landed")
