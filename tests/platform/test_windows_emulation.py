"""roam under an emulation of Windows' Python: every file it writes opens and reads back.

See windows_emulation.py for what is emulated.  Each test makes what it checks
twice where that helps: once as on Linux, once under the emulation, and compares.
"""

from __future__ import annotations

import getpass
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from click.testing import CliRunner
from windows_emulation import child_environment, emulate_windows

from roam.assessment.loader import load_assessment
from roam.cli import main
from tests.helpers.tui import ui_test


@pytest.fixture
def windows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The emulation, from after pytest made the test's folder (it asks for the user id)."""
    emulate_windows(monkeypatch)


def roam(*args: str | Path) -> None:
    result = CliRunner().invoke(main, [str(arg) for arg in args], catch_exceptions=False)
    assert result.exit_code == 0, result.output


WRITTEN_AT = ("Generated (UTC)", "roam.generated")  # labels of the moment of writing


# The overview's summary line ends with the minute it was written ("Generated 2026-...").
GENERATED_IN_TEXT = re.compile(r"Generated \d{4}-\d{2}-\d{2} \d{2}:\d{2}")


def _same_moment(value: Any) -> Any:
    return GENERATED_IN_TEXT.sub("Generated <moment>", value) if isinstance(value, str) else value


def cell_values(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every sheet's values; the moment of writing counts as the same moment."""
    workbook = openpyxl.load_workbook(path)
    return {
        sheet.title: [
            (row[0], "<moment>")
            if row[0] in WRITTEN_AT
            else tuple(_same_moment(value) for value in row)
            for row in sheet.iter_rows(values_only=True)
        ]
        for sheet in workbook.worksheets
    }


def assert_sound_workbook(path: Path) -> None:
    with zipfile.ZipFile(path) as archive:
        assert archive.testzip() is None  # every member's CRC matches: no byte was changed
    openpyxl.load_workbook(path)


def test_the_emulation_behaves_as_windows_does(windows: None, tmp_path: Path) -> None:
    """The emulation itself: if it stopped emulating, the tests below would prove nothing."""
    text_mode = tmp_path / "text-mode"
    descriptor = os.open(text_mode, os.O_WRONLY | os.O_CREAT)
    assert os.write(descriptor, b"a\nb\n") == 4
    os.close(descriptor)
    assert text_mode.read_bytes() == b"a\r\nb\r\n"
    binary = tmp_path / "binary"
    descriptor = os.open(binary, os.O_WRONLY | os.O_CREAT | os.O_BINARY)
    os.write(descriptor, b"a\nb\n")
    os.close(descriptor)
    assert binary.read_bytes() == b"a\nb\n"
    (tmp_path / "text").write_text("a\nb\n", encoding="utf-8")
    assert (tmp_path / "text").read_bytes() == b"a\r\nb\r\n"
    (tmp_path / "text").write_text("é")
    assert (tmp_path / "text").read_bytes() == b"\xe9"  # cp1252 without encoding=
    assert not hasattr(signal, "SIGHUP")
    assert not hasattr(os, "fork")
    assert not hasattr(os, "geteuid")
    with pytest.raises(ImportError):
        import fcntl  # noqa: F401
    with pytest.raises(ImportError):
        getpass.getuser()
    with pytest.raises(FileNotFoundError):
        Path("/proc/self/stat").read_bytes()


def test_every_command_that_writes_a_file_writes_one_that_reads_back_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    linux, windows = tmp_path / "linux", tmp_path / "windows"
    for folder in (linux, windows):
        folder.mkdir()
        if folder is windows:
            emulate_windows(monkeypatch)
        monkeypatch.chdir(folder)
        roam("demo", "examplia.yaml")
        roam("demo", "--seed", "2", "second-coder.yaml")
        roam("demo", "--cycle", "2", "follow-up.yaml")
        roam("new", "kenya.yaml", "--country", "Kenya", "--iso", "KEN")
        roam("export", "examplia.yaml", "-o", "report.xlsx")
        roam("template", "examplia.yaml", "-o", "template.xlsx")
        roam("compare", "examplia.yaml", "follow-up.yaml", "-o", "compare.xlsx")
        roam("overview", "examplia.yaml", "follow-up.yaml", "-o", "overview.xlsx")
        roam("merge", "examplia.yaml", "second-coder.yaml", "-o", "merged.yaml", "--report",
             "merge.md")  # fmt: skip
        roam("schema", "-o", "schema.json")
        roam("draft", "examplia.yaml", "-o", "national-report.docx")
    monkeypatch.undo()

    for name in ("examplia.yaml", "second-coder.yaml", "follow-up.yaml"):
        written = (windows / name).read_bytes()
        assert b"\r" not in written
        assert written == (linux / name).read_bytes()
    for name in ("kenya.yaml", "merged.yaml"):  # these record the moment they were made
        assert b"\r" not in (windows / name).read_bytes()
        answers = load_assessment(windows / name).answers
        assert answers == load_assessment(linux / name).answers
    for name in ("report.xlsx", "template.xlsx", "compare.xlsx", "overview.xlsx"):
        assert_sound_workbook(windows / name)
        assert cell_values(windows / name) == cell_values(linux / name)
    with zipfile.ZipFile(windows / "national-report.docx") as archive:
        assert archive.testzip() is None
        assert archive.read("word/document.xml") == zipfile.ZipFile(
            linux / "national-report.docx"
        ).read("word/document.xml")
    for name in ("merge.md", "schema.json"):  # text: Windows' line ends are allowed
        assert (windows / name).read_text("utf-8") == (linux / name).read_text("utf-8")
    json.loads((windows / "schema.json").read_text("utf-8"))


def test_two_saves_in_one_process_both_succeed(
    windows: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from roam.assessment.editing_session import open_assessment

    path = tmp_path / "examplia.yaml"
    roam("demo", path)
    original = path.read_bytes()
    with open_assessment(path) as opened:
        code = next(iter(opened.assessment.answers))
        opened.assessment.answers[code].justification = "First save."
        opened.save()
        opened.assessment.answers[code].justification = "Second save."
        opened.save()  # refused as "changed by another program" if the first wrote CRLF
    monkeypatch.undo()
    assert b"\r" not in path.read_bytes()
    assert load_assessment(path).answers[code].justification == "Second save."
    assert path.with_name("examplia.yaml.bak").read_bytes() == original


def test_importing_a_filled_template(windows: None, tmp_path: Path) -> None:
    from tests.helpers.exchange_workbooks import edit_workbook, fill_answers

    path = tmp_path / "kenya.yaml"
    roam("new", path, "--country", "Kenya", "--iso", "KEN", "--scope", "full")
    roam("template", path, "-o", tmp_path / "template.xlsx")
    cells = {"R.A.2.a": {"level": "partial", "justification": "The act is applied unevenly."}}
    filled = edit_workbook(
        tmp_path / "template.xlsx",
        tmp_path / "filled.xlsx",
        lambda workbook: fill_answers(workbook["Answers"], cells),
    )
    roam("import-answers", path, filled)
    assert b"\r" not in path.read_bytes()
    answer = load_assessment(path).answers["R.A.2.a"]
    assert (answer.level, answer.justification) == ("partial", "The act is applied unevenly.")


@ui_test
async def test_the_terminal_ui_starts_on_the_walkthrough_and_quits(
    windows: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from roam.tui.app import RoamApp
    from roam.tui.screens.walkthrough import WalkthroughScreen

    monkeypatch.setenv("ROAM_DATA_DIR", str(tmp_path / "data"))
    path = tmp_path / "examplia.yaml"
    roam("demo", path)
    app = RoamApp(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WalkthroughScreen)
        assert app.who == "roam"  # no login name, and no pwd module to ask
        await pilot.press("ctrl+q")
    assert app.return_code == 0
    assert not path.with_name(f".{path.name}.lock").exists()


@pytest.mark.tmux
@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
def test_the_terminal_ui_in_a_real_terminal_saves_each_edit_and_quits_with_0(
    tmp_path: Path,
) -> None:
    from tests.helpers.terminal import Terminal, wait_until
    from tests.helpers.tui import answer_in_file

    mini = Path(__file__).parents[1] / "data" / "frameworks" / "mini.yaml"
    path = tmp_path / "kenya.yaml"
    roam("new", path, "--country", "Kenya", "--iso", "KEN", "--scope", "full", "--framework", mini)
    env = child_environment(tmp_path / "emulation")
    code = tmp_path / "exit-code"
    roam_script = Path(sys.executable).with_name("roam")
    command = (
        f"PYTHONPATH='{env['PYTHONPATH']}' ROAM_DATA_DIR='{tmp_path / 'data'}' "
        f"'{roam_script}' assess '{path}'; echo $? >'{code}'"
    )
    terminal = Terminal(f"roam-windows-{os.getpid()}")
    terminal.start(command)
    try:
        terminal.wait_for("Walkthrough")
        terminal.wait_for("C.1.1.a")
        terminal.keys("C-n", "C-n", "C-n")  # to R.A.2.a, the share of people online
        terminal.wait_for("Share of people online")
        terminal.keys("Tab", "Tab")  # from the tree to the status, then to the value field
        terminal.keys("4", "2", "Tab")  # saved once ...
        terminal.wait_for("✓ saved")
        terminal.keys("2", "0", "2", "3", "Tab")  # ... and again, in the same process
        deadline = time.monotonic() + 10
        while answer_in_file(path, "R.A.2.a").get("year") is None:
            assert time.monotonic() < deadline, terminal.screen()
            time.sleep(0.2)
        terminal.keys("C-q")
        wait_until(code.exists, 20)
    finally:
        terminal.tmux("kill-server")
    assert code.read_text(encoding="utf-8").strip() == "0"
    assert b"\r" not in path.read_bytes()
    answer = answer_in_file(path, "R.A.2.a")
    assert (answer["status"], answer["value"], answer["year"]) == ("answered", 42, 2023)
    assert not path.with_name(f".{path.name}.lock").exists()


def test_the_whole_test_suite_collects_under_the_emulation(tmp_path: Path) -> None:
    """Windows users can run the tests: no test module needs POSIX to be imported."""
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, **child_environment(tmp_path / "emulation")}
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert " tests collected" in result.stdout or "tests collected" in result.stdout
