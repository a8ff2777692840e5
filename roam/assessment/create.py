"""Starting a new assessment: one empty answer per in-scope indicator, the six milestones."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Sequence
from pathlib import Path

from roam.assessment.model import (
    MILESTONE_KINDS,
    Answer,
    Assessment,
    FrameworkRef,
    Milestone,
    Scope,
)
from roam.assessment.rules import in_scope_codes
from roam.errors import RoamError
from roam.framework.loader import EDITION_FILE, built_in_folder_name, indicators_root
from roam.framework.model import Framework

_ISO_ALPHA3 = re.compile(r"^[A-Za-z]{3}$")


# ISO 3166-1 leaves these alpha-3 ranges to users: fictional countries (the demo's XEX),
# regions and groupings that run an assessment of their own.
_USER_ASSIGNED = (("AAA", "AAZ"), ("QMA", "QZZ"), ("XAA", "XZZ"), ("ZZA", "ZZZ"))


def normalize_iso(code: str) -> str:
    """An assigned (or user-assigned) ISO 3166-1 alpha-3 code in capitals; RoamError if not."""
    cleaned = code.strip().upper()
    if not _ISO_ALPHA3.match(cleaned):
        raise RoamError(
            f"'{code}' is not an ISO 3166-1 alpha-3 country code (three letters, such as KEN)"
        )
    from iso3166 import countries_by_alpha3

    if cleaned in countries_by_alpha3 or any(low <= cleaned <= up for low, up in _USER_ASSIGNED):
        return cleaned
    raise RoamError(
        f"'{code}' is not an assigned ISO 3166-1 alpha-3 country code (KEN for Kenya, FRA for "
        "France); a fictional or regional assessment may use a user-assigned one, XAA to XZZ"
    )


def now() -> dt.datetime:
    """The current local time with its UTC offset, to the second (as files store it)."""
    return dt.datetime.now().astimezone().replace(microsecond=0)


def framework_ref(framework: Framework, assessment_path: str | Path | None) -> FrameworkRef:
    """How the file names its framework: a built-in edition by id, any other by relative path."""
    return FrameworkRef(
        id=framework.id,
        version=framework.version,
        hash=framework.content_hash,
        path=None if _is_built_in(framework) else _relative_origin(framework, assessment_path),
    )


def new_assessment(
    framework: Framework,
    *,
    country: str,
    iso: str,
    scope: Scope = "core",
    custom_codes: Sequence[str] = (),
    path: str | Path | None = None,
    languages: Sequence[str] = ("en",),
    created: dt.datetime | None = None,
) -> Assessment:
    """An assessment with a not-assessed answer for every in-scope code, to be saved at ``path``."""
    if not country.strip():
        raise RoamError("the country name must not be empty")
    assessment = Assessment(
        country=country.strip(),
        iso=normalize_iso(iso),
        framework=framework_ref(framework, path),
        scope=scope,
        custom_codes=list(custom_codes),
        languages=list(languages),
        created=created or now(),
        milestones=[Milestone(kind=kind) for kind in MILESTONE_KINDS],
    )
    for code in in_scope_codes(framework, assessment):
        assessment.answers[code] = Answer()
    return assessment


def adopt_framework(
    assessment: Assessment, framework: Framework, path: str | Path | None
) -> list[str]:
    """Record ``framework`` as the assessment's edition now; give new in-scope codes an answer.

    Returns the codes that got a new (not assessed) answer.  Answers whose codes
    left the framework are kept untouched.
    """
    assessment.framework = framework_ref(framework, path)
    added = unanswered_codes(framework, assessment)
    for code in added:
        assessment.answers[code] = Answer()
    return added


def unanswered_codes(framework: Framework, assessment: Assessment) -> list[str]:
    """In-scope codes the assessment holds no answer for, in framework order."""
    return [
        code for code in in_scope_codes(framework, assessment) if code not in assessment.answers
    ]


def _origin_target(framework: Framework) -> Path:
    origin = Path(framework.origin)
    return origin.parent if origin.name == EDITION_FILE else origin


def _is_built_in(framework: Framework) -> bool:
    if not framework.origin:
        return True
    folder = _origin_target(framework)
    try:
        inside = folder.resolve().parent == indicators_root().resolve()
    except OSError:
        return False
    names = (framework.id, built_in_folder_name(framework.id, framework.version))
    return inside and folder.name in names


def _relative_origin(framework: Framework, assessment_path: str | Path | None) -> str:
    target = _origin_target(framework).resolve()
    if assessment_path is None:
        return target.as_posix()
    base = Path(assessment_path).resolve().parent
    try:
        return Path(os.path.relpath(target, base)).as_posix()
    except ValueError:  # another drive on Windows: no relative path exists
        return target.as_posix()
