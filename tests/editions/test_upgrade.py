"""`roam upgrade` and cross-edition `roam compare`: 2018.1 assessments moved to 2018.2."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from roam.assessment.loader import read_assessment
from roam.assessment.storage import save_assessment
from roam.assessment.upgrade import upgrade_assessment
from roam.cli import main
from roam.demo import make_demo
from roam.framework import Framework, load_framework
from roam.framework.loader import built_in_edition
from roam.teamwork.compare import Cycle, compare_cycles
from tests.helpers.files import MINI_FRAMEWORK
from tests.helpers.report_assessment import mini_assessment


@pytest.fixture(scope="module")
def old_edition() -> Framework:
    folder = built_in_edition("roam-x-2018", "2018.1")
    assert folder is not None
    return load_framework(folder)


@pytest.fixture
def old_file(tmp_path: Path, old_edition: Framework) -> Path:
    path = tmp_path / "examplia.yaml"
    save_assessment(make_demo(old_edition, path=path), path, old_edition)
    return path


def test_a_2018_1_file_still_loads_against_2018_1(old_file: Path) -> None:
    assert "path" not in yaml.safe_load(old_file.read_text(encoding="utf-8"))["framework"]
    loaded = read_assessment(old_file)
    assert (loaded.framework.id, loaded.framework.version) == ("roam-x-2018", "2018.1")
    assert not [w for w in loaded.warnings if "changed" in w.message]


def test_upgrade_keeps_or_lists_every_answer_and_marks_those_to_look_at(
    old_file: Path, old_edition: Framework
) -> None:
    before = read_assessment(old_file).assessment
    result = upgrade_assessment(before, old_edition)
    after = result.assessment
    assert (result.framework.version, after.framework.version) == ("2018.2", "2018.2")
    worked = {c for c, a in before.answers.items() if a.status != "not_assessed"}
    moved_elsewhere = {move.old for move in result.moves}
    # Every answer with content sits at its own code in 2018.2 or is accounted for in a move.
    for code in worked - moved_elsewhere:
        assert after.answers[code].status == before.answers[code].status, code
        assert after.answers[code].justification == before.answers[code].justification, code
    assert not result.left_behind
    # A rename carries the answer across; a merge keeps the other answer as a version.
    assert after.answers["A.A.3.b"].justification == before.answers["A.B.5.a"].justification
    kept = after.answers["R.E.1.a"]
    assert kept.justification == before.answers["R.E.1.a"].justification
    assert [v.source for v in kept.conflicts][-1] == "X.D.5.a before the upgrade"
    assert kept.review.state == "queried"
    assert any(c.author == "roam upgrade" for c in kept.review.thread)
    # The dropped count stays under its old code; the reused code starts afresh.
    assert after.answers["M.B.2.b"].value == before.answers["M.B.2.b"].value
    assert after.answers["X.D.5.a"].status == "not_assessed"
    listed = {move.old for move in result.to_review}
    assert {"X.D.5.a", "X.C.4.a", "A.F.3.a", "M.B.2.b"} <= listed


def test_cli_upgrade_writes_the_new_file_and_lists_what_needs_a_look(
    old_file: Path, tmp_path: Path
) -> None:
    original = old_file.read_bytes()
    out = tmp_path / "examplia-2018.2.yaml"
    result = CliRunner().invoke(main, ["upgrade", str(old_file), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert old_file.read_bytes() == original
    assert "upgraded from roam-x-2018@2018.1 to roam-x-2018@2018.2" in result.output
    assert "X.D.5.a -> R.E.1.a (merged)" in result.output
    assert "M.B.2.b -> kept under its old code (dropped)" in result.output
    assert "A.B.5.a -> A.A.3.b (renamed)" in result.output
    loaded = read_assessment(out)
    assert loaded.framework.version == "2018.2"
    # The only warning left is the dropped answer, which roam keeps and names.
    assert [w.message.split(";")[0] for w in loaded.warnings] == [
        "no indicator 'M.B.2.b' in framework 'roam-x-2018'"
    ]
    again = CliRunner().invoke(main, ["upgrade", str(out)])
    assert again.exit_code == 0 and "nothing to do" in again.output


def test_cli_upgrade_in_place_keeps_a_backup(old_file: Path) -> None:
    original = old_file.read_bytes()
    result = CliRunner().invoke(main, ["upgrade", str(old_file)])
    assert result.exit_code == 0, result.output
    assert Path(f"{old_file}.bak").read_bytes() == original
    assert read_assessment(old_file).framework.version == "2018.2"


def test_compare_relates_a_2018_1_cycle_to_a_2018_2_one_through_the_crosswalk(
    old_file: Path, old_edition: Framework
) -> None:
    baseline = read_assessment(old_file)
    upgraded = upgrade_assessment(baseline.assessment, old_edition)
    followup = upgraded.assessment.model_copy(deep=True)
    answer = followup.answers["A.A.3.b"]  # A.B.5.a in 2018.1
    levels = [level.id for level in upgraded.framework.scales["institutional"].levels]
    answer.level = next(level for level in levels if level != answer.level)
    answer.status = "answered"
    comparison = compare_cycles(
        Cycle("2022", baseline.assessment, old_edition),
        Cycle("2025", followup, upgraded.framework),
    )
    changed = {change.code: change for change in comparison.changes}
    assert set(changed) == {"A.A.3.b"}
    before = baseline.assessment.answers["A.B.5.a"]
    assert f"level {before.level}" in changed["A.A.3.b"].baseline
    assert any("through the crosswalk" in note for note in comparison.notes)


REVISED_CROSSWALK = """\
from: {id: mini, version: "1.0"}
to: {id: mini, version: "2.0"}
changes:
  - {kind: merged, from: [R.A.1.a, R.A.1.b], to: R.A.1.a}
  - {kind: renamed, from: O.A.1.a, to: N.A.1.a, note: Open standards moved to the new category}
  - {kind: new, to: N.A.1.b}
