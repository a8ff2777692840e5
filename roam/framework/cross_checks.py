"""Checks across a whole edition that no single model can make on its own.

They read the parsed YAML itself (mappings and lists, with their places in the
file), not the validated models, so they run even where validation failed: a
wrong type in ``edition.yaml`` must not hide a duplicate code in a category
file.  A value of the wrong type is skipped here (validation reports it), and
so is any check that such a value would make meaningless, such as references
to scales when the ``scales`` mapping itself cannot be read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from pydantic import TypeAdapter, ValidationError

from roam.errors import Problem
from roam.framework.model import CODE_PATTERN, SCORED_BY_SCALE, Category
from roam.marked_yaml import Loc, MarkedDocument

_CODE = re.compile(CODE_PATTERN)
_CODE_MAX_LENGTH = 40
_KINDS = frozenset((*SCORED_BY_SCALE, "quantitative", "contextual"))
_UNREADABLE = object()


@dataclass(frozen=True, slots=True)
class CategorySource:
    """A category as parsed, where it was read from, and its model if it validated."""

    data: dict[Any, Any]
    document: MarkedDocument
    base: Loc
    category: Category | None = None


@dataclass(frozen=True, slots=True)
class _Coded:
    code: str
    parent: str | None
    level: str
    document: MarkedDocument
    loc: Loc


def check_edition(
    header: dict[Any, Any], header_document: MarkedDocument, sources: list[CategorySource]
) -> list[Problem]:
    """Problems across the edition; ``header`` is the parsed ``edition.yaml`` mapping."""
    problems: list[Problem] = []
    problems += _check_codes(sources)
    problems += _check_indicators(_scale_names(header), sources)
    problems += _check_bands(header.get("bands"), header_document)
    return problems


# Reading parsed values as the models would (Pydantic's lax mode), or not at all.


@cache
def _adapter(kind: type) -> TypeAdapter[Any]:
    return TypeAdapter(kind)


def _lax(kind: type, value: Any) -> Any:
    """``value`` as Pydantic would read it into ``kind``, or ``_UNREADABLE``."""
    try:
        return _adapter(kind).validate_python(value)
    except ValidationError:
        return _UNREADABLE


def _text(value: Any) -> str | None:
    """A text field (stripped, as the models strip it); None if it is not text."""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bytes | bytearray):
        read = _lax(str, value)
        return read.strip() if isinstance(read, str) else None
    return None


def _code(value: Any) -> str | None:
    """A well-formed code; None for anything validation refuses."""
    code = _text(value)
    if code is None or len(code) > _CODE_MAX_LENGTH or not _CODE.match(code):
        return None
    return code


def _flag(mapping: dict[Any, Any], key: str) -> bool | None:
    """A boolean field that defaults to false; None if it cannot be read."""
    value = mapping.get(key, False)
    if value is True or value is False:
        return value
    read = _lax(bool, value)
    return None if read is _UNREADABLE else bool(read)


def _number(value: Any) -> float | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    read = _lax(float, value)
    return None if read is _UNREADABLE else float(read)


def _items(mapping: dict[Any, Any], key: str) -> Iterator[tuple[int, dict[Any, Any]]]:
    """The mappings listed under ``key``, with their indexes; other entries are skipped."""
    values = mapping.get(key)
    if isinstance(values, list):
        for index, value in enumerate(values):
            if isinstance(value, dict):
                yield index, value


# Codes: unique across the edition, each nested under its parent's.


def _walk_codes(source: CategorySource) -> Iterator[_Coded]:
    category, doc, base = source.data, source.document, source.base
    category_code = _code(category.get("code"))
    if category_code is not None:
        yield _Coded(category_code, None, "category", doc, (*base, "code"))
    for t, theme in _items(category, "themes"):
        theme_loc = (*base, "themes", t)
        theme_code = _code(theme.get("code"))
        if theme_code is not None:
            yield _Coded(theme_code, category_code, "theme", doc, (*theme_loc, "code"))
        for q, question in _items(theme, "questions"):
            question_loc = (*theme_loc, "questions", q)
            question_code = _code(question.get("code"))
            if question_code is not None:
                yield _Coded(question_code, theme_code, "question", doc, (*question_loc, "code"))
            for i, indicator in _items(question, "indicators"):
                indicator_code = _code(indicator.get("code"))
                if indicator_code is not None:
                    yield _Coded(
                        indicator_code,
                        question_code,
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


# Indicators: known scales, kinds that fit their category, contextual never core.


def _scale_names(header: dict[Any, Any]) -> frozenset[str] | None:
    """The names of the edition's scales; None if ``scales`` cannot be read as a mapping."""
    scales = header.get("scales")
    if not isinstance(scales, dict) or not scales:
        return None
    if not all(isinstance(name, str) for name in scales):
        return None
    return frozenset(name.strip() for name in scales)


