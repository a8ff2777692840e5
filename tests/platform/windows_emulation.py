"""Windows' Python, as far as roam can tell, on Linux.

What this emulates (what makes a program written on Linux fail on Windows):

- ``os.open`` without ``os.O_BINARY`` gives a *text-mode* descriptor: ``os.write``
  turns every ``\\n`` into ``\\r\\n`` (and ``os.read`` turns ``\\r\\n`` back into ``\\n``).
  ``os.O_BINARY`` exists; ``tempfile.mkstemp`` adds it, as it does on Windows.
- Text-mode ``open`` (and ``Path.write_text``) writes ``\\r\\n`` unless ``newline=`` is
  given, and without ``encoding=`` reads and writes cp1252, the usual Windows code page.
- ``signal`` has no SIGHUP, SIGQUIT, SIGUSR1/2, SIGALRM, SIGKILL ... (in a terminal
  session, the few that Textual's Linux driver needs stay: it stands in for Textual's
  Windows driver, which is not roam's code).
- ``os`` has no ``fork``, no ``getuid``/``geteuid`` (POSIX users), no ``fchmod`` (until
  Python 3.13), no ``O_NOFOLLOW``; ``fcntl``, ``pwd``, ``grp`` and ``resource`` cannot be
  imported; ``/proc`` does not exist; ``getpass.getuser`` finds no login name.

What it cannot change: ``os.name`` and ``sys.platform`` still say Linux (the standard
library chooses its own code paths by them), so code that branches on the platform's
name takes the Linux branch. roam should test capabilities instead, and does.  Not
emulated either: a text-mode descriptor handed to ``open(fd, "wb")`` (roam writes
descriptors with ``os.write`` only), and Windows' refusal to replace or delete a file
that another process holds open.

Tests apply it with ``emulate_windows(monkeypatch)``; a child process (the TUI in tmux)
gets it from ``sitecustomize.py`` in :func:`child_environment`'s folder.
"""

from __future__ import annotations

import builtins
import contextlib
import importlib.abc
import io
import os
import signal
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

# Windows' value is 0x8000, which Linux may use for O_LARGEFILE; any bit Linux ignores
# will do, as long as it is taken off again before the real open.
O_BINARY = 1 << 30
WINDOWS_SIGNALS = frozenset(
    {"SIGABRT", "SIGFPE", "SIGILL", "SIGINT", "SIGSEGV", "SIGTERM", "SIGBREAK"}
)
# What Textual's Linux driver uses; kept in a real terminal (see the module docstring).
TEXTUAL_DRIVER_SIGNALS = frozenset(
    {"SIGTSTP", "SIGCONT", "SIGSTOP", "SIGTTOU", "SIGTTIN", "SIGWINCH"}
)
MISSING_OS_NAMES = (
    "fork",
    "forkpty",
    "getuid",
    "geteuid",
    "getgid",
    "getegid",
    "getpgid",
    "killpg",
    "setsid",
    "fchmod",
    "fchown",
    "chown",
    "lchown",
    "mkfifo",
    "uname",
    "O_NOFOLLOW",
    "wait3",
    "wait4",
)
MISSING_MODULES = frozenset({"fcntl", "pwd", "grp", "resource"})
LOGIN_VARIABLES = ("LOGNAME", "USER", "LNAME", "USERNAME")


class Patcher(Protocol):
    """What emulate_windows needs of pytest's MonkeyPatch."""

    def setattr(self, target: object, name: str, value: object, raising: bool = True) -> None: ...

    def delattr(self, target: object, name: str) -> None: ...

    def setitem(self, mapping: Any, name: str, value: object) -> None: ...

    def delitem(self, mapping: Any, name: str) -> None: ...

    def delenv(self, name: str, raising: bool = True) -> None: ...


class _NoSuchModule(importlib.abc.MetaPathFinder):
    def find_spec(self, fullname: str, path: Sequence[str] | None, target: Any = None) -> None:
        if fullname in MISSING_MODULES:
            raise ModuleNotFoundError(f"No module named {fullname!r}", name=fullname)


def _under_proc(file: object) -> bool:
    if isinstance(file, int):
        return False
    try:
        text = os.fsdecode(file)  # type: ignore[arg-type]
    except TypeError:
        return False
    return text == "/proc" or text.startswith("/proc/")


