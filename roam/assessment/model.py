"""A national assessment: metadata, one answer per in-scope indicator, recommendations.

These are plain data.  Anything that needs the framework (is this level on the
indicator's scale? is a justification required?) lives in
:mod:`roam.assessment.rules`, so the models stay loadable without one.
"""

# Annotations are evaluated as written, not postponed: Pydantic would otherwise
# evaluate each field's annotation string as the classes are made, at every start.

import datetime as dt
import json
from typing import Annotated, Any, Literal, Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

from roam.assessment.file_format import FORMAT_VERSION

Status = Literal["answered", "not_applicable", "no_data", "not_assessed"]
STATUSES: tuple[Status, ...] = ("answered", "not_applicable", "no_data", "not_assessed")
EvidenceKind = Literal[
    "law_or_regulation",
    "official_statistic",
    "survey",
    "court_decision",
    "report",
    "media",
    "interview",
    "expert_judgement",
    "dataset",
]
EVIDENCE_KINDS: tuple[EvidenceKind, ...] = (
    "law_or_regulation",
    "official_statistic",
    "survey",
    "court_decision",
    "report",
    "media",
    "interview",
    "expert_judgement",
    "dataset",
)
Confidence = Literal["low", "medium", "high"]
StakeholderGroup = Literal[
    "government",
    "parliament",
    "judiciary",
    "private_sector",
    "technical_community",
    "academia",
    "civil_society",
    "media",
    "international_organisation",
]
STAKEHOLDER_GROUPS: tuple[StakeholderGroup, ...] = (
    "government",
    "parliament",
    "judiciary",
    "private_sector",
    "technical_community",
    "academia",
    "civil_society",
    "media",
    "international_organisation",
)
ReviewState = Literal["draft", "submitted", "queried", "accepted"]
REVIEW_STATES: tuple[ReviewState, ...] = ("draft", "submitted", "queried", "accepted")
# A liaison's decision in a reviewed report; "reject" sets the state "queried" (no state
# of its own: the answer goes back to the team), the comment keeps the decision.
LiaisonDecision = Literal["accept", "query", "reject"]
LIAISON_DECISIONS: tuple[LiaisonDecision, ...] = ("accept", "query", "reject")
MilestoneKind = Literal[
    "research_plan",
    "data_collection",
    "analysis",
    "mab_review",
    "validation_workshop",
    "publication",
]
MILESTONE_KINDS: tuple[MilestoneKind, ...] = (
    "research_plan",
    "data_collection",
    "analysis",
    "mab_review",
    "validation_workshop",
    "publication",
)
MilestoneStatus = Literal["not_started", "in_progress", "done"]
Scope = Literal["core", "full", "custom"]
Priority = Literal["high", "medium", "low"]
Timeframe = Literal["short", "medium", "long"]
Breakdown = Literal["sex", "age", "location", "income", "disability", "language"]

IsoCode = Annotated[str, Field(pattern=r"^[A-Z]{3}$", examples=["KEN"])]
NonEmpty = Annotated[str, Field(min_length=1)]


def _english_only() -> list[str]:
    return ["en"]


class Record(BaseModel):
    # Validators are built when first needed: a file read from the cache needs none.
    model_config = ConfigDict(extra="forbid", validate_assignment=False, defer_build=True)


class FrameworkRef(Record):
    """The edition an assessment was made against, and the hash of its files then."""

    id: str
    version: str
    hash: str = ""
    path: str | None = Field(
        default=None, description="Where a non-built-in edition lives, relative to the file."
    )


class Person(Record):
    name: NonEmpty
    role: str = ""


class MabMember(Record):
    name: NonEmpty
    organisation: str = ""
    group: StakeholderGroup


class Milestone(Record):
    kind: MilestoneKind
    status: MilestoneStatus = "not_started"
    date: dt.date | None = None
    note: str = ""


class Evidence(Record):
    kind: EvidenceKind
    citation: NonEmpty
    location: str = Field(default="", description="URL or file path")
    publisher: str = ""
    published: dt.date | None = None
    accessed: dt.date | None = None
    confidential: bool = False

    def identity(self) -> tuple[str, str, str]:
        """What makes two evidence items the same source, for de-duplication."""
        return (self.kind, self.citation.strip().casefold(), self.location.strip())


class Comment(Record):
    author: NonEmpty
    role: str = ""
    time: dt.datetime
    text: NonEmpty
    decision: LiaisonDecision | None = Field(
        default=None,
        description="The liaison's decision this comment came with, from an imported "
        "review; none for every other comment (and for reviews imported before roam "
        "recorded it).",
    )


class Review(Record):
    state: ReviewState = "draft"
    thread: list[Comment] = Field(default_factory=list)


