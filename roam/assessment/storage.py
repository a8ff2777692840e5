"""Writing an assessment file so that no crash, kill or full disk can lose it.

The YAML text goes through roam's one writer, :mod:`roam.assessment.atomic_file`
(binary, atomic, never through another user's symbolic link); the previous
version is copied to ``FILE.bak`` first, by the same route.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from roam.assessment.atomic_file import SaveError, backup_path, write_atomically
from roam.assessment.lock import refuse_if_locked_by_another
from roam.assessment.model import Answer, Assessment, unstorable_text
from roam.assessment.people_table import with_people_table
from roam.assessment.size_policy import refuse_oversized
from roam.assessment.yaml_dump import dump_yaml
from roam.framework.model import Framework

HEADER = "# roam national assessment. Edit it in `roam`, or by hand with care.\n"
# Fields written even at their default value, because a reader of the file
# (person or program) should not have to know the defaults to understand it.
_ALWAYS_WRITTEN: dict[type[BaseModel], frozenset[str]] = {
    Assessment: frozenset({"format_version", "scope"}),
    Answer: frozenset({"status"}),
}


def assessment_document(
    assessment: Assessment, framework: Framework | None = None
) -> dict[str, Any]:
    """The assessment as plain data: defaults left out, answers in framework order."""
    document = _record_data(assessment)
    codes = _answer_order(assessment, framework)
    if codes:
        document["answers"] = {code: _record_data(assessment.answers[code]) for code in codes}
    return document


def assessment_yaml(assessment: Assessment, framework: Framework | None = None) -> str:
    try:
        return _assessment_yaml(assessment, framework)
    except UnicodeEncodeError:
        # Text assigned through the Python API after validation (see unstorable_text).
        reason = unstorable_text(assessment) or "it holds text that UTF-8 cannot encode"
        raise SaveError(f"refusing to save the assessment: {reason}") from None


def _assessment_yaml(assessment: Assessment, framework: Framework | None) -> str:
    document = assessment_document(assessment, framework)
    try:
        Assessment.model_validate(document)
    except ValidationError as exc:
        # Only code can build an invalid model (the loader validates); writing it
        # would leave a file nobody can open, so refuse before touching the disk.
        unstorable = unstorable_text(assessment)
        if unstorable:
            raise SaveError(f"refusing to save the assessment: {unstorable}") from None
        raise SaveError(f"refusing to save an invalid assessment: {exc}") from None
    return HEADER + dump_yaml(with_people_table(document))


def save_assessment(
    assessment: Assessment,
    path: str | Path,
    framework: Framework | None = None,
    *,
    backup: bool = True,
) -> None:
    """Write ``assessment`` to ``path`` atomically, keeping the old file as ``path.bak``.

    With ``framework`` the answers are written in framework order; without it,
    in the order the assessment holds them.  A file another live session has
    open for editing is not touched (:class:`~roam.assessment.lock.LockedError`).
    """
    refuse_if_locked_by_another(path)
    write_atomically(Path(path), assessment_bytes(assessment, framework, path), backup=backup)


def assessment_bytes(
    assessment: Assessment, framework: Framework | None, path: str | Path
) -> bytes:
    """The file's bytes, refused (naming ``path``) when roam could not read them back."""
    content = assessment_yaml(assessment, framework).encode("utf-8")
    refuse_oversized(content, path)
    return content


def _record_data(record: BaseModel) -> dict[str, Any]:
    dumped = record.model_dump(mode="python", exclude_defaults=True)
    always = _ALWAYS_WRITTEN.get(type(record), frozenset())
    return {
        name: dumped[name] if name in dumped else getattr(record, name)
        for name in type(record).model_fields
        if name in dumped or name in always
    }


def _answer_order(assessment: Assessment, framework: Framework | None) -> list[str]:
    if framework is None:
        return list(assessment.answers)
    known = [code for code in framework.places if code in assessment.answers]
    unknown = [code for code in assessment.answers if code not in framework.places]
    return known + unknown


__all__ = [
    "HEADER",
    "SaveError",
    "assessment_bytes",
    "assessment_document",
    "assessment_yaml",
    "backup_path",
    "save_assessment",
    "write_atomically",
]
