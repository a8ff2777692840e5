"""`roam assess FILE` in a real terminal (tmux): type an answer, quit, read the file."""

from __future__ import annotations

import os
import shutil
import signal
import sys
from pathlib import Path

import pytest

from tests.helpers.terminal import Terminal, wait_until
from tests.helpers.tui import answer_in_file

pytestmark = [
    pytest.mark.tmux,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]
ROAM = Path(sys.executable).with_name("roam")


def test_type_an_answer_in_a_real_terminal(mini_file: Path, data_dir: Path) -> None:
    terminal = Terminal(f"roam-test-{os.getpid()}")
    command = f"ROAM_DATA_DIR='{data_dir}' '{ROAM}' assess '{mini_file}'"
    terminal.start(command)
    try:
        terminal.wait_for("Walkthrough")
        terminal.wait_for("C.1.1.a")
        terminal.keys("C-n", "C-n", "C-n")  # to R.A.2.a, the share of people online
        terminal.wait_for("Share of people online")
        terminal.keys("Tab", "Tab")  # from the tree to the status, then to the value field
        terminal.keys("4", "2", "Tab", "2", "0", "2", "3", "Tab")
        terminal.wait_for("✓ saved")
        terminal.keys("C-q")
        wait_until(lambda: not terminal.running(), 10)
        assert not terminal.running()
    finally:
        terminal.tmux("kill-server")
    answer = answer_in_file(mini_file, "R.A.2.a")
    assert (answer["status"], answer["value"], answer["year"]) == ("answered", 42, 2023)
    assert not mini_file.with_name(f".{mini_file.name}.lock").exists()  # the lock was released


def test_closing_the_terminal_saves_the_typing_and_gives_the_lock_back(
    mini_file: Path, data_dir: Path
) -> None:
    terminal = Terminal(f"roam-test-hangup-{os.getpid()}")
    command = f"ROAM_DATA_DIR='{data_dir}' '{ROAM}' assess '{mini_file}'"
    terminal.start(command)
    lock = mini_file.with_name(f".{mini_file.name}.lock")
    try:
        terminal.wait_for("C.1.1.a")
        assert lock.exists()
        terminal.keys("C-n", "C-n")  # to R.A.1.b, a scaled indicator
        terminal.wait_for("The law is applied")
        terminal.keys("Tab", "Tab", "Tab")  # status, level, then the justification
        terminal.keys(*"Court records")
    finally:
        terminal.tmux("kill-server")  # the terminal goes away: roam gets SIGHUP
    wait_until(lambda: not lock.exists(), 10)
    assert not lock.exists()
    assert answer_in_file(mini_file, "R.A.1.b")["justification"] == "Court records"


@pytest.mark.skipif(not hasattr(signal, "SIGTERM"), reason="no SIGTERM on this platform")
def test_sigterm_after_a_failed_save_keeps_the_answers_in_a_recovery_file(
    mini_file: Path, data_dir: Path
) -> None:
    terminal = Terminal(f"roam-test-term-{os.getpid()}")
    # exec: the pane's process is roam itself, so the signal reaches it and not a shell.
    command = f"exec env ROAM_DATA_DIR='{data_dir}' '{ROAM}' assess '{mini_file}'"
    terminal.start(command)
    recovery = mini_file.with_name(mini_file.name + ".recovery")
    try:
        terminal.wait_for("C.1.1.a")
        pid = int(terminal.tmux("display-message", "-p", "-t", "roam", "#{pane_pid}"))
        outside = mini_file.read_bytes() + b"# changed by another program\n"
        mini_file.write_bytes(outside)
        terminal.keys("C-n", "C-n")  # to R.A.1.b
        terminal.wait_for("The law is applied")
        terminal.keys("Tab", "Tab", "Tab")  # status, level, then the justification
        terminal.keys(*"Court records")
        terminal.wait_for("NOT SAVED")
        os.kill(pid, signal.SIGTERM)
        wait_until(lambda: not terminal.running(), 10)
        assert not terminal.running()
    finally:
        terminal.tmux("kill-server")
    assert mini_file.read_bytes() == outside  # the other program's version is not replaced
    assert answer_in_file(recovery, "R.A.1.b")["justification"] == "Court records"
    assert not mini_file.with_name(f".{mini_file.name}.lock").exists()

    # The next start in a terminal offers the answers back; r restores them.
    terminal = Terminal(f"roam-test-term2-{os.getpid()}")
    command = f"ROAM_DATA_DIR='{data_dir}' '{ROAM}' assess '{mini_file}'"
    terminal.start(command)
    try:
        shown = terminal.wait_for("Unsaved answers were kept for you")
        assert "R.A.1.b" in shown
        terminal.keys("r")
        terminal.wait_for("✓ saved")
        terminal.keys("C-q")
        wait_until(lambda: not terminal.running(), 10)
    finally:
        terminal.tmux("kill-server")
    assert answer_in_file(mini_file, "R.A.1.b")["justification"] == "Court records"
    assert not recovery.exists()
