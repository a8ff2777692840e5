"""A changed file read ahead by a second process: found in the cache, and never needed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from roam.assessment import read_ahead
from roam.assessment.loader import read_assessment
from roam.assessment.read_ahead import ReadAhead, start_read_ahead
from roam.assessment.storage import save_assessment
from roam.cli.main import main
from roam.errors import SourceError
from roam.framework.model import Framework
from roam.framework.validated_cache import cache_key, recall
from roam.scoring.result import ScoreReport

from .builders import small_assessment

pytestmark = [
    pytest.mark.usefixtures("cache_dir", "two_cpus"),
    pytest.mark.skipif(not hasattr(os, "fork"), reason="the read-ahead needs os.fork"),
]


@pytest.fixture
def two_cpus(monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever this machine has: with one CPU the read-ahead is (rightly) never started."""
    monkeypatch.setattr(read_ahead, "_usable_cpus", lambda: 2)


@pytest.fixture
def kenya(tmp_path: Path, mini: Framework) -> Path:
    assessment = small_assessment(mini)
    assessment.answers["R.A.2.a"].unit = "people"  # a warning, to compare
    path = tmp_path / "kenya.yaml"
    save_assessment(assessment, path, mini)
    return path


def _started(path: Path) -> ReadAhead:
    handle = start_read_ahead(path)
    assert handle is not None, "no read-ahead started"
    return handle


def _reaped(handle: ReadAhead) -> bool:
    try:
        os.waitpid(handle.pid, os.WNOHANG)
    except ChildProcessError:
        return True
    return False


def test_a_changed_file_is_read_by_the_child_and_found_in_the_cache(
    kenya: Path, parses: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    handle = _started(kenya)
    loaded = read_assessment(kenya, cache=True)
    assert parses == []  # the child's reading, from the cache
    assert handle.exit_status is not None and os.waitstatus_to_exitcode(handle.exit_status) == 0
    assert handle.peak_kib is not None and handle.peak_kib > 0
    assert _reaped(handle)
    score_key = cache_key("score", loaded.sha256, loaded.framework.content_hash)
    assert isinstance(recall(score_key), ScoreReport)  # the scores are ready too
    monkeypatch.setenv("ROAM_CACHE_DIR", "off")
    parsed = read_assessment(kenya)
    assert parses == ["kenya.yaml"]
    assert loaded.assessment == parsed.assessment
    assert [w.message for w in loaded.warnings] == [w.message for w in parsed.warnings]


def test_no_child_for_a_file_the_cache_holds_as_it_is(kenya: Path) -> None:
    read_assessment(kenya, cache=True)
    assert start_read_ahead(kenya) is None
    with kenya.open("a", encoding="utf-8") as stream:
        stream.write("# edited in a text editor\n")
    handle = _started(kenya)
    read_assessment(kenya, cache=True)
    assert _reaped(handle)


def test_a_second_start_for_the_same_file_is_the_same_child(kenya: Path) -> None:
    first = _started(kenya)
    assert start_read_ahead(kenya) is first
    read_assessment(kenya, cache=True)
    assert _reaped(first)
    assert read_ahead.finish_read_ahead(kenya) is None


@pytest.mark.parametrize("why", ["one CPU", "cache off", "no such file"])
def test_no_child_where_it_cannot_help(
    why: str, kenya: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if why == "one CPU":
        monkeypatch.setattr(read_ahead, "_usable_cpus", lambda: 1)
    elif why == "cache off":
        monkeypatch.setenv("ROAM_CACHE_DIR", "off")
    else:
        kenya = kenya.with_name("missing.yaml")
    assert start_read_ahead(kenya) is None


def test_a_file_with_errors_gets_the_same_message_and_the_child_says_nothing(
    kenya: Path, capfd: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    text = kenya.read_text(encoding="utf-8").replace("status: answered", "status: maybe", 1)
    kenya.write_text(text, encoding="utf-8")
    with pytest.raises(SourceError) as plain:
        read_assessment(kenya)
    handle = _started(kenya)
    with pytest.raises(SourceError) as read_after_child:
        read_assessment(kenya, cache=True)
    assert read_after_child.value.lines == plain.value.lines
    assert "kenya.yaml:" in read_after_child.value.lines[0]
    assert handle.exit_status is not None and os.waitstatus_to_exitcode(handle.exit_status) == 1
    assert capfd.readouterr() == ("", "")


def test_a_killed_child_leaves_the_reading_to_this_process(kenya: Path, parses: list[str]) -> None:
    handle = _started(kenya)
    os.kill(handle.pid, signal.SIGKILL)
    loaded = read_assessment(kenya, cache=True)
    assert parses == ["kenya.yaml"]
    assert loaded.assessment.iso == "KEN"
    assert _reaped(handle)


def test_a_child_that_hangs_is_stopped_and_the_file_read_here(
    kenya: Path, parses: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(read_ahead, "WAIT_SECONDS", 0.2)
    handle = _started(kenya)
    os.kill(handle.pid, signal.SIGSTOP)
    loaded = read_assessment(kenya, cache=True)
    assert parses == ["kenya.yaml"]
    assert loaded.assessment.iso == "KEN"
    assert handle.exit_status is not None
    assert os.waitstatus_to_exitcode(handle.exit_status) == -signal.SIGKILL
    assert handle.waited >= 0.2  # it waited its time before giving up on the child
    assert _reaped(handle)


def test_children_of_files_never_opened_are_stopped_at_exit(kenya: Path) -> None:
    handle = _started(kenya)
    read_ahead._stop_all()  # what atexit runs
    assert _reaped(handle)
    assert read_ahead.finish_read_ahead(kenya) is None  # nothing left to wait for


def test_roam_assess_reads_its_file_ahead_before_the_tui_starts(
    kenya: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pending_when_run: list[list[Path]] = []

    class StandInApp:
        """What `roam assess` runs, without a terminal (nor the real app's paused collector)."""

        return_code = 0  # a clean quit

        def __init__(self, *args: object, **kwargs: object) -> None:
            pass

        def run(self) -> None:
            pending_when_run.append(list(read_ahead._pending))

    monkeypatch.setattr("roam.tui.app.RoamApp", StandInApp)
    result = CliRunner().invoke(main, ["assess", str(kenya)])
    assert result.exit_code == 0, result.output
    assert pending_when_run == [[kenya.resolve()]]
    assert read_ahead.finish_read_ahead(kenya) is not None


def test_starting_it_imports_neither_pydantic_nor_pyyaml_nor_textual(
    kenya: Path, cache_dir: Path
) -> None:
    """The fork comes before the TUI's heavy imports, so the check must not make them."""
    probe = (
        "import sys\nfrom pathlib import Path\nfrom roam.assessment import read_ahead\n"
        "read_ahead._usable_cpus = lambda: 2\n"
        "HEAVY = {'pydantic', 'pydantic_core', 'yaml', 'textual'}\n"
        f"started = read_ahead.start_read_ahead(Path({str(kenya)!r}))\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in HEAVY)\n"
        "read_ahead.finish_read_ahead(Path(started.path)) if started else None\n"
        "print(started is not None, heavy)"
    )
    env = {**os.environ, "ROAM_CACHE_DIR": str(cache_dir)}

    def run() -> str:
        return subprocess.run(
            [sys.executable, "-c", probe], capture_output=True, text=True, check=True, env=env
        ).stdout.strip()

    assert run() == "True []"  # changed: read ahead by a child
    assert run() == "False []"  # now in the cache: nothing to do
