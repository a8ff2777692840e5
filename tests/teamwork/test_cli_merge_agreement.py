"""`roam merge` and `roam agreement` on files written to disk, as a team runs them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from roam.assessment.loader import load_assessment
from roam.assessment.storage import save_assessment
from roam.cli.main import main
from tests.helpers.files import MINI_FRAMEWORK
from tests.helpers.teamwork_builders import assessment, three_files


def write_three(folder: Path) -> list[Path]:
    shutil.copy(MINI_FRAMEWORK, folder / "mini.yaml")
    paths = []
    for item in three_files():
        path = folder / item.label
        save_assessment(item.assessment, path)
        paths.append(path)
    return paths


def test_merge_writes_the_merged_file_and_a_markdown_conflict_report(tmp_path: Path) -> None:
    paths = write_three(tmp_path)
    out = tmp_path / "merged" / "kenya.yaml"
    out.parent.mkdir()
    report = tmp_path / "conflicts.md"

    result = CliRunner().invoke(
        main, ["merge", *map(str, paths), "-o", str(out), "--report", str(report)]
    )

    assert result.exit_code == 0, result.output
    assert "2 conflicts" in result.output
    merged = load_assessment(out)  # the framework path was re-based on the new folder
    assert merged.framework.path == "../mini.yaml"
    assert [v.level for v in merged.answers["R.A.1.b"].conflicts] == ["mid", "low", "mid"]
    assert len(merged.answers["R.A.1.a"].evidence) == 3
    markdown = report.read_text(encoding="utf-8")
    assert markdown.startswith("# Merge conflict report")
    assert "| O.A.1.a | status, level |" in markdown


def test_merge_refuses_files_of_another_country_with_exit_2(tmp_path: Path) -> None:
    paths = write_three(tmp_path)
    ghana = tmp_path / "ghana.yaml"
    save_assessment(assessment({}, iso="GHA", country="Ghana"), ghana)
    out = tmp_path / "out.yaml"

    result = CliRunner().invoke(main, ["merge", str(paths[0]), str(ghana), "-o", str(out)])

    assert result.exit_code == 2
    assert "is about Ghana (GHA)" in result.stderr
    assert "Traceback" not in result.output
    assert not out.exists()


def test_merge_reports_a_broken_file_by_name_and_line(tmp_path: Path) -> None:
    paths = write_three(tmp_path)
    broken = tmp_path / "broken.yaml"
    broken.write_text("country: [unclosed\n", encoding="utf-8")

    result = CliRunner().invoke(main, ["merge", str(paths[0]), str(broken), "-o", "x.yaml"])

    assert result.exit_code == 2
    assert "broken.yaml:" in result.stderr


def test_agreement_prints_per_category_figures_and_json(tmp_path: Path) -> None:
    paths = write_three(tmp_path)

    text = CliRunner().invoke(main, ["agreement", str(paths[0]), str(paths[1])])
    data = CliRunner().invoke(main, ["agreement", str(paths[0]), str(paths[1]), "--json"])

    assert text.exit_code == 0, text.output
    assert "kappa linear" in text.output and "quadratic weights" in text.output
    rights = json.loads(data.output)["categories"][1]
    # Ana and Ben both answered R.A.1.a (high/high), R.A.1.b (mid/low), R.A.2.a (40/40)
    assert (rights["code"], rights["compared"], rights["agreed"], rights["rated"]) == (
        "R",
        3,
        2,
        2,
    )
    # rated pairs (1, 1) and (0.5, 0): observed |1-1| + |0.5-0| = 0.5 over 2 = 0.25;
    # expected over all four A x B pairs (0 + 1 + 0.5 + 0.5) / 4 = 0.5; kappa = 1 - 0.25/0.5
    assert rights["kappa_linear"] == 0.5


def test_agreement_lists_wide_gaps_under_their_category(tmp_path: Path) -> None:
    paths = write_three(tmp_path)
    ben = load_assessment(paths[1])
    ben.answers["R.A.1.a"].level = "low"  # Ana says high: two levels apart
    save_assessment(ben, paths[1])

    text = CliRunner().invoke(main, ["agreement", str(paths[0]), str(paths[1])]).output

    listing = text.split("Rated two or more levels apart (1), by category:\n", 1)[1]
    assert listing.splitlines()[:2] == [
        "  R Rights (1)",
        "    R.A.1.a  high / low  (2 levels)",
    ]
