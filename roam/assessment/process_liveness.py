"""Whether a process still runs, by its id: how lock records without an OS lock are judged.

Lock records written by roam versions that kept no OS lock name only a process
id (and, on Linux, the boot).  A process id can be reused after the holder
ends, so these checks can take a dead lock for a live one; records with an OS
lock (:mod:`roam.assessment.lock`) do not depend on them.
"""

from __future__ import annotations

import os
from pathlib import Path


def boot_id() -> str:
    """Changes at every restart (Linux only); judges records of roam versions without OS locks."""
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
    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined,unused-ignore]
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
