"""Writing an assessment file so that no crash, kill or full disk can lose it.

The text goes to a temporary file in the same folder, is flushed and synced to
disk, and then atomically renamed over the old file; the folder is synced so
the rename itself survives a power cut.  At every instant the path holds either
the whole old file or the whole new one.  The previous version is copied to
``FILE.bak`` first, by the same write-then-rename route.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
import time
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from roam.assessment.lock import refuse_if_locked_by_another
from roam.assessment.model import Answer, Assessment
from roam.assessment.yaml_dump import dump_yaml
from roam.errors import RoamError
from roam.framework.model import Framework

HEADER = "# roam national assessment. Edit it in `roam`, or by hand with care.\n"
# Fields written even at their default value, because a reader of the file
# (person or program) should not have to know the defaults to understand it.
_ALWAYS_WRITTEN: dict[type[BaseModel], frozenset[str]] = {
    Assessment: frozenset({"format_version", "scope"}),
    Answer: frozenset({"status"}),
}
# A temporary file this old is left over from a killed save, never one in progress.
_ORPHAN_AGE_SECONDS = 600


class SaveError(RoamError):
    """The file could not be written; the previous version is still in place."""


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + ".bak")


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
    document = assessment_document(assessment, framework)
    try:
        Assessment.model_validate(document)
    except ValidationError as exc:
        # Only code can build an invalid model (the loader validates); writing it
        # would leave a file nobody can open, so refuse before touching the disk.
        raise SaveError(f"refusing to save an invalid assessment: {exc}") from None
    return HEADER + dump_yaml(document)


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
    refuse_if_locked_by_another(Path(path))
    text = assessment_yaml(assessment, framework)
    write_atomically(Path(path), text.encode("utf-8"), backup=backup)


def write_atomically(path: Path, content: bytes, *, backup: bool = True) -> None:
    """Replace ``path`` by ``content`` so that a crash leaves the old or the new file whole."""
    target = path.resolve() if path.is_symlink() else path
    try:
        old_mode = _mode_of(target)
        if backup and old_mode is not None:
            _write_and_replace(backup_path(target), target.read_bytes(), old_mode)
        _write_and_replace(target, content, old_mode)
        _sync_folder(target.parent)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        message = f"{path}: cannot save: {reason}; the previous version is unchanged"
        raise SaveError(message) from None
    _remove_orphans(target)


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


def _mode_of(path: Path) -> int | None:
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        return None


def _temporary_name(target: Path) -> Path:
    return target.with_name(f".{target.name}.tmp-{os.getpid()}-{secrets.token_hex(4)}")


def _write_and_replace(target: Path, content: bytes, mode: int | None) -> None:
    temporary = _temporary_name(target)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    descriptor = os.open(temporary, flags, 0o666)
    try:
        try:
            view = memoryview(content)
            while view:
                written = os.write(descriptor, view)
                view = view[written:]
            if mode is not None and hasattr(os, "fchmod"):
                os.fchmod(descriptor, mode)
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise


def _sync_folder(folder: Path) -> None:
    """Make a rename inside ``folder`` durable; Windows has no folder handles to sync."""
    if os.name == "nt":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    except OSError:
        pass  # some file systems refuse to sync folders; the rename is still atomic
    finally:
        os.close(descriptor)


def _remove_orphans(target: Path) -> None:
    """Delete temporary files that killed saves left behind (old enough to be dead)."""
    now = time.time()
    for name in (target.name, backup_path(target).name):
        for leftover in target.parent.glob(f".{name}.tmp-*"):
            with contextlib.suppress(OSError):
                if now - leftover.stat().st_mtime > _ORPHAN_AGE_SECONDS:
                    leftover.unlink()
