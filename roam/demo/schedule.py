"""The demo's calendar: when each cycle began, when the team collected data, its milestones.

Dates are set relative to "today", so a fresh demo's sources are current and the
readiness check flags only the old sources planted on purpose.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from roam.assessment.model import MILESTONE_KINDS, Milestone, MilestoneStatus

_UTC = dt.UTC
# The follow-up cycle started about four months before "today" and the baseline two
# years before that.
_FOLLOW_UP_LEAD_DAYS = 120
_CYCLE_GAP_DAYS = 730
# Data collection runs from three weeks after the start to about four months after it.
_COLLECTION_FROM_DAYS = 21
_COLLECTION_TO_DAYS = 115


def demo_start(cycle: int, today: dt.date | None = None) -> dt.datetime:
    """When the demo's data collection for ``cycle`` began, relative to ``today``."""
    day = (today or dt.date.today()) - dt.timedelta(days=_FOLLOW_UP_LEAD_DAYS)
    if cycle == 1:
        day -= dt.timedelta(days=_CYCLE_GAP_DAYS)
    return dt.datetime(day.year, day.month, day.day, 9, 30, tzinfo=_UTC)


@dataclass(frozen=True, slots=True)
class Schedule:
    """One cycle's dates, and random moments within them drawn from the demo's generator."""

    start: dt.datetime
    rng: random.Random

    @property
    def collection_start(self) -> dt.date:
        return self.start.date() + dt.timedelta(days=_COLLECTION_FROM_DAYS)

    @property
    def collection_end(self) -> dt.date:
        return self.start.date() + dt.timedelta(days=_COLLECTION_TO_DAYS)

    def moment(self, after: dt.date, min_days: int, max_days: int) -> dt.datetime:
        """A working hour between ``min_days`` and ``max_days`` days after ``after``."""
        day = after + dt.timedelta(days=self.rng.randint(min_days, max_days))
        return dt.datetime(day.year, day.month, day.day, self.rng.randint(8, 17), 0, tzinfo=_UTC)

    def during_collection(self) -> dt.date:
        """A day while the team collected data."""
        days = (self.collection_end - self.collection_start).days
        return self.collection_start + dt.timedelta(days=self.rng.randint(0, days))


def milestones(cycle: int, start: dt.date) -> list[Milestone]:
    """The process milestones of ``cycle``: the follow-up is less far along than the baseline."""
    statuses: list[MilestoneStatus] = (
        ["done", "done", "done", "in_progress", "not_started", "not_started"]
        if cycle == 1
        else ["done", "done", "in_progress", "not_started", "not_started", "not_started"]
    )
    offsets = (18, 115, 160, 205, 250, 330)
    notes = (
        "Approved by the MAB at its first meeting.",
        "Desk research, 24 interviews and the 2022 household survey tables.",
        "Scores used only as a diagnostic aid inside the team.",
        "Draft report circulated to all MAB members for comment.",
        "Planned in Port Examplia with about 80 participants.",
        "To appear in UNESCO's national assessment series.",
    )
    return [
        Milestone(
            kind=kind,
            status=status,
            date=start + dt.timedelta(days=offset),
            note=note if status != "not_started" or kind == "validation_workshop" else "",
        )
        for kind, status, offset, note in zip(
            MILESTONE_KINDS, statuses, offsets, notes, strict=True
        )
    ]
