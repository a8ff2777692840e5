"""Where a report goes when no name is given: one rule for the CLI and the TUI.

Kept apart from the workbook code so that naming the file imports no openpyxl.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

REPORTS_FOLDER = "reports"


def default_report_path(iso: str, today: dt.date | None = None) -> Path:
    """``reports/<ISO>-<date>.xlsx``, relative to the current folder."""
    day = today or dt.date.today()
    return Path(REPORTS_FOLDER) / f"{iso}-{day.isoformat()}.xlsx"
