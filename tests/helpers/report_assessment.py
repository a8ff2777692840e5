"""An assessment on the mini edition that exercises every part of the report."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from roam.assessment.create import framework_ref
from roam.assessment.model import (
    Answer,
    Assessment,
    Comment,
    Evidence,
    FrameworkRef,
    MabMember,
    Milestone,
    Person,
    Recommendation,
    Review,
)
from roam.assessment.storage import save_assessment
from roam.framework import Framework, load_framework
from tests.helpers.files import MINI_FRAMEWORK

CONFIDENTIAL_CITATION = "Interview with a ministry official"
CREATED = dt.datetime(2024, 3, 1, 9, 0)


def mini_framework() -> Framework:
    return load_framework(MINI_FRAMEWORK)


def mini_assessment(framework: Framework, scope: str = "full") -> Assessment:
    """Full scope of the mini edition: R.A.1.a high (100), R.A.1.b mid (50, weight 2),
    R.A.2.a 80 % online (80), R.B.1.a no data, O.A.1.a N/A, C.1.1.a 1500 USD."""
    assessment = Assessment(
        country="Examplia",
        iso="XEA",
        framework=FrameworkRef(
            id=framework.id, version=framework.version, hash=framework.content_hash
        ),
        scope=scope,  # type: ignore[arg-type]
        created=CREATED,
        team=[Person(name="Ada Researcher", role="lead"), Person(name="Bo Analyst")],
        mab=[
            MabMember(name="Cy Minister", organisation="Ministry of ICT", group="government"),
            MabMember(name="Di Activist", organisation="Open Net", group="civil_society"),
            MabMember(name="Ed Engineer", group="technical_community"),
        ],
        milestones=[
            Milestone(kind="research_plan", status="done", date=dt.date(2024, 3, 15)),
            Milestone(kind="data_collection", status="in_progress", note="desk research"),
        ],
    )
    law = Evidence(
        kind="law_or_regulation",
        citation="Access to Information Act 2016",
        location="https://example.org/ati-act",
        publisher="Parliament of Examplia",
        published=dt.date(2016, 5, 2),
        accessed=dt.date(2024, 3, 20),
    )
    secret = Evidence(
        kind="interview",
        citation=CONFIDENTIAL_CITATION,
        location="notes/interview-07.txt",
        publisher="Ministry of ICT",
        confidential=True,
    )
    thread = [
        Comment(
            author="Ada Researcher",
            role="lead",
            time=dt.datetime(2024, 4, 2, 10, 30, tzinfo=dt.UTC),
            text="Please check the enforcement record.",
        ),
        Comment(author="Bo Analyst", time=dt.datetime(2024, 4, 3, 8, 0), text="Checked."),
    ]
    assessment.answers = {
        "C.1.1.a": Answer(status="answered", value=1500, year=2023),
        "R.A.1.a": Answer(
            status="answered",
            level="high",
            justification="The act is in force.",
            evidence=[law],
            confidence="high",
            stakeholders=["government", "civil_society"],
            review=Review(state="queried", thread=thread),
        ),
        "R.A.1.b": Answer(
            status="answered",
            level="mid",
            justification="Applied unevenly.",
            evidence=[secret],
            confidence="medium",
        ),
        "R.A.2.a": Answer(status="answered", value=80, year=2023, evidence=[law]),
        "R.B.1.a": Answer(status="no_data", justification="No register of attacks is kept."),
        "O.A.1.a": Answer(status="not_applicable", justification="No policy domain applies."),
    }
    assessment.recommendations = [
        Recommendation(
            id="REC-1",
            text="Publish a register of attacks on journalists.",
            groups=["government", "media"],
            priority="high",
            timeframe="short",
            indicators=["R.B.1.a"],
        ),
        Recommendation(
            id="REC-2",
            text="Train judges on the access to information act.",
            groups=["judiciary"],
            priority="low",
            indicators=["R.A.1.b"],
        ),
    ]
    return assessment


def save_mini_assessment(framework: Framework, path: Path) -> Path:
    """:func:`mini_assessment` saved at ``path``, referring to the mini edition from there."""
    assessment = mini_assessment(framework)
    assessment.framework = framework_ref(framework, path)
    save_assessment(assessment, path, framework)
    return path
