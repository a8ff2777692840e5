"""Prints how many fuzz cases each target ran, so every budget is on the record."""

from __future__ import annotations

import pytest

from tests.fuzz.support import CASES, FUZZ_EXAMPLES, OUTCOMES


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not CASES:
        return
    terminalreporter.section(f"fuzz cases (budget {FUZZ_EXAMPLES} per target)")
    for target, count in sorted(CASES.items()):
        accepted = OUTCOMES[f"{target}: accepted"]
        refused = OUTCOMES[f"{target}: refused"]
        terminalreporter.write_line(
            f"{target}: {count} cases ({accepted} loaded, {refused} refused with a clear error)"
        )
    terminalreporter.write_line(f"total: {sum(CASES.values())} cases")