def _check_indicators(
    scale_names: frozenset[str] | None, sources: list[CategorySource]
) -> list[Problem]:
    problems = []
    known_scales = ", ".join(sorted(scale_names or ())) or "none"
    for source in sources:
        category, doc = source.data, source.document
        category_code = _text(category.get("code"))
        contextual = _flag(category, "contextual")
        for t, theme in _items(category, "themes"):
            for q, question in _items(theme, "questions"):
                for i, indicator in _items(question, "indicators"):
                    kind = indicator.get("kind")
                    if kind.__class__ is not str or kind not in _KINDS:
                        continue  # validation names the unknown kind; nothing else applies
                    loc = (*source.base, "themes", t, "questions", q, "indicators", i)
                    is_contextual = kind == "contextual"
                    if scale_names is not None and kind in SCORED_BY_SCALE:
                        scale = _text(indicator.get("scale"))
                        if scale is not None and scale not in scale_names:
                            problems.append(
                                doc.problem_at(
                                    (*loc, "scale"),
                                    f"unknown scale '{scale}'; this edition defines: "
                                    f"{known_scales}",
                                )
                            )
                    if contextual is not None and category_code is not None:
                        problems += _kind_problems(
                            doc,
                            loc,
                            indicator,
                            kind=kind,
                            category_code=category_code,
                            contextual=contextual,
                        )
                    if is_contextual and _flag(indicator, "core"):
                        problems.append(
                            doc.problem_at(
                                (*loc, "core"),
                                "contextual indicators are never core; remove 'core: true'",
                            )
                        )
    return problems


def _kind_problems(
    doc: MarkedDocument,
    loc: Loc,
    indicator: dict[Any, Any],
    *,
    kind: str,
    category_code: str,
    contextual: bool,
) -> list[Problem]:
    """A contextual indicator outside a contextual category, or a scored one inside."""
    is_contextual = kind == "contextual"
    if is_contextual and not contextual:
        code = _text(indicator.get("code"))
        if code is None:
            return []
        return [
            doc.problem_at(
                (*loc, "kind"),
                f"contextual indicator '{code}' sits in category "
                f"'{category_code}', which is not marked contextual: true",
            )
        ]
    if contextual and not is_contextual:
        return [
            doc.problem_at(
                (*loc, "kind"),
                f"category '{category_code}' is contextual, so its indicators "
                f"must be of kind contextual, not {kind}",
            )
        ]
    return []


# Bands: the lowest starts at 0, no two start at the same score.


def _check_bands(bands: Any, document: MarkedDocument) -> list[Problem]:
    if not isinstance(bands, list):
        return []  # missing (no bands) or not a list (validation says so)
    problems = []
    minimums: list[tuple[int, float]] = []
    for index, band in enumerate(bands):
        value = _number(band.get("min")) if isinstance(band, dict) else None
        if value is not None and 0 <= value <= 100:
            minimums.append((index, value))
    # A band validation refuses might be the one at 0: say nothing about the lowest.
    if minimums and len(minimums) == len(bands) and min(v for _, v in minimums) != 0:
        problems.append(document.problem_at(("bands",), "the lowest band must start at 0"))
    values = [value for _, value in minimums]
    for index, value in minimums:
        if values.count(value) > 1:
            problems.append(
                document.problem_at(("bands", index, "min"), f"two bands start at {value:g}")
            )
            break
    return problems
