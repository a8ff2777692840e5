"""The demo generator: a complete, realistic, reproducible assessment of a fictional country.

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
import random
from pathlib import Path
from typing import Literal

from roam.assessment.answer_edits import set_answer_field
from roam.assessment.create import framework_ref
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
    Milestone,
    MilestoneStatus,
    Recommendation,
    Review,
    ReviewState,
    StakeholderGroup,
    Status,
)
from roam.demo.content import demo_content
from roam.demo.figures import format_number, plausible_range, position, tidy
from roam.demo.plans import Plan, first_plans, follow_up_plans
from roam.demo.sources import HELD_BY_THE_TEAM, SOURCE_MAKERS
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
        team=[person.model_copy() for person in demo_content().team],
        mab=[member.model_copy() for member in demo_content().mab],
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


# --- writing the plan up as answers, evidence and reviews -----------------------------------


class _Writer:
    def __init__(self, framework: Framework, rng: random.Random, start: dt.datetime) -> None:
        self.framework = framework
        self.rng = rng
        self.start = start
        self.collection_start = start.date() + dt.timedelta(days=21)
        self.collection_end = start.date() + dt.timedelta(days=115)
        content = demo_content()
        self.phrases = content.phrases
        self.recommendation_texts = content.recommendations
        self.lead = content.team[0]
        self.researchers = [person.name for person in content.team[:4]]
        self.liaison = content.team[4]

    # answers

    def answer(self, place: IndicatorPlace, plan: Plan) -> Answer:
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
        value = position(indicator, plausible_range(indicator), fraction)
        year = self.start.year - self.rng.choice((1, 1, 2))
        return value, year

    def _justification(self, place: IndicatorPlace, answer: Answer) -> str:
        source = answer.evidence[0].citation if answer.evidence else "the team's desk research"
        if answer.status == "not_applicable":
            return "Not applicable to Examplia: " + self.rng.choice(
                self.phrases.not_applicable_reasons
            )
        if answer.status == "no_data":
            return "No reliable data: " + self.rng.choice(self.phrases.no_data_reasons)
        indicator = place.indicator
        if isinstance(indicator, ScaledIndicator):
            level = self.framework.scale_for(indicator).level(answer.level or "")
            label = localize(level.label) if level else ""
            meaning = localize(level.description) if level and level.description else ""
            remark = self.rng.choice(
                self.phrases.institutional_remarks
                if indicator.kind == "institutional"
                else self.phrases.qualitative_remarks
            )
            text = f"Rated '{label}'. {meaning} The main source is {source}; {remark}.".replace(
                "  ", " "
            )
        else:
            unit = f" {answer.unit}" if answer.unit else ""
            figure = format_number(answer.value or 0.0)
            remark = self.rng.choice(self.phrases.value_remarks)
            text = f"{figure}{unit} in {answer.year}, from {source}. {remark}"
        if self.rng.random() < 0.3:
            text += "\n\n" + self.rng.choice(self.phrases.second_paragraphs)
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
            thread.append(self._liaison(asked, self.rng.choice(self.phrases.queries)))
            if self.rng.random() < 0.5:
                thread.append(
                    Comment(
                        author=self.rng.choice(self.researchers),
                        role="researcher",
                        time=asked + dt.timedelta(days=2, hours=3),
                        text=self.rng.choice(self.phrases.replies),
                    )
                )
        elif state == "accepted" and self.rng.random() < 0.15:
            thread.append(self._liaison(asked, "Accepted; the sources are clear and sufficient."))
        return Review(state=state, thread=thread)

    def _liaison(self, when: dt.datetime, text: str) -> Comment:
        return Comment(author=self.liaison.name, role=self.liaison.role, time=when, text=text)

    def _add_history(self, place: IndicatorPlace, answer: Answer) -> None:
        """Replay how the answer came about: a first draft, then a revision by the lead."""
        first = self._moment(self.collection_start, 5, 40)
        draft = Answer()
        author = self.rng.choice(self.researchers[1:])
        set_answer_field(draft, "status", "answered", author, first)
        earlier_level, earlier_value = self._earlier(place, answer)
        if earlier_level is not None:
            set_answer_field(draft, "level", earlier_level, author, first)
        if earlier_value is not None:
            set_answer_field(draft, "value", earlier_value, author, first)
        revised = first + dt.timedelta(days=self.rng.randint(6, 30), hours=self.rng.randint(1, 6))
        set_answer_field(draft, "level", answer.level, self.lead.name, revised)
        set_answer_field(draft, "value", answer.value, self.lead.name, revised)
        set_answer_field(draft, "justification", answer.justification, self.lead.name, revised)
        answer.history = draft.history

    def _earlier(self, place: IndicatorPlace, answer: Answer) -> tuple[str | None, float | None]:
        indicator = place.indicator
        if isinstance(indicator, ScaledIndicator) and answer.level:
            ids = [level.id for level in self.framework.scale_for(indicator).levels]
            here = ids.index(answer.level)
            return ids[here - 1 if here > 0 else here + 1], None
        if answer.value is not None and not isinstance(indicator, ScaledIndicator):
            # The first draft used an older or rougher figure, a little lower, in the same span.
            span = plausible_range(indicator)
            shift = self.rng.uniform(0.03, 0.15) * (span.high - span.low)
            earlier = tidy(indicator, span, answer.value - shift)
            if earlier == answer.value:
                earlier = tidy(indicator, span, answer.value + shift)
            return None, earlier
        return None, None

    def _second_opinion(self, place: IndicatorPlace, answer: Answer) -> AnswerVersion:
        level, _ = self._earlier(place, answer)
        return AnswerVersion(
            source=f"{self.researchers[2]} (second coder)",
            status="answered",
            level=level,
            justification="Read the same sources more strictly: enforcement data are thin.",
        )

    def _moment(self, after: dt.date, min_days: int, max_days: int) -> dt.datetime:
        day = after + dt.timedelta(days=self.rng.randint(min_days, max_days))
        return dt.datetime(day.year, day.month, day.day, self.rng.randint(8, 17), 0, tzinfo=_UTC)

    # evidence

    def evidence_for(self, place: IndicatorPlace, plan: Plan) -> list[Evidence]:
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
        if kind in HELD_BY_THE_TEAM and years_old is None:
            published = accessed  # an interview or a panel is its own record, made then
        else:
            age = years_old if years_old is not None else self.rng.uniform(0.2, 2.5)
            published = self.start.date() - dt.timedelta(days=int(age * 365))
        source = SOURCE_MAKERS[kind](self.rng, published)
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
            kinds = [e.kind for e in answer.evidence if e.kind not in HELD_BY_THE_TEAM]
            kind = kinds[0] if kinds else "report"
            answer.evidence.append(self.evidence(kind, years_old=self.rng.uniform(6.2, 9.5)))

    def cover_every_evidence_kind(self, assessment: Assessment) -> None:
        answered = [a for a in assessment.answers.values() if a.status == "answered"]
        used = {item.kind for answer in answered for item in answer.evidence}
        for kind in EVIDENCE_KINDS:
            # Datasets are what `roam prefill` cites; the demo leaves them to it.
            if kind not in used and answered and kind in SOURCE_MAKERS:
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
        for number, item in enumerate(self.recommendation_texts, 1):
            template, groups, priority, timeframe = (
                item.text,
                item.groups,
                item.priority,
                item.timeframe,
            )
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
        return spread[: len(self.recommendation_texts)]


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
