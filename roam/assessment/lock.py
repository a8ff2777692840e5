"""One editor at a time: a lock record beside the assessment, and an OS lock that dies with it.

``.FILE.lock`` is roam's lock record: it says who holds the file (user, host,
process id, since when), and a second session is told exactly that and may
open the file read-only.  Whether the holder still runs is known from an OS
lock (``flock``, or ``LockFileEx`` on Windows, through the ``filelock``
package) that the holder keeps on the sibling file ``.FILE.lock.os``: the
operating system releases it when the process ends, however it ends, so a
crash, a restart or a process number reused by another program cannot make a
dead lock look alive on any OS.  A lock whose holder is gone is stale; the user
may break it knowingly.  A lock from another computer cannot always be checked
(not every shared file system carries OS locks), so it may be broken too, at
the user's word.

Both names are those of the resolved file, so a symbolic link (or ``..``) to
an assessment is locked like the file itself.  Where OS locks are unavailable,
the record alone is used, with the older check of the process id.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import getpass
import json
import os
import secrets
import socket
from dataclasses import asdict, dataclass
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Literal

__all__ = [
    "AssessmentLock",
    "LockError",
    "LockInfo",
    "LockedError",
    "boot_id",
    "lock_path",
    "os_lock_held",
    "os_lock_path",
    "pid_running",
    "read_lock",
    "refuse_if_locked_by_another",
]

if TYPE_CHECKING:  # filelock is imported where a lock is taken or probed, not at start-up
    from filelock import FileLock

from roam.assessment.process_liveness import boot_id, pid_running
from roam.errors import RoamError

HolderState = Literal["running", "gone", "unknown"]


def lock_path(path: str | Path) -> Path:
    """The lock record of assessment ``path``, beside the file a link or ``..`` points to."""
    target = Path(path).resolve()
    return target.with_name(f".{target.name}.lock")


def os_lock_path(path: str | Path) -> Path:
    """The sibling file on which the holder keeps its OS lock."""
    record = lock_path(path)
    return record.with_name(f"{record.name}.os")


_BREAK_HINT = "(--break-lock on the command line, or B when roam asks)"


@dataclass(frozen=True, slots=True)
class LockInfo:
    """Who holds a lock, as written in the lock file."""

    pid: int
    host: str
    user: str
    time: str  # ISO 8601, local time with offset
    token: str
    boot: str = ""
    os_lock: bool = False  # the holder keeps an OS lock on .FILE.lock.os while it runs

    def describe(self) -> str:
        since = self.time.replace("T", " ")[:16]
        return f"user {self.user} on host {self.host} (process {self.pid}) since {since}"

    def holder_state(self, path: str | Path | None = None) -> HolderState:
        """Whether the holder of the lock on assessment ``path`` still runs.

        With an OS lock the answer is certain on this host; a free OS lock on a
        shared folder says nothing of another computer whose file system may not
        carry it.  Older records are judged by process id (and boot, on Linux).
        """
        if self.os_lock and path is not None:
            held = os_lock_held(path)
            if held:
                return "running"
            if held is False and self.host == _host():
                return "gone"
        if self.host != _host():
            return "unknown"
        boot = boot_id()
        if self.boot and boot and self.boot != boot:
            return "gone"  # the computer restarted since the lock was taken
        return "running" if pid_running(self.pid) else "gone"


class LockedError(RoamError):
    """The assessment is open for editing elsewhere (or the lock file is unreadable)."""

    def __init__(self, path: Path, holder: LockInfo | None, state: HolderState) -> None:
        self.path = path
        self.holder = holder
        self.state = state
        super().__init__(_locked_message(path, holder, state))

    @property
    def breakable(self) -> bool:
        return self.state != "running"


class LockError(RoamError):
    """The lock file could not be written (read-only folder, full disk)."""


def _locked_message(path: Path, holder: LockInfo | None, state: HolderState) -> str:
    if holder is None and state == "running":
        return (
            f"{path}: open for editing in another roam session (its lock record "
            f"{lock_path(path).name} is missing or being written); open it read-only, "
            f"or try again when that session has closed it"
        )
    if holder is None:
        return (
            f"{path}: locked, but its lock file {lock_path(path).name} is unreadable; "
            f"open it read-only, or break the lock {_BREAK_HINT} if nobody is editing it"
        )
    who = holder.describe()
    if state == "running":
        return f"{path}: open for editing by {who}; open it read-only, or close it there first"
    if state == "gone":
        return (
            f"{path}: locked by {who}, but that process is no longer running; "
            f"break the lock to edit it {_BREAK_HINT}, or open it read-only"
        )
    return (
        f"{path}: open for editing by {who} (another computer); open it read-only, "
        f"or break the lock {_BREAK_HINT} if that session has ended"
    )


class AssessmentLock:
    """Holds ``.FILE.lock`` (and the OS lock beside it) while a session edits ``FILE``."""

    def __init__(self, path: str | Path, *, break_lock: bool = False) -> None:
        self.path = Path(path)
        self.lock_file = lock_path(self.path)
        self.break_lock = break_lock
        self.info: LockInfo | None = None
        self._os_lock: FileLock | None = None

    def __enter__(self) -> AssessmentLock:
        self.acquire()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.release()

    @property
    def held(self) -> bool:
        return self.info is not None

    def acquire(self) -> None:
        """Take the lock; raise :class:`LockedError` naming the holder if it is taken."""
        if self.info is not None:
            return
        self._os_lock = self._take_os_lock()
        try:
            self.info = self._take_record(_my_lock_info(os_lock=self._os_lock is not None))
        except BaseException:
            self._drop_os_lock()
            raise

    def release(self) -> None:
        """Remove the lock record if it is still ours (someone may have broken it)."""
        if self.info is None:
            return
        try:
            current = read_lock(self.path)
            if current is not None and current.token == self.info.token:
                with contextlib.suppress(FileNotFoundError):
                    self.lock_file.unlink()
        finally:
            self.info = None
            self._drop_os_lock()

    def _take_os_lock(self) -> FileLock | None:
        """The OS lock, or None where the file system offers none (the record still works)."""
        from filelock import FileLock, Timeout

        os_lock = FileLock(str(os_lock_path(self.path)), timeout=0)
        try:
            os_lock.acquire()
        except Timeout:
            holder = read_lock(self.path)
            raise LockedError(self.path, holder, "running") from None
        except (OSError, NotImplementedError):
            return None
        return os_lock

    def _drop_os_lock(self) -> None:
        if self._os_lock is not None:
            with contextlib.suppress(OSError):
                self._os_lock.release()
            self._os_lock = None

    def _take_record(self, mine: LockInfo) -> LockInfo:
        if self._create(mine):
            return mine
        holder = read_lock(self.path)
        state = self._judge(holder)
        if not self.break_lock or state == "running":
            raise LockedError(self.path, holder, state)
        if self._os_lock is not None:
            # Every live roam session holds the OS lock first, so none can race us.
            self._overwrite(mine)
            return mine
        self._break(holder)
        if not self._create(mine):
            holder = read_lock(self.path)
            raise LockedError(self.path, holder, holder.holder_state() if holder else "unknown")
        return mine

    def _judge(self, holder: LockInfo | None) -> HolderState:
        """The holder's state, judged while this session may hold the OS lock itself."""
        if holder is None:
            return "unknown"
        if self._os_lock is not None and holder.os_lock:
            # We hold the OS lock, so the holder does not: it ended (or, on another
            # computer, its file system may not carry locks: the user decides).
            return "gone" if holder.host == _host() else "unknown"
        return holder.holder_state(None if self._os_lock is not None else self.path)

    def _create(self, info: LockInfo) -> bool:
        try:
            descriptor = os.open(self.lock_file, _create_flags(), 0o644)
        except FileExistsError:
            return False
        except OSError as exc:
            raise LockError(
                f"{self.path}: cannot create the lock file {self.lock_file.name} "
                f"({exc.strerror or exc}); open it read-only"
            ) from None
        try:
            _write_all(descriptor, _record_bytes(info))
        except OSError as exc:
            with contextlib.suppress(OSError):
                self.lock_file.unlink()
            raise LockError(
                f"{self.path}: cannot write the lock file {self.lock_file.name} "
                f"({exc.strerror or exc})"
            ) from None
        finally:
            os.close(descriptor)
        return True

    def _overwrite(self, info: LockInfo) -> None:
        """Replace a stale record by ours in one rename (readers see the old or the new)."""
        fresh = self.lock_file.with_name(f"{self.lock_file.name}.new-{secrets.token_hex(4)}")
        try:
            descriptor = os.open(fresh, _create_flags(), 0o644)
            try:
                _write_all(descriptor, _record_bytes(info))
            finally:
                os.close(descriptor)
            os.replace(fresh, self.lock_file)
        except OSError as exc:
            with contextlib.suppress(OSError):
                fresh.unlink()
            raise LockError(
                f"{self.path}: cannot replace the lock file {self.lock_file.name} "
                f"({exc.strerror or exc})"
            ) from None

    def _break(self, judged: LockInfo | None) -> None:
        """Remove the stale lock, unless another session replaced it meanwhile."""
        aside = self.lock_file.with_name(f"{self.lock_file.name}.broken-{secrets.token_hex(4)}")
        try:
            os.replace(self.lock_file, aside)
        except FileNotFoundError:
            return  # already gone
        moved = _parse_lock(aside)
        replaced = judged is not None and (moved is None or moved.token != judged.token)
        try:
            if replaced:
                # A fresh lock slipped in between reading and breaking: put it back.
                _put_back(aside, self.lock_file)
        finally:
            with contextlib.suppress(OSError):
                aside.unlink()
        if replaced:
            state: HolderState = moved.holder_state(self.path) if moved else "unknown"
            raise LockedError(self.path, moved, state)


