"""Reading an assessment file: parse, validate, upgrade, then check it against its framework.

Every error in the file is collected in one pass and raised together as a
:class:`SourceError` (``file:line:col: message`` lines).  Things that are odd but
lose nothing, such as answers whose codes the framework does not know, are
returned as warnings and the data is kept, so a save never drops it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from roam.assessment.create import normalize_iso, unanswered_codes
from roam.assessment.file_format import reading_key
from roam.assessment.migrate import migrate
from roam.assessment.model import Answer, AnswerVersion, Assessment, FrameworkRef
from roam.assessment.people_table import without_people_table
from roam.cache import recall, remember
from roam.errors import Problem, RoamError, SourceError, sort_problems
from roam.framework.loader import (
    EditionNotFoundError,
    display_path,
    edition_location,
    load_framework,
    other_edition_message,
)
from roam.framework.model import Framework, ScaledIndicator
from roam.marked_yaml import (
    Loc,
    MarkedDocument,
    parse_marked_bytes,
    read_source,
)
from roam.validation_problems import validation_problems

# Loads the edition at a folder or file: load_framework, or one that remembers.
EditionLoader = Callable[[Path], Framework]
_LISTED_CODES = 8
_ISO_MESSAGE = "iso: '{}' is not an ISO 3166-1 alpha-3 country code (three capitals, such as KEN)"


@dataclass(slots=True)
class LoadedAssessment:
    """A validated assessment, its framework, and what deserves the user's attention."""

    path: Path
    assessment: Assessment
    framework: Framework
    warnings: list[Problem] = field(default_factory=list)
    sha256: str = ""  # of the file as read, to notice edits made behind our back
    upgraded_from: int | None = None


@dataclass(frozen=True, slots=True)
class _CachedAssessment:
    """A file read without errors, as the cache of validated files keeps it."""

    assessment: Assessment
    framework_hash: str  # the edition it was checked against
    warnings: tuple[tuple[str, int | None, int | None], ...]  # message, line, column


def load_assessment(path: str | Path, framework: Framework | None = None) -> Assessment:
    """Read and check an assessment file; raise :class:`SourceError` listing every error."""
    return read_assessment(path, framework).assessment


def read_assessment(
    path: str | Path,
    framework: Framework | None = None,
    *,
    cache: bool = False,
    editions: EditionLoader | None = None,
) -> LoadedAssessment:
    """Like :func:`load_assessment`, keeping the framework and the warnings.

    Without ``framework``, the edition the file names is loaded with ``editions``
    (:func:`~roam.framework.loader.load_framework` by default).  A file read before
    with ``cache=True``, unchanged since and checked against the same edition, comes
    from the cache of validated files (:mod:`roam.cache`) instead of being parsed;
    ``cache=True`` stores the result of this read for next time.
    """
    file_path = Path(path)
    shown = display_path(file_path)
    raw = read_source(file_path, shown)
    sha256 = hashlib.sha256(raw).hexdigest()
    key = reading_key(sha256)
    editions = editions or load_framework
    recalled = _recalled(key, file_path, shown, sha256, framework, editions=editions)
    if recalled is not None:
        return recalled
    loaded = _read(file_path, parse_marked_bytes(raw, shown, sha256), framework, editions)
    if cache and loaded.upgraded_from is None and loaded.framework.content_hash:
        warnings = tuple((w.message, w.line, w.column) for w in loaded.warnings)
        entry = _CachedAssessment(loaded.assessment, loaded.framework.content_hash, warnings)
        remember(key, entry)
    return loaded


def _recalled(
    key: str | None,
    file_path: Path,
    shown: str,
    sha256: str,
    given: Framework | None,
    *,
    editions: EditionLoader,
) -> LoadedAssessment | None:
    """The cached reading of the file, if it was checked against the edition it names now."""
    entry = recall(key)
    if not isinstance(entry, _CachedAssessment):
        return None
    problems: list[Problem] = []
    document = MarkedDocument(path=shown, data=None)
    ref = entry.assessment.framework
    chosen = _framework_for(ref, given, file_path, document, problems, editions=editions)
    if chosen is None or problems or chosen.content_hash != entry.framework_hash:
        return None  # read it again: that reports what is wrong, or checks it anew
    return LoadedAssessment(
        path=file_path,
        assessment=entry.assessment,
        framework=chosen,
        warnings=[Problem(shown, *warning) for warning in entry.warnings],
        sha256=sha256,
    )


