"""Two cycles of one country's assessment: what moved between the baseline and the follow-up.

Scores and coverage are compared per category and theme (the scoring engine's
values, each cycle scored on its own edition).  Indicators are compared one by
one: a changed level or value, data gained (``no_data`` to ``answered``) or
lost (the reverse), or any other change of status.  A change whose
justification text stayed the same is flagged: someone changed the answer
without saying why.  When the editions differ, only codes present in both are
compared, and the rest are listed.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from roam.assessment.model import Answer, Assessment
from roam.assessment.rules import in_scope_codes
from roam.framework.model import Category, Framework, ScaledIndicator
from roam.framework.text import localize
from roam.scoring.engine import score
from roam.scoring.result import NodeScore, ScoreReport
from roam.teamwork.subject import Labelled, describe_edition, require_same_country
from roam.teamwork.versions import describe_answer, differing_fields, version_of

ChangeKind = Literal["level", "value", "gained_data", "lost_data", "status"]
CHANGE_KINDS: tuple[ChangeKind, ...] = ("level", "value", "gained_data", "lost_data", "status")
CHANGE_LABELS: dict[ChangeKind, str] = {
    "level": "level changed",
    "value": "value changed",
    "gained_data": "data gained",
    "lost_data": "data lost",
    "status": "status changed",
}
NodeKind = Literal["overall", "category", "theme"]


@dataclass(frozen=True, slots=True)
class Cycle:
    """One cycle's assessment, the name it is shown by, and its framework."""

    label: str
    assessment: Assessment
    framework: Framework


@dataclass(frozen=True, slots=True)
class Side:
    """A node's figures in one cycle."""

    score: float | None
    complete: float  # coverage: percent of in-scope indicators with a decided status
    answered: int
    no_data: int


@dataclass(frozen=True, slots=True)
class NodeChange:
    """A category or theme (or the overall score) in both cycles; None where it is absent."""

    kind: NodeKind
    code: str
    name: str
    contextual: bool
    baseline: Side | None
    followup: Side | None

    @property
    def score_change(self) -> float | None:
        if self.baseline is None or self.followup is None:
            return None
        if self.baseline.score is None or self.followup.score is None:
            return None
        return self.followup.score - self.baseline.score

    @property
    def coverage_change(self) -> float | None:
        if self.baseline is None or self.followup is None:
            return None
        return self.followup.complete - self.baseline.complete


@dataclass(frozen=True, slots=True)
class IndicatorChange:
    code: str
    category: str
    text: str
    kind: ChangeKind
    baseline: str  # the answer described: "answered, level partial", "no data", ...
    followup: str
    direction: int  # +1 up (a higher level or value), -1 down, 0 not ordered
    score_before: float | None
    score_after: float | None
    same_justification: bool  # the text did not change although the answer did


@dataclass(frozen=True, slots=True)
class Comparison:
    country: str
    iso: str
    baseline: Cycle
    followup: Cycle
    nodes: tuple[NodeChange, ...]  # overall, then each category followed by its themes
    changes: tuple[IndicatorChange, ...]  # in the follow-up framework's order
    only_in_baseline: tuple[str, ...]  # in-scope codes the follow-up edition does not have
    only_in_followup: tuple[str, ...]
    notes: tuple[str, ...]

    @property
    def unjustified(self) -> tuple[IndicatorChange, ...]:
        return tuple(change for change in self.changes if change.same_justification)

    def count(self, kind: ChangeKind) -> int:
        return sum(1 for change in self.changes if change.kind == kind)


def compare_cycles(baseline: Cycle, followup: Cycle) -> Comparison:
    """Compare two cycles of one country (see the module docstring).

    Raises :class:`RoamError` when the files are about different countries.
    """
    files = [Labelled(c.label, c.assessment) for c in (baseline, followup)]
    require_same_country(files, "compare")
    before = score(baseline.assessment, baseline.framework)
    after = score(followup.assessment, followup.framework)
    # Indicators are related through the crosswalk when one leads to the follow-up's edition.
    related, crosswalked = _through_crosswalk(baseline, followup)
    if related is not baseline:
        before_indicators = score(related.assessment, related.framework)
    else:
        before_indicators = before
    shared = [c for c in followup.framework.places if c in related.framework.places]
    in_both = sum(1 for code in followup.framework.places if code in baseline.framework.places)
    notes = list(_notes(baseline, followup, in_both))
    if crosswalked is not None:
        notes.append(crosswalked)
    return Comparison(
        country=followup.assessment.country,
        iso=followup.assessment.iso,
        baseline=baseline,
        followup=followup,
        nodes=tuple(_node_changes(baseline, followup, before, after)),
        changes=tuple(_indicator_changes(shared, related, followup, before_indicators, after)),
        only_in_baseline=_missing_from(related, followup.framework),
        only_in_followup=_missing_from(followup, related.framework),
        notes=tuple(notes),
    )


