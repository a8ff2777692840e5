"""A complete, realistic, reproducible assessment of a fictional country.

The Republic of Examplia (ISO code XEX: codes starting with X are reserved for
user-assigned use in ISO 3166-1, so it can never clash with a real country) is
generated from any framework edition with a seeded random generator.  It uses
every status, indicator kind, evidence kind, review state and stakeholder group,
so every view of roam has something to show.  Cycle 2 is the same country two
years later: some levels moved, some data gaps were filled.

Every organisation, person, law, court case and web address is invented; web
addresses use the reserved ``.example`` domain.
"""

from __future__ import annotations

import datetime as dt
import math
import random
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal, NamedTuple

from roam.assessment.create import framework_ref
from roam.assessment.history import set_answer_field
from roam.assessment.model import (
    EVIDENCE_KINDS,
    MILESTONE_KINDS,
    STAKEHOLDER_GROUPS,
    Answer,
    AnswerVersion,
    Assessment,
    Comment,
    Confidence,
    Evidence,
    EvidenceKind,
    MabMember,
    Milestone,
    MilestoneStatus,
    Person,
    Priority,
    Recommendation,
    Review,
    ReviewState,
    StakeholderGroup,
    Status,
    Timeframe,
)
from roam.framework.model import (
    ContextualIndicator,
    Framework,
    IndicatorPlace,
    QuantitativeIndicator,
    ScaledIndicator,
)
from roam.framework.text import localize

DEMO_COUNTRY = "Republic of Examplia"
DEMO_ISO = "XEX"
DEFAULT_SEED = 2023
Cycle = Literal[1, 2]

_UTC = dt.UTC
# The follow-up cycle started about four months before "today" and the baseline two
# years before that, so a fresh demo's sources are current and the readiness check
# flags only the old sources planted on purpose.
_FOLLOW_UP_LEAD_DAYS = 120
_CYCLE_GAP_DAYS = 730


def demo_start(cycle: int, today: dt.date | None = None) -> dt.datetime:
    """When the demo's data collection for ``cycle`` began, relative to ``today``."""
    day = (today or dt.date.today()) - dt.timedelta(days=_FOLLOW_UP_LEAD_DAYS)
    if cycle == 1:
        day -= dt.timedelta(days=_CYCLE_GAP_DAYS)
    return dt.datetime(day.year, day.month, day.day, 9, 30, tzinfo=_UTC)


_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip

LEAD = Person(name="Amara Okafor-Lind", role="lead researcher")
TEAM = (
    LEAD,
    Person(name="Tomás Rivera Quist", role="researcher (law and policy)"),
    Person(name="Lena Varga", role="researcher (statistics)"),
    Person(name="Samuel Adeyemi-Holt", role="research assistant"),
    Person(name="Ingrid Saarinen", role="UNESCO liaison"),
)
_RESEARCHERS = [person.name for person in TEAM[:4]]
_LIAISON = TEAM[4]

MAB = (
    MabMember(
        name="Hon. Daniel Mwale", organisation="Ministry of Digital Affairs", group="government"
    ),
    MabMember(
        name="Ruth Osei-Brandt",
        organisation="Parliamentary Committee on Communications",
        group="parliament",
    ),
    MabMember(
        name="Justice (rtd.) Peter Lang",
        organisation="Judicial Training Institute",
        group="judiciary",
    ),
    MabMember(
        name="Nadia Kovacs",
        organisation="Examplia Telecom Operators Association",
        group="private_sector",
    ),
    MabMember(
        name="Chen Wei-Larsen",
        organisation="Examplia Network Operators Group",
        group="technical_community",
    ),
    MabMember(
        name="Prof. Aisha Demir",
        organisation="University of Port Examplia, Centre for Internet Studies",
        group="academia",
    ),
    MabMember(
        name="Joseph Tembo", organisation="Examplia Digital Rights Forum", group="civil_society"
    ),
    MabMember(name="Marta Lindqvist", organisation="Examplia Press Council", group="media"),
    MabMember(
        name="Kofi Anan-Berg",
        organisation="UNESCO Regional Office (fictional desk)",
        group="international_organisation",
    ),
)

# Stakeholder groups each category's evidence usually comes from (keyed by category code).
_GROUPS_BY_CATEGORY: dict[str, tuple[StakeholderGroup, ...]] = {
    "C": ("government", "academia", "international_organisation"),
    "R": ("civil_society", "judiciary", "government", "media", "parliament"),
    "O": ("private_sector", "technical_community", "government", "academia"),
    "A": ("government", "private_sector", "academia", "civil_society"),
    "M": ("government", "technical_community", "civil_society", "international_organisation"),
    "X": ("civil_society", "academia", "government", "private_sector"),
}
_PREFERRED_KINDS: dict[str, tuple[EvidenceKind, ...]] = {
    "institutional": (
        "law_or_regulation",
        "report",
        "court_decision",
        "interview",
        "expert_judgement",
    ),
    "qualitative": ("report", "media", "interview", "survey", "expert_judgement", "court_decision"),
    "quantitative": ("official_statistic", "survey", "report"),
    "contextual": ("official_statistic", "report"),
}


# --- the plan: what is true of Examplia, independent of how it is written up -----------------


@dataclass(frozen=True, slots=True)
class _Plan:
    """One indicator's situation: its status and where it sits on its scale or range."""

    code: str
    status: Status
    level: int | None = None  # index into the scale's levels
    fraction: float | None = None  # position of the value inside its plausible range


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
    plans = _first_plans(framework, places, random.Random(seed))
    if cycle == 2:
        plans = _follow_up_plans(framework, places, plans, random.Random(seed * 7919 + 2))
    start = demo_start(cycle, today)
    writer = _Writer(framework, random.Random(seed * 31 + cycle), start)
    assessment = Assessment(
        country=DEMO_COUNTRY,
        iso=DEMO_ISO,
        framework=framework_ref(framework, path),
        scope="full",
        languages=["en"],
        created=start,
        # Copies: an assessment's people are edited in place (the TUI's process screen,
        # tests), and the next demo must not inherit those edits.
        team=[person.model_copy() for person in TEAM],
        mab=[member.model_copy() for member in MAB],
        milestones=_milestones(cycle, start.date()),
    )
    for place in places:
        assessment.answers[place.indicator.code] = writer.answer(place, plans[place.indicator.code])
    writer.plant_old_evidence(assessment)
    writer.cover_every_evidence_kind(assessment)
    writer.plant_missing_evidence(assessment)
    _plant_missing_justification(assessment)
    assessment.recommendations = writer.recommendations(assessment)
    return assessment


