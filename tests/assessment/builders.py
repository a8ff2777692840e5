"""A small hand-made assessment for the storage tests."""

from __future__ import annotations

import datetime as dt

from roam.assessment.model import Answer, Assessment, Evidence, FrameworkRef
from roam.framework.model import Framework
from tests.conftest import MINI_FRAMEWORK

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
