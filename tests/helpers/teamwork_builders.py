"""Small assessments built in code, so each test shows exactly what the files hold."""

from __future__ import annotations

import datetime as dt
from typing import Any

from roam.assessment.model import (
    Answer,
    Assessment,
    Change,
    Comment,
    Evidence,
    FrameworkRef,
    Review,
)
from roam.teamwork.subject import Labelled

MINI_REF = FrameworkRef(id="mini", version="1.0", path="mini.yaml")


def at(day: int, hour: int = 9) -> dt.datetime:
    return dt.datetime(2024, 3, day, hour, 0, tzinfo=dt.UTC)


def assessment(
    answers: dict[str, Answer], *, iso: str = "KEN", country: str = "Kenya", **extra: Any
) -> Assessment:
    return Assessment(
        country=country,
        iso=iso,
        framework=extra.pop("framework", MINI_REF),
        created=extra.pop("created", at(1)),
        answers=answers,
        **extra,
    )


def level(value: str, **extra: Any) -> Answer:
    return Answer(status="answered", level=value, **extra)


def number(value: float, year: int = 2023, **extra: Any) -> Answer:
    return Answer(status="answered", value=value, year=year, **extra)


def evidence(citation: str, location: str = "", kind: str = "report") -> Evidence:
    return Evidence(kind=kind, citation=citation, location=location)  # type: ignore[arg-type]


def change(day: int, who: str, field: str, old: Any, new: Any) -> Change:
    return Change(time=at(day), who=who, field=field, old=old, new=new)


def comment(day: int, author: str, text: str) -> Comment:
    return Comment(time=at(day), author=author, text=text)


LAW = evidence("Data Protection Act 2019", "https://example.org/dpa")


def three_files() -> list[Labelled]:
    """Ana, Ben and Cy each assessed the mini edition for Kenya."""
    ana = assessment(
        {
            # all three agree on the level; Ben cites the same law with other spacing/case
            "R.A.1.a": level(
                "high",
                evidence=[LAW],
                justification="The act is in force.",
                history=[change(3, "Ana", "level", None, "high")],
                review=Review(thread=[comment(4, "Rev", "Source?"), comment(2, "Ana", "Done")]),
            ),
            # Ana and Cy say mid, Ben says low: a conflict
            "R.A.1.b": level("mid", justification="Applied unevenly.", confidence="high"),
            # Ana and Ben give the same value; Cy never touched it
            "R.A.2.a": number(40.0, confidence="high"),
            # Ana answered, Ben found no data: status and level differ
            "O.A.1.a": level("high", history=[change(2, "Ana", "level", None, "high")]),
        }
    )
    ben = assessment(
        {
            "R.A.1.a": level(
                "high",
                evidence=[
                    evidence("  data protection act 2019 ", "https://example.org/dpa"),
                    evidence("Court ruling 12/2021", kind="court_decision"),
                ],
                justification="The act is in force.",
                history=[
                    change(1, "Ben", "status", "not_assessed", "answered"),
                    change(3, "Ana", "level", None, "high"),  # the same edit, synced earlier
                ],
                review=Review(thread=[comment(4, "Rev", "Source?"), comment(5, "Ben", "Added")]),
            ),
            "R.A.1.b": level("low", justification="Rarely applied."),
            "R.A.2.a": number(40.0, confidence="low"),
            "O.A.1.a": Answer(status="no_data", justification="No survey exists."),
        }
    )
    cy = assessment(
        {
            "R.A.1.a": level("high", evidence=[evidence("ITU report 2023")]),
            "R.A.1.b": level("mid"),
            "R.A.2.a": Answer(),  # not assessed: no opinion, not a disagreement
        }
    )
    return [Labelled("ana.yaml", ana), Labelled("ben.yaml", ben), Labelled("cy.yaml", cy)]
