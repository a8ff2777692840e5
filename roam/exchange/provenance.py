"""The provenance stamp: which assessment, framework and answers a workbook was made from.

Importing a liaison's reviewed workbook later needs to know whether the answers
changed since the export, and which ones.  So the stamp carries a hash of every
answer's content and one hash over them all.  This module has no openpyxl
import: the importer computes the same hashes from the assessment file.

An answer's *content* is what the team asserts: status, level or value, year,
unit, justification, evidence, confidence, stakeholders and disaggregation.
The review thread, the edit history and parked alternative versions are left
out, so importing review comments does not change the hash.  An answer that
equals an empty one hashes like an absent one.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from roam.assessment.model import Answer, Assessment
from roam.framework.model import Framework

STAMP_FORMAT = 1
CONTENT_FIELDS = (
    "status",
    "level",
    "value",
    "year",
    "unit",
    "justification",
    "evidence",
    "confidence",
    "stakeholders",
    "disaggregation",
)
ANSWER_KEY_PREFIX = "answer."
ANSWERS_HASH_KEY = "roam.answers_hash"
# One key per indicator row of a category sheet: a short hash of the team's cells as
# written, so a review import notices a team cell edited in the workbook.
ROW_KEY_PREFIX = "row."
# The hidden sheet that holds the whole stamp; custom properties hold all but the
# per-answer hashes (see roam.workbooks.sheets.stamp).
STAMP_SHEET = "_roam"
_EMPTY_CONTENT = Answer().model_dump(mode="json", include=set(CONTENT_FIELDS))


def _digest(data: Any) -> str:
    canonical = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def answer_hash(answer: Answer) -> str:
    """SHA-256 of one answer's content (see the module notes for what counts)."""
    return _digest(answer.model_dump(mode="json", include=set(CONTENT_FIELDS)))


def answer_hashes(assessment: Assessment) -> dict[str, str]:
    """Indicator code -> answer hash, for every answer that says anything, sorted by code."""
    hashes = {}
    for code in sorted(assessment.answers):
        content = assessment.answers[code].model_dump(mode="json", include=set(CONTENT_FIELDS))
        if content != _EMPTY_CONTENT:
            hashes[code] = _digest(content)
    return hashes


def row_fingerprint(values: Sequence[object]) -> str:
    """A short hash of a row's cells, the same for the values written and read back.

    Spreadsheet programs re-save what they read in their own way (100.0 as 100, line
    ends, spaces), so numbers are compared to six digits and text word by word.
    """
    parts = []
    for value in values:
        if value is None:
            parts.append("")
        elif isinstance(value, bool):
            parts.append(str(value))
        elif isinstance(value, int | float):
            parts.append(f"{float(value):.6g}")
        elif isinstance(value, dt.date | dt.datetime):
            parts.append(value.isoformat())
        else:
            parts.append(" ".join(str(value).split()))
    return _digest(parts)[:16]


def answers_hash(assessment: Assessment) -> str:
    """One SHA-256 over all answer hashes: equal exactly when no answer's content changed."""
    return _digest(answer_hashes(assessment))


def changed_indicators(stamped: dict[str, str], current: dict[str, str]) -> list[str]:
    """Codes whose answer hash differs between a stamp and the assessment now, sorted."""
    return sorted(
        code for code in stamped.keys() | current.keys() if stamped.get(code) != current.get(code)
    )


@dataclass(frozen=True, slots=True)
class Stamp:
    """Everything the workbook records about its origin, as plain key/value pairs."""

    country: str
    iso: str
    created: dt.datetime
    framework_id: str
    framework_version: str
    framework_hash: str
    answers_hash: str
    generated: dt.datetime
    toolkit_version: str
    language: str
    redacted: bool
    answer_hashes: dict[str, str] = field(default_factory=dict)
    # Filled by the category sheets as they write their rows (see ROW_KEY_PREFIX).
    row_hashes: dict[str, str] = field(default_factory=dict)

    def items(self) -> list[tuple[str, str]]:
        """Machine-readable ``roam.*`` keys and string values, then one key per answer."""
        pairs = [
            ("roam.stamp_format", str(STAMP_FORMAT)),
            ("roam.country", self.country),
            ("roam.iso", self.iso),
            ("roam.assessment.created", self.created.isoformat()),
            ("roam.framework.id", self.framework_id),
            ("roam.framework.version", self.framework_version),
            ("roam.framework.hash", self.framework_hash),
            (ANSWERS_HASH_KEY, self.answers_hash),
            ("roam.generated", self.generated.isoformat()),
            ("roam.toolkit_version", self.toolkit_version),
            ("roam.language", self.language),
            ("roam.redacted", "true" if self.redacted else "false"),
        ]
        pairs += [(ANSWER_KEY_PREFIX + code, h) for code, h in self.answer_hashes.items()]
        pairs += [(ROW_KEY_PREFIX + code, h) for code, h in self.row_hashes.items()]
        return pairs


def make_stamp(
    assessment: Assessment,
    framework: Framework,
    generated: dt.datetime,
    language: str,
    redacted: bool,
) -> Stamp:
    from roam import __version__

    hashes = answer_hashes(assessment)
    return Stamp(
        country=assessment.country,
        iso=assessment.iso,
        created=assessment.created,
        framework_id=framework.id,
        framework_version=framework.version,
        framework_hash=framework.content_hash,
        answers_hash=_digest(hashes),
        generated=generated,
        toolkit_version=__version__,
        language=language,
        redacted=redacted,
        answer_hashes=hashes,
    )


def stamp_answer_hashes(pairs: dict[str, str]) -> dict[str, str]:
    """The per-indicator answer hashes out of a stamp read back as key/value pairs."""
    return {
        key[len(ANSWER_KEY_PREFIX) :]: value
        for key, value in pairs.items()
        if key.startswith(ANSWER_KEY_PREFIX)
    }
