"""Builders for the scoring tests: the mini edition and assessments made against it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from roam.assessment.model import Answer, Assessment, FrameworkRef, Scope
from roam.framework import load_framework
from roam.framework.model import Framework
from roam.scoring.result import NodeScore, ScoreReport

MINI = Path(__file__).resolve().parents[1] / "data" / "frameworks" / "mini.yaml"

# The mini edition, in framework order:
#   C (contextual)  C.1 > C.1.1 > C.1.1.a  contextual, USD
#   R  R.A > R.A.1 > R.A.1.a  institutional, scale three (low 0, mid 50, high 100), core
#                    R.A.1.b  qualitative, scale three, weight 2
#             R.A.2 > R.A.2.a  quantitative %, goalposts 0..100, valid 0..100, core
#      R.B > R.B.1 > R.B.1.a  quantitative attacks, lower_is_better, goalposts 0..50
#   O  O.A > O.A.1 > O.A.1.a  institutional, scale three, core
#   bands: Early from 0, Developing from 50
MINI_CODES = ("C.1.1.a", "R.A.1.a", "R.A.1.b", "R.A.2.a", "R.B.1.a", "O.A.1.a")


_MINI = load_framework(MINI)


def mini_copy() -> Framework:
    """A fresh copy, so a test may change weights without touching the others."""
    return _MINI.model_copy(deep=True)


def answered(level: str | None = None, value: float | None = None, **extra: Any) -> Answer:
    if value is not None:
        extra.setdefault("year", 2023)
    return Answer(status="answered", level=level, value=value, **extra)


def status(name: str, justification: str = "explained", **extra: Any) -> Answer:
    return Answer.model_validate({"status": name, "justification": justification, **extra})


def make_assessment(
    answers: dict[str, Answer] | None = None, scope: Scope = "full", custom: list[str] | None = None
) -> Assessment:
    return Assessment(
        country="Testland",
        iso="TST",
        framework=FrameworkRef(id="mini", version="1.0"),
        scope=scope,
        custom_codes=custom or [],
        created=dt.datetime(2024, 1, 1),
        answers=answers or {},
    )


def node(report: ScoreReport, code: str) -> NodeScore:
    """The node ``code`` of ``report``; fails the test when it is missing."""
    found = report.find(code)
    assert found is not None, f"{code} is not in the report"
    return found
