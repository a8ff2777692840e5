"""One editor at a time: the second opener learns who has the file and may read it."""

from __future__ import annotations

import json
import os
import socket
from pathlib import Path

import pytest

from roam.assessment.editing_session import ReadOnlyError, open_assessment
from roam.assessment.lock import (
    AssessmentLock,
    LockedError,
    boot_id,
    lock_path,
    os_lock_path,
    read_lock,
)
from roam.assessment.storage import save_assessment
from roam.errors import RoamError, SourceError
from roam.framework.model import Framework
from tests.helpers.assessment_builders import lock_left_by_a_dead_process, small_assessment


@pytest.fixture
def saved(tmp_path: Path, mini: Framework) -> Path:
    path = tmp_path / "kenya.yaml"
    save_assessment(small_assessment(mini), path, mini)
    return path


def test_second_opener_is_told_who_holds_the_file(saved: Path, mini: Framework) -> None:
    with open_assessment(saved, mini), pytest.raises(LockedError) as caught:
        open_assessment(saved, mini)
    error = caught.value
    assert isinstance(error, RoamError)
    message = str(error)
    assert f"process {os.getpid()}" in message
    assert f"host {socket.gethostname()}" in message
    assert "since " in message
    assert "read-only" in message
    assert error.holder is not None and error.holder.pid == os.getpid()
    assert not error.breakable  # the holder (this process) is running


def test_lock_file_says_who_and_since_when(saved: Path, mini: Framework) -> None:
    with open_assessment(saved, mini):
        data = json.loads(lock_path(saved).read_text(encoding="utf-8"))
        assert lock_path(saved).name == ".kenya.yaml.lock"
    assert data["pid"] == os.getpid()
    assert data["host"] == socket.gethostname()
    assert data["user"]
    assert data["time"][:2] == "20"


def test_read_only_session_reads_but_refuses_to_save(saved: Path, mini: Framework) -> None:
    with open_assessment(saved, mini) as editor:
        reader = open_assessment(saved, mini, read_only=True)
        assert reader.assessment == editor.assessment
        assert reader.locked_by is not None and reader.locked_by.pid == os.getpid()
        before = saved.read_bytes()
        reader.assessment.answers["R.A.1.a"].justification = "changed"
        with pytest.raises(ReadOnlyError, match="read-only"):
            reader.save()
        assert saved.read_bytes() == before
        reader.close()
        assert lock_path(saved).exists()  # closing a reader leaves the editor's lock alone


def test_lock_is_released_on_close_and_on_error(saved: Path, mini: Framework) -> None:
    with open_assessment(saved, mini):
        assert lock_path(saved).exists()
    assert not lock_path(saved).exists()
    with pytest.raises(ZeroDivisionError), open_assessment(saved, mini):
        1 / 0  # noqa: B018
    assert not lock_path(saved).exists()
    open_assessment(saved, mini).close()  # can be opened again


def test_closed_session_refuses_to_save(saved: Path, mini: Framework) -> None:
    opened = open_assessment(saved, mini)
    opened.close()
    with pytest.raises(ReadOnlyError, match="closed"):
        opened.save()


def test_opening_a_bad_file_does_not_leave_a_lock(tmp_path: Path, mini: Framework) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("- not a mapping\n", encoding="utf-8")
    with pytest.raises(RoamError):
        open_assessment(path, mini)
    assert not lock_path(path).exists()


def test_stale_lock_is_reported_and_can_be_broken(saved: Path, mini: Framework) -> None:
    dead = lock_left_by_a_dead_process(saved)
    with pytest.raises(LockedError) as caught:
        open_assessment(saved, mini)
    assert caught.value.breakable
    assert f"process {dead}" in str(caught.value)
    assert "no longer running" in str(caught.value)
    with open_assessment(saved, mini, break_lock=True) as opened:
        holder = read_lock(saved)
        assert holder is not None and holder.pid == os.getpid()
        opened.save()
    assert not lock_path(saved).exists()


def test_a_live_lock_is_not_broken(saved: Path, mini: Framework) -> None:
    with open_assessment(saved, mini), pytest.raises(LockedError, match="close it there first"):
        open_assessment(saved, mini, break_lock=True)


def test_unreadable_lock_file_can_be_broken(saved: Path, mini: Framework) -> None:
    lock_path(saved).write_text("{not json", encoding="utf-8")
    with pytest.raises(LockedError, match="unreadable"):
        open_assessment(saved, mini)
    open_assessment(saved, mini, break_lock=True).close()
    assert not lock_path(saved).exists()


def test_lock_from_another_host_may_be_broken_at_the_users_word(saved: Path) -> None:
    foreign = {
        "pid": 1,
        "host": "some-other-computer",
        "user": "ana",
        "time": "2024-05-01T10:00:00+03:00",
        "token": "x",
    }
    lock_path(saved).write_text(json.dumps(foreign), encoding="utf-8")
    with pytest.raises(LockedError) as caught:
        AssessmentLock(saved).acquire()
    assert "user ana on host some-other-computer" in str(caught.value)
    assert "2024-05-01 10:00" in str(caught.value)
    with AssessmentLock(saved, break_lock=True):
        assert read_lock(saved).host == socket.gethostname()  # type: ignore[union-attr]


def test_a_broken_lock_is_not_removed_by_its_old_holder(saved: Path) -> None:
    first = AssessmentLock(saved)
    first.acquire()
    lock_path(saved).unlink()  # someone removed the lock files by hand ...
    os_lock_path(saved).unlink()
    second = AssessmentLock(saved)
    second.acquire()  # ... and another session took the file
    first.release()
    assert read_lock(saved) == second.info
    second.release()
    assert not lock_path(saved).exists()


def _foreign_lock(path: Path, pid: int) -> None:
    """A lock file as another process on this computer would write it."""
    holder = {
        "pid": pid,
        "host": socket.gethostname(),
        "user": "ana",
        "time": "2024-05-01T10:00:00+03:00",
        "token": "theirs",
        "boot": boot_id(),
    }
    lock_path(path).write_text(json.dumps(holder), encoding="utf-8")


def test_plain_save_does_not_overwrite_a_file_open_elsewhere(saved: Path, mini: Framework) -> None:
    _foreign_lock(saved, 1)  # process 1 always runs
    before = saved.read_bytes()
    with pytest.raises(LockedError, match="user ana"):
        save_assessment(small_assessment(mini, justification="other"), saved, mini)
    assert saved.read_bytes() == before


def test_plain_save_ignores_a_stale_lock(saved: Path, mini: Framework) -> None:
    lock_left_by_a_dead_process(saved)
    save_assessment(small_assessment(mini, justification="other"), saved, mini)
    assert "other" in saved.read_text(encoding="utf-8")


def test_opening_a_missing_file_says_so_and_leaves_no_lock(tmp_path: Path, mini: Framework) -> None:
    with pytest.raises(SourceError, match="file not found"):
        open_assessment(tmp_path / "missing.yaml", mini)
    assert list(tmp_path.iterdir()) == []
