"""Save as and the recovery file, without a terminal: what the TUI relies on."""

from __future__ import annotations

from pathlib import Path

import pytest

from roam.assessment.create import new_assessment
from roam.assessment.editing_session import SaveAsError, open_assessment
from roam.assessment.loader import load_assessment
from roam.assessment.lock import AssessmentLock, LockedError, lock_path
from roam.assessment.recovery import (
    discard_recovery,
    find_recovery,
    recovery_path,
    recovery_paths,
    write_recovery,
)
from roam.assessment.storage import save_assessment
from roam.errors import RoamError
from roam.framework.model import Framework
from tests.helpers.assessment_builders import CREATED, small_assessment
from tests.helpers.files import MINI_FRAMEWORK


@pytest.fixture
def saved(tmp_path: Path, mini: Framework) -> Path:
    path = tmp_path / "kenya.yaml"
    save_assessment(small_assessment(mini), path, mini)
    return path


def test_save_as_moves_the_session_and_its_lock_to_the_new_file(
    saved: Path, mini: Framework
) -> None:
    before = saved.read_bytes()
    target = saved.with_name("kenya-copy.yaml")
    with open_assessment(saved, mini) as opened:
        opened.assessment.answer("R.A.1.a").justification = "Changed after the save as."
        opened.save_as(target)
        assert opened.path == target
        assert lock_path(target).exists() and not lock_path(saved).exists()
        opened.assessment.answer("O.A.1.a").justification = "Then edited there."
        opened.save()
    assert not lock_path(target).exists()
    assert saved.read_bytes() == before  # the old file as it last was
    copy = load_assessment(target, mini)
    assert copy.answers["R.A.1.a"].justification == "Changed after the save as."
    assert copy.answers["O.A.1.a"].justification == "Then edited there."
    assert not target.with_name("kenya-copy.yaml.bak").exists()  # a new file has no past


def test_save_as_never_overwrites(saved: Path, mini: Framework, tmp_path: Path) -> None:
    other = tmp_path / "ghana.yaml"
    save_assessment(small_assessment(mini, "Ghana's own."), other, mini)
    notes = tmp_path / "notes.txt"
    notes.write_bytes(b"not an assessment\n")
    held = tmp_path / "held.yaml"
    with open_assessment(saved, mini) as opened, AssessmentLock(held):
        with pytest.raises(SaveAsError, match="already exists \\(another assessment\\)"):
            opened.save_as(other)
        with pytest.raises(SaveAsError, match="already exists \\(a file\\)"):
            opened.save_as(notes)
        with pytest.raises(SaveAsError, match="the file already open"):
            opened.save_as(saved)
        with pytest.raises(SaveAsError, match="does not exist"):
            opened.save_as(tmp_path / "missing" / "x.yaml")
        with pytest.raises(LockedError):
            opened.save_as(held)
        assert opened.path == saved and lock_path(saved).exists()
    assert load_assessment(other, mini).answers["R.A.1.a"].justification == "Ghana's own."
    assert notes.read_bytes() == b"not an assessment\n"
    assert not held.exists()


def test_save_as_into_another_folder_keeps_a_relative_framework_reachable(
    tmp_path: Path, mini: Framework
) -> None:
    path = tmp_path / "kenya.yaml"
    assessment = new_assessment(
        mini, country="Kenya", iso="KEN", scope="full", path=path, created=CREATED
    )
    save_assessment(assessment, path, mini)
    assert assessment.framework.path is not None
    assert not Path(assessment.framework.path).is_absolute()
    deeper = tmp_path / "copies" / "2025"
    deeper.mkdir(parents=True)
    with open_assessment(path) as opened:
        opened.save_as(deeper / "kenya.yaml")
    reopened = load_assessment(deeper / "kenya.yaml")  # finds the edition by itself
    assert reopened.framework.path is not None
    assert (deeper / reopened.framework.path).resolve() == MINI_FRAMEWORK.resolve()


def test_recovery_files_are_numbered_and_compared_with_the_file(
    saved: Path, mini: Framework
) -> None:
    with open_assessment(saved, mini) as opened:
        current = opened.assessment
        changed = current.model_copy(deep=True)
        changed.answer("R.A.1.a").justification = "Typed before the stop."
        assert write_recovery(saved, changed, mini) == recovery_path(saved)
        changed.answer("O.A.1.a").status = "not_applicable"
        second = write_recovery(saved, changed, mini)
        assert second.name == "kenya.yaml.recovery-2"
        assert recovery_paths(saved) == [recovery_path(saved), second]
        found = find_recovery(saved, current, mini)
        assert found is not None and found.path == recovery_path(saved)
        assert found.changed_codes == ("R.A.1.a",)
        assert "1 answer that differs from the file: R.A.1.a" in found.describe()
        discard_recovery(found)
        found = find_recovery(saved, current, mini)
        assert found is not None and found.path == second
        assert found.changed_codes == ("O.A.1.a", "R.A.1.a")
        discard_recovery(found)
        assert find_recovery(saved, current, mini) is None


def test_an_unreadable_recovery_file_is_named_and_left_alone(saved: Path, mini: Framework) -> None:
    broken = recovery_path(saved)
    broken.write_bytes(b"country: [unclosed\n")
    with (
        open_assessment(saved, mini) as opened,
        pytest.raises(RoamError, match=r"kenya\.yaml\.recovery: a recovery file"),
    ):
        find_recovery(saved, opened.assessment, mini)
    assert broken.read_bytes() == b"country: [unclosed\n"
