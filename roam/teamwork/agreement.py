"""How far two researchers' independent answers agree, category by category.

Two measures, on the indicators both files answered (any status but
``not_assessed``):

* percent agreement: the share whose status, level and value are the same;
* weighted Cohen's kappa, linear and quadratic (:mod:`roam.teamwork.kappa`),
  on the indicators both answered with a level of the scale.

Indicators whose levels lie two or more steps apart are listed: those are the
ones a consensus meeting should discuss first.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from roam.assessment.model import Answer
from roam.framework.model import Framework, IndicatorPlace, ScaledIndicator
from roam.framework.text import localize
from roam.teamwork.kappa import WEIGHTINGS, Weighting, position, weighted_kappa
from roam.teamwork.subject import Labelled, require_same_edition
from roam.teamwork.versions import differing_fields, has_opinion, version_of

WIDE_GAP_STEPS = 2
OVERALL_CODE = "all"


@dataclass(frozen=True, slots=True)
class LevelGap:
    """An indicator the two files rate ``steps`` levels apart."""

    code: str
    level_a: str
    level_b: str
    steps: int


@dataclass(frozen=True, slots=True)
class Agreement:
    """Agreement over one category (or over all of them)."""

    code: str
    name: str
    compared: int  # indicators both files answered
    agreed: int  # of those, the same status, level and value
    rated: int  # of those, both rated with a level of the scale
    kappa: dict[Weighting, float | None] = field(default_factory=dict)
    wide_gaps: tuple[LevelGap, ...] = ()

    @property
    def percent(self) -> float | None:
        return 100.0 * self.agreed / self.compared if self.compared else None


@dataclass(frozen=True, slots=True)
class AgreementReport:
    first: str
    second: str
    categories: tuple[Agreement, ...]
    overall: Agreement

    def to_json(self) -> dict[str, Any]:
        return {
            "first": self.first,
            "second": self.second,
            "kappa_weights": {
                "linear": "1 - |i-j|/(k-1)",
                "quadratic": "1 - (i-j)^2/(k-1)^2",
                "positions": "i, j: 0-based level positions on the indicator's scale of k levels",
            },
            "categories": [_agreement_json(a) for a in self.categories],
            "overall": _agreement_json(self.overall),
        }


@dataclass(slots=True)
class _Tally:
    compared: int = 0
    agreed: int = 0
    pairs: list[tuple[float, float]] = field(default_factory=list)
    gaps: list[LevelGap] = field(default_factory=list)

    def finish(self, code: str, name: str) -> Agreement:
        return Agreement(
            code=code,
            name=name,
            compared=self.compared,
            agreed=self.agreed,
            rated=len(self.pairs),
            kappa={w: weighted_kappa(self.pairs, w) for w in WEIGHTINGS},
            wide_gaps=tuple(self.gaps),
        )


def agreement(first: Labelled, second: Labelled, framework: Framework) -> AgreementReport:
    """Compare two researchers' files of one country and edition (see the module docstring)."""
    require_same_edition([first, second], "agreement compares")
    tallies: dict[str, _Tally] = {c.code: _Tally() for c in framework.categories}
    overall = _Tally()
    for place in framework.iter_places():
        a = first.assessment.answers.get(place.indicator.code)
        b = second.assessment.answers.get(place.indicator.code)
        if a is None or b is None or not (has_opinion(a) and has_opinion(b)):
            continue
        for tally in (tallies[place.category.code], overall):
            _count(tally, place, a, b, framework)
    return AgreementReport(
        first=first.label,
        second=second.label,
        categories=tuple(
            tallies[c.code].finish(c.code, localize(c.name)) for c in framework.categories
        ),
        overall=overall.finish(OVERALL_CODE, "All categories"),
    )


def _count(tally: _Tally, place: IndicatorPlace, a: Answer, b: Answer, fw: Framework) -> None:
    tally.compared += 1
    if not differing_fields(version_of(a, ""), version_of(b, "")):
        tally.agreed += 1
    indicator = place.indicator
    if not isinstance(indicator, ScaledIndicator):
        return
    ids = [level.id for level in fw.scale_for(indicator).levels]
    if a.status != "answered" or b.status != "answered" or a.level not in ids or b.level not in ids:
        return
    i, j = ids.index(a.level), ids.index(b.level)
    tally.pairs.append((position(i, len(ids)), position(j, len(ids))))
    if abs(i - j) >= WIDE_GAP_STEPS:
        tally.gaps.append(LevelGap(indicator.code, a.level, b.level, abs(i - j)))


def _agreement_json(item: Agreement) -> dict[str, Any]:
    return {
        "code": item.code,
        "name": item.name,
        "compared": item.compared,
        "agreed": item.agreed,
        "percent_agreement": _rounded(item.percent),
        "rated": item.rated,
        "kappa_linear": _rounded(item.kappa.get("linear")),
        "kappa_quadratic": _rounded(item.kappa.get("quadratic")),
        "wide_gaps": [
            {"code": g.code, "first": g.level_a, "second": g.level_b, "steps": g.steps}
            for g in item.wide_gaps
        ],
    }


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 4)
