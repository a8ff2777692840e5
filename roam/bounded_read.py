"""Reading a file a user named, never more than a limit, and only if it is a regular file.

The size a file's metadata states is not trusted: ``/dev/zero`` states 0 bytes and
never ends, and a file can grow between the check and the read.  So at most
``limit + 1`` bytes are read, whatever the metadata says, and the caller refuses
a file that filled them.  Named pipes, devices and sockets are refused before
they are read (opening a FIFO would wait for a writer), and again after opening,
in case the name was swapped in between.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

_CHUNK = 1024 * 1024
# O_NONBLOCK keeps open() from waiting on a FIFO swapped in after the first check;
# O_BINARY matters on Windows only.  Either flag is 0 where the platform lacks it.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0)


class NotRegularFileError(OSError):
    """The path names a named pipe, a device or a socket, not a file with contents."""

    def __init__(self, kind: str) -> None:
        super().__init__(f"is {kind}, not a regular file")
        self.kind = kind


def read_at_most(path: str | Path, limit: int) -> bytes:
    """The first ``limit + 1`` bytes of the regular file ``path`` (all of it if smaller).

    A result longer than ``limit`` means the file is over the limit.  Raises
    :class:`NotRegularFileError` for anything but a regular file or a folder, and the
    usual :class:`OSError` subclasses (``FileNotFoundError``, ``IsADirectoryError``,
    ``PermissionError``) otherwise.
    """
    _check_kind(os.stat(path).st_mode, path)
    descriptor = os.open(path, _OPEN_FLAGS)
    try:
        _check_kind(os.fstat(descriptor).st_mode, path)
        chunks: list[bytes] = []
        wanted = limit + 1
        while wanted > 0:
            chunk = os.read(descriptor, min(wanted, _CHUNK))
            if not chunk:
                break
            chunks.append(chunk)
            wanted -= len(chunk)
        return b"".join(chunks)
    finally:
        os.close(descriptor)


def size_over(path: str | Path, limit: int) -> str:
    """How large a file found over ``limit`` is, for a message: its size, if it states one."""
    try:
        size = os.stat(path).st_size
    except OSError:
        size = 0
    return f"{size:,} bytes" if size > limit else f"more than {limit:,} bytes"


def _check_kind(mode: int, path: str | Path) -> None:
    if stat.S_ISREG(mode):
        return
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(f"{path} is a folder")
    raise NotRegularFileError(_kind(mode))


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"
