"""Reading an assessment file for a command: warnings go to stderr, errors become exit 2."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from roam.cli.textout import echo

if TYPE_CHECKING:
    from roam.assessment.model import Assessment
    from roam.framework.model import Framework


def read_for_command(file: Path) -> tuple[Assessment, Framework]:
    """The assessment in ``file`` and its framework; each loader warning is echoed to stderr."""
    from roam.assessment.loader import read_assessment

    loaded = read_assessment(file)
    for warning in loaded.warnings:
        echo(f"warning: {warning}", err=True)
    return loaded.assessment, loaded.framework
