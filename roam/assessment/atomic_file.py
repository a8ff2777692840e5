"""The one way roam writes a file: whole or not at all, in binary, never where it should not.

Bytes go to a temporary file in the target's folder, opened in binary mode on
every platform (``O_BINARY`` where the OS has it: Windows would otherwise turn
each ``\\n`` into ``\\r\\n``), are synced to disk, and the temporary file is
atomically renamed over the target; the folder is synced so the rename itself
survives a power cut.  At every instant the path holds the whole old file or
the whole new one, so a full disk never leaves a 0-byte file.

Before anything is written the target is checked: a file the user could not
have written (read-only, or another user's file in a shared folder) is never
replaced, and a symbolic link is followed only to a file of the user's own
(see :func:`write_target`).  New outputs (:func:`write_output`) also refuse to
replace an assessment file or an input of the same command.  Every error names
the file.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import secrets
import stat
import time
from collections.abc import Iterable
from pathlib import Path

from roam.assessment.lock import lock_path, refuse_if_locked_by_another
from roam.errors import RoamError

# A temporary file this old is left over from a killed save, never one in progress.
_ORPHAN_AGE_SECONDS = 600
# The start of every assessment file roam writes (storage.HEADER), to recognise one.
ASSESSMENT_SIGNATURE = b"# roam national assessment."
_ANY_WRITE = stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH


def binary_flag() -> int:
    """``O_BINARY`` on Windows, whose descriptors are text mode without it; 0 elsewhere."""
    return int(getattr(os, "O_BINARY", 0))


class SaveError(RoamError):
    """The file could not be written; the previous version is still in place."""


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + ".bak")


def write_atomically(
    path: Path, content: bytes, *, backup: bool = True, follow_symlink: bool = True
) -> str:
    """Replace ``path`` by ``content``; a crash leaves the old or the new file whole.

    Returns the SHA-256 of the bytes now on disk (written in binary mode, they
    are exactly ``content``), for noticing later changes by other programs.
    """
    target = write_target(path, follow_symlink=follow_symlink)
    old_mode: int | None = None
    try:
        old_mode = _mode_of(target)
        if backup and old_mode is not None and not target.is_symlink():
            _write_and_replace(backup_path(target), target.read_bytes(), old_mode)
        _write_and_replace(target, content, old_mode)
        _sync_folder(target.parent)
    except OSError as exc:
        if not target.parent.is_dir():
            raise SaveError(
                f"{path}: cannot save: the folder {path.parent} does not exist"
            ) from None
        reason = exc.strerror or str(exc)
        kept = "; the previous version is unchanged" if old_mode is not None else ""
        raise SaveError(f"{path}: cannot save: {reason}{kept}") from None
    _remove_orphans(target)
    return hashlib.sha256(content).hexdigest()


def write_output(
    path: str | Path,
    content: bytes | str,
    *,
    inputs: Iterable[str | Path] = (),
    follow_symlink: bool = True,
    create_folder: bool = False,
) -> Path:
    """Write a new output (workbook, report, schema), creating its folder if asked.

    Refused, naming the file, when ``path`` is one of the command's ``inputs``,
    an assessment file (its header, or a lock beside it), or locked by a live
    session.  ``follow_symlink`` says the user named the path: a default name
    never writes through a symbolic link.  ``str`` content is written as UTF-8
    with ``\\n`` line ends on every platform.
    """
    target = Path(path)
    for given in inputs:
        if same_file(target, Path(given)):
            raise SaveError(f"{target}: that is an input of this command; choose another name")
    existing = write_target(target, follow_symlink=follow_symlink)
    if _is_assessment(existing):
        raise SaveError(
            f"{target}: that is an assessment file; roam does not overwrite it with "
            f"another kind of file; choose another name"
        )
    refuse_if_locked_by_another(existing)
    if create_folder:
        _make_folder(target)
    data = content.encode("utf-8") if isinstance(content, str) else content
    write_atomically(target, data, backup=False, follow_symlink=follow_symlink)
    return target


def write_target(path: Path, *, follow_symlink: bool) -> Path:
    """The file a write to ``path`` replaces, after checking the user may replace it.

    A symbolic link is followed only when asked and when both the link and its
    target belong to the user: otherwise the link itself is replaced, so a link
    planted by someone else in a shared folder cannot redirect roam's output.
    """
    target = path
    if path.is_symlink() and follow_symlink and _owned_by_me(path, follow=False):
        resolved = path.resolve()
        if not resolved.exists() or _owned_by_me(resolved, follow=True):
            target = resolved
    try:
        status = target.stat() if target is not path or not path.is_symlink() else None
    except FileNotFoundError:
        return target
    except OSError as exc:
        raise SaveError(f"{path}: cannot save: {exc.strerror or exc}") from None
    if status is not None and not _could_write(target, status):
        raise SaveError(
            f"{path}: not saved: the file is read-only or belongs to another user, "
            f"and roam replaces only files you could write; choose another name"
        )
    return target


def _could_write(path: Path, status: os.stat_result) -> bool:
    """Whether the user could have written ``path`` in place (not just replaced it)."""
    if stat.S_ISDIR(status.st_mode):
        return False
    if not status.st_mode & _ANY_WRITE:
        return False  # read-only for everyone (Windows' read-only attribute too)
    if not os.access(path, os.W_OK):
        return False
    geteuid = getattr(os, "geteuid", None)  # None where files have no POSIX owners
    if geteuid is None:
        return True
    me: int = geteuid()
    if status.st_uid == me:
        return bool(status.st_mode & stat.S_IWUSR)
    # Another user's file: only one its owner shared for writing (an administrator,
    # for whom os.access always says yes, counts as any other user here).
    return bool(status.st_mode & (stat.S_IWGRP | stat.S_IWOTH))


def _owned_by_me(path: Path, *, follow: bool) -> bool:
    geteuid = getattr(os, "geteuid", None)
    if geteuid is None:
        return True  # no POSIX owners (Windows): links there need privileges to create
    try:
        status = path.stat() if follow else path.lstat()
    except OSError:
        return False
    return bool(status.st_uid == geteuid())


def same_file(one: Path, other: Path) -> bool:
    """Whether two paths name one file (through links, ``..`` or hard links)."""
    try:
        return one.resolve() == other.resolve() or os.path.samefile(one, other)
    except OSError:
        return False


def _is_assessment(path: Path) -> bool:
    if lock_path(path).exists():
        return True  # an assessment open for editing (or left locked by a crash)
    if not path.is_file():
        return False  # nothing there, or a pipe or device that reading could block on
    try:
        with path.open("rb") as stream:
            return stream.read(len(ASSESSMENT_SIGNATURE)) == ASSESSMENT_SIGNATURE
    except OSError:
        return False


def _make_folder(target: Path) -> None:
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        raise SaveError(
            f"{target}: cannot create the folder {target.parent}: a file is in the way"
        ) from None
    except OSError as exc:
        raise SaveError(
            f"{target}: cannot create the folder {target.parent}: {exc.strerror or exc}"
        ) from None


def _mode_of(path: Path) -> int | None:
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        return None


def _temporary_name(target: Path) -> Path:
    return target.with_name(f".{target.name}.tmp-{os.getpid()}-{secrets.token_hex(4)}")


def _write_and_replace(target: Path, content: bytes, mode: int | None) -> None:
    temporary = _temporary_name(target)
    # O_EXCL: a fresh file, never one planted at this name (nor a link's target).
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | binary_flag()
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
