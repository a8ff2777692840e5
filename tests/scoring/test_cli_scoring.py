"""`roam score` and `roam check` as a user runs them."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner, Result

from roam.cli import main
from tests.helpers.scoring_builders import MINI

OLD = {"kind": "survey", "citation": "Old survey", "published": "2001-01-01"}
RECENT = {"kind": "report", "citation": "Annual report", "published": dt.date.today().isoformat()}


def ready_answers() -> dict[str, Any]:
    return {
        "C.1.1.a": {"status": "answered", "value": 1200, "year": 2023, "evidence": [RECENT]},
        "R.A.1.a": {"status": "answered", "level": "mid", "evidence": [RECENT]},
        "R.A.1.b": {"status": "answered", "level": "high", "evidence": [RECENT]},
        "R.A.2.a": {"status": "answered", "value": 40, "year": 2023, "evidence": [RECENT]},
        "R.B.1.a": {"status": "answered", "value": 10, "year": 2023, "evidence": [RECENT]},
        "O.A.1.a": {"status": "no_data", "justification": "never surveyed"},
    }


def write(folder: Path, answers: dict[str, Any], **top: Any) -> Path:
    document = {
        "country": "Testland",
        "iso": "TST",
        "framework": {"id": "mini", "version": "1.0", "path": str(MINI)},
        "scope": "full",
        "created": "2024-01-01T00:00:00",
        "answers": answers,
        **top,
    }
    path = folder / "assessment.yaml"
    path.write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")
    return path


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


# R.A.1 = (50 + 100 * 2) / 3 = 83.333; R.A.2 = 40; R.A = 61.667; R.B = 100 - 20 = 80
# R = (61.667 + 80) / 2 = 70.833; O has only no data: no score; overall = R.
R_A = (250 / 3 + 40) / 2
R = (R_A + 80) / 2


def test_score_json_is_one_object_with_categories_themes_and_coverage(tmp_path: Path) -> None:
    result = run("score", str(write(tmp_path, ready_answers())), "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)  # exactly one JSON document
    assert list(data["categories"]) == ["C", "R", "O"]
    r = data["categories"]["R"]
    assert r["score"] == pytest.approx(R)
    assert r["band"] == "Developing"
    assert r["coverage"]["answered"] == 4
    assert r["coverage"]["not_assessed"] == 0
    assert r["coverage"]["percent"]["complete"] == 100.0
    assert r["themes"]["R.A"]["score"] == pytest.approx(R_A)
    assert r["themes"]["R.B"]["coverage"]["answered"] == 1
    o = data["categories"]["O"]
    assert o["score"] is None
    assert o["coverage"]["no_data"] == 1
    context = data["categories"]["C"]
    assert context["score"] is None and context["contextual"] is True
    assert context["coverage"]["answered"] == 1
    assert data["overall"]["score"] == pytest.approx(R)
    assert data["overall"]["coverage"]["total"] == 6
    assert data["data_gaps"] == ["O.A.1.a"]
    assert data["robustness"]["no_data_as_zero"] == {"R": pytest.approx(R), "O": 0.0}
    assert set(data["robustness"]) == {
        "default",
        "no_data_as_zero",
        "equal_indicator_weights",
        "geometric_mean",
    }
    assert "not a ranking" in data["note"]
    # The overall figure is there for audits, labelled as what it is.
    assert "diagnostic summary" in data["overall"]["note"]
    assert data["band_min_complete"] == 50.0


def test_no_band_below_the_coverage_threshold(tmp_path: Path) -> None:
    answers = {"R.A.1.a": {"status": "answered", "level": "high"}}
    result = run("score", str(write(tmp_path, answers)), "--json")
    data = json.loads(result.stdout)
    r = data["categories"]["R"]
    assert r["score"] == 100.0  # the score is shown...
    assert r["coverage"]["percent"]["complete"] < data["band_min_complete"]
    assert r["band"] is None  # ...but one answer of four earns no band


def test_no_data_as_zero_flag(tmp_path: Path) -> None:
    result = run("score", str(write(tmp_path, ready_answers())), "--json", "--no-data-as-zero")
    data = json.loads(result.stdout)
    assert data["rules"]["no_data_as_zero"] is True
    assert data["categories"]["O"]["score"] == 0.0
    # overall = (70.833 + 0) / 2
    assert data["overall"]["score"] == pytest.approx(R / 2)


def test_warnings_go_to_stderr_and_leave_the_json_intact(tmp_path: Path) -> None:
    answers = {**ready_answers(), "Z.9.9.z": {"status": "answered", "level": "mid"}}
    result = run("score", str(write(tmp_path, answers)), "--json")
    assert result.exit_code == 0
    assert "Z.9.9.z" in result.stderr
    assert json.loads(result.stdout)["categories"]["R"]["score"] == pytest.approx(R)


def test_score_table_shows_scores_bands_coverage_and_the_caveat(tmp_path: Path) -> None:
    result = run("score", str(write(tmp_path, ready_answers())))
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert any("diagnostic aid" in line and "not a ranking" in line for line in lines)
    r_row = next(line.split() for line in lines if line.startswith("R "))
    assert r_row[:4] == ["R", "Rights", "70.8", "Developing"]
    theme_row = next(line.split() for line in lines if line.strip().startswith("R.B "))
    assert theme_row[:3] == ["R.B", "Expression", "80.0"]
    assert any(line.startswith("geometric_mean") for line in lines)
    assert "Data gaps (1): O.A.1.a" in result.output


def test_check_exits_0_when_ready(tmp_path: Path) -> None:
    result = run("check", str(write(tmp_path, ready_answers())))
    assert result.exit_code == 0, result.output
    assert "ready: no findings" in result.output


def test_check_exits_1_and_groups_findings_by_check(tmp_path: Path) -> None:
    answers = ready_answers()
    del answers["R.A.2.a"]
    answers["R.A.1.a"] = {"status": "answered", "level": "mid"}
    answers["O.A.1.a"] = {"status": "no_data"}
    answers["R.B.1.a"]["evidence"] = [
        {"kind": "survey", "citation": "Old", "published": "2001-01-01"}
    ]
    result = run("check", str(write(tmp_path, answers)))
    assert result.exit_code == 1, result.output
    out = result.output
    headings = ["Not assessed (1)", "Missing justifications (1)", "Answered without evidence (1)"]
    positions = [out.index(heading) for heading in [*headings, "Old evidence (1)"]]
    assert positions == sorted(positions)
    assert "  R.A.2.a  no answer yet" in out
    assert "  O.A.1.a  no data without a justification" in out
    assert "  R.A.1.a  answered without any evidence" in out


def test_check_max_age(tmp_path: Path) -> None:
    answers = ready_answers()
    answers["R.B.1.a"]["evidence"] = [
        {"kind": "survey", "citation": "Old", "published": "2001-01-01"}
    ]
    path = str(write(tmp_path, answers))
    assert run("check", path).exit_code == 1
    assert run("check", path, "--max-age", "100").exit_code == 0
    assert run("check", path, "--max-age", "-1").exit_code == 2


@pytest.mark.parametrize("command", ["score", "check"])
@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("country: [unclosed\n", "YAML syntax error"),
        ("- a list\n", "mapping"),
        (None, "not found"),
    ],
)
def test_unreadable_files_exit_2_without_a_traceback(
    tmp_path: Path, command: str, content: str | None, message: str
) -> None:
    path = tmp_path / "assessment.yaml"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    result = run(command, str(path))
    assert result.exit_code == 2
    assert message in result.output
    assert "assessment.yaml" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("command", ["score", "check"])
def test_invalid_assessment_names_the_line(tmp_path: Path, command: str) -> None:
    path = write(tmp_path, ready_answers(), iso="tst")
    result = run(command, str(path))
    assert result.exit_code == 2
    line = next(
        n for n, text in enumerate(path.read_text().splitlines(), 1) if text.startswith("iso")
    )
    assert f"assessment.yaml:{line}:" in result.output
    assert "Traceback" not in result.output


def test_an_unknown_edition_exits_2(tmp_path: Path) -> None:
    path = write(tmp_path, {}, framework={"id": "no-such-edition", "version": "1"})
    result = run("score", str(path))
    assert result.exit_code == 2
    assert "no-such-edition" in result.output
    assert "Traceback" not in result.output