def _through_crosswalk(baseline: Cycle, followup: Cycle) -> tuple[Cycle, str | None]:
    """The baseline's answers carried to the follow-up's edition, if a crosswalk leads there."""
    old, new = baseline.framework, followup.framework
    if (old.id, old.version) == (new.id, new.version):
        return baseline, None
    from roam.assessment.upgrade import edition_name, upgrade_assessment
    from roam.framework.crosswalk import crosswalk_route, edition_crosswalk_folders

    route = crosswalk_route(edition_name(old), edition_name(new), edition_crosswalk_folders(new))
    if route is None:
        return baseline, None
    carried = upgrade_assessment(baseline.assessment, old, target=new)
    moved = sum(1 for move in carried.moves if move.new and move.new != (move.old,))
    note = (
        f"The baseline's answers were related to {edition_name(new)} through the crosswalk "
        f"from {edition_name(old)} before the indicators were compared ({moved} answers "
        f"moved to another code, {len(carried.to_review)} need a look: run roam upgrade)."
    )
    return Cycle(baseline.label, carried.assessment, new), note


def describe(answer: Answer) -> str:
    """``answered, level partial`` / ``answered, value 42 (2023)`` / ``no data``."""
    return describe_answer(version_of(answer, ""))


def change_kind(before: Answer, after: Answer) -> ChangeKind | None:
    """What kind of change leads from ``before`` to ``after``; None when there is none."""
    if before.status != after.status:
        if before.status == "no_data" and after.status == "answered":
            return "gained_data"
        if before.status == "answered" and after.status == "no_data":
            return "lost_data"
        return "status"
    fields = differing_fields(version_of(before, ""), version_of(after, ""))
    if "level" in fields:
        return "level"
    if "value" in fields:
        return "value"
    return None


# --- nodes --------------------------------------------------------------------------------


def _side(node: NodeScore | None) -> Side | None:
    if node is None:
        return None
    coverage = node.coverage
    return Side(node.score, coverage.complete, coverage.answered, coverage.no_data)


def _node_changes(
    baseline: Cycle, followup: Cycle, before: ScoreReport, after: ScoreReport
) -> Iterator[NodeChange]:
    overall = "All scored categories"
    yield NodeChange(
        "overall", "overall", overall, False, _side(before.overall), _side(after.overall)
    )
    old_nodes, new_nodes = before.nodes_by_code(), after.nodes_by_code()
    seen: set[str] = set()
    for framework in (followup.framework, baseline.framework):
        for category in framework.categories:
            for code, name, kind in _category_and_themes(category):
                if code in seen:
                    continue
                seen.add(code)
                yield NodeChange(
                    kind,
                    code,
                    name,
                    category.contextual,
                    _side(old_nodes.get(code)),
                    _side(new_nodes.get(code)),
                )


def _category_and_themes(category: Category) -> Iterator[tuple[str, str, NodeKind]]:
    yield category.code, localize(category.name), "category"
    for theme in category.themes:
        yield theme.code, localize(theme.name), "theme"


# --- indicators ---------------------------------------------------------------------------


def _indicator_changes(
    shared: list[str], baseline: Cycle, followup: Cycle, before: ScoreReport, after: ScoreReport
) -> Iterator[IndicatorChange]:
    old_nodes, new_nodes = before.nodes_by_code(), after.nodes_by_code()
    for code in shared:
        old = baseline.assessment.answers.get(code) or Answer()
        new = followup.assessment.answers.get(code) or Answer()
        kind = change_kind(old, new)
        if kind is None:
            continue
        place = followup.framework.places[code]
        yield IndicatorChange(
            code=code,
            category=place.category.code,
            text=localize(place.indicator.text),
            kind=kind,
            baseline=describe(old),
            followup=describe(new),
            direction=_direction(code, old, new, baseline.framework, followup.framework),
            score_before=_indicator_score(old_nodes.get(code)),
            score_after=_indicator_score(new_nodes.get(code)),
            same_justification=_normalised(old.justification) == _normalised(new.justification),
        )


def _indicator_score(node: NodeScore | None) -> float | None:
    return None if node is None else node.score


def _normalised(text: str) -> str:
    return " ".join(text.split())


def _direction(code: str, old: Answer, new: Answer, old_fw: Framework, new_fw: Framework) -> int:
    """+1 when the level or value rose, -1 when it fell, 0 otherwise."""
    if old.value is not None and new.value is not None:
        return (new.value > old.value) - (new.value < old.value)
    old_rank = _level_score(code, old, old_fw)
    new_rank = _level_score(code, new, new_fw)
    if old_rank is None or new_rank is None:
        return 0
    return (new_rank > old_rank) - (new_rank < old_rank)


def _level_score(code: str, answer: Answer, framework: Framework) -> float | None:
    indicator = framework.places[code].indicator
    if answer.level is None or not isinstance(indicator, ScaledIndicator):
        return None
    level = framework.scale_for(indicator).level(answer.level)
    return None if level is None else level.score


# --- editions and scope -------------------------------------------------------------------


def _missing_from(cycle: Cycle, other: Framework) -> tuple[str, ...]:
    codes = in_scope_codes(cycle.framework, cycle.assessment)
    return tuple(code for code in codes if code not in other.places)


def _notes(baseline: Cycle, followup: Cycle, shared: int) -> Iterator[str]:
    old, new = baseline.assessment, followup.assessment
    if old.scope != new.scope:
        yield (
            f"The scopes differ ({baseline.label}: {old.scope}, {followup.label}: {new.scope}); "
            "scores and coverage of core and full assessments are not alike."
        )
    if describe_edition(old) != describe_edition(new):
        yield (
            f"The editions differ ({describe_edition(old)} and {describe_edition(new)}): "
            f"{shared} indicator codes exist in both and are compared; each cycle is scored "
            "on its own edition."
        )
