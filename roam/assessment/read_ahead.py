"""A head start on reading an assessment file, in a second process, while the TUI starts.

A file changed since roam last read it (a merge, a text editor, a command that
wrote it) must be parsed, validated and scored before its first screen: about
180 ms for the demo, all of it on the one core that is also importing Textual.
``roam assess FILE`` therefore forks before it imports the TUI or Pydantic (telling
whether the cache holds the file as it is needs neither: :mod:`roam.assessment.file_format`);
the child reads the file into roam's cache of validated files (and its scores
beside it) on another core, and the parent's own reading, which waits for the
child, finds it there (see :mod:`roam.framework.validated_cache`).

The child is only a head start.  The parent reads the file exactly as it would
without it: a file with errors, a child that failed, was killed or is too slow
all end in the parent parsing the file itself and reporting what it finds.  The
child never writes to the terminal, and nothing it does is needed.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import selectors
import signal
import sys
import time
from dataclasses import dataclass
from pathlib import Path

# Far above any file roam accepts (8 MiB reads in about 5 s); past it the child is
# killed and the parent reads the file itself.
WAIT_SECONDS = 60.0


@dataclass(slots=True)
class ReadAhead:
    """A child reading ``path``; ``peak_kib`` is its peak memory once it has ended."""

    path: Path
    pid: int
    done: int  # read end of a pipe whose write end only the child holds: EOF when it ends
    exit_status: int | None = None
    peak_kib: int | None = None
    waited: float = 0.0  # seconds the reader waited for the child to end


_pending: dict[Path, ReadAhead] = {}
# ru_maxrss is in KiB on Linux and the BSDs, in bytes on macOS.
_MAXRSS_PER_KIB = 1024 if sys.platform == "darwin" else 1


def start_read_ahead(path: Path) -> ReadAhead | None:
    """Fork a child that reads ``path`` into the cache, when that can help; None if not.

    It helps only where a fork is possible, a second CPU can run it, the cache is
    on, and the cache does not hold this file's reading already (the usual case,
    which costs one hash of the file here and saves nothing).
    """
    if not hasattr(os, "fork") or _usable_cpus() < 2 or not path.is_file():
        return None
    pending_key = _pending_key(path)
    if pending_key in _pending:
        return _pending[pending_key]
    from roam.assessment.file_format import reading_key_of
    from roam.framework.validated_cache import holds

    cache_key = reading_key_of(path)
    if cache_key is None or holds(cache_key):
        return None
    done, child_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child's coverage is not collected
        os.close(done)
        _read_in_child(path)
    os.close(child_end)
    handle = ReadAhead(path=path, pid=pid, done=done)
    _pending[pending_key] = handle
    return handle


def finish_read_ahead(path: Path) -> ReadAhead | None:
    """Wait for the child reading ``path``, if there is one, so its work is in the cache."""
    handle = _pending.pop(_pending_key(path), None)
    if handle is not None:
        _finish(handle)
    return handle


def _finish(handle: ReadAhead) -> None:
    began = time.perf_counter()
    try:
        with selectors.DefaultSelector() as selector:  # select() alone fails above fd 1023
            selector.register(handle.done, selectors.EVENT_READ)
            if not selector.select(WAIT_SECONDS):
                with contextlib.suppress(ProcessLookupError):
                    os.kill(handle.pid, signal.SIGKILL)
    finally:
        os.close(handle.done)
        handle.waited = time.perf_counter() - began
    with contextlib.suppress(ChildProcessError):  # already reaped (SIGCHLD ignored)
        _, handle.exit_status, usage = os.wait4(handle.pid, 0)
        handle.peak_kib = usage.ru_maxrss // _MAXRSS_PER_KIB


@atexit.register
def _stop_all() -> None:
    """At exit, end the children of files never opened: their work would be wasted."""
    for handle in list(_pending.values()):
        with contextlib.suppress(ProcessLookupError):
            os.kill(handle.pid, signal.SIGKILL)
        _finish(handle)
    _pending.clear()


def _read_in_child(path: Path) -> None:  # pragma: no cover - runs in the forked child
    status = 1
    try:
        for sibling in _pending.values():  # started before this one: the parent's to wait for
            os.close(sibling.done)
        _pending.clear()
        # The TUI owns the terminal, and a ctrl+c meant for it must not stop a
        # store half way (the cache's writes are atomic, so it would only waste it).
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        quiet = os.open(os.devnull, os.O_RDWR)
        for stream in (0, 1, 2):
            os.dup2(quiet, stream)
        from roam.assessment.loader import read_assessment
        from roam.scoring.remembered import score_of_file

        loaded = read_assessment(path, cache=True)
        score_of_file(loaded.assessment, loaded.framework, loaded.sha256)
        status = 0
    except BaseException:  # the parent reads the file itself and reports what is wrong
        pass
    finally:
        # os._exit: no atexit handlers, no flushing of buffers copied from the parent.
        os._exit(status)


def _usable_cpus() -> int:
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _pending_key(path: Path) -> Path:
    with contextlib.suppress(OSError):
        return path.resolve()
    return path.absolute()
