"""A small hand-made assessment for the storage tests, and a lock left by a dead editor."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

from roam.assessment.model import Answer, Assessment, Evidence, FrameworkRef
from roam.framework.model import Framework
from tests.helpers.files import MINI_FRAMEWORK

CREATED = dt.datetime(2024, 5, 1, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=3)))


def mini_ref(mini: Framework) -> FrameworkRef:
    """The mini edition, named by its absolute path so the file may live anywhere."""
    return FrameworkRef(id="mini", version="1.0", hash=mini.content_hash, path=str(MINI_FRAMEWORK))


def small_assessment(mini: Framework, justification: str = "Law of 2020.") -> Assessment:
    return Assessment(
        country="Kenya",
        iso="KEN",
        framework=mini_ref(mini),
        scope="full",
        created=CREATED,
        answers={
            "R.A.1.a": Answer(
                status="answered",
                level="mid",
                justification=justification,
                evidence=[
                    Evidence(
                        kind="law_or_regulation",
                        citation="Data Act 2020",
                        published=dt.date(2020, 3, 1),
                    )
                ],
            ),
            "R.A.2.a": Answer(status="answered", value=42.5, year=2023, unit="%"),
            "O.A.1.a": Answer(status="no_data", justification="Not published."),
        },
    )


def lock_left_by_a_dead_process(path: Path) -> int:
    """Take the lock in a child process that exits without releasing it; return its pid."""
    script = (
        "import os, sys\n"
        "from roam.assessment.lock import AssessmentLock\n"
        "AssessmentLock(sys.argv[1]).acquire()\n"
        "print(os.getpid())\n"
        "os._exit(0)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(path)], capture_output=True, text=True, check=True
    )
    return int(done.stdout)
