"""Small assessments built in code, so each test shows exactly what the files hold."""

from __future__ import annotations

import datetime as dt
from typing import Any

from roam.assessment.model import Answer, Assessment, Change, Comment, Evidence, FrameworkRef

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
