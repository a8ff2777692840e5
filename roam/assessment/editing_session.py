"""An assessment opened for editing: loaded, locked, and saved safely until closed.

    with open_assessment("kenya.yaml") as opened:
        opened.assessment.answer("R.A.1.a").justification = "..."
        opened.save()

A second session gets :class:`~roam.assessment.lock.LockedError` naming who has
the file, and may open it with ``read_only=True`` instead.
"""

from __future__ import annotations

import contextlib
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType

from roam.assessment.create import adopt_framework
from roam.assessment.loader import read_assessment
from roam.assessment.lock import AssessmentLock, LockInfo, read_lock
from roam.assessment.model import Assessment
from roam.errors import Problem, RoamError
from roam.framework.model import Framework


class ReadOnlyError(RoamError):
    """A save was asked of a session opened read-only."""


class ChangedOnDiskError(RoamError):
    """The file was changed by another program since this session read or saved it."""


class SaveAsError(RoamError):
    """Save as was given a name it must not write to (an existing file, a missing folder)."""


@dataclass(slots=True)
class OpenedAssessment:
    """The assessment, its framework and warnings, and the right to save it (unless read-only)."""

    path: Path
    assessment: Assessment
    framework: Framework
    warnings: list[Problem]
    read_only: bool
    locked_by: LockInfo | None = None  # who holds the file, when it was opened read-only
    _lock: AssessmentLock | None = None
    _disk_sha256: str = ""
    _backed_up: bool = field(default=False)
    _closed: bool = field(default=False)

    def __enter__(self) -> OpenedAssessment:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def disk_sha256(self) -> str:
        """The SHA-256 of the file as this session last read or wrote it."""
        return self._disk_sha256

    @property
    def closed(self) -> bool:
        return self._closed

    def save(self, *, overwrite_outside_changes: bool = False) -> None:
        """Write the assessment back atomically.

        The file as it was before the session's first save is kept in ``FILE.bak``.
        A file changed by another program meanwhile is not overwritten unless
        ``overwrite_outside_changes`` is set (those changes would be lost).
        """
        if self._closed:
            raise ReadOnlyError(f"{self.path}: this session is closed; not saved")
        if self.read_only:
            holder = f" ({self.locked_by.describe()} has it open)" if self.locked_by else ""
            raise ReadOnlyError(f"{self.path}: opened read-only{holder}; not saved")
        if not overwrite_outside_changes and self._changed_on_disk():
            raise ChangedOnDiskError(
                f"{self.path}: changed by another program since roam opened it; "
                f"not saved, so those changes are not lost (save under another name, "
                f"or reopen the file)"
            )
        # Imported here: writing YAML needs PyYAML, which opening from the cache does not.
        from roam.assessment.storage import assessment_bytes, write_atomically

        content = assessment_bytes(self.assessment, self.framework, self.path)
        # The hash of the bytes on disk: written in binary, they are exactly `content`.
        self._disk_sha256 = write_atomically(self.path, content, backup=not self._backed_up)
        self._backed_up = True

    def save_as(self, new_path: Path) -> None:
        """Write the assessment to ``new_path``, a new file, and go on editing there.

        The new file is locked before it is written; once it is written the old
        file's lock is given back and the old file stays as it last was.  Refused
        (:class:`SaveAsError`) for an existing file, which may be another
        assessment, and (:class:`~roam.assessment.lock.LockedError`) for a file
        another session has open.  On any refusal nothing changes.
        """
        from roam.assessment.create import framework_ref
        from roam.assessment.storage import assessment_bytes, write_atomically

        if self._closed or self.read_only:
            raise ReadOnlyError(f"{self.path}: opened read-only; nothing to save")
        target = Path(new_path)
        _refuse_as_target(target, self.path)
        lock = AssessmentLock(target)
        lock.acquire()  # LockedError names who has it open
        try:
            _refuse_as_target(target, self.path)  # created meanwhile, before the lock
            ref = self.assessment.framework
            if ref.path is not None and not Path(ref.path).is_absolute():
                # The framework is named relative to the file's folder, which may change.
                ref = ref.model_copy(update={"path": framework_ref(self.framework, target).path})
            record = self.assessment.model_copy(update={"framework": ref})
            content = assessment_bytes(record, self.framework, target)
            disk_sha256 = write_atomically(target, content, backup=False)
        except BaseException:
            lock.release()
            raise
        self.assessment.framework = ref
        if self._lock is not None:
            self._lock.release()
        self._lock = lock
        self.path = target
        self._disk_sha256 = disk_sha256
        self._backed_up = True  # a new file has no earlier version to keep

    def adopt_framework(self) -> list[str]:
        """Record the current framework in the assessment; returns the codes given new answers."""
        return adopt_framework(self.assessment, self.framework, self.path)

    def close(self) -> None:
        """Release the lock (unsaved changes stay in memory only).

        A session that saved reads its file once more before letting go, so the
        cache of validated files holds what it wrote and the next session opens
        it without parsing it (reading costs the quit, not the next start).
        """
        self._closed = True
        if self._lock is None:
            return
        try:
            if self._backed_up:
                with contextlib.suppress(RoamError):
                    read_assessment(self.path, self.framework, cache=True)
        finally:
            self._lock.release()
            self._lock = None

    def _changed_on_disk(self) -> bool:
        try:
            current = hashlib.sha256(self.path.read_bytes()).hexdigest()
        except FileNotFoundError:
            return False  # deleted meanwhile: writing it back loses nothing
        except OSError:
            return False  # unreadable now; the save itself will report why
        return current != self._disk_sha256


def _refuse_as_target(target: Path, current: Path) -> None:
    """Save as writes new files only: never over this one, another assessment, or a folder."""
    if not target.parent.is_dir():
        raise SaveAsError(f"{target}: the folder {target.parent} does not exist")
    if not target.exists() and not target.is_symlink():
        return
    if target.exists() and target.resolve() == current.resolve():
        raise SaveAsError(f"{target}: this is the file already open; choose a new name")
    what = "another assessment" if _looks_like_assessment(target) else "a file"
    raise SaveAsError(
        f"{target}: already exists ({what}); Save as writes only new files, choose another name"
    )


def _looks_like_assessment(path: Path) -> bool:
    from roam.assessment.storage import HEADER

    try:
        with path.open("rb") as stream:
            start = stream.read(4096)
    except OSError:
        return False
    return start.startswith(HEADER.encode("utf-8")) or b"\nanswers:" in start


def open_assessment(
    path: str | Path,
    framework: Framework | None = None,
    *,
    read_only: bool = False,
    break_lock: bool = False,
) -> OpenedAssessment:
    """Load ``path`` and, unless ``read_only``, lock it for editing.

    Raises :class:`~roam.assessment.lock.LockedError` when another session holds
    it, :class:`~roam.errors.SourceError` when the file has errors.
    """
    file_path = Path(path)
    if not file_path.is_file():
        read_assessment(file_path, framework)  # raises the precise "not found" message
    lock = None if read_only else AssessmentLock(file_path, break_lock=break_lock)
    if lock is not None:
        lock.acquire()
    try:
        # cache=True: a session's file is the one most likely to be opened again unchanged.
        loaded = read_assessment(file_path, framework, cache=True)
    except BaseException:
        if lock is not None:
            lock.release()
        raise
    return OpenedAssessment(
        path=file_path,
        assessment=loaded.assessment,
        framework=loaded.framework,
        warnings=loaded.warnings,
        read_only=read_only,
        locked_by=read_lock(file_path) if read_only else None,
        _lock=lock,
        _disk_sha256=loaded.sha256,
    )
