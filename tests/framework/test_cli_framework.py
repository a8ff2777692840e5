"""`roam validate` and `roam schema` as a user runs them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from roam.cli import main
from roam.framework.schema import framework_json_schema

ROOT = Path(__file__).resolve().parents[2]


def test_validate_json_counts_the_mini_edition(mini_framework_path: Path) -> None:
    result = CliRunner().invoke(main, ["validate", str(mini_framework_path), "--json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output)
    assert summary["edition"] == "mini"
    # mini.yaml: C has 1 contextual indicator; R has 4 (2 core); O has 1 (core).
    assert summary["indicators"] == 6
    assert summary["core"] == 3
    assert summary["contextual"] == 1
    assert summary["themes"] == 3  # R.A, R.B, O.A: contextual groups are not counted
    assert summary["questions"] == 4
    assert summary["categories"]["R"] == {"themes": 2, "questions": 3, "indicators": 4, "core": 2}


def test_validate_prints_a_summary_table(mini_framework_path: Path) -> None:
    result = CliRunner().invoke(main, ["validate", str(mini_framework_path)])
    assert result.exit_code == 0
    assert "mini 1.0: valid" in result.output
    assert any(line.split()[:5] == ["R", "2", "3", "4", "2"] for line in result.output.splitlines())


def test_validate_bad_file_exits_2_with_one_line_per_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: x\nid: y\nversion: 1\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(bad)])
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert f"{bad}:2:1: duplicate key 'id' (it is already set above)" in lines
    assert f"{bad}:1:1: missing required field 'title'" in lines
    assert all(line.startswith(f"{bad}:") for line in lines)
    assert "Traceback" not in result.output


def test_validate_missing_path_is_a_clear_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["validate", str(tmp_path / "nope")])
    assert result.exit_code == 2
    assert result.output.strip() == f"{tmp_path / 'nope'}: no such file or folder"


def test_committed_schema_matches_the_models() -> None:
    committed = json.loads((ROOT / "indicators" / "roam-framework.schema.json").read_text("utf-8"))
    assert committed == framework_json_schema(), (
        "run `roam schema -o indicators/roam-framework.schema.json`"
    )


def test_schema_command_writes_a_file(tmp_path: Path) -> None:
    out = tmp_path / "schema.json"
    result = CliRunner().invoke(main, ["schema", "-o", str(out)])
    assert result.exit_code == 0
    schema = json.loads(out.read_text("utf-8"))
    assert {"EditionFile", "Category", "QuantitativeIndicator"} <= set(schema["$defs"])


def test_schema_into_a_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    out = tmp_path / "no-such-folder" / "schema.json"
    result = CliRunner().invoke(main, ["schema", "-o", str(out)])
    assert result.exit_code == 2
    assert result.output.strip() == f"{out}: cannot save: the folder {out.parent} does not exist"


def _imported_modules(code: str) -> set[str]:
    probe = f"import sys\n{code}\nprint('\\n'.join(sys.modules))"
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout
    return set(out.split())


def test_help_and_validate_import_neither_textual_nor_openpyxl_nor_rich(
    mini_framework_path: Path,
) -> None:
    run = (
        "from click.testing import CliRunner\nfrom roam.cli import main\n"
        "result = CliRunner().invoke(main, {})\nassert result.exit_code == 0, result.output\n"
    )
    help_modules = _imported_modules(run.format("['--help']"))
    validate_modules = _imported_modules(run.format(f"['validate', {str(mini_framework_path)!r}]"))
    for modules in (help_modules, validate_modules):
        assert "roam.cli.main" in modules
        heavy = {m for m in modules if m.split(".")[0] in {"textual", "openpyxl", "rich"}}
        assert not heavy
