"""The demo's invented content: people, figures and phrases, read from ``content.yaml``.

The words live in a data file beside this module rather than in code, so editing them
changes the demo without touching the key of the cache of validated files (which hashes
roam's code, see roam/cache.py).
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files

import yaml
from pydantic import BaseModel, ConfigDict

from roam.assessment.model import MabMember, Person, Priority, StakeholderGroup, Timeframe

CONTENT_FILE = "content.yaml"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Figure(_Strict):
    """A believable span for one of Examplia's figures (see roam.demo.figures)."""

    # int | float keeps a whole number whole, as it is written in the file.
    low: int | float
    high: int | float
    decimals: int = 1
    step: int | float | None = None
    falls: bool = False


class Phrases(_Strict):
    institutional_remarks: tuple[str, ...]
    qualitative_remarks: tuple[str, ...]
    value_remarks: tuple[str, ...]
    second_paragraphs: tuple[str, ...]
    not_applicable_reasons: tuple[str, ...]
    no_data_reasons: tuple[str, ...]
    queries: tuple[str, ...]
    replies: tuple[str, ...]


class RecommendationText(_Strict):
    text: str
    groups: tuple[StakeholderGroup, ...]
    priority: Priority
    timeframe: Timeframe


class DemoContent(_Strict):
    team: tuple[Person, ...]
    mab: tuple[MabMember, ...]
    figures: dict[str, Figure]
    phrases: Phrases
    recommendations: tuple[RecommendationText, ...]


@cache
def demo_content() -> DemoContent:
    """The content shipped with roam (validated once per process)."""
    text = files(__package__).joinpath(CONTENT_FILE).read_text(encoding="utf-8")
    return DemoContent.model_validate(yaml.safe_load(text))
