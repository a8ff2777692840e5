"""One editor at a time: a lock file beside the assessment.

``.FILE.lock`` is created atomically (``O_EXCL``) and says who holds it: user,
host, process id and since when.  A second session is told exactly that and may
open the file read-only.  A lock whose process is gone (same host, dead pid or
a reboot since) is stale; the user may break it knowingly.  A lock from another
computer cannot be checked from here, so it may be broken too, at the user's word.
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
from typing import Literal

from roam.errors import RoamError

HolderState = Literal["running", "gone", "unknown"]


def lock_path(path: str | Path) -> Path:
    target = Path(path)
    return target.with_name(f".{target.name}.lock")


@dataclass(frozen=True, slots=True)
class LockInfo:
    """Who holds a lock, as written in the lock file."""

    pid: int
    host: str
    user: str
    time: str  # ISO 8601, local time with offset
    token: str
    boot: str = ""

    def describe(self) -> str:
        since = self.time.replace("T", " ")[:16]
        return f"user {self.user} on host {self.host} (process {self.pid}) since {since}"

    def holder_state(self) -> HolderState:
        """Whether the locking process still runs; only knowable on this host."""
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
    if holder is None:
        return (
            f"{path}: locked, but its lock file {lock_path(path).name} is unreadable; "
            f"open it read-only, or break the lock if nobody is editing it"
        )
    who = holder.describe()
    if state == "running":
        return f"{path}: open for editing by {who}; open it read-only, or close it there first"
    if state == "gone":
        return (
            f"{path}: locked by {who}, but that process is no longer running; "
            f"break the lock to edit it, or open it read-only"
        )
    return (
        f"{path}: open for editing by {who} (another computer); open it read-only, "
        f"or break the lock if that session has ended"
    )


class AssessmentLock:
    """Holds ``.FILE.lock`` while a session edits ``FILE``; a context manager."""

    def __init__(self, path: str | Path, *, break_lock: bool = False) -> None:
        self.path = Path(path)
        self.lock_file = lock_path(self.path)
        self.break_lock = break_lock
        self.info: LockInfo | None = None

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
        mine = _my_lock_info()
        if self._create(mine):
            self.info = mine
            return
        holder = read_lock(self.path)
        state: HolderState = holder.holder_state() if holder else "unknown"
        if not self.break_lock or state == "running":
            raise LockedError(self.path, holder, state)
        self._break(holder)
        if not self._create(mine):
            holder = read_lock(self.path)
            raise LockedError(self.path, holder, holder.holder_state() if holder else "unknown")
        self.info = mine

    def release(self) -> None:
        """Remove the lock file if it is still ours (someone may have broken it)."""
        if self.info is None:
            return
        current = read_lock(self.path)
        if current is not None and current.token == self.info.token:
            with contextlib.suppress(FileNotFoundError):
                self.lock_file.unlink()
        self.info = None

    def _create(self, info: LockInfo) -> bool:
        try:
            descriptor = os.open(self.lock_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            return False
        except OSError as exc:
            raise LockError(
                f"{self.path}: cannot create the lock file {self.lock_file.name} "
                f"({exc.strerror or exc}); open it read-only"
            ) from None
        try:
            with os.fdopen(descriptor, "w", encoding="utf-8") as stream:
                json.dump(asdict(info), stream, indent=2)
                stream.write("\n")
        except OSError as exc:
            with contextlib.suppress(OSError):
                self.lock_file.unlink()
            raise LockError(
                f"{self.path}: cannot write the lock file {self.lock_file.name} "
                f"({exc.strerror or exc})"
            ) from None
        return True

    def _break(self, judged: LockInfo | None) -> None:
        """Remove the stale lock, unless another session replaced it meanwhile."""
        aside = self.lock_file.with_name(f"{self.lock_file.name}.broken-{secrets.token_hex(4)}")
        try:
            os.replace(self.lock_file, aside)
        except FileNotFoundError:
            return  # already gone
        moved = _parse_lock(aside)
        replaced = judged is not None and (moved is None or moved.token != judged.token)
        if replaced:
            # A fresh lock slipped in between reading and breaking: put it back.
            with contextlib.suppress(OSError):
                os.link(aside, self.lock_file)
        with contextlib.suppress(OSError):
            aside.unlink()
        if replaced:
            state: HolderState = moved.holder_state() if moved else "unknown"
            raise LockedError(self.path, moved, state)


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
    state = holder.holder_state()
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
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _my_lock_info() -> LockInfo:
    return LockInfo(
        pid=os.getpid(),
        host=_host(),
        user=_user(),
        time=dt.datetime.now().astimezone().replace(microsecond=0).isoformat(),
        token=secrets.token_hex(8),
        boot=boot_id(),
    )


def _host() -> str:
    return socket.gethostname() or "unknown"


def _user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):
        return "unknown"


def boot_id() -> str:
    """Changes at every restart (Linux); empty where the system does not say."""
    try:
        return Path("/proc/sys/kernel/random/boot_id").read_text(encoding="ascii").strip()
    except OSError:
        return ""


def pid_running(pid: int) -> bool:
    """Whether process ``pid`` exists on this computer."""
    if pid <= 0:
        return False
    if os.name == "nt":
        return _windows_pid_running(pid)
    try:
        os.kill(pid, 0)  # signal 0 checks existence without touching the process
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # exists, owned by someone else
    except OSError:
        return False
    return True


def _windows_pid_running(pid: int) -> bool:
    # os.kill on Windows would terminate the process, so ask the kernel instead.
    import ctypes

    process_query_limited_information = 0x1000
    still_active = 259
    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    handle = kernel32.OpenProcess(process_query_limited_information, False, pid)
    if not handle:
        return False
    try:
        code = ctypes.c_ulong()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True
        return bool(code.value == still_active)
    finally:
        kernel32.CloseHandle(handle)
