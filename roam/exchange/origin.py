"""Is this workbook about this assessment?  Matched by the roam stamp it carries.

Reports and templates both carry ``roam.*`` key/value pairs (see
:mod:`roam.exchange.provenance`).  A workbook made from another country's
assessment, or against another framework, is refused: importing it would put
someone else's reviews or answers into this file.
"""

from __future__ import annotations

import datetime as dt

from roam.assessment.model import Assessment
from roam.errors import RoamError
from roam.exchange.incoming import WorkbookOrigin

ISO_KEY = "roam.iso"
COUNTRY_KEY = "roam.country"
FRAMEWORK_ID_KEY = "roam.framework.id"
FRAMEWORK_VERSION_KEY = "roam.framework.version"
GENERATED_KEY = "roam.generated"
# Present only in data-collection templates (its value is the template format).
TEMPLATE_FORMAT_KEY = "roam.template.format"
# The assessment's start time; tells two assessments of one country apart (later cycles).
CREATED_KEY = "roam.assessment.created"


def identity_stamp(assessment: Assessment) -> dict[str, str]:
    """The stamp pairs that identify ``assessment``, for workbooks roam writes."""
    return {
        COUNTRY_KEY: assessment.country,
        ISO_KEY: assessment.iso,
        FRAMEWORK_ID_KEY: assessment.framework.id,
        FRAMEWORK_VERSION_KEY: assessment.framework.version,
        CREATED_KEY: assessment.created.isoformat(),
    }


def check_origin(origin: WorkbookOrigin, assessment: Assessment, made_by: str) -> list[str]:
    """Raise :class:`RoamError` unless the workbook was made from ``assessment``.

    ``made_by`` names the command that makes such workbooks, for the message.
    Returns warnings (a different framework version: levels are still checked).
    """
    stamp = origin.stamp
    if ISO_KEY not in stamp or FRAMEWORK_ID_KEY not in stamp:
        raise RoamError(
            f"{origin.source}: no roam provenance stamp found; import only a workbook "
            f"made by `{made_by}` (the stamp tells roam which assessment it belongs to)"
        )
    theirs = f"{stamp.get(COUNTRY_KEY, '?')} ({stamp[ISO_KEY]})"
    mine = f"{assessment.country} ({assessment.iso})"
    if stamp[ISO_KEY].strip().upper() != assessment.iso:
        raise RoamError(
            f"{origin.source}: made from the assessment of {theirs}, not {mine}; "
            f"nothing was imported"
        )
    if stamp[FRAMEWORK_ID_KEY] != assessment.framework.id:
        raise RoamError(
            f"{origin.source}: made against framework '{stamp[FRAMEWORK_ID_KEY]}', but this "
            f"assessment uses '{assessment.framework.id}'; nothing was imported"
        )
    created = stamp.get(CREATED_KEY)
    if created and not _same_time(created, assessment.created):
        raise RoamError(
            f"{origin.source}: made from another assessment of {mine} (started {created[:10]}, "
            f"this one {assessment.created.date().isoformat()}); nothing was imported"
        )
    warnings = []
    version = stamp.get(FRAMEWORK_VERSION_KEY)
    if version and version != assessment.framework.version:
        warnings.append(
            f"{origin.source}: made against {assessment.framework.id} {version}; the assessment "
            f"now uses {assessment.framework.version}"
        )
    return warnings


def stamp_time(stamp: dict[str, str], key: str = GENERATED_KEY) -> dt.datetime | None:
    """A time in the stamp as an aware datetime (UTC when it has no offset); None if absent."""
    text = stamp.get(key, "").strip()
    if not text:
        return None
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def _same_time(text: str, moment: dt.datetime) -> bool:
    parsed = stamp_time({CREATED_KEY: text}, CREATED_KEY)
    if parsed is None:
        return False
    mine = moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
    return parsed == mine