def _read(
    file_path: Path, document: MarkedDocument, framework: Framework | None, editions: EditionLoader
) -> LoadedAssessment:
    data = _top_mapping(document)
    data, upgraded_from = migrate(data, document)
    data = without_people_table(data, document)
    problems: list[Problem] = list(document.problems)
    assessment = _validated(Assessment, data, (), document, problems)
    ref = (
        assessment.framework
        if assessment
        else _validated_quietly(FrameworkRef, data.get("framework"))
    )
    chosen = _framework_for(ref, framework, file_path, document, problems, editions=editions)
    warnings: list[Problem] = []
    if upgraded_from is not None:
        warnings.append(
            document.problem_at(
                ("format_version",),
                f"written in format_version {upgraded_from}; "
                f"it will be saved in format_version {data['format_version']}",
            )
        )
    if chosen is not None:
        answers = assessment.answers if assessment else _valid_answers(data)
        problems += _answer_errors(answers, chosen, document)
        if assessment is not None:
            warnings += framework_warnings(assessment, chosen, document)
    if problems or assessment is None or chosen is None:
        raise SourceError(sort_problems(problems))
    return LoadedAssessment(
        path=file_path,
        assessment=assessment,
        framework=chosen,
        warnings=sort_problems(warnings),
        sha256=document.sha256,
        upgraded_from=upgraded_from,
    )


def _top_mapping(document: MarkedDocument) -> dict[str, Any]:
    if document.data is None:
        raise SourceError.single(
            document.path,
            "the file is empty; an assessment is a mapping with country, iso, framework, ...",
        )
    if not isinstance(document.data, dict):
        kind = type(document.data).__name__
        raise SourceError.single(
            document.path,
            f"an assessment is a mapping with country, iso, framework, ..., not a {kind}",
            1,
            1,
        )
    return document.data


def _validated(
    model: type[Any], data: Any, base: Loc, document: MarkedDocument, problems: list[Problem]
) -> Any:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        found = validation_problems(document, exc, base)
        for index, error in enumerate(exc.errors(include_url=False)):
            if error["loc"] == ("iso",) and error["type"] == "string_pattern_mismatch":
                found[index] = replace(found[index], message=_ISO_MESSAGE.format(error["input"]))
        problems += found
        return None


def _validated_quietly(model: type[Any], data: Any) -> Any:
    """Validated or None; used where the full validation reports the errors already."""
    try:
        return model.model_validate(data)
    except ValidationError:
        return None


def _valid_answers(data: dict[str, Any]) -> dict[str, Answer]:
    raw = data.get("answers")
    if not isinstance(raw, dict):
        return {}
    answers = {code: _validated_quietly(Answer, item) for code, item in raw.items()}
    return {code: answer for code, answer in answers.items() if answer is not None}


# --- which framework ----------------------------------------------------------------------


def _framework_for(
    ref: FrameworkRef | None,
    given: Framework | None,
    file_path: Path,
    document: MarkedDocument,
    problems: list[Problem],
    *,
    editions: EditionLoader,
) -> Framework | None:
    if ref is None:
        return None  # the validation errors already say what is wrong with `framework`
    if given is None:
        try:
            given = editions(edition_location(ref.id, ref.path, file_path, version=ref.version))
        except EditionNotFoundError as exc:
            problems.append(document.problem_at(("framework", exc.field), exc.message))
            return None
        except SourceError as exc:
            problems += exc.problems
            return None
    wrong = other_edition_message(ref.id, given)
    if wrong is not None:
        problems.append(document.problem_at(("framework", "id"), wrong))
        return None
    return given


# --- answers against the framework --------------------------------------------------------


def _answer_errors(
    answers: dict[str, Answer], framework: Framework, document: MarkedDocument
) -> list[Problem]:
    problems = []
    for code, answer in answers.items():
        if code not in framework.places:
            continue  # a warning, not an error: see framework_warnings
        base: Loc = ("answers", code)
        problems += [
            document.problem_at((*base, *loc), message)
            for loc, message in _shape_errors(code, answer, framework)
        ]
        for index, version in enumerate(answer.conflicts):
            problems += [
                document.problem_at((*base, "conflicts", index, *loc), message)
                for loc, message in _shape_errors(code, version, framework)
            ]
    return problems


