"""Official-text overlays: UNESCO's numbers and wording, recorded by a team, shown beside roam's."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from roam.assessment.storage import save_assessment
from roam.cli import main
from roam.demo import make_demo
from roam.errors import SourceError
from roam.framework import Framework, load_framework
from roam.framework.loader import indicators_root
from roam.framework.overlay import load_overlay, read_overlay
from roam.framework.schema import SCHEMAS

EXAMPLE = indicators_root() / "overlays" / "example.overlay.yaml"
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def edition() -> Framework:
    return load_framework()


def test_the_shipped_example_is_valid_and_says_it_is_an_example(edition: Framework) -> None:
    parsed = read_overlay(EXAMPLE, edition)
    assert parsed is not None and parsed.example
    assert [item.code for item in parsed.items] == ["R.B.1", "R.B.1.a"]
    assert "not a UNESCO text" in parsed.source.title
    assert "AN EXAMPLE" in EXAMPLE.read_text(encoding="utf-8")


def test_committed_schemas_match_the_models() -> None:
    for kind, name in (("crosswalk", "roam-crosswalk"), ("overlay", "roam-overlay")):
        committed = json.loads((ROOT / "indicators" / f"{name}.schema.json").read_text("utf-8"))
        assert committed == SCHEMAS[kind](), f"run `roam schema --of {kind} -o ...`"


def _overlay(folder: Path, body: str) -> Path:
    path = folder / "team.overlay.yaml"
    head = (
        'edition: {id: roam-x-2018, version: "2018.2"}\n'
        "source: {title: A publication, year: 2019}\n"
    )
    path.write_bytes((head + body).encode("utf-8"))
    return path


@pytest.mark.parametrize(
    ("body", "line", "expected"),
    [
        ("items:\n  - {code: R.B.9, unesco_ref: B.9}\n", 4, "has no item 'R.B.9'"),
        (
            "items:\n  - {code: R.B.1, unesco_ref: B.1}\n  - {code: R.B.1, text: Again}\n",
            5,
            "'R.B.1' is already given at",
        ),
        ("items:\n  - {code: R.B.1}\n", 4, "give unesco_ref, text or both"),
        ("items:\n  - {code: R.B.1, page: 0}\n", 4, "page"),
        ("items: []\n", 3, "items"),
    ],
)
def test_a_broken_overlay_names_file_line_and_column(
    tmp_path: Path, edition: Framework, body: str, line: int, expected: str
) -> None:
    path = _overlay(tmp_path, body)
    with pytest.raises(SourceError) as caught:
        load_overlay(edition, beside=tmp_path / "kenya.yaml")
    lines = caught.value.lines
    assert any(expected in text for text in lines), lines
    assert any(
        text.startswith(f"{path.name}:{line}:") or f"{path}:{line}:" in text for text in lines
    ), lines


def test_an_overlay_for_another_edition_is_ignored(tmp_path: Path, edition: Framework) -> None:
    path = _overlay(tmp_path, "items:\n  - {code: R.B.1, unesco_ref: B.1}\n")
    path.write_bytes(path.read_bytes().replace(b'"2018.2"', b'"2018.1"'))
    assert not load_overlay(edition, beside=tmp_path / "kenya.yaml")


def test_export_puts_the_official_texts_beside_roams(tmp_path: Path, edition: Framework) -> None:
    assessment_path = tmp_path / "examplia.yaml"
    save_assessment(make_demo(edition, path=assessment_path), assessment_path, edition)
    folder = tmp_path / "official"
    folder.mkdir()
    shutil.copy(EXAMPLE, folder / EXAMPLE.name)
    target = tmp_path / "report.xlsx"
    result = CliRunner().invoke(
        main, ["export", str(assessment_path), "-o", str(target), "--overlay", str(folder)]
    )
    assert result.exit_code == 0, result.output
    workbook = load_workbook(target)
    assert workbook.sheetnames.index("Official texts") == workbook.sheetnames.index("Method") - 1
    sheet = workbook["Official texts"]
    assert "made up, not UNESCO's" in str(sheet["A2"].value)
    rows = {row[0]: row for row in sheet.iter_rows(min_row=5, values_only=True)}
    assert rows["R.B.1"][1] == "X.0"
    assert rows["R.B.1"][2].startswith("Example wording standing in for UNESCO's text")
    assert rows["R.B.1.a"][3].startswith("The legal guarantee of freedom of expression")
    assert rows["R.B.1.a"][5] == "example.overlay.yaml"


def test_export_refuses_a_broken_overlay_beside_the_file(
    tmp_path: Path, edition: Framework
) -> None:
    assessment_path = tmp_path / "examplia.yaml"
    save_assessment(make_demo(edition, path=assessment_path), assessment_path, edition)
    _overlay(tmp_path, "items:\n  - {code: Q.Q.1, unesco_ref: B.1}\n")
    result = CliRunner().invoke(
        main, ["export", str(assessment_path), "-o", str(tmp_path / "r.xlsx")]
    )
    assert result.exit_code == 2
    assert "team.overlay.yaml:4:" in result.output and "has no item 'Q.Q.1'" in result.output
    assert not (tmp_path / "r.xlsx").exists()
