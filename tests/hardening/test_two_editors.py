"""Two processes editing one assessment: the second is told who has it, and no edit is lost."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from roam.assessment.loader import load_assessment
from roam.cli import main
from tests.hardening.editor import LOCKED_EXIT, share

EDITOR = Path(__file__).with_name("editor.py")


def _editor(*args: str) -> list[str]:
    return [sys.executable, str(EDITOR), *args]


@pytest.fixture
def assessment_file(tmp_path: Path) -> Path:
    path = tmp_path / "examplia.yaml"
    result = CliRunner().invoke(main, ["new", str(path), "--country", "Examplia", "--iso", "XEX"])
    assert result.exit_code == 0, result.output
    return path


def _justification(path: Path, code: str) -> str:
    return load_assessment(path).answers[code].justification


def test_second_editor_gets_the_lock_message_and_nothing_is_lost(assessment_file: Path) -> None:
    first_code, second_code = share("A", 2)
    holder = subprocess.Popen(
        _editor("hold", str(assessment_file), first_code, "written by the holder"),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdin is not None
        assert holder.stdout.readline().strip() == "holding"
        refused = subprocess.run(
            _editor("try", str(assessment_file), second_code, "written by the second"),
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert refused.returncode == LOCKED_EXIT, refused.stderr
        assert f"process {holder.pid}" in refused.stdout
        assert "read-only" in refused.stdout
        assert _justification(assessment_file, second_code) == ""
        holder.stdin.write("done\n")
        holder.stdin.flush()
        assert holder.stdout.readline().strip() == "released"
    finally:
        if holder.stdin is not None:
            holder.stdin.close()
        holder.wait(timeout=60)
    retried = subprocess.run(
        _editor("try", str(assessment_file), second_code, "written by the second"),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert retried.returncode == 0, retried.stdout + retried.stderr
    assert _justification(assessment_file, first_code) == "written by the holder"
    assert _justification(assessment_file, second_code) == "written by the second"


@pytest.mark.slow
def test_two_editors_taking_turns_keep_every_edit(assessment_file: Path) -> None:
    edits = 15
    editors = [
        subprocess.Popen(
            _editor("loop", str(assessment_file), who, str(edits)),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for who in ("A", "B")
    ]
    outputs = [editor.communicate(timeout=180) for editor in editors]
    refusals = 0
    for editor, (out, err) in zip(editors, outputs, strict=True):
        assert editor.returncode == 0, err
        refusals += json.loads(out.strip().splitlines()[-1])["refusals"]
    print(f"lock refusals while taking turns: {refusals}")
    saved = load_assessment(assessment_file)
    for who in ("A", "B"):
        for index, code in enumerate(share(who, edits)):
            assert saved.answers[code].justification == f"{who} edit {index}"
            assert [change.who for change in saved.answers[code].history] == [who]