class Change(Record):
    """One edit of one field, so a team can see who changed what and when."""

    time: dt.datetime
    who: str
    field: str
    old: Any = None
    new: Any = None


class AnswerVersion(Record):
    """Another researcher's differing answer, kept side by side until the team decides."""

    source: str
    status: Status
    level: str | None = None
    value: float | None = None
    year: int | None = None
    justification: str = ""
    evidence: list[Evidence] = Field(default_factory=list)
    confidence: Confidence | None = None


class Answer(Record):
    status: Status = "not_assessed"
    level: str | None = Field(default=None, description="A level id of the indicator's scale")
    value: float | None = Field(default=None, description="For quantitative and contextual kinds")
    year: int | None = Field(default=None, ge=1900, le=2200)
    unit: str | None = None
    justification: str = ""
    evidence: list[Evidence] = Field(default_factory=list)
    confidence: Confidence | None = None
    stakeholders: list[StakeholderGroup] = Field(default_factory=list)
    disaggregation: dict[Breakdown, bool] = Field(default_factory=dict)
    review: Review = Field(default_factory=Review)
    history: list[Change] = Field(default_factory=list)
    conflicts: list[AnswerVersion] = Field(default_factory=list)
    provenance: str = Field(
        default="",
        description="Where roam took the value from when it filled it in, such as "
        "'open data: WDI IT.NET.USER.ZS'; empty for the team's own answers.",
    )

    @model_validator(mode="after")
    def _level_or_value(self) -> Self:
        if self.level is not None and self.value is not None:
            raise ValueError("an answer has either a level or a value, not both")
        return self


class Recommendation(Record):
    id: NonEmpty
    text: NonEmpty
    groups: list[StakeholderGroup] = Field(min_length=1)
    priority: Priority = "medium"
    timeframe: Timeframe = "medium"
    indicators: list[str] = Field(default_factory=list)


class Assessment(Record):
    format_version: int = Field(default=FORMAT_VERSION, ge=1)
    country: NonEmpty
    iso: IsoCode
    framework: FrameworkRef
    scope: Scope = "core"
    custom_codes: list[str] = Field(default_factory=list)
    languages: list[str] = Field(default_factory=_english_only, min_length=1)
    created: dt.datetime
    team: list[Person] = Field(default_factory=list)
    mab: list[MabMember] = Field(default_factory=list)
    milestones: list[Milestone] = Field(default_factory=list)
    answers: dict[str, Answer] = Field(default_factory=dict)
    recommendations: list[Recommendation] = Field(default_factory=list)

    @model_validator(mode="after")
    def _custom_scope_lists_codes(self) -> Self:
        if self.scope == "custom" and not self.custom_codes:
            raise ValueError("scope 'custom' needs the list of indicator codes in custom_codes")
        if self.scope != "custom" and self.custom_codes:
            raise ValueError(f"custom_codes is only used with scope 'custom', not '{self.scope}'")
        return self

    def answer(self, code: str) -> Answer:
        """The answer for ``code``, created empty if the file has none yet."""
        return self.answers.setdefault(code, Answer())


def unstorable_text(record: Record) -> str | None:
    """Where ``record`` holds text that no file can store, as one readable line; else None.

    A lone surrogate (half of a UTF-16 pair, such as ``"\\ud800"``) is a valid
    Python string that UTF-8 cannot encode.  Validation refuses one given to a
    model; text assigned to a field afterwards (the Python API allows it) is
    found here, before a save or an export fails on it half way.
    """
    dumped = record.model_dump(mode="python")
    try:
        # One encoding of the whole record in C finds that nothing is wrong, the usual case,
        # without visiting every string in Python (an export checks tens of thousands).
        json.dumps(dumped, ensure_ascii=False, default=str).encode("utf-8")
    except (UnicodeEncodeError, TypeError, ValueError):
        return _surrogate_in(dumped, ())
    return None


def _surrogate_in(value: object, where: tuple[str, ...]) -> str | None:
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as error:  # UTF-8 fails on lone surrogates only
            field_path = " > ".join(where) or "text"
            return (
                f"{field_path}: character {error.start + 1} is a lone surrogate "
                f"(U+{ord(value[error.start]):04X}), which no file can store; correct the text"
            )
        return None
    items: list[tuple[str, object]] = []
    if isinstance(value, dict):
        items = [(str(key), item) for key, item in value.items()]
    elif isinstance(value, list | tuple):
        items = [(str(index), item) for index, item in enumerate(value)]
    for name, item in items:
        found = _surrogate_in(name, (*where, "(key)")) or _surrogate_in(item, (*where, name))
        if found:
            return found
    return None
