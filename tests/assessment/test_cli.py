"""`roam new` and `roam demo` from the command line: exit codes, messages, no tracebacks."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from roam.assessment.loader import load_assessment, read_assessment
from roam.assessment.lock import AssessmentLock
from roam.assessment.model import MILESTONE_KINDS
from roam.cli.main import main
from tests.helpers.files import MINI_FRAMEWORK

MINI = ["--framework", str(MINI_FRAMEWORK)]


def _roam(*args: str) -> Result:
    result = CliRunner().invoke(main, list(args))
    assert "Traceback" not in result.output
    return result


def test_new_creates_core_scope_answers_and_milestones(tmp_path: Path) -> None:
    path = tmp_path / "kenya.yaml"
    result = _roam("new", str(path), "--country", "Kenya", "--iso", "ken", *MINI)
    assert result.exit_code == 0, result.output
    assessment = load_assessment(path)
    assert (assessment.country, assessment.iso, assessment.scope) == ("Kenya", "KEN", "core")
    # mini's core indicators plus its contextual one, in framework order
    assert list(assessment.answers) == ["C.1.1.a", "R.A.1.a", "R.A.2.a", "O.A.1.a"]
    assert {a.status for a in assessment.answers.values()} == {"not_assessed"}
    assert [m.kind for m in assessment.milestones] == list(MILESTONE_KINDS)
    assert "4 indicators" in result.output


def test_new_full_scope_covers_every_indicator(tmp_path: Path) -> None:
    path = tmp_path / "kenya.yaml"
    result = _roam("new", str(path), "--country", "Kenya", "--iso", "KEN", "--scope", "full", *MINI)
    assert result.exit_code == 0, result.output
    assert len(load_assessment(path).answers) == 6


def test_new_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    path = tmp_path / "kenya.yaml"
    path.write_text("precious work\n", encoding="utf-8")
    result = _roam("new", str(path), "--country", "Kenya", "--iso", "KEN", *MINI)
    assert result.exit_code == 2
    assert "already exists; add --force" in result.output
    assert path.read_text(encoding="utf-8") == "precious work\n"

    result = _roam("new", str(path), "--country", "Kenya", "--iso", "KEN", "--force", *MINI)
    assert result.exit_code == 0, result.output
    assert load_assessment(path).country == "Kenya"
    assert (tmp_path / "kenya.yaml.bak").read_text(encoding="utf-8") == "precious work\n"


def test_new_does_not_replace_a_file_someone_is_editing(tmp_path: Path) -> None:
    path = tmp_path / "kenya.yaml"
    path.write_text("open elsewhere\n", encoding="utf-8")
    with AssessmentLock(path):
        result = _roam("new", str(path), "--country", "K", "--iso", "KEN", "--force", *MINI)
    assert result.exit_code == 2
    assert "open for editing by user" in result.output
    assert path.read_text(encoding="utf-8") == "open elsewhere\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--country", "Kenya", "--iso", "KE"], "not an ISO 3166-1 alpha-3 country code"),
        (["--country", "Kenya", "--iso", "K3N"], "not an ISO 3166-1 alpha-3 country code"),
        (["--country", "France", "--iso", "FRE"], "'FRE' is not an assigned ISO 3166-1"),
        (["--country", " ", "--iso", "KEN"], "country name must not be empty"),
        (["--country", "Kenya"], "Missing option '--iso'"),
        (["--country", "Kenya", "--iso", "KEN", "--scope", "half"], "'half' is not one of"),
    ],
)
def test_new_rejects_bad_arguments(tmp_path: Path, args: list[str], message: str) -> None:
    path = tmp_path / "kenya.yaml"
    result = _roam("new", str(path), *args, *MINI)
    assert result.exit_code == 2
    assert message in result.output
    assert not path.exists()


def test_new_reports_a_missing_folder_and_a_missing_framework(tmp_path: Path) -> None:
    result = _roam("new", str(tmp_path / "no" / "k.yaml"), "--country", "K", "--iso", "KEN", *MINI)
    assert result.exit_code == 2
    assert "does not exist" in result.output
    result = _roam(
        "new", str(tmp_path / "k.yaml"), "--country", "K", "--iso", "KEN", "--framework", "nope"
    )
    assert result.exit_code == 2
    assert "nope: no such file or folder" in result.output


def test_demo_writes_a_clean_examplia(tmp_path: Path) -> None:
    path = tmp_path / "examplia.yaml"
    result = _roam("demo", str(path), *MINI)
    assert result.exit_code == 0, result.output
    loaded = read_assessment(path)
    assert loaded.assessment.country == "Republic of Examplia"
    assert loaded.warnings == []


def test_demo_cycles_and_seeds(tmp_path: Path) -> None:
    one, two, other = (tmp_path / name for name in ("one.yaml", "two.yaml", "other.yaml"))
    assert _roam("demo", str(one), *MINI).exit_code == 0
    assert _roam("demo", str(two), "--cycle", "2", *MINI).exit_code == 0
    assert _roam("demo", str(other), "--seed", "7", *MINI).exit_code == 0
    assert load_assessment(two).created > load_assessment(one).created
    assert load_assessment(other) != load_assessment(one)
    result = _roam("demo", str(tmp_path / "three.yaml"), "--cycle", "3", *MINI)
    assert result.exit_code == 2


def test_demo_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    path = tmp_path / "examplia.yaml"
    path.write_text("mine\n", encoding="utf-8")
    result = _roam("demo", str(path), *MINI)
    assert result.exit_code == 2
    assert "already exists" in result.output
    assert path.read_text(encoding="utf-8") == "mine\n"
    assert _roam("demo", str(path), "--force", *MINI).exit_code == 0


def test_demo_on_the_built_in_edition(tmp_path: Path, built_in: object) -> None:
    path = tmp_path / "examplia.yaml"
    result = _roam("demo", str(path))
    assert result.exit_code == 0, result.output
    assert len(load_assessment(path).answers) == 303


@pytest.mark.parametrize(("typed", "stored"), [("fra", "FRA"), ("XEX", "XEX"), ("qmz", "QMZ")])
def test_new_takes_assigned_and_user_assigned_codes(
    tmp_path: Path, typed: str, stored: str
) -> None:
    path = tmp_path / "a.yaml"
    result = _roam("new", str(path), "--country", "Somewhere", "--iso", typed, *MINI)
    assert result.exit_code == 0, result.output
    assert f"iso: {stored}" in path.read_text(encoding="utf-8")
