"""The demo generator: a complete, realistic, reproducible assessment of a fictional country.

The Republic of Examplia (ISO code XEX: codes starting with X are reserved for
user-assigned use in ISO 3166-1, so it can never clash with a real country) is
generated from any framework edition with a seeded random generator.  It uses
every status, indicator kind, evidence kind, review state and stakeholder group,
so every view of roam has something to show.  Cycle 2 is the same country two
years later: some levels moved, some data gaps were filled.

Every organisation, person, law, court case and web address is invented; web
addresses use the reserved ``.example`` domain.  The plans (plans) are written up as
answers (answer_writer), evidence (evidence_writer) and recommendations
(recommendation_writer) on the cycle's calendar (schedule).
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path
from typing import Literal

from roam.assessment.create import framework_ref
from roam.assessment.model import Assessment
from roam.demo.answer_writer import AnswerWriter
from roam.demo.content import demo_content
from roam.demo.evidence_writer import EvidenceWriter
from roam.demo.plans import first_plans, follow_up_plans
from roam.demo.recommendation_writer import recommendations
from roam.demo.schedule import Schedule, demo_start, milestones
from roam.framework.model import Framework

DEMO_COUNTRY = "Republic of Examplia"
DEMO_ISO = "XEX"
DEFAULT_SEED = 2023
Cycle = Literal[1, 2]


def make_demo(
    framework: Framework,
    *,
    seed: int = DEFAULT_SEED,
    cycle: Cycle = 1,
    path: str | Path | None = None,
    today: dt.date | None = None,
) -> Assessment:
    """The Examplia assessment on ``framework`` (full scope); the same for the same seed and day.

    ``path`` is where the file will be saved, so a framework outside the
    built-in ones is referred to relative to it. Dates are set relative to
    ``today`` (default: the real date); pass one for byte-identical output.
    """
    if cycle not in (1, 2):
        raise ValueError(f"cycle is 1 or 2, not {cycle!r}")
    places = list(framework.iter_places())
    plans = first_plans(framework, places, random.Random(seed))
    if cycle == 2:
        plans = follow_up_plans(framework, places, plans, random.Random(seed * 7919 + 2))
    start = demo_start(cycle, today)
    # One generator for everything written below, in this order: the same seed, the same demo.
    rng = random.Random(seed * 31 + cycle)
    evidence = EvidenceWriter(Schedule(start, rng))
    answers = AnswerWriter(framework, evidence)
    assessment = Assessment(
        country=DEMO_COUNTRY,
        iso=DEMO_ISO,
        framework=framework_ref(framework, path),
        scope="full",
        languages=["en"],
        created=start,
        # Copies: an assessment's people are edited in place (the TUI's process screen,
        # tests), and the next demo must not inherit those edits.
        team=[person.model_copy() for person in demo_content().team],
        mab=[member.model_copy() for member in demo_content().mab],
        milestones=milestones(cycle, start.date()),
    )
    for place in places:
        code = place.indicator.code
        assessment.answers[code] = answers.answer(place, plans[code])
    evidence.plant_old_evidence(assessment)
    evidence.cover_every_evidence_kind(assessment)
    evidence.plant_missing_evidence(assessment)
    _plant_missing_justification(assessment)
    assessment.recommendations = recommendations(framework, assessment, rng)
    return assessment


def _plant_missing_justification(assessment: Assessment) -> None:
    """One gap left unexplained, for the readiness check to flag (a no-data or N/A answer)."""
    for status in ("no_data", "not_applicable"):
        for answer in assessment.answers.values():
            if answer.status == status:
                answer.justification = ""
                return
