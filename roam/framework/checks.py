"""Checks across a whole edition that no single model can make on its own."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from roam.errors import Problem
from roam.framework.model import (
    Category,
    ContextualIndicator,
    EditionHeader,
    ScaledIndicator,
)
from roam.marked_yaml import Loc, MarkedDocument


@dataclass(frozen=True, slots=True)
class CategorySource:
    """Where a category was read from: its document and its place inside it."""

    category: Category
    document: MarkedDocument
    base: Loc


@dataclass(frozen=True, slots=True)
class _Coded:
    code: str
    parent: str | None
    level: str
    document: MarkedDocument
    loc: Loc


def check_edition(
    header: EditionHeader, header_document: MarkedDocument, sources: list[CategorySource]
) -> list[Problem]:
    problems: list[Problem] = []
    problems += _check_codes(sources)
    problems += _check_indicators(header, sources)
    problems += _check_bands(header, header_document)
    return problems


def _walk_codes(source: CategorySource) -> Iterator[_Coded]:
    category, doc, base = source.category, source.document, source.base
    yield _Coded(category.code, None, "category", doc, (*base, "code"))
    for t, theme in enumerate(category.themes):
        theme_loc = (*base, "themes", t)
        yield _Coded(theme.code, category.code, "theme", doc, (*theme_loc, "code"))
        for q, question in enumerate(theme.questions):
            question_loc = (*theme_loc, "questions", q)
            yield _Coded(question.code, theme.code, "question", doc, (*question_loc, "code"))
            for i, indicator in enumerate(question.indicators):
                yield _Coded(
                    indicator.code,
                    question.code,
                    "indicator",
                    doc,
                    (*question_loc, "indicators", i, "code"),
                )


def _check_codes(sources: list[CategorySource]) -> list[Problem]:
    problems = []
    first_seen: dict[str, _Coded] = {}
    for source in sources:
        for coded in _walk_codes(source):
            earlier = first_seen.get(coded.code)
            if earlier is not None:
                line, column = earlier.document.locate(earlier.loc)
                problems.append(
                    coded.document.problem_at(
                        coded.loc,
                        f"duplicate code '{coded.code}' (first used at "
                        f"{earlier.document.path}:{line}:{column})",
                    )
                )
                continue
            first_seen[coded.code] = coded
            if coded.parent is not None and not coded.code.startswith(coded.parent + "."):
                problems.append(
                    coded.document.problem_at(
                        coded.loc,
                        f"{coded.level} code '{coded.code}' must start with "
                        f"its parent's code '{coded.parent}.'",
                    )
                )
    return problems


def _check_indicators(header: EditionHeader, sources: list[CategorySource]) -> list[Problem]:
    problems = []
    known_scales = ", ".join(sorted(header.scales)) or "none"
    for source in sources:
        category, doc = source.category, source.document
        for t, theme in enumerate(category.themes):
            for q, question in enumerate(theme.questions):
                for i, indicator in enumerate(question.indicators):
                    loc = (*source.base, "themes", t, "questions", q, "indicators", i)
                    is_contextual = isinstance(indicator, ContextualIndicator)
                    if (
                        isinstance(indicator, ScaledIndicator)
                        and indicator.scale not in header.scales
                    ):
                        problems.append(
                            doc.problem_at(
                                (*loc, "scale"),
                                f"unknown scale '{indicator.scale}'; this edition defines: "
                                f"{known_scales}",
                            )
                        )
                    if is_contextual and not category.contextual:
                        problems.append(
                            doc.problem_at(
                                (*loc, "kind"),
                                f"contextual indicator '{indicator.code}' sits in category "
                                f"'{category.code}', which is not marked contextual: true",
                            )
                        )
                    if category.contextual and not is_contextual:
                        problems.append(
                            doc.problem_at(
                                (*loc, "kind"),
                                f"category '{category.code}' is contextual, so its indicators "
                                f"must be of kind contextual, not {indicator.kind}",
                            )
                        )
                    if is_contextual and indicator.core:
                        problems.append(
                            doc.problem_at(
                                (*loc, "core"),
                                "contextual indicators are never core; remove 'core: true'",
                            )
                        )
    return problems


def _check_bands(header: EditionHeader, document: MarkedDocument) -> list[Problem]:
    problems = []
    minimums = [band.min for band in header.bands]
    if minimums and min(minimums) != 0:
        problems.append(document.problem_at(("bands",), "the lowest band must start at 0"))
    for index, value in enumerate(minimums):
        if minimums.count(value) > 1:
            problems.append(
                document.problem_at(("bands", index, "min"), f"two bands start at {value:g}")
            )
            break
    return problems
