"""Stale locks are told from live ones on every OS, through any path, on any file system."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest

from roam.assessment import lock as lock_module
from roam.assessment.editing_session import open_assessment
from roam.assessment.lock import AssessmentLock, LockedError, LockInfo, lock_path, read_lock
from roam.assessment.storage import save_assessment
from roam.framework.model import Framework
from tests.helpers.assessment_builders import lock_left_by_a_dead_process, small_assessment


@pytest.fixture
def saved(tmp_path: Path, mini: Framework) -> Path:
    path = tmp_path / "kenya.yaml"
    save_assessment(small_assessment(mini), path, mini)
    return path


def _give_the_pid_to_a_live_process(path: Path) -> int:
    """What a crash followed by PID reuse leaves: the record names a process that runs."""
    record = json.loads(lock_path(path).read_text(encoding="utf-8"))
    record["pid"] = os.getppid()  # the process that started the tests: alive
    lock_path(path).write_text(json.dumps(record), encoding="utf-8")
    return int(record["pid"])


def test_a_stale_lock_whose_pid_was_reused_can_be_broken(saved: Path, mini: Framework) -> None:
    lock_left_by_a_dead_process(saved)
    reused = _give_the_pid_to_a_live_process(saved)

    with pytest.raises(LockedError) as caught:
        open_assessment(saved, mini)

    assert caught.value.state == "gone" and caught.value.breakable
    message = str(caught.value)
    assert f"process {reused}" in message and "no longer running" in message
    assert "--break-lock" in message  # says how to recover
    with open_assessment(saved, mini, break_lock=True) as opened:
        opened.save()
    assert not lock_path(saved).exists()


def test_a_lock_left_before_a_restart_is_stale_where_no_boot_id_exists(
    saved: Path, mini: Framework, monkeypatch: pytest.MonkeyPatch
) -> None:
    # macOS and Windows have no /proc boot id: only the OS lock can tell.
    monkeypatch.setattr(lock_module, "boot_id", lambda: "")
    lock_left_by_a_dead_process(saved)
    _give_the_pid_to_a_live_process(saved)

    holder = read_lock(saved)
    assert holder is not None and holder.holder_state(saved) == "gone"
    # A plain save is not stopped by it either: nobody is editing.
    save_assessment(small_assessment(mini, justification="after the restart"), saved, mini)
    assert "after the restart" in saved.read_text(encoding="utf-8")


def test_a_live_holder_stays_live_for_read_only_readers(saved: Path, mini: Framework) -> None:
    with AssessmentLock(saved):
        holder = read_lock(saved)
        assert holder is not None and holder.os_lock
        assert holder.holder_state(saved) == "running"
        with pytest.raises(LockedError, match="close it there first"):
            AssessmentLock(saved, break_lock=True).acquire()


def test_a_symbolic_link_to_a_locked_file_is_locked_too(saved: Path, mini: Framework) -> None:
    link = saved.with_name("link.yaml")
    link.symlink_to(saved.name)
    dotted = saved.parent / "sub" / ".." / saved.name
    saved.with_name("sub").mkdir()
    with AssessmentLock(saved):
        for other in (link, dotted):
            with pytest.raises(LockedError):
                open_assessment(other, mini)
    assert read_lock(link) is None


def test_a_plain_save_through_a_link_respects_the_lock(saved: Path, mini: Framework) -> None:
    foreign = {
        "pid": 1,  # process 1 always runs; a record without an OS lock is judged by pid
        "host": lock_module.socket.gethostname(),
        "user": "ana",
        "time": "2024-05-01T10:00:00+03:00",
        "token": "theirs",
        "boot": lock_module.boot_id(),
    }
    lock_path(saved).write_text(json.dumps(foreign), encoding="utf-8")
    link = saved.with_name("link.yaml")
    link.symlink_to(saved)
    before = saved.read_bytes()

    with pytest.raises(LockedError, match="user ana"):
        save_assessment(small_assessment(mini, justification="bypass"), link, mini)

    assert saved.read_bytes() == before


def test_a_lock_put_back_where_hard_links_fail(
    saved: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """FAT/exFAT: breaking a lock that a fresh session just replaced restores that session's."""

    def no_links(source: object, target: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    fresh = AssessmentLock(saved)
    fresh.acquire()
    judged = LockInfo(pid=99, host="h", user="old", time="2024-05-01T10:00:00", token="old")
    breaker = AssessmentLock(saved, break_lock=True)

    with pytest.raises(LockedError):
        breaker._break(judged)  # the record on disk is not the one judged stale

    assert read_lock(saved) == fresh.info
    fresh.release()
    assert not lock_path(saved).exists()


def test_the_lock_record_is_written_in_binary(saved: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    opened_flags: list[int] = []
    real_open = os.open

    def recording_open(path: object, flags: int, mode: int = 0o777, **kw: object) -> int:
        if Path(str(path)).name == lock_path(saved).name:  # the record, not filelock's file
            opened_flags.append(flags)
        return real_open(path, flags & ~0x40000000, mode, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "O_BINARY", 0x40000000, raising=False)
    monkeypatch.setattr(os, "open", recording_open)
    with AssessmentLock(saved):
        pass
    assert opened_flags and all(flags & 0x40000000 for flags in opened_flags)
