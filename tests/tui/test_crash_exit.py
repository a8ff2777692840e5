"""A crash inside the terminal UI exits non-zero and leaves a crash log, as the CLI does."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from textual.app import App

from roam.cli import main
from roam.tui.app import RoamApp


@pytest.fixture
def log_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Where platformdirs puts roam's logs on Linux, inside the test's folder."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    return tmp_path / "state" / "roam" / "log"


@pytest.fixture
def headless(monkeypatch: pytest.MonkeyPatch) -> None:
    """`roam assess` runs the real app, without a terminal."""

    def run_headless(self: RoamApp, **_: Any) -> Any:
        return App.run(self, headless=True, size=(100, 30))

    monkeypatch.setattr(RoamApp, "run", run_headless)


def test_an_error_inside_the_app_exits_1_with_a_crash_log(
    headless: None, log_folder: Path, mini_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_start(self: RoamApp) -> None:
        raise RuntimeError("the walkthrough fell over")

    monkeypatch.setattr(RoamApp, "on_mount", broken_start)
    result = CliRunner().invoke(main, ["assess", str(mini_file)])
    assert result.exit_code == 1
    assert "roam: internal error in the terminal UI" in result.stderr
    (log,) = log_folder.glob("crash-*.log")
    assert f"The details are in {log}; please report them." in result.stderr
    details = log.read_text(encoding="utf-8")
    assert "RuntimeError" in details
    assert "the walkthrough fell over" in details


def test_a_normal_quit_exits_0_without_a_crash_log(
    headless: None, log_folder: Path, mini_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started = RoamApp.on_mount

    def start_then_quit(self: RoamApp) -> None:
        started(self)
        self.call_after_refresh(self.action_quit)

    monkeypatch.setattr(RoamApp, "on_mount", start_then_quit)
    result = CliRunner().invoke(main, ["assess", str(mini_file)])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert not log_folder.exists()


def test_a_deliberate_exit_with_a_code_keeps_it_without_a_crash_log(
    headless: None, log_folder: Path, mini_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As when a signal stops roam and answers that could not be saved go to a recovery file."""

    def stop_with_a_message(self: RoamApp) -> None:
        self.exit(return_code=1, message="answers kept in kenya.yaml.recovery")

    monkeypatch.setattr(RoamApp, "on_mount", stop_with_a_message)
    result = CliRunner().invoke(main, ["assess", str(mini_file)])
    assert result.exit_code == 1
    assert "answers kept in kenya.yaml.recovery" in result.stderr
    assert "internal error" not in result.stderr
    assert not log_folder.exists()
