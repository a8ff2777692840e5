"""Crosswalk files: checked against both editions, with file:line:col for every problem."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from roam.cli import main
from roam.errors import SourceError
from roam.framework import Framework, load_framework
from roam.framework.crosswalk import (
    crosswalk_folder,
    crosswalk_route,
    read_crosswalk,
)
from roam.framework.loader import built_in_edition

SHIPPED = crosswalk_folder() / "roam-x-2018@2018.1__roam-x-2018@2018.2.yaml"


@pytest.fixture(scope="module")
def editions() -> tuple[Framework, Framework]:
    old = built_in_edition("roam-x-2018", "2018.1")
    assert old is not None
    return load_framework(old), load_framework()


def test_the_shipped_crosswalk_accounts_for_every_code_of_both_versions(
    editions: tuple[Framework, Framework],
) -> None:
    old, new = editions
    crosswalk = read_crosswalk(SHIPPED, old, new)
    for first, second in [
        ("R.E.1.a", "X.D.5.a"),
        ("R.B.3.a", "X.E.2.a"),
        ("O.C.1.a", "A.A.3.a"),
        ("R.F.4.a", "O.D.2.a"),
        ("O.E.3.a", "X.C.4.a"),
    ]:
        change = crosswalk.change_for(first)
        assert change is not None and change.kind == "merged", first
        assert set(change.sources) == {first, second}
    assert crosswalk_route("roam-x-2018@2018.1", "roam-x-2018@2018.2") == [SHIPPED]
    assert crosswalk_route("roam-x-2018@2018.2", "roam-x-2018@2018.1") is None


def _broken(tmp_path: Path, old: str, new: str) -> Path:
    text = SHIPPED.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / SHIPPED.name
    path.write_bytes(text.replace(old, new, 1).encode("utf-8"))
    return path


def _lines(path: Path, editions: tuple[Framework, Framework]) -> list[str]:
    with pytest.raises(SourceError) as caught:
        read_crosswalk(path, *editions)
    return caught.value.lines


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "    from: [R.E.1.a, X.D.5.a]",
            "    from: [R.E.1.a, X.D.5.z]",
            "roam-x-2018 2018.1 has no indicator 'X.D.5.z'",
        ),
        ("  - kind: renamed\n    from: A.B.5.a", "  - kind: moved\n    from: A.B.5.a", "kind"),
        (
            "    from: [R.B.3.a, X.E.2.a]\n    to: R.B.3.a",
            "    from: [R.B.3.a, X.E.2.a]\n    to: R.B.3.b",
            "'R.B.3.b' of the newer edition is already used by the change at",
        ),
        (
            "  - kind: renamed\n    from: A.B.5.b\n    to: A.A.3.c\n",
            "",
            "'A.B.5.b' is not in roam-x-2018 2018.2: list it as renamed, merged, split or dropped",
        ),
        ("    to: A.D.6.a\n", "    to: [A.D.6.a, A.D.6.b]\n", "names exactly 1 code in 'to'"),
        (
            'to: {id: roam-x-2018, version: "2018.2"}',
            'to: {id: roam-x-2018, version: "2019"}',
            "this crosswalk is for roam-x-2018@2019",
        ),
    ],
)
def test_a_broken_crosswalk_names_file_line_and_column(
    tmp_path: Path, editions: tuple[Framework, Framework], old: str, new: str, expected: str
) -> None:
    lines = _lines(_broken(tmp_path, old, new), editions)
    assert any(expected in line for line in lines), lines
    for line in lines:
        path, row, column, _ = line.split(":", 3)
        assert path.endswith(SHIPPED.name) and row.isdigit() and column.isdigit(), line


def test_a_crosswalk_that_is_not_yaml_mapping_is_refused(
    tmp_path: Path, editions: tuple[Framework, Framework]
) -> None:
    path = tmp_path / "x__y.yaml"
    path.write_bytes(b"- just a list\n")
    assert any("a crosswalk is a mapping" in line for line in _lines(path, editions))


def test_validate_checks_a_crosswalk_file_on_its_own(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["validate", str(SHIPPED)])
    assert result.exit_code == 0, result.output
    assert "crosswalk roam-x-2018@2018.1 -> roam-x-2018@2018.2: valid" in result.output
    folder = tmp_path / "crosswalks"
    folder.mkdir()
    broken = _broken(folder, "    to: A.A.3.c\n", "    to: A.A.3.z\n")
    result = CliRunner().invoke(main, ["validate", str(broken)])
    assert result.exit_code == 2
    assert "roam-x-2018 2018.2 has no indicator 'A.A.3.z'" in result.output
    assert f"{SHIPPED.name}:" in result.output


def test_validate_checks_an_overlay_file_on_its_own(tmp_path: Path) -> None:
    example = crosswalk_folder().parent / "overlays" / "example.overlay.yaml"
    result = CliRunner().invoke(main, ["validate", str(example)])
    assert result.exit_code == 0, result.output
    assert "overlay for roam-x-2018 2018.2: valid, 2 items" in result.output
    assert "made up, not UNESCO's" in result.output
    other = tmp_path / "team.overlay.yaml"
    other.write_bytes(example.read_bytes().replace(b'"2018.2"', b'"2031.1"'))
    result = CliRunner().invoke(main, ["validate", str(other)])
    assert result.exit_code == 2
    assert "roam-x-2018@2031.1 is not a built-in edition" in result.output
