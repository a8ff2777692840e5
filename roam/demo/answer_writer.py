"""The demo's answers: a plan written up as levels or figures, justifications, reviews, history.

Each answer uses the team's invented phrases (content.yaml), cites its first source,
goes through the liaison's review, and sometimes carries the drafts it came from or
a second coder's different reading.
"""

from __future__ import annotations

import datetime as dt

from roam.assessment.answer_edits import set_answer_field
from roam.assessment.model import (
    STAKEHOLDER_GROUPS,
    Answer,
    AnswerVersion,
    Comment,
    Confidence,
    Review,
    ReviewState,
    StakeholderGroup,
    Status,
)
from roam.demo.content import demo_content
from roam.demo.evidence_writer import EvidenceWriter
from roam.demo.figures import format_number, plausible_range, position, tidy
from roam.demo.plans import Plan
from roam.framework.model import (
    ContextualIndicator,
    Framework,
    IndicatorPlace,
    QuantitativeIndicator,
    ScaledIndicator,
)
from roam.framework.text import localize

# Stakeholder groups each category's evidence usually comes from (keyed by category code).
_GROUPS_BY_CATEGORY: dict[str, tuple[StakeholderGroup, ...]] = {
    "C": ("government", "academia", "international_organisation"),
    "R": ("civil_society", "judiciary", "government", "media", "parliament"),
    "O": ("private_sector", "technical_community", "government", "academia"),
    "A": ("government", "private_sector", "academia", "civil_society"),
    "M": ("government", "technical_community", "civil_society", "international_organisation"),
    "X": ("civil_society", "academia", "government", "private_sector"),
}


class AnswerWriter:
    """Writes planned answers with the demo's random generator, citing ``evidence``'s sources."""

    def __init__(self, framework: Framework, evidence: EvidenceWriter) -> None:
        self.framework = framework
        self.evidence = evidence
        self.schedule = evidence.schedule
        self.rng = evidence.rng
        content = demo_content()
        self.phrases = content.phrases
        self.lead = content.team[0]
        self.researchers = [person.name for person in content.team[:4]]
        self.liaison = content.team[4]

    def answer(self, place: IndicatorPlace, plan: Plan) -> Answer:
        indicator = place.indicator
        if plan.status == "not_assessed":
            return Answer()
        evidence = self.evidence.evidence_for(place, plan)
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
        year = self.schedule.start.year - self.rng.choice((1, 1, 2))
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
        asked = self.schedule.moment(self.schedule.collection_end, 10, 30)
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
        first = self.schedule.moment(self.schedule.collection_start, 5, 40)
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
