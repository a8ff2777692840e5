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
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

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
        low, high, digits = _plausible_range(indicator)
        value = round(low + fraction * (high - low), digits)
        valid = indicator.valid_range
        if valid is not None and valid.min is not None:
            value = max(valid.min, value)
        if valid is not None and valid.max is not None:
            value = min(valid.max, value)
        year = self.start.year - self.rng.choice((1, 1, 2))
        return float(value), year

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
        if answer.value is not None:
            return None, round(answer.value * self.rng.uniform(0.85, 0.97), 2)
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
        for kind in EVIDENCE_KINDS:
            if kind not in used and answered:
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

# (words in the indicator text, low, high, decimals): a believable range for a mid-income country.
_CONTEXT_RANGES: tuple[tuple[tuple[str, ...], float, float, int], ...] = (
    (("gdp", "gross domestic", "gni"), 2_800, 14_000, 0),
    (("population",), 4.2, 26.0, 1),
    (("urban",), 38, 71, 1),
    (("human development", "hdi"), 0.56, 0.79, 3),
    (("gender inequality", "gii"), 0.22, 0.48, 3),
    (("gini", "inequality"), 31, 47, 1),
    (("literacy",), 72, 97, 1),
    (("life expectancy",), 63, 77, 1),
    (("percentile",), 24, 76, 1),
    (("governance", "rule of law", "voice", "effectiveness", "corruption"), -0.9, 0.9, 2),
    (("ict development", "idi"), 3.1, 6.8, 2),
)


def _plausible_range(
    indicator: QuantitativeIndicator | ContextualIndicator,
) -> tuple[float, float, int]:
    if isinstance(indicator, QuantitativeIndicator):
        low, high = indicator.goalposts.lower, indicator.goalposts.upper
        return low, high, _decimals(high - low, indicator.unit)
    text = localize(indicator.text).casefold()
    for words, low, high, digits in _CONTEXT_RANGES:
        if any(word in text for word in words):
            if "population" in words and "million" not in (indicator.unit or "").casefold():
                return low * 1e6, high * 1e6, 0  # counted in people, not millions
            return low, high, digits
    valid = indicator.valid_range
    if valid is not None and valid.min is not None and valid.max is not None:
        return valid.min, valid.max, 2
    if indicator.unit == "%":
        return 15, 85, 1
    return 1, 1000, 0


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
