"""A save killed at any instant leaves the old file or the new one, whole; never a mix."""

from __future__ import annotations

import os
import random
import subprocess
import sys
import time
from pathlib import Path

import pytest

from roam.assessment.editing_session import open_assessment
from roam.assessment.loader import load_assessment
from roam.assessment.model import Assessment
from roam.assessment.storage import (
    SaveError,
    assessment_yaml,
    backup_path,
    save_assessment,
    write_atomically,
)
from roam.framework.model import Framework
from tests.helpers.assessment_builders import small_assessment
from tests.helpers.files import MINI_FRAMEWORK

# Each kill starts a writer process (most of a second): enough to hit every step.
KILLS = 40


def _two_versions(mini: Framework) -> tuple[Assessment, Assessment]:
    old = small_assessment(mini, justification="Old version.\n" * 40)
    new = small_assessment(mini, justification="New version, longer.\n" * 90)
    new.answers["R.B.1.a"] = new.answers["R.A.2.a"].model_copy(update={"value": 7.0})
    return old, new


# The writer process: says it is ready, then saves the two versions in turn until killed.
_WRITER = """
import sys
from pathlib import Path
from roam.assessment.loader import load_assessment
from roam.assessment.storage import save_assessment
from roam.framework.loader import load_framework

mini = load_framework(sys.argv[1])
path, versions = Path(sys.argv[2]), [load_assessment(v, mini) for v in sys.argv[3:]]
sys.stdout.write("!")
sys.stdout.flush()
while True:
    for version in versions:
        save_assessment(version, path, mini)
"""


def _start_writer(path: Path, versions: tuple[Path, Path]) -> subprocess.Popen[bytes]:
    """A writer in a process of its own, once it is ready to save."""
    writer = subprocess.Popen(
        [sys.executable, "-c", _WRITER, str(MINI_FRAMEWORK), str(path), *map(str, versions)],
        stdout=subprocess.PIPE,
    )
    assert writer.stdout is not None and writer.stdout.read(1) == b"!"
    return writer


def _time_of_one_save(path: Path, version: Assessment, mini: Framework) -> float:
    start = time.perf_counter()
    for _ in range(5):
        save_assessment(version, path, mini)
    return (time.perf_counter() - start) / 5


@pytest.mark.slow
def test_killed_writer_leaves_old_or_new_file_whole(tmp_path: Path, mini: Framework) -> None:
    old, new = _two_versions(mini)
    path = tmp_path / "kenya.yaml"
    sources = (tmp_path / "new.yaml", tmp_path / "old.yaml")
    save_assessment(new, sources[0], mini)
    save_assessment(old, sources[1], mini)
    # Kills spread over about three saves land at every step of one: while the
    # temporary file is written, around the replace, while the backup is made.
    spread = 3 * _time_of_one_save(path, old, mini)
    texts = {"old": assessment_yaml(old, mini), "new": assessment_yaml(new, mini)}
    left = {"old": 0, "new": 0}
    rng = random.Random(20240501)
    for _ in range(KILLS):
        # Each writer starts from the old file: left as the last writer left it, a
        # file holding the new version stays new until a writer's second replace,
        # which a writer's slow first save (in a fresh process) can push past `spread`.
        save_assessment(old, path, mini)
        writer = _start_writer(path, sources)
        time.sleep(rng.uniform(0, spread))
        writer.kill()
        writer.wait()
        text = path.read_text(encoding="utf-8")
        assert text in texts.values()
        left["old" if text == texts["old"] else "new"] += 1
        assert load_assessment(path, mini) in (old, new)
        backup = backup_path(path)
        if backup.exists():
            assert backup.read_text(encoding="utf-8") in texts.values()
    # Both outcomes happened, so the kills did fall before and after replaces.
    assert left["old"] > 0 and left["new"] > 0, left


def test_save_keeps_the_previous_version_as_bak(tmp_path: Path, mini: Framework) -> None:
    old, new = _two_versions(mini)
    path = tmp_path / "kenya.yaml"
    save_assessment(old, path, mini)
    assert not backup_path(path).exists()
    save_assessment(new, path, mini)
    assert load_assessment(backup_path(path), mini) == old
    assert load_assessment(path, mini) == new


def test_failed_save_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, mini: Framework, monkeypatch: pytest.MonkeyPatch
) -> None:
    old, new = _two_versions(mini)
    path = tmp_path / "kenya.yaml"
    save_assessment(old, path, mini)
    before = path.read_bytes()

    def disk_full(descriptor: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(SaveError, match="No space left on device; the previous version"):
        save_assessment(new, path, mini, backup=False)
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kenya.yaml"]


@pytest.mark.skipif(os.name == "nt", reason="POSIX permission bits")
def test_save_keeps_the_file_permissions(tmp_path: Path) -> None:
    path = tmp_path / "private.yaml"
    path.write_text("old\n", encoding="utf-8")
    path.chmod(0o600)
    write_atomically(path, b"new\n")
    assert path.stat().st_mode & 0o777 == 0o600
    assert path.read_bytes() == b"new\n"


def test_save_through_a_symlink_replaces_the_target(tmp_path: Path) -> None:
    target = tmp_path / "real.yaml"
    target.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.yaml"
    link.symlink_to(target)
    write_atomically(link, b"new\n")
    assert link.is_symlink()
    assert target.read_bytes() == b"new\n"


def test_session_backup_is_the_file_as_opened(tmp_path: Path, mini: Framework) -> None:
    original = small_assessment(mini)
    path = tmp_path / "kenya.yaml"
    save_assessment(original, path, mini)
    with open_assessment(path, mini) as opened:
        for text in ("first edit", "second edit", "third edit"):
            opened.assessment.answers["R.A.1.a"].justification = text
            opened.save()
    assert load_assessment(backup_path(path), mini) == original
    assert load_assessment(path, mini).answers["R.A.1.a"].justification == "third edit"
