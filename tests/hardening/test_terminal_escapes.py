"""Control characters in data are printed escaped: a file cannot drive the user's terminal.

A framework whose indicator unit is ``"\\x1b]2;TITLE\\x07\\x1b[2J"`` once retitled the
terminal and cleared the screen through `roam check` and `roam score` warnings; a file
name with ESC in it did the same through error messages.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from roam.assessment.storage import save_assessment
from roam.cli import main
from roam.cli.textout import shown
from roam.framework.loader import load_framework
from tests.helpers.exchange_workbooks import kenya
from tests.helpers.files import MINI_FRAMEWORK

HOSTILE_UNIT = "\x1b]2;TITLE\x07\x1b[2J"
# Nothing a terminal obeys: C0 controls (but newline and tab), DEL, C1 controls.
OBEYED = [chr(c) for c in [*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0)]]


def _run(*args: str | Path) -> Result:
    return CliRunner().invoke(main, [str(a) for a in args])


def _obeyed(text: str) -> list[str]:
    return [char for char in OBEYED if char in text]


@pytest.fixture
def hostile_assessment(tmp_path: Path) -> Path:
    """An assessment on a framework whose GDP unit is a terminal command, answered in USD."""
    framework_file = tmp_path / "mini.yaml"
    text = MINI_FRAMEWORK.read_text(encoding="utf-8")
    assert "unit: USD}" in text
    unit = json.dumps(HOSTILE_UNIT)  # a YAML double-quoted scalar with \x1b and \a escapes
    framework_file.write_text(text.replace("unit: USD}", f"unit: {unit}}}"), encoding="utf-8")
    framework = load_framework(framework_file)
    path = tmp_path / "kenya.yaml"
    assessment = kenya(framework, path)
    answer = assessment.answers["C.1.1.a"]
    answer.status, answer.value, answer.year, answer.unit = "answered", 1200.0, 2023, "USD"
    save_assessment(assessment, path, framework, backup=False)
    return path


@pytest.mark.parametrize("command", ["check", "score"])
def test_a_unit_that_is_a_terminal_command_is_printed_escaped(
    hostile_assessment: Path, command: str
) -> None:
    result = _run(command, hostile_assessment)

    assert result.exit_code in (0, 1), result.output  # check: 1 when it has findings
    assert r"unit 'USD' differs from the indicator's unit '\x1b]2;TITLE\x07\x1b[2J'" in (
        result.stderr
    )
    assert not _obeyed(result.output), result.output
    assert not _obeyed(result.stderr), result.stderr


def test_score_as_json_stays_valid_json_with_the_unit_in_it(hostile_assessment: Path) -> None:
    result = _run("score", hostile_assessment, "--json")
    assert result.exit_code == 0, result.stderr
    json.loads(result.stdout)
    assert not _obeyed(result.stdout)


def test_a_file_name_with_escape_codes_is_printed_escaped(tmp_path: Path) -> None:
    name = "report\x1b]2;TITLE\x07\x1b[2J.yaml"
    (tmp_path / name).write_text("country: [unclosed\n", encoding="utf-8")  # bad YAML
    missing = tmp_path / ("gone\x1b[31m.yaml")

    for args in (["check", tmp_path / name], ["score", missing], ["validate", missing]):
        result = _run(*args)
        assert result.exit_code == 2, result.output
        assert not _obeyed(result.output + result.stderr), result.output + result.stderr
        assert r"\x1b" in result.stderr, result.stderr


def test_an_unknown_command_with_escape_codes_is_printed_escaped() -> None:
    result = _run("\x1b[2Jcheck")
    assert result.exit_code == 2
    assert r"No such command '\x1b[2Jcheck'" in result.stderr
    assert not _obeyed(result.stderr)


def test_shown_escapes_what_a_terminal_obeys_and_keeps_the_rest() -> None:
    assert shown(HOSTILE_UNIT) == r"\x1b]2;TITLE\x07\x1b[2J"
    assert shown("a\rb\x9bc\x7f") == r"a\rb\x9bc\x7f".replace(r"\r", r"\x0d")
    assert shown("right-to-left \u202eoverride") == r"right-to-left \u202eoverride"
    assert shown("lines\nand\ttabs, é, ✓, 中文") == "lines\nand\ttabs, é, ✓, 中文"
