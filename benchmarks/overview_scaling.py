"""`roam overview` over 193 generated assessments, against linear growth from 20."""

from __future__ import annotations

from benchmarks.harness import Budget, Measurement, NotAvailable, Spec

SPECS = [
    Spec(
        key="overview_scaling",
        label="overview over 193 generated assessments",
        baseline_label="linear extrapolation from 20 assessments",
        target=1.2,
    )
]


def measure(budget: Budget) -> dict[str, Measurement]:
    raise NotAvailable("`roam overview` not landed")