def emulate_windows(patch: Patcher, *, in_terminal: bool = False) -> None:
    """Make this process look like Windows' Python to roam (undone by ``patch``)."""
    # Libraries that choose their POSIX code by sys.platform take their Windows code on
    # Windows; here they are loaded before the POSIX names go (platformdirs imports
    # os.getuid when it is first imported; filelock would fall back to a soft lock
    # without fcntl, where on Windows it locks with msvcrt).
    import platformdirs.unix  # noqa: F401

    with contextlib.suppress(ImportError):
        import filelock  # noqa: F401

    text_mode: set[int] = set()
    real_open, real_write, real_read, real_close = os.open, os.write, os.read, os.close
    real_io_open = io.open

    def windows_open(path: Any, flags: int, mode: int = 0o777, *, dir_fd: Any = None) -> int:
        if _under_proc(path):
            raise FileNotFoundError(2, "No such file or directory", os.fsdecode(path))
        descriptor = real_open(path, flags & ~O_BINARY, mode, dir_fd=dir_fd)
        if not flags & O_BINARY:
            text_mode.add(descriptor)
        else:
            text_mode.discard(descriptor)
        return descriptor

    def windows_write(descriptor: int, data: Any) -> int:
        if descriptor not in text_mode:
            return real_write(descriptor, data)
        raw = bytes(data)
        translated = raw.replace(b"\n", b"\r\n")
        written = 0
        while written < len(translated):
            written += real_write(descriptor, translated[written:])
        return len(raw)  # the CRT reports the caller's bytes, not the ones on disk

    def windows_read(descriptor: int, size: int) -> bytes:
        data = real_read(descriptor, size)
        return data.replace(b"\r\n", b"\n") if descriptor in text_mode else data

    def windows_close(descriptor: int) -> None:
        text_mode.discard(descriptor)
        real_close(descriptor)

    def windows_io_open(  # noqa: PLR0917 (open's own signature)
        file: Any,
        mode: str = "r",
        buffering: int = -1,
        encoding: str | None = None,
        errors: str | None = None,
        newline: str | None = None,
        closefd: bool = True,
        opener: Any = None,
    ) -> Any:
        if _under_proc(file):
            raise FileNotFoundError(2, "No such file or directory", os.fsdecode(file))
        if "b" not in mode:
            if encoding in (None, "locale"):  # pathlib passes "locale" for None
                encoding = "cp1252"
            if newline is None and any(letter in mode for letter in "wax+"):
                newline = "\r\n"
        return real_io_open(file, mode, buffering, encoding, errors, newline, closefd, opener)

    patch.setattr(os, "O_BINARY", O_BINARY, raising=False)
    patch.setattr(os, "open", windows_open)
    patch.setattr(os, "write", windows_write)
    patch.setattr(os, "read", windows_read)
    patch.setattr(os, "close", windows_close)
    patch.setattr(tempfile, "_bin_openflags", tempfile._bin_openflags | O_BINARY)  # type: ignore[attr-defined]
    patch.setattr(io, "open", windows_io_open)
    patch.setattr(builtins, "open", windows_io_open)
    for name in MISSING_OS_NAMES:
        if hasattr(os, name):
            patch.delattr(os, name)
    kept = WINDOWS_SIGNALS | (TEXTUAL_DRIVER_SIGNALS if in_terminal else frozenset())
    for name in dir(signal):
        if name.startswith("SIG") and not name.startswith("SIG_") and name not in kept:
            patch.delattr(signal, name)
    for name in MISSING_MODULES:
        if name in sys.modules:
            patch.delitem(sys.modules, name)
    patch.setattr(sys, "meta_path", [_NoSuchModule(), *sys.meta_path])
    for name in LOGIN_VARIABLES:
        patch.delenv(name, raising=False)


class _ForGood:
    """A Patcher for a whole child process: nothing is undone."""

    def setattr(self, target: object, name: str, value: object, raising: bool = True) -> None:
        setattr(target, name, value)

    def delattr(self, target: object, name: str) -> None:
        delattr(target, name)

    def setitem(self, mapping: Any, name: str, value: object) -> None:
        mapping[name] = value

    def delitem(self, mapping: Any, name: str) -> None:
        del mapping[name]

    def delenv(self, name: str, raising: bool = True) -> None:
        os.environ.pop(name, None)


def emulate_windows_for_good() -> None:
    """For sitecustomize: the whole child process runs as if on Windows."""
    import asyncio  # noqa: F401  (bound to the real modules before they lose names)

    import textual.drivers.linux_driver  # noqa: F401

    emulate_windows(_ForGood(), in_terminal=True)


SITECUSTOMIZE = f"""\
import sys
sys.path.insert(0, {str(Path(__file__).parent)!r})
from windows_emulation import emulate_windows_for_good
emulate_windows_for_good()
"""


def child_environment(folder: Path) -> dict[str, str]:
    """Environment variables under which a Python child process starts emulated."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "sitecustomize.py").write_bytes(SITECUSTOMIZE.encode("utf-8"))
    path = os.environ.get("PYTHONPATH")
    return {"PYTHONPATH": str(folder) if not path else f"{folder}{os.pathsep}{path}"}