"""


def _revised_mini(folder: Path) -> Path:
    """The mini edition reshaped as a revision might be: fewer indicators, a new category."""
    text = MINI_FRAMEWORK.read_text(encoding="utf-8")
    text = text.replace('version: "1.0"', 'version: "2.0"')
    text = text.replace(
        "              - {code: R.A.1.b, kind: qualitative, scale: three, text: The law is"
        " applied, weight: 2}\n",
        "",
    )
    start = text.index("  - code: O\n")
    text = text[:start] + (
        "  - code: N\n"
        "    name: Environment and artificial intelligence\n"
        "    themes:\n"
        "      - code: N.A\n"
        "        name: Sustainable and accountable technology\n"
        "        questions:\n"
        "          - code: N.A.1\n"
        "            text: Are open standards and AI rules in place?\n"
        "            indicators:\n"
        "              - {code: N.A.1.a, kind: institutional, scale: three, core: true,"
        " text: Open standards policy}\n"
        "              - {code: N.A.1.b, kind: institutional, scale: three,"
        " text: AI systems used by the state are registered}\n"
    )
    path = folder / "mini-2.yaml"
    path.write_bytes(text.encode("utf-8"))
    (folder / "crosswalks").mkdir()
    (folder / "crosswalks" / "mini@1.0__mini@2.0.yaml").write_bytes(REVISED_CROSSWALK.encode())
    return path


def test_a_revision_with_fewer_indicators_and_a_new_category_upgrades_too(
    tmp_path: Path,
) -> None:
    old = load_framework(MINI_FRAMEWORK)
    new = load_framework(_revised_mini(tmp_path))
    assert [c.code for c in new.categories] == ["C", "R", "N"]
    assert len(new.places) == len(old.places)  # 6 -> 6: one merged away, one new
    before = mini_assessment(old)
    result = upgrade_assessment(before, old, target=new)
    after = result.assessment
    assert after.framework.version == "2.0"
    assert after.answers["N.A.1.a"].status == before.answers["O.A.1.a"].status
    assert "R.A.1.b" not in after.answers and "O.A.1.a" not in after.answers
    merged = after.answers["R.A.1.a"]
    assert merged.level == before.answers["R.A.1.a"].level
    assert [v.level for v in merged.conflicts][-1] == before.answers["R.A.1.b"].level
    assert {m.old for m in result.to_review} >= {"R.A.1.a", "R.A.1.b"}