def _first_plans(
    framework: Framework, places: list[IndicatorPlace], rng: random.Random
) -> dict[str, _Plan]:
    count = len(places)
    scaled = [p.indicator.code for p in places if isinstance(p.indicator, ScaledIndicator)]
    # Data gaps are missing statistics, not the basic context figures every country has.
    statistics = [p.indicator.code for p in places if p.indicator.kind == "quantitative"]
    no_data = _pick(rng, statistics, scaled, max(1, count * 6 // 100))
    not_applicable = _pick(
        rng, [c for c in scaled if c not in no_data], [], max(1, count * 3 // 100)
    )
    taken = set(no_data) | set(not_applicable)
    not_assessed = _pick(
        rng,
        [p.indicator.code for p in places if p.indicator.code not in taken],
        [],
        max(1, count * 3 // 100),
    )
    statuses: dict[str, Status] = {code: "no_data" for code in no_data}
    statuses |= {code: "not_applicable" for code in not_applicable}
    statuses |= {code: "not_assessed" for code in not_assessed}
    levels = _spread_levels(framework, places, statuses, rng)
    plans = {}
    for place in places:
        code = place.indicator.code
        status = statuses.get(code, "answered")
        if status != "answered":
            plans[code] = _Plan(code, status)
        elif code in levels:
            plans[code] = _Plan(code, status, level=levels[code])
        else:
            plans[code] = _Plan(code, status, fraction=round(rng.uniform(0.12, 0.88), 3))
    return plans


def _pick(rng: random.Random, preferred: list[str], fallback: list[str], count: int) -> list[str]:
    """``count`` codes, from ``preferred`` first; fewer when there are not enough."""
    chosen = rng.sample(preferred, min(count, len(preferred)))
    rest = [code for code in fallback if code not in chosen]
    chosen += rng.sample(rest, min(count - len(chosen), len(rest)))
    return chosen


def _spread_levels(
    framework: Framework,
    places: list[IndicatorPlace],
    statuses: dict[str, Status],
    rng: random.Random,
) -> dict[str, int]:
    """Level indices for answered scaled indicators; every level of a scale used at least once."""
    by_scale: dict[str, list[str]] = {}
    for place in places:
        indicator = place.indicator
        if isinstance(indicator, ScaledIndicator) and indicator.code not in statuses:
            by_scale.setdefault(indicator.scale, []).append(indicator.code)
    levels: dict[str, int] = {}
    for scale_id, codes in by_scale.items():
        size = len(framework.scales[scale_id].levels)
        weights = [1 + min(i, size - 1 - i) for i in range(size)]  # most answers mid-scale
        shuffled = rng.sample(codes, len(codes))
        for position, code in enumerate(shuffled):
            levels[code] = position if position < size else rng.choices(range(size), weights)[0]
    return levels


def _follow_up_plans(
    framework: Framework,
    places: list[IndicatorPlace],
    plans: dict[str, _Plan],
    rng: random.Random,
) -> dict[str, _Plan]:
    """Two years on: about one scaled answer in six moved a level; half the gaps were filled."""
    result = dict(plans)
    scaled = {
        p.indicator.code: p.indicator for p in places if isinstance(p.indicator, ScaledIndicator)
    }
    answered_scaled = [c for c, plan in plans.items() if c in scaled and plan.level is not None]
    moved = (
        rng.sample(answered_scaled, max(1, len(answered_scaled) // 6)) if answered_scaled else []
    )
    for code in moved:
        top = len(framework.scale_for(scaled[code]).levels) - 1
        old = plans[code].level or 0
        step = 1 if rng.random() < 0.7 else -1
        new = old + step if 0 <= old + step <= top else old - step
        result[code] = replace(plans[code], level=max(0, min(top, new)))
    for code, plan in plans.items():
        if plan.fraction is not None:
            drift = rng.uniform(-0.05, 0.12)
            result[code] = replace(
                plan, fraction=round(min(0.95, max(0.05, plan.fraction + drift)), 3)
            )
    gaps = [code for code, plan in plans.items() if plan.status == "no_data"]
    for code in rng.sample(gaps, math.ceil(len(gaps) / 2)):
        if code in scaled:
            size = len(framework.scale_for(scaled[code]).levels)
            result[code] = _Plan(code, "answered", level=rng.randrange(size))
        else:
            result[code] = _Plan(code, "answered", fraction=round(rng.uniform(0.2, 0.6), 3))
    return result


# --- writing the plan up as answers, evidence and reviews -----------------------------------


class _Writer:
    def __init__(self, framework: Framework, rng: random.Random, start: dt.datetime) -> None:
        self.framework = framework
        self.rng = rng
        self.start = start
        self.collection_start = start.date() + dt.timedelta(days=21)
        self.collection_end = start.date() + dt.timedelta(days=115)

    # answers

    def answer(self, place: IndicatorPlace, plan: _Plan) -> Answer:
        indicator = place.indicator
        if plan.status == "not_assessed":
            return Answer()
        evidence = self.evidence_for(place, plan)
        answer = Answer(
            status=plan.status,
            evidence=evidence,
            confidence=self._confidence(plan.status),
            stakeholders=self._stakeholders(place),
        )
        if plan.status == "answered" and isinstance(indicator, ScaledIndicator):
            answer.level = self.framework.scale_for(indicator).levels[plan.level or 0].id
        elif plan.status == "answered" and not isinstance(indicator, ScaledIndicator):
            answer.value, answer.year = self._value(indicator, plan.fraction or 0.5)
            answer.unit = indicator.unit
        if indicator.disaggregation and plan.status == "answered":
            answer.disaggregation = {b: self.rng.random() < 0.55 for b in indicator.disaggregation}
        answer.justification = self._justification(place, answer)
        answer.review = self._review(answer)
        if plan.status == "answered" and self.rng.random() < 0.25:
            self._add_history(place, answer)
        if answer.review.state == "draft" and answer.level and self.rng.random() < 0.5:
            answer.conflicts = [self._second_opinion(place, answer)]
        return answer

    def _confidence(self, status: Status) -> Confidence | None:
        if status == "not_applicable":
            return "high"
        if status == "no_data":
            return "low" if self.rng.random() < 0.5 else None
        levels: tuple[Confidence, ...] = ("low", "medium", "high")
        return self.rng.choices(levels, (15, 45, 40))[0]

    def _stakeholders(self, place: IndicatorPlace) -> list[StakeholderGroup]:
        pool = _GROUPS_BY_CATEGORY.get(place.category.code, STAKEHOLDER_GROUPS)
        chosen = set(self.rng.sample(pool, self.rng.randint(1, min(3, len(pool)))))
        return [group for group in STAKEHOLDER_GROUPS if group in chosen]

    def _value(
        self, indicator: QuantitativeIndicator | ContextualIndicator, fraction: float
    ) -> tuple[float, int]:
        value = _position(indicator, _plausible_range(indicator), fraction)
        year = self.start.year - self.rng.choice((1, 1, 2))
        return value, year

    def _justification(self, place: IndicatorPlace, answer: Answer) -> str:
        source = answer.evidence[0].citation if answer.evidence else "the team's desk research"
        if answer.status == "not_applicable":
            return "Not applicable to Examplia: " + self.rng.choice(_NOT_APPLICABLE_REASONS)
        if answer.status == "no_data":
            return "No reliable data: " + self.rng.choice(_NO_DATA_REASONS)
        indicator = place.indicator
        if isinstance(indicator, ScaledIndicator):
            level = self.framework.scale_for(indicator).level(answer.level or "")
            label = localize(level.label) if level else ""
            meaning = localize(level.description) if level and level.description else ""
            remark = self.rng.choice(
                _INSTITUTIONAL_REMARKS
                if indicator.kind == "institutional"
                else _QUALITATIVE_REMARKS
            )
            text = f"Rated '{label}'. {meaning} The main source is {source}; {remark}.".replace(
                "  ", " "
            )
        else:
            unit = f" {answer.unit}" if answer.unit else ""
            figure = _format_number(answer.value or 0.0)
            remark = self.rng.choice(_VALUE_REMARKS)
            text = f"{figure}{unit} in {answer.year}, from {source}. {remark}"
        if self.rng.random() < 0.3:
            text += "\n\n" + self.rng.choice(_SECOND_PARAGRAPHS)
        return text

    def _review(self, answer: Answer) -> Review:
        state: ReviewState = self.rng.choices(
            ("draft", "submitted", "queried", "accepted"), (12, 25, 8, 55)
        )[0]
        if answer.status != "answered" and state in ("draft", "queried"):
            state = "submitted"
        thread: list[Comment] = []
        asked = self._moment(self.collection_end, 10, 30)
        if state == "queried":
            thread.append(self._liaison(asked, self.rng.choice(_QUERIES)))
            if self.rng.random() < 0.5:
                thread.append(
                    Comment(
                        author=self.rng.choice(_RESEARCHERS),
                        role="researcher",
                        time=asked + dt.timedelta(days=2, hours=3),
                        text=self.rng.choice(_REPLIES),
                    )
                )
        elif state == "accepted" and self.rng.random() < 0.15:
            thread.append(self._liaison(asked, "Accepted; the sources are clear and sufficient."))
        return Review(state=state, thread=thread)

    def _liaison(self, when: dt.datetime, text: str) -> Comment:
        return Comment(author=_LIAISON.name, role=_LIAISON.role, time=when, text=text)

    def _add_history(self, place: IndicatorPlace, answer: Answer) -> None:
        """Replay how the answer came about: a first draft, then a revision by the lead."""
        first = self._moment(self.collection_start, 5, 40)
        draft = Answer()
        author = self.rng.choice(_RESEARCHERS[1:])
        set_answer_field(draft, "status", "answered", author, first)
        earlier_level, earlier_value = self._earlier(place, answer)
        if earlier_level is not None:
            set_answer_field(draft, "level", earlier_level, author, first)
        if earlier_value is not None:
            set_answer_field(draft, "value", earlier_value, author, first)
        revised = first + dt.timedelta(days=self.rng.randint(6, 30), hours=self.rng.randint(1, 6))
        set_answer_field(draft, "level", answer.level, LEAD.name, revised)
        set_answer_field(draft, "value", answer.value, LEAD.name, revised)
        set_answer_field(draft, "justification", answer.justification, LEAD.name, revised)
        answer.history = draft.history

    def _earlier(self, place: IndicatorPlace, answer: Answer) -> tuple[str | None, float | None]:
        indicator = place.indicator
        if isinstance(indicator, ScaledIndicator) and answer.level:
            ids = [level.id for level in self.framework.scale_for(indicator).levels]
            here = ids.index(answer.level)
            return ids[here - 1 if here > 0 else here + 1], None
        if answer.value is not None and not isinstance(indicator, ScaledIndicator):
            # The first draft used an older or rougher figure, a little lower, in the same span.
            span = _plausible_range(indicator)
            shift = self.rng.uniform(0.03, 0.15) * (span.high - span.low)
            earlier = _tidy(indicator, span, answer.value - shift)
            if earlier == answer.value:
                earlier = _tidy(indicator, span, answer.value + shift)
            return None, earlier
        return None, None

    def _second_opinion(self, place: IndicatorPlace, answer: Answer) -> AnswerVersion:
        level, _ = self._earlier(place, answer)
        return AnswerVersion(
            source=f"{_RESEARCHERS[2]} (second coder)",
            status="answered",
            level=level,
            justification="Read the same sources more strictly: enforcement data are thin.",
        )

    def _moment(self, after: dt.date, min_days: int, max_days: int) -> dt.datetime:
        day = after + dt.timedelta(days=self.rng.randint(min_days, max_days))
        return dt.datetime(day.year, day.month, day.day, self.rng.randint(8, 17), 0, tzinfo=_UTC)

    # evidence

    def evidence_for(self, place: IndicatorPlace, plan: _Plan) -> list[Evidence]:
        preferred = _PREFERRED_KINDS[place.indicator.kind]
        if plan.status == "not_applicable":
            kinds: list[EvidenceKind] = ["expert_judgement"] if self.rng.random() < 0.6 else []
        elif plan.status == "no_data":
            kinds = ["report"] if self.rng.random() < 0.5 else []
        else:
            extra = self.rng.randint(0, min(2, len(preferred) - 1))
            kinds = [preferred[0], *self.rng.sample(preferred[1:], extra)]
        return [self.evidence(kind) for kind in kinds]

    def evidence(self, kind: EvidenceKind, *, years_old: float | None = None) -> Evidence:
        accessed = self._during_collection()
        if kind in _HELD_BY_THE_TEAM and years_old is None:
            published = accessed  # an interview or a panel is its own record, made then
        else:
            age = years_old if years_old is not None else self.rng.uniform(0.2, 2.5)
            published = self.start.date() - dt.timedelta(days=int(age * 365))
        source = _SOURCE_MAKERS[kind](self.rng, published)
        return Evidence(
            kind=kind,
            citation=source.citation,
            location=source.location,
            publisher=source.publisher,
            published=published,
            accessed=accessed,
            confidential=source.confidential,
        )

    def _during_collection(self) -> dt.date:
        days = (self.collection_end - self.collection_start).days
        return self.collection_start + dt.timedelta(days=self.rng.randint(0, days))

    def plant_old_evidence(self, assessment: Assessment) -> None:
        """A few sources older than five years, for the readiness check to flag."""
        candidates = [a for a in assessment.answers.values() if a.status == "answered"]
        for answer in self.rng.sample(candidates, min(3, len(candidates))):
            kinds = [e.kind for e in answer.evidence if e.kind not in _HELD_BY_THE_TEAM]
            kind = kinds[0] if kinds else "report"
            answer.evidence.append(self.evidence(kind, years_old=self.rng.uniform(6.2, 9.5)))

    def cover_every_evidence_kind(self, assessment: Assessment) -> None:
        answered = [a for a in assessment.answers.values() if a.status == "answered"]
        used = {item.kind for answer in answered for item in answer.evidence}
        # Datasets are what `roam prefill` cites; the demo leaves them to it.
        for kind in EVIDENCE_KINDS:
            if kind not in used and answered and kind in _SOURCE_MAKERS:
                self.rng.choice(answered).evidence.append(self.evidence(kind))

    def plant_missing_evidence(self, assessment: Assessment) -> None:
        """Two answered indicators without any source, for the readiness check to flag."""
        answered = [a for a in assessment.answers.values() if a.status == "answered"]
        if len(answered) < 20:
            return  # too small an edition to spare the evidence kinds
        for answer in self.rng.sample(answered, 2):
            kinds = {item.kind for a in answered if a is not answer for item in a.evidence}
            if kinds.issuperset(item.kind for item in answer.evidence):
                answer.evidence = []

    # recommendations

    def recommendations(self, assessment: Assessment) -> list[Recommendation]:
        weakest = self._weakest_codes(assessment)
        result = []
        for number, (template, groups, priority, timeframe) in enumerate(_RECOMMENDATIONS, 1):
            if not weakest:
                break
            code = weakest[(number - 1) % len(weakest)]
            text = localize(self.framework.indicator(code).text)
            result.append(
                Recommendation(
                    id=f"REC-{number:02d}",
                    text=f"{template} ({code}: {text.rstrip('.')}.)",
                    groups=list(groups),
                    priority=priority,
                    timeframe=timeframe,
                    indicators=[code],
                )
            )
        gaps = [code for code, answer in assessment.answers.items() if answer.status == "no_data"]
        if gaps:
            result.append(
                Recommendation(
                    id=f"REC-{len(result) + 1:02d}",
                    text=(
                        "Add the missing figures to the next household ICT survey and the "
                        "regulator's returns, broken down by sex, age, location and disability, "
                        "so the next assessment can answer " + ", ".join(gaps[:6]) + "."
                    ),
                    groups=["government", "academia"],
                    priority="high",
                    timeframe="short",
                    indicators=gaps[:6],
                )
            )
        return result

    def _weakest_codes(self, assessment: Assessment) -> list[str]:
        """Scored indicators answered at the lower levels, spread over the categories."""
        ranked: list[tuple[float, str]] = []
        for code, answer in assessment.answers.items():
            place = self.framework.places[code]
            indicator = place.indicator
            if place.category.contextual or not isinstance(indicator, ScaledIndicator):
                continue
            level = self.framework.scale_for(indicator).level(answer.level or "")
            if answer.status == "answered" and level is not None:
                ranked.append((level.score + self.rng.random(), code))
        ranked.sort()
        by_category: dict[str, list[str]] = {}
        for _, code in ranked:
            by_category.setdefault(self.framework.places[code].category.code, []).append(code)
        spread = []
        for round_index in range(max((len(v) for v in by_category.values()), default=0)):
            spread += [
                codes[round_index] for codes in by_category.values() if round_index < len(codes)
            ]
        return spread[: len(_RECOMMENDATIONS)]


def _plant_missing_justification(assessment: Assessment) -> None:
    """One gap left unexplained, for the readiness check to flag (a no-data or N/A answer)."""
    for status in ("no_data", "not_applicable"):
        for answer in assessment.answers.values():
            if answer.status == status:
                answer.justification = ""
                return


def _milestones(cycle: int, start: dt.date) -> list[Milestone]:
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


# --- plausible numbers ------------------------------------------------------------------------


class _Range(NamedTuple):
    """Where Examplia's figure for one indicator lies: a believable span for the country.

    A plan's fraction places the value inside the span; a higher fraction is a stronger
    position (so it is mapped from ``high`` down to ``low`` when lower is better) and, for a
    contextual figure, a later one: ``falls`` marks the figures that shrink as a country
    develops.  ``step`` rounds counts and ratings to the values they can take.
    """

    low: float
    high: float
    decimals: int = 1
    step: float | None = None
    falls: bool = False


# Examplia is an upper-middle-income country of about nine million people: two thirds of
# it online, mobile-first, with a mid-table record on rights and governance.  One entry
# per quantitative and contextual indicator of the built-in edition, keyed by code.  An
# entry is used only while it fits the indicator's valid range and goalposts, so an edition
# that reuses a code for another measure falls back to its own goalposts.
_EXAMPLIA: dict[str, _Range] = {
    # contextual: economy, people, development, equality, governance, ICT
    "C.1.1.a": _Range(13_500, 16_500, 0),  # GDP per person, PPP $
    "C.1.1.b": _Range(1.8, 4.6),  # real GDP growth, % a year
    "C.1.1.c": _Range(6.5, 9.5, falls=True),  # unemployment, % of labour force
    "C.1.1.d": _Range(3.0, 7.5, falls=True),  # inflation, % a year
    "C.2.1.a": _Range(9_150_000, 9_450_000, -3),  # population
    "C.2.1.b": _Range(0.8, 1.6, falls=True),  # population growth, % a year
    "C.2.1.c": _Range(54, 62),  # urban share
    "C.2.1.d": _Range(22, 27, falls=True),  # share aged under 15
    "C.3.1.a": _Range(0.72, 0.76, 3),  # HDI
    "C.3.1.b": _Range(8.4, 9.6),  # mean years of schooling
    "C.3.1.c": _Range(93, 99),  # access to electricity
    "C.4.1.a": _Range(36, 44, falls=True),  # Gini
    "C.4.1.b": _Range(0.28, 0.38, 3, falls=True),  # Gender Inequality Index
    "C.4.1.c": _Range(1.5, 5.5, falls=True),  # below the international poverty line
    "C.5.1.a": _Range(40, 60),  # WGI percentile ranks
    "C.5.1.b": _Range(38, 56),
    "C.5.1.c": _Range(42, 62),
    "C.6.1.a": _Range(110, 130, 0),  # mobile-cellular subscriptions per 100
    "C.6.1.b": _Range(7, 12, falls=True),  # fixed-telephone subscriptions per 100
    "C.6.1.c": _Range(6, 14),  # GB per mobile-broadband subscription a month
    "C.6.1.d": _Range(64, 74),  # ICT Development Index, 2023 scale (0-100)
    # R: rights
    "R.A.1.b": _Range(66.7, 88.9, 1, step=100 / 9),  # share of the nine core treaties
    "R.A.3.c": _Range(0.48, 0.60, 2),
    "R.B.1.b": _Range(55, 68, 0, step=1),
    "R.B.2.c": _Range(20, 45),
    "R.B.4.a": _Range(0, 2, 0, step=1),  # journalists killed in three years
    "R.B.4.b": _Range(2, 9, 0, step=1),  # people arrested for online speech in a year
    "R.B.6.a": _Range(55, 68, 2),
    "R.C.1.b": _Range(85, 110, 0, step=1),
    "R.C.1.c": _Range(48, 70),
    "R.C.3.b": _Range(0, 6, 0, step=1),  # shutdown days in a year
    "R.C.4.a": _Range(55, 80),
    "R.D.2.b": _Range(2, 4, 0, step=1),  # CIVICUS rating
    "R.D.3.b": _Range(55, 85),
    "R.D.3.c": _Range(6, 14),
    "R.E.2.b": _Range(50, 75),
    "R.E.5.b": _Range(35, 55),
    "R.E.5.c": _Range(18, 32),
    "R.F.2.a": _Range(58, 74),
    "R.F.2.b": _Range(18, 30),
    "R.F.3.a": _Range(35, 50),
    # O: openness
    "O.A.2.b": _Range(3, 4, 0, step=1),
    "O.A.3.b": _Range(0.18, 0.32, 2),
    "O.B.2.a": _Range(12, 30),
    "O.B.2.b": _Range(15, 30),
    "O.C.2.a": _Range(42, 55),
    "O.C.2.b": _Range(3_400, 4_300, -1),
    "O.C.3.a": _Range(40, 60),
    "O.C.5.a": _Range(22, 34),
    "O.D.1.c": _Range(45, 65, 0),
    "O.D.3.b": _Range(35, 50),
    "O.E.1.b": _Range(50, 65, 0, step=1),
    "O.E.2.b": _Range(40, 58, 0, step=1),
    "O.E.3.a": _Range(0.55, 0.70, 3),
    "O.E.4.a": _Range(0.45, 0.62, 3),
    # A: accessibility; overall use sits above women's and below young people's
    "A.A.2.c": _Range(35, 60),
    "A.B.1.a": _Range(66, 74),
    "A.B.1.b": _Range(75, 86),
    "A.B.1.c": _Range(55, 65),
    "A.B.2.a": _Range(94, 98.5),
    "A.B.2.b": _Range(82, 92),
    "A.B.2.c": _Range(18, 32),  # Mbit/s
    "A.B.3.a": _Range(11, 17),
    "A.B.3.b": _Range(70, 88),
    "A.B.3.c": _Range(70, 88),
    "A.B.4.a": _Range(60, 110, 0),  # kbit/s per user
    "A.B.4.c": _Range(70, 85),
    "A.B.6.a": _Range(80, 88),
    "A.B.6.b": _Range(32, 45),
    "A.C.1.a": _Range(2.1, 3.6, 2),  # % of monthly GNI per person
    "A.C.1.b": _Range(3.5, 6.5, 2),
    "A.C.1.c": _Range(14, 24),
    "A.C.3.b": _Range(3, 7),
    "A.C.4.b": _Range(6, 12),
    "A.C.4.c": _Range(28, 40),
    "A.D.1.a": _Range(4, 9),
    "A.D.1.b": _Range(3, 7),
    "A.D.2.a": _Range(14, 24),
    "A.D.2.b": _Range(85, 93),
    "A.D.3.b": _Range(30, 45),
    "A.D.3.c": _Range(8, 22, 0),
    "A.D.4.a": _Range(40, 60),
    "A.D.4.b": _Range(22, 35),
    "A.E.1.a": _Range(35, 55, 0, step=1),  # out of 100 websites
    "A.E.1.b": _Range(5, 10),
    "A.E.2.b": _Range(75, 88),
    "A.E.3.a": _Range(30, 50),
    "A.F.1.a": _Range(93, 97),
    "A.F.1.b": _Range(62, 74),
    "A.F.2.a": _Range(40, 52),
    "A.F.2.b": _Range(14, 24),
    "A.F.3.b": _Range(45, 65),
    "A.F.4.b": _Range(3.5, 6.0),
    # M: multistakeholder participation
    "M.A.2.b": _Range(35, 60, 0),
    "M.A.2.c": _Range(21, 45, 0, step=1),  # days
    "M.A.3.c": _Range(25, 38),
    "M.B.1.b": _Range(3, 5, 0, step=1),
    "M.B.1.c": _Range(30, 44),
    "M.B.2.b": _Range(4, 5, 0, step=1),
    "M.C.1.b": _Range(3, 5, 0, step=1),
    "M.C.2.b": _Range(1.5, 3.5, 2),
    "M.C.2.c": _Range(6, 12),
    "M.C.3.c": _Range(2, 3, 0, step=1),
    # X: cross-cutting
    "X.A.3.a": _Range(40, 70, 0),
    "X.A.3.b": _Range(60, 66),
    "X.A.3.c": _Range(4, 9),
    "X.A.4.a": _Range(36, 48),
    "X.A.5.a": _Range(32, 40),
    "X.A.5.b": _Range(18, 26),
    "X.A.8.b": _Range(22, 34),
    "X.A.9.a": _Range(3, 8),
    "X.B.2.a": _Range(82, 92),
    "X.B.2.b": _Range(48, 62),
    "X.B.3.a": _Range(35, 55),
    "X.B.3.b": _Range(15, 30, 0),  # learners per computer
    "X.B.4.b": _Range(55, 68),
    "X.B.5.b": _Range(12, 22),
    "X.C.2.a": _Range(3.0, 4.5),
    "X.C.2.b": _Range(1.4, 2.4),
    "X.C.3.a": _Range(72, 86),
    "X.C.3.b": _Range(52, 68),
    "X.C.3.c": _Range(18, 30),
    "X.C.4.a": _Range(0.62, 0.72, 3),
    "X.C.4.b": _Range(28, 42),
    "X.C.6.b": _Range(3, 10),
    "X.C.9.b": _Range(0.4, 0.9, 2),
    "X.D.3.a": _Range(62, 80, 2),
    "X.D.3.b": _Range(1_200, 2_400, 0),  # secure servers per million
    "X.D.6.a": _Range(35, 50),
    "X.D.7.a": _Range(14, 24),
    "X.D.8.b": _Range(55, 70),
    "X.E.3.c": _Range(25, 38),
}

_UNIT_BOUNDS = re.compile(r"\((-?[\d.,]+)\s*[-–]\s*(-?[\d.,]+)\)")


def _plausible_range(indicator: QuantitativeIndicator | ContextualIndicator) -> _Range:
    """Examplia's span for ``indicator``: its entry, else what its YAML says about its values."""
    entry = _EXAMPLIA.get(indicator.code)
    if entry is not None and _fits(indicator, entry):
        return entry
    if isinstance(indicator, QuantitativeIndicator):
        low, high = indicator.goalposts.lower, indicator.goalposts.upper
        return _Range(low, high, _decimals(high - low, indicator.unit))
    valid = indicator.valid_range
    if valid is not None and valid.min is not None and valid.max is not None:
        span = valid.max - valid.min  # keep clear of the impossible ends
        return _Range(valid.min + 0.2 * span, valid.max - 0.2 * span, 2)
    unit = indicator.unit or ""
    bounds = _UNIT_BOUNDS.search(unit)  # "index (0-1)", "score (0-100)"
    if bounds:
        low, high = (float(b.replace(",", "")) for b in bounds.groups())
        if low < high:
            return _Range(low + 0.2 * (high - low), high - 0.2 * (high - low), 2)
    if unit.startswith("%"):
        return _Range(15, 85)
    return _Range(1, 1000, 0)


def _fits(indicator: QuantitativeIndicator | ContextualIndicator, entry: _Range) -> bool:
    """Whether the whole span lies inside the indicator's valid range and goalposts."""
    valid = indicator.valid_range
    if valid is not None and valid.min is not None and entry.low < valid.min:
        return False
    if valid is not None and valid.max is not None and entry.high > valid.max:
        return False
    if isinstance(indicator, QuantitativeIndicator):
        posts = indicator.goalposts
        return posts.lower <= entry.low and entry.high <= posts.upper
    return True


def _position(
    indicator: QuantitativeIndicator | ContextualIndicator, span: _Range, fraction: float
) -> float:
    """The value at ``fraction`` of the span: 0 the weakest (or earliest) end, 1 the strongest."""
    falls = span.falls or (
        isinstance(indicator, QuantitativeIndicator) and indicator.direction == "lower_is_better"
    )
    if falls:
        fraction = 1 - fraction
    return _tidy(indicator, span, span.low + fraction * (span.high - span.low))


def _tidy(
    indicator: QuantitativeIndicator | ContextualIndicator, span: _Range, value: float
) -> float:
    """``value`` kept inside the span and the valid range, rounded as the figure is reported."""
    value = min(span.high, max(span.low, value))
    if span.step:
        value = min(span.high, max(span.low, round(value / span.step) * span.step))
    value = round(value, span.decimals)
    valid = indicator.valid_range
    if valid is not None and valid.min is not None:
        value = max(valid.min, value)
    if valid is not None and valid.max is not None:
        value = min(valid.max, value)
    return float(value)


def _decimals(span: float, unit: str) -> int:
    """Percentages to one decimal, counts and large ranges whole, small indices to two."""
    if unit == "%":
        return 1
    return 0 if span >= 20 else 2


def _format_number(value: float) -> str:
    return f"{value:,.0f}" if value.is_integer() else f"{value:,}"


# --- invented sources -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Source:
    citation: str
    publisher: str
    location: str
    confidential: bool = False


_HELD_BY_THE_TEAM: frozenset[EvidenceKind] = frozenset({"interview", "expert_judgement"})
_GAZETTE = "Government Printer of Examplia"
_REGULATOR = "Examplia Communications Regulatory Authority (ECRA)"
_STATISTICS = "Examplia National Statistics Office"
_MINISTRY = "Ministry of Digital Affairs"
_RIGHTS_FORUM = "Examplia Digital Rights Forum"
_UNIVERSITY = "University of Port Examplia, Centre for Internet Studies"


def _long_date(day: dt.date) -> str:
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def _url(host: str, *parts: object) -> str:
    return f"https://{host}.examplia.example/" + "/".join(str(p) for p in parts)


def _law(rng: random.Random, day: dt.date) -> _Source:
    year = day.year
    act = rng.randint(3, 29)
    sections = f"{rng.randint(4, 20)}-{rng.randint(21, 40)}"
    instrument = rng.randint(10, 90)
    title = rng.choice(
        (
            f"Electronic Communications Act {year} (Act No. {act} of {year})",
            f"Data Protection Act {year}, Part III",
            f"Access to Information Act {year}",
            f"Cybersecurity and Computer Misuse Act {year}, sections {sections}",
            f"Universal Service Regulations {year} (Statutory Instrument {instrument})",
            f"National Broadband Policy {year}-{year + 5}",
        )
    )
    slug = title.split(" (")[0].split(",")[0].lower().replace(" ", "-")
    return _Source(title, _GAZETTE, _url("laws", day.year, slug))


def _statistic(rng: random.Random, day: dt.date) -> _Source:
    choice = rng.randrange(3)
    if choice == 0:
        table = f"{rng.randint(2, 7)}.{rng.randint(1, 9)}"
        return _Source(
            f"Household ICT Access and Use Survey {day.year}, table {table}",
            _STATISTICS,
            _url("stats", "ict-survey", day.year),
        )
    if choice == 1:
        quarter = (day.month - 1) // 3 + 1
        return _Source(
            f"Quarterly Telecommunications Market Report, Q{quarter} {day.year}",
            _REGULATOR,
            _url("ecra", "market-reports", f"{day.year}-q{quarter}"),
        )
    return _Source(
        f"Statistical Yearbook {day.year}", _STATISTICS, _url("stats", "yearbook", day.year)
    )


def _survey(rng: random.Random, day: dt.date) -> _Source:
    sample = rng.randint(8, 30) * 100
    return rng.choice(
        (
            _Source(
                f"Internet Users' Trust and Safety Survey {day.year} (n = {sample:,})",
                _UNIVERSITY,
                _url("cis", "surveys", f"trust-{day.year}"),
            ),
            _Source(
                f"National Media Consumption Survey {day.year} (n = {sample:,})",
                "Examplia Press Council",
                _url("presscouncil", "research", day.year),
            ),
            _Source(
                f"Online Harassment of Women Journalists: survey {day.year} (n = {sample // 10})",
                _RIGHTS_FORUM,
                _url("rightsforum", "publications", f"harassment-{day.year}"),
            ),
        )
    )


def _court(rng: random.Random, day: dt.date) -> _Source:
    number = rng.randint(12, 240)
    return rng.choice(
        (
            _Source(
                f"High Court of Examplia, Digital Rights Forum v. Attorney General, "
                f"petition {number} of {day.year} (judgment of {_long_date(day)})",
                "High Court of Examplia",
                _url("judiciary", "judgments", f"hc-{day.year}-{number}"),
            ),
            _Source(
                f"Supreme Court of Examplia, Civil Appeal No. {number} of {day.year}",
                "Supreme Court of Examplia",
                _url("judiciary", "judgments", f"sc-{day.year}-{number}"),
            ),
        )
    )


def _report(rng: random.Random, day: dt.date) -> _Source:
    return rng.choice(
        (
            _Source(f"ECRA Annual Report {day.year}", _REGULATOR, _url("ecra", "annual", day.year)),
            _Source(
                f"State of Internet Freedom in Examplia {day.year}",
                _RIGHTS_FORUM,
                _url("rightsforum", "reports", day.year),
            ),
            _Source(
                f"National Broadband Plan: progress review {day.year}",
                _MINISTRY,
                _url("digital", "broadband", f"review-{day.year}"),
            ),
            _Source(
                f"Annual Report of the Information Commissioner {day.year}",
                "Office of the Information Commissioner",
                _url("infocommissioner", "reports", day.year),
            ),
        )
    )


def _media(rng: random.Random, day: dt.date) -> _Source:
    paper, host = rng.choice(
        (("The Examplia Herald", "herald"), ("Port Examplia Courier", "courier"))
    )
    headline = rng.choice(
        (
            "Regulator fines mobile operator over week-long outage",
            "Social media restricted during national exam week",
            "New fibre link reaches the northern districts",
            "Court orders release of detained blogger",
            "Parliament passes data protection amendments",
            "Mobile data prices fall for a third year",
        )
    )
    slug = headline.lower().replace(" ", "-")
    return _Source(f"'{headline}', {paper}, {_long_date(day)}", paper, _url(host, day.year, slug))


def _interview(rng: random.Random, day: dt.date) -> _Source:
    who = rng.choice(
        (
            "a senior official of the Ministry of Digital Affairs",
            "the editor of an online news outlet",
            "a representative of an internet service provider",
            "a digital rights lawyer",
            "a network engineer from the technical community",
            "a university researcher in communication studies",
        )
    )
    number = rng.randint(1, 24)
    confidential = rng.random() < 0.25
    return _Source(
        f"Interview {number:02d} with {who} (anonymised), {_long_date(day)}",
        "",
        f"team drive: interviews/interview-{number:02d}-notes.pdf",
        confidential=confidential,
    )


def _expert(rng: random.Random, day: dt.date) -> _Source:
    return rng.choice(
        (
            _Source(
                f"MAB expert session of {_long_date(day)}, minutes item {rng.randint(2, 9)}",
                "Multistakeholder Advisory Board",
                f"team drive: mab/minutes-{day.isoformat()}.pdf",
            ),
            _Source(
                f"Written opinion of the research team's legal adviser, {_long_date(day)}",
                "",
                f"team drive: opinions/legal-{day.isoformat()}.pdf",
            ),
        )
    )


_SOURCE_MAKERS = {
    "law_or_regulation": _law,
    "official_statistic": _statistic,
    "survey": _survey,
    "court_decision": _court,
    "report": _report,
    "media": _media,
    "interview": _interview,
    "expert_judgement": _expert,
}


# --- phrases ----------------------------------------------------------------------------------

_INSTITUTIONAL_REMARKS = (
    "implementing regulations exist but enforcement is uneven",
    "the regulator reports on its application every year",
    "it has not yet been tested in the courts",
    "interviewees from civil society describe it as largely effective",
    "its wording does not yet cover online services explicitly",
    "a draft amendment is before Parliament",
)
_QUALITATIVE_REMARKS = (
    "incidents are reported but are not systematic",
    "problems cluster in the months before elections",
    "practice differs strongly between the capital and rural districts",
    "the situation improved after the 2021 reforms",
    "independent monitors report few problems",
    "interviewees disagreed, and the rating reflects the weight of the written sources",
)
_VALUE_REMARKS = (
    "It is the latest figure available; the previous release showed a similar level.",
    "Urban and rural figures differ widely; see the disaggregation flags.",
    "The figure was cross-checked against the regulator's market report.",
    "Survey-based; the margin of error is about two percentage points.",
)
_SECOND_PARAGRAPHS = (
    "The MAB discussed this answer at its review meeting and agreed with it.",
    "Private-sector members of the MAB would have rated this one step higher; their view is "
    "recorded in the review thread.",
    "A follow-up interview is planned to confirm how the rules work in practice.",
)
_NOT_APPLICABLE_REASONS = (
    "the arrangement this indicator looks at does not exist in the country's legal system, "
    "so there is nothing to assess. The MAB agreed at its review meeting.",
    "the function is carried out by a regional body rather than nationally, outside the scope "
    "of a national assessment.",
    "the indicator presupposes a federal structure; Examplia is a unitary state.",
)
_NO_DATA_REASONS = (
    "the National Statistics Office does not publish this figure, and the last household ICT "
    "survey did not ask about it.",
    "the only estimate comes from an operator's marketing material and could not be verified.",
    "the regulator collects these data but does not release them; a request under the Access "
    "to Information Act is pending.",
)
_QUERIES = (
    "Could you add the source of the figure? The citation names only the publisher.",
    "The rating seems high given the court case cited under a neighbouring indicator. "
    "Please explain or revise.",
    "Please say whether the interview evidence can be shared with the MAB.",
)
_REPLIES = (
    "Source added; the table number is now in the citation.",
    "We re-read the judgment; it concerns offline publication only, so the rating stands.",
)
_RECOMMENDATIONS: tuple[tuple[str, tuple[StakeholderGroup, ...], Priority, Timeframe], ...] = (
    (
        "Close this gap through a legal amendment, after public consultation on the draft.",
        ("government", "parliament"),
        "high",
        "medium",
    ),
    (
        "Train judges and prosecutors on the online dimension of the rights at stake here.",
        ("judiciary",),
        "medium",
        "medium",
    ),
    (
        "Publish yearly transparency reports on this matter, including the requests received "
        "from the authorities.",
        ("private_sector",),
        "medium",
        "short",
    ),
    (
        "Work with the regulator on open, documented standards and shared infrastructure "
        "that would improve the situation described here.",
        ("technical_community",),
        "medium",
        "medium",
    ),
    (
        "Start a research programme that tracks this indicator over time and publishes its "
        "data openly.",
        ("academia",),
        "low",
        "long",
    ),
    (
        "Monitor this situation and report on it every year, bringing the findings to the "
        "national IGF.",
        ("civil_society",),
        "medium",
        "short",
    ),
    (
        "Build newsroom skills for reporting on digital policy, with attention to this issue.",
        ("media",),
        "low",
        "medium",
    ),
    (
        "Set measurable targets for this indicator and report progress every year.",
        ("government", "private_sector"),
        "high",
        "short",
    ),
    (
        "Give the national multistakeholder forum a formal mandate to follow up on this finding.",
        ("government", "civil_society", "technical_community"),
        "medium",
        "long",
    ),
)