def _create_flags() -> int:
    # O_EXCL: one session only creates the record; O_BINARY: no CRLF on Windows.
    return os.O_WRONLY | os.O_CREAT | os.O_EXCL | int(getattr(os, "O_BINARY", 0))


def _record_bytes(info: LockInfo) -> bytes:
    return (json.dumps(asdict(info), indent=2) + "\n").encode("utf-8")


def _write_all(descriptor: int, content: bytes) -> None:
    view = memoryview(content)
    while view:
        view = view[os.write(descriptor, view) :]


def _put_back(aside: Path, lock_file: Path) -> None:
    """Restore a lock record moved aside: a hard link, or a copy where links fail (FAT)."""
    try:
        os.link(aside, lock_file)
        return
    except FileExistsError:
        return  # a record is in place again: nothing of ours to restore
    except OSError:
        pass  # FAT/exFAT and some network shares have no hard links
    try:
        descriptor = os.open(lock_file, _create_flags(), 0o644)
    except FileExistsError:
        return
    except OSError as exc:
        raise LockError(
            f"{lock_file}: cannot restore another session's lock record "
            f"({exc.strerror or exc}); ask its holder to reopen the file"
        ) from None
    try:
        _write_all(descriptor, aside.read_bytes())
    finally:
        os.close(descriptor)