def _shape_errors(
    code: str, answer: Answer | AnswerVersion, framework: Framework
) -> list[tuple[Loc, str]]:
    """A level where the indicator takes a value, or the reverse, or a level off the scale."""
    indicator = framework.indicator(code)
    if isinstance(indicator, ScaledIndicator):
        scale = framework.scale_for(indicator)
        levels = ", ".join(level.id for level in scale.levels)
        if answer.value is not None:
            message = f"{code} is answered with a level of the scale ({levels}), not a value"
            return [(("value",), message)]
        if answer.level is not None and scale.level(answer.level) is None:
            message = f"{code}: '{answer.level}' is not a level of its scale ({levels})"
            return [(("level",), message)]
        return []
    if answer.level is not None:
        unit = f" in {indicator.unit}" if indicator.unit else ""
        return [(("level",), f"{code} is answered with a value{unit}, not a level")]
    return []


def framework_warnings(
    assessment: Assessment, framework: Framework, document: MarkedDocument
) -> list[Problem]:
    """Kept-but-suspicious content: unknown codes, other units, a framework that changed."""
    known = framework.places
    warnings = [
        document.problem_at(
            ("answers", code),
            f"no indicator '{code}' in framework '{framework.id}'; the answer is kept as it is",
            at_key=True,
        )
        for code in assessment.answers
        if code not in known
    ]
    for code, answer in assessment.answers.items():
        unit = getattr(known[code].indicator, "unit", None) if code in known else None
        if answer.unit and unit and answer.unit != unit:
            warnings.append(
                document.problem_at(
                    ("answers", code, "unit"),
                    f"{code}: unit '{answer.unit}' differs from the indicator's unit '{unit}'",
                )
            )
    for index, recommendation in enumerate(assessment.recommendations):
        for position, code in enumerate(recommendation.indicators):
            if code not in known:
                warnings.append(
                    document.problem_at(
                        ("recommendations", index, "indicators", position),
                        f"recommendation {recommendation.id} names '{code}', "
                        f"which framework '{framework.id}' does not have",
                    )
                )
    for position, code in enumerate(assessment.custom_codes):
        if code not in known:
            warnings.append(
                document.problem_at(
                    ("custom_codes", position),
                    f"custom scope names '{code}', which framework '{framework.id}' does not have",
                )
            )
    changed = framework_change(assessment, framework)
    if changed:
        warnings.append(document.problem_at(("framework", "hash"), changed))
    elif assessment.framework.version != framework.version:
        warnings.append(
            document.problem_at(
                ("framework", "version"),
                f"made against {framework.id} version {assessment.framework.version}, but "
                f"roam has version {framework.version}: it is checked and scored against "
                f"{framework.version}, whose codes, scales or texts may differ",
            )
        )
    iso = _unassigned_iso(assessment.iso)
    if iso:
        warnings.append(document.problem_at(("iso",), iso))
    return warnings


def _unassigned_iso(iso: str) -> str | None:
    """Why ``iso`` is not a code `roam new` accepts (an unassigned one, such as FRE); else None."""
    try:
        normalize_iso(iso)
    except RoamError as exc:
        return f"{exc}; the file keeps it, but workbooks and comparisons use it as given"
    return None


def framework_change(assessment: Assessment, framework: Framework) -> str | None:
    """What changed, if the framework's files differ from when the assessment was made."""
    ref = assessment.framework
    if not ref.hash or not framework.content_hash or ref.hash == framework.content_hash:
        return None
    version = (
        f" (version {ref.version} then, {framework.version} now)"
        if ref.version != framework.version
        else ""
    )
    vanished = [code for code in assessment.answers if code not in framework.places]
    unanswered = unanswered_codes(framework, assessment)
    details = []
    if vanished:
        details.append(f"{len(vanished)} answered code(s) are no longer in it: {_codes(vanished)}")
    if unanswered:
        details.append(f"{len(unanswered)} in-scope code(s) have no answer: {_codes(unanswered)}")
    if not details:
        details.append("its codes still match the answers; texts or scales may differ")
    return (
        f"framework '{framework.id}' has changed since this assessment was made{version}; "
        + "; ".join(details)
    )


def _codes(codes: list[str]) -> str:
    shown = ", ".join(codes[:_LISTED_CODES])
    extra = len(codes) - _LISTED_CODES
    return f"{shown} and {extra} more" if extra > 0 else shown
