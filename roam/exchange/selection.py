"""Which indicators a data-collection template asks about.

A selection names indicators, questions, themes or categories by code (all the
indicators under them are meant); by default it is the whole scope.  Only
indicators in the assessment's scope can be chosen: answers outside it would
be ignored by every view.
"""

from __future__ import annotations

from collections.abc import Sequence

from roam.assessment.model import Answer, Assessment
from roam.assessment.rules import in_scope_codes
from roam.errors import RoamError
from roam.exchange.answer_import import is_empty
from roam.framework.model import Framework, IndicatorPlace


def split_codes(values: Sequence[str]) -> list[str]:
    """``["R.A.1.a,R.A.1.b", "O"]`` -> ``["R.A.1.a", "R.A.1.b", "O"]`` (commas or spaces)."""
    return [code for value in values for code in value.replace(",", " ").split() if code]


def select_codes(
    framework: Framework,
    assessment: Assessment,
    codes: Sequence[str] = (),
    category: str | None = None,
    *,
    unanswered: bool = False,
) -> list[str]:
    """The in-scope indicator codes chosen, in framework order.

    ``codes`` may name indicators or any node above them; ``category`` keeps
    only that category.  Raises :class:`RoamError` for an unknown code, a code
    with nothing in scope under it, or an empty selection.
    """
    scope = in_scope_codes(framework, assessment)
    chosen = set(scope)
    if codes:
        chosen = set()
        for code in codes:
            under = [c for c in scope if _within(framework.places[c], code)]
            if not under:
                raise RoamError(_unknown(framework, code))
            chosen.update(under)
    if category is not None:
        if category not in {c.code for c in framework.categories}:
            known = ", ".join(c.code for c in framework.categories)
            raise RoamError(f"'{category}' is not a category of {framework.id} ({known})")
        chosen = {c for c in chosen if framework.places[c].category.code == category}
    if unanswered:
        chosen = {c for c in chosen if is_empty(assessment.answers.get(c) or Answer())}
    selected = [code for code in scope if code in chosen]
    if not selected:
        raise RoamError("no indicator of the assessment's scope matches this selection")
    return selected


def _within(place: IndicatorPlace, code: str) -> bool:
    return code in (
        place.indicator.code,
        place.question.code,
        place.theme.code,
        place.category.code,
    )


def _unknown(framework: Framework, code: str) -> str:
    if code in framework.places:
        return f"{code} is not in this assessment's scope"
    nodes = {p.question.code for p in framework.places.values()}
    nodes |= {p.theme.code for p in framework.places.values()}
    nodes |= {c.code for c in framework.categories}
    if code in nodes:
        return f"nothing under {code} is in this assessment's scope"
    return f"'{code}' is not a code of {framework.id} {framework.version}"
