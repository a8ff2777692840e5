"""The walkthrough screen of the TUI, against a bare Textual app with a Tree."""

from __future__ import annotations

from benchmarks.harness import Budget, Measurement, NotAvailable, Spec

SPECS = [
    Spec(
        key="tui_startup",
        label="TUI time to a usable walkthrough screen",
        baseline_label="bare Textual app showing a Tree of as many nodes",
        target=1.5,
    ),
    Spec(
        key="tui_keypress",
        label="TUI keypress to next indicator rendered",
        baseline_label="moving the cursor in that bare Tree",
        target=3.0,
    ),
    Spec(
        key="tui_memory",
        label="TUI peak memory",
        baseline_label="the bare Textual app",
        target=1.5,
        unit="MiB",
    ),
]


def measure(budget: Budget) -> dict[str, Measurement]:
    raise NotAvailable("roam.tui app not landed")