def read_lock(path: str | Path) -> LockInfo | None:
    """Who holds the lock on assessment ``path``; None when free or unreadable."""
    return _parse_lock(lock_path(path))


def refuse_if_locked_by_another(path: str | Path) -> None:
    """Raise :class:`LockedError` if a session other than this process edits ``path``.

    A stale lock (its process gone) does not stop a write: nobody is editing.
    """
    holder = read_lock(path)
    if holder is None or (holder.pid == os.getpid() and holder.host == _host()):
        return
    state = holder.holder_state(path)
    if state != "gone":
        raise LockedError(Path(path), holder, state)


def _parse_lock(lock_file: Path) -> LockInfo | None:
    try:
        data = json.loads(lock_file.read_text(encoding="utf-8"))
        return LockInfo(
            pid=int(data["pid"]),
            host=str(data["host"]),
            user=str(data["user"]),
            time=str(data["time"]),
            token=str(data["token"]),
            boot=str(data.get("boot", "")),
            os_lock=data.get("os_lock") is True,
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _my_lock_info(*, os_lock: bool) -> LockInfo:
    return LockInfo(
        pid=os.getpid(),
        host=_host(),
        user=_user(),
        time=dt.datetime.now().astimezone().replace(microsecond=0).isoformat(),
        token=secrets.token_hex(8),
        boot=boot_id(),
        os_lock=os_lock,
    )


def os_lock_held(path: str | Path) -> bool | None:
    """Whether a process holds the OS lock of assessment ``path``; None if it cannot be told."""
    from filelock import FileLock, Timeout

    probe = FileLock(str(os_lock_path(path)), timeout=0)
    try:
        probe.acquire()
    except Timeout:
        return True
    except (OSError, NotImplementedError):
        return None  # a read-only folder, or a file system without locks
    with contextlib.suppress(OSError):
        probe.release()
    return False


def _host() -> str:
    return socket.gethostname() or "unknown"


def _user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):
        return "unknown"
