"""The indicator framework: edition → category → theme → question → indicator.

These models describe what a framework YAML file may contain.  Checks that
need more than one object at a time (duplicate codes, references to scales,
codes nested under their parents) live in :mod:`roam.framework.cross_checks` so they
can point at the exact line of each offending value.
"""

# Annotations are evaluated as written, not postponed: Pydantic would otherwise
# evaluate each field's annotation string as the classes are made, at every start.

import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Annotated, Literal, Self

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, model_validator

from roam.framework.text import Text

CODE_PATTERN = r"^[A-Z][A-Za-z0-9]*(\.[A-Za-z0-9]+)*$"
Code = Annotated[str, Field(pattern=CODE_PATTERN, max_length=40, examples=["R.B.1.a"])]
LanguageCode = Annotated[str, Field(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]+)?$")]
Weight = Annotated[float, Field(gt=0, le=1000)]

IndicatorKind = Literal["qualitative", "institutional", "quantitative", "contextual"]
SCORED_BY_SCALE: tuple[IndicatorKind, ...] = ("qualitative", "institutional")
Disaggregation = Literal["sex", "age", "location", "income", "disability", "language"]
Direction = Literal["higher_is_better", "lower_is_better"]
# Who wrote an item's text: UNESCO's published wording, a UNESCO consultation draft's
# content (worded by roam unless an overlay gives UNESCO's own), or roam alone.
Provenance = Literal["unesco", "unesco-draft", "roam"]
PROVENANCES: tuple[Provenance, ...] = ("unesco", "unesco-draft", "roam")
UnescoRef = Annotated[str, Field(min_length=1, max_length=40, examples=["B.1"])]


class StrictModel(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, defer_build=True)


class Source(StrictModel):
    """Where an edition's content comes from."""

    publisher: str
    title: str
    year: int = Field(ge=1990, le=2100)
    isbn: str | None = None
    url: str | None = None
    licence: str | None = None
    note: Text | None = None


class ScaleLevel(StrictModel):
    id: Annotated[str, Field(pattern=r"^[a-z0-9_]+$", max_length=40)]
    label: Text
    score: float = Field(ge=0, le=100)
    description: Text | None = None


class Scale(StrictModel):
    """Ordinal answer levels, listed from the lowest to the highest."""

    name: Text
    description: Text | None = None
    levels: list[ScaleLevel] = Field(min_length=2)

    @model_validator(mode="after")
    def _levels_rise(self) -> Self:
        ids = [level.id for level in self.levels]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise ValueError(f"level ids repeat: {', '.join(duplicates)}")
        scores = [level.score for level in self.levels]
        if any(b <= a for a, b in itertools.pairwise(scores)):
            raise ValueError(
                f"level scores must rise from the first level to the last, got {scores}"
            )
        return self

    def level(self, level_id: str) -> ScaleLevel | None:
        return next((level for level in self.levels if level.id == level_id), None)

    @property
    def lowest(self) -> ScaleLevel:
        return self.levels[0]


class Band(StrictModel):
    """A descriptive label for a score range: a diagnostic aid, never a rank."""

    min: float = Field(ge=0, le=100)
    label: Text
    description: Text | None = None


class Goalposts(StrictModel):
    """The values that map to a score of 0 and 100 before inversion."""

    lower: float
    upper: float
    rationale: Text | None = None

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        if self.lower >= self.upper:
            raise ValueError(f"lower ({self.lower:g}) must be less than upper ({self.upper:g})")
        return self


class ValueRange(StrictModel):
    """Values outside this range are impossible and are refused when entered."""

    min: float | None = None
    max: float | None = None

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError(f"min ({self.min:g}) must not exceed max ({self.max:g})")
        return self

    def contains(self, value: float) -> bool:
        return (self.min is None or value >= self.min) and (self.max is None or value <= self.max)


class Sourced(StrictModel):
    """An item that may say who wrote its text and how UNESCO numbers it."""

    provenance: Provenance | None = Field(
        default=None, description="Who wrote the text; the edition's default if not given."
    )
    unesco_ref: UnescoRef | None = Field(
        default=None, description="UNESCO's own number for the item, when it is known."
    )


class IndicatorBase(Sourced):
    code: Code
    text: Text
    guidance: Text | None = None
    core: bool = False
    sources: list[Text] = Field(default_factory=list, max_length=12)
    weight: Weight | None = None
    disaggregation: list[Disaggregation] = Field(default_factory=list)


class ScaledIndicator(IndicatorBase):
    """Answered with a level of a named scale (qualitative or institutional)."""

    kind: Literal["qualitative", "institutional"]
    scale: str


OpenDataProvider = Literal["wdi", "itu", "national"]
# A closed set: each is a plain arithmetic step a reviewer can check by hand.
OpenDataTransform = Literal[
    "none", "share_to_percent", "percent_to_share", "to_thousands", "to_millions"
]


