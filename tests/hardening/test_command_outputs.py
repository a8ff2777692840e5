"""Every file a command writes goes through the one writer: atomic, named, never misplaced."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from roam.assessment.storage import save_assessment
from roam.cli import main
from roam.framework import load_framework
from roam.framework.model import Framework
from tests.helpers.assessment_builders import small_assessment
from tests.helpers.files import MINI_FRAMEWORK

pytestmark = pytest.mark.usefixtures("cache_dir")


@pytest.fixture(scope="module")
def mini() -> Framework:
    return load_framework(MINI_FRAMEWORK)


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(main, [str(arg) for arg in args])


@pytest.fixture
def two_files(tmp_path: Path, mini: Framework) -> tuple[Path, Path]:
    first, second = tmp_path / "ana.yaml", tmp_path / "ben.yaml"
    save_assessment(small_assessment(mini, justification="Ana's reading."), first, mini)
    save_assessment(small_assessment(mini, justification="Ben's reading."), second, mini)
    return first, second


def test_merge_report_never_overwrites_an_input(two_files: tuple[Path, Path]) -> None:
    first, second = two_files
    before = first.read_bytes()
    merged = first.with_name("merged.yaml")

    result = run("merge", first, second, "-o", merged, "--report", first)

    assert result.exit_code == 2, result.output
    assert f"{first}: that is an input of this merge" in result.output
    assert first.read_bytes() == before and not merged.exists()


def test_merge_report_goes_through_the_writer(two_files: tuple[Path, Path]) -> None:
    first, second = two_files
    report = first.with_name("conflicts.md")

    result = run("merge", first, second, "-o", first.with_name("m.yaml"), "--report", report)

    assert result.exit_code == 0, result.output
    assert report.read_bytes().startswith(b"#") and b"\r" not in report.read_bytes()


def test_schema_output_never_overwrites_an_assessment(two_files: tuple[Path, Path]) -> None:
    first, _ = two_files
    before = first.read_bytes()

    result = run("schema", "-o", first)

    assert result.exit_code == 2
    assert f"{first}: that is an assessment file" in result.output
    assert first.read_bytes() == before


@pytest.mark.skipif(sys.platform == "win32", reason="file size limits are POSIX resource limits")
def test_a_full_disk_leaves_the_old_output_and_names_it(tmp_path: Path) -> None:
    target = tmp_path / "schema.json"
    target.write_bytes(b'{"old": true}\n')
    # A file size limit makes every write past 512 bytes fail, as a full disk would.
    script = (
        "import resource, signal, sys\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (512, 512))\n"
        "from roam.cli import main\n"
        "main(['schema', '-o', sys.argv[1]])\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(target)], capture_output=True, text=True, check=False
    )

    assert done.returncode == 2, done.stderr
    assert f"{target}: cannot save" in done.stderr and "Traceback" not in done.stderr
    assert target.read_bytes() == b'{"old": true}\n'
    assert sorted(p.name for p in tmp_path.iterdir()) == ["schema.json"]


def test_export_to_the_default_name_replaces_a_planted_link_not_its_target(
    tmp_path: Path, mini: Framework, monkeypatch: pytest.MonkeyPatch
) -> None:
    assessment = tmp_path / "kenya.yaml"
    save_assessment(small_assessment(mini), assessment, mini)
    victim = tmp_path / "victim.txt"
    victim.write_bytes(b"someone's work")
    work = tmp_path / "work"
    (work / "reports").mkdir(parents=True)
    planted = work / "reports" / f"KEN-{dt.date.today().isoformat()}.xlsx"
    planted.symlink_to(victim)
    monkeypatch.chdir(work)

    result = run("export", assessment)

    assert result.exit_code == 0, result.output
    assert victim.read_bytes() == b"someone's work"
    assert not planted.is_symlink() and zipfile.is_zipfile(planted)


def test_export_onto_the_assessment_is_refused(tmp_path: Path, mini: Framework) -> None:
    assessment = tmp_path / "kenya.xlsx"  # an assessment under an unusual name
    save_assessment(small_assessment(mini), assessment, mini)
    before = assessment.read_bytes()

    result = run("export", assessment, "-o", assessment)

    assert result.exit_code == 2
    assert "that is an assessment file" in result.output
    assert assessment.read_bytes() == before