class OpenDataSource(StrictModel):
    """A public statistical series that measures an indicator, for `roam prefill`."""

    source: OpenDataProvider = Field(
        description="Whose series code this is: wdi (World Bank World Development "
        "Indicators), itu, or national."
    )
    series: Annotated[
        str,
        Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$", max_length=60, examples=["IT.NET.USER.ZS"]),
    ]
    transform: OpenDataTransform = Field(
        default="none", description="The unit conversion from the series to the indicator."
    )
    note: Text | None = None


class ValueIndicatorBase(IndicatorBase):
    """Fields shared by the indicators answered with a number."""

    open_data: list[OpenDataSource] = Field(default_factory=list, max_length=8)


class QuantitativeIndicator(ValueIndicatorBase):
    """Answered with a number; scored by its position between the goalposts."""

    kind: Literal["quantitative"]
    unit: str
    goalposts: Goalposts
    direction: Direction = "higher_is_better"
    valid_range: ValueRange | None = None


class ContextualIndicator(ValueIndicatorBase):
    """Describes the country; recorded and shown, never scored."""

    kind: Literal["contextual"]
    unit: str | None = None
    valid_range: ValueRange | None = None


Indicator = Annotated[
    ScaledIndicator | QuantitativeIndicator | ContextualIndicator,
    Field(discriminator="kind"),
]
ValueIndicator = QuantitativeIndicator | ContextualIndicator


class Question(Sourced):
    code: Code
    text: Text
    guidance: Text | None = None
    weight: Weight | None = None
    indicators: list[Indicator] = Field(min_length=1)


class Theme(Sourced):
    code: Code
    name: Text
    guidance: Text | None = None
    weight: Weight | None = None
    questions: list[Question] = Field(min_length=1)


class Category(Sourced):
    code: Code
    name: Text
    description: Text | None = None
    contextual: bool = Field(
        default=False, description="Contextual categories are recorded but never scored."
    )
    weight: Weight | None = None
    themes: list[Theme] = Field(min_length=1)


class EditionProvenance(StrictModel):
    """Who wrote an edition's texts, and from what: shown wherever roam shows them."""

    statement: Text = Field(description="One sentence, shown in the TUI, workbooks and CLI.")
    items: Provenance = Field(
        default="roam", description="The provenance of every item that names none."
    )


class EditionHeader(StrictModel):
    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9._-]*$", max_length=60)]
    version: str
    title: Text
    languages: list[LanguageCode] = Field(min_length=1)
    source: Source
    scales: dict[Annotated[str, Field(pattern=r"^[a-z0-9_]+$")], Scale] = Field(min_length=1)
    bands: list[Band] = Field(default_factory=list)
    provenance: EditionProvenance | None = None


class EditionFile(EditionHeader):
    """The top file of an edition; categories are inline or file names beside it."""

    categories: list[str | Category] = Field(min_length=1)


@dataclass(frozen=True, slots=True)
class IndicatorPlace:
    """An indicator together with the question, theme and category it sits in."""

    indicator: ScaledIndicator | QuantitativeIndicator | ContextualIndicator
    question: Question
    theme: Theme
    category: Category
    # Position inside the category.  roam's own count, not UNESCO's numbering: never
    # show it as a reference (an item's unesco_ref is the only UNESCO number).
    question_number: int


class Framework(EditionHeader):
    """A loaded, validated edition with all its categories."""

    categories: list[Category] = Field(min_length=1)
    _content_hash: str = PrivateAttr(default="")
    _origin: str = PrivateAttr(default="")

    @property
    def content_hash(self) -> str:
        """SHA-256 of the edition's files, so an assessment can tell if they changed."""
        return self._content_hash

    @property
    def origin(self) -> str:
        return self._origin

    def mark_source(self, *, origin: str | None = None, content_hash: str | None = None) -> None:
        """Record the file this edition was read from, or the hash of its files."""
        if origin is not None:
            self._origin = origin
        if content_hash is not None:
            self._content_hash = content_hash

    def iter_places(self) -> Iterator[IndicatorPlace]:
        for category in self.categories:
            number = 0
            for theme in category.themes:
                for question in theme.questions:
                    number += 1
                    for indicator in question.indicators:
                        yield IndicatorPlace(indicator, question, theme, category, number)

    @cached_property
    def places(self) -> dict[str, IndicatorPlace]:
        return {place.indicator.code: place for place in self.iter_places()}

    def indicator(self, code: str) -> ScaledIndicator | QuantitativeIndicator | ContextualIndicator:
        return self.places[code].indicator

    def category(self, code: str) -> Category:
        for category in self.categories:
            if category.code == code:
                return category
        raise KeyError(code)

    def scale_for(self, indicator: ScaledIndicator) -> Scale:
        return self.scales[indicator.scale]

    def provenance_of(self, item: Sourced) -> Provenance:
        """Who wrote ``item``'s text: its own field, else the edition's default."""
        if item.provenance is not None:
            return item.provenance
        return self.provenance.items if self.provenance is not None else "roam"

    def band_for(self, score: float) -> Band | None:
        chosen = None
        for band in sorted(self.bands, key=lambda b: b.min):
            if score >= band.min:
                chosen = band
        return chosen
