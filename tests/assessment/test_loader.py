"""Loading resolves the framework, checks answers against it and upgrades old formats."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from roam.assessment import migrate
from roam.assessment.create import new_assessment
from roam.assessment.editing_session import ChangedOnDiskError, open_assessment
from roam.assessment.loader import load_assessment, read_assessment
from roam.assessment.storage import save_assessment
from roam.errors import SourceError
from roam.framework import load_framework
from roam.framework.model import Framework
from roam.marked_yaml import read_marked_yaml
from tests.helpers.files import MINI_FRAMEWORK


def _edit_framework(path: Path, change: Any) -> None:
    data = read_marked_yaml(path).data
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")


def _category(data: dict[str, Any], code: str) -> dict[str, Any]:
    return next(c for c in data["categories"] if c["code"] == code)


@pytest.fixture
def own_edition(tmp_path: Path) -> Path:
    folder = tmp_path / "editions"
    folder.mkdir()
    return Path(shutil.copy(MINI_FRAMEWORK, folder / "mini.yaml"))


def test_framework_path_is_relative_to_the_file(
    tmp_path: Path, own_edition: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    framework = load_framework(own_edition)
    path = tmp_path / "work" / "kenya.yaml"
    path.parent.mkdir()
    save_assessment(new_assessment(framework, country="Kenya", iso="KEN", path=path), path)
    assert "path: ../editions/mini.yaml\n" in path.read_text(encoding="utf-8")
    monkeypatch.chdir(own_edition.parent)  # loading works from any working folder
    assert read_assessment(path).framework.id == "mini"


def test_framework_that_changed_is_a_warning_naming_the_codes(
    tmp_path: Path, own_edition: Path
) -> None:
    path = tmp_path / "kenya.yaml"
    framework = load_framework(own_edition)
    save_assessment(
        new_assessment(framework, country="Kenya", iso="KEN", scope="full", path=path), path
    )

    def drop_rb_and_add_oa1b(data: dict[str, Any]) -> None:
        rights = _category(data, "R")
        rights["themes"] = [t for t in rights["themes"] if t["code"] != "R.B"]
        question = _category(data, "O")["themes"][0]["questions"][0]
        question["indicators"].append(
            {"code": "O.A.1.b", "kind": "qualitative", "scale": "three", "text": "New"}
        )

    _edit_framework(own_edition, drop_rb_and_add_oa1b)
    loaded = read_assessment(path)
    messages = [w.message for w in loaded.warnings]
    changed = next(m for m in messages if "has changed since this assessment was made" in m)
    assert "1 answered code(s) are no longer in it: R.B.1.a" in changed
    assert "1 in-scope code(s) have no answer: O.A.1.b" in changed
    assert any("no indicator 'R.B.1.a'" in m for m in messages)
    assert "R.B.1.a" in loaded.assessment.answers  # kept

    with open_assessment(path) as opened:
        assert opened.adopt_framework() == ["O.A.1.b"]
        opened.save()
    again = read_assessment(path)
    assert [w.message for w in again.warnings] == [
        next(m for m in messages if "no indicator 'R.B.1.a'" in m)
    ]


def test_framework_with_another_id_is_refused(tmp_path: Path, own_edition: Path) -> None:
    path = tmp_path / "kenya.yaml"
    save_assessment(
        new_assessment(load_framework(own_edition), country="K", iso="KEN", path=path), path
    )
    _edit_framework(own_edition, lambda data: data.update(id="other"))
    with pytest.raises(SourceError, match="made against framework 'mini', not 'other'"):
        load_assessment(path)


def test_built_in_edition_is_found_by_id(tmp_path: Path, built_in: Framework) -> None:
    path = tmp_path / "kenya.yaml"
    save_assessment(new_assessment(built_in, country="Kenya", iso="KEN", path=path), path)
    assert "path:" not in path.read_text(encoding="utf-8")
    assert read_assessment(path).framework.id == built_in.id


def test_older_format_is_upgraded_through_the_migration_table(
    tmp_path: Path, mini: Framework, monkeypatch: pytest.MonkeyPatch
) -> None:
    def rename_nation(data: dict[str, Any]) -> dict[str, Any]:
        data["country"] = data.pop("nation")
        return data

    monkeypatch.setattr(migrate, "CURRENT_VERSION", 2)
    monkeypatch.setattr(migrate, "MIGRATIONS", {1: rename_nation})
    path = tmp_path / "old.yaml"
    path.write_text(
        "format_version: 1\nnation: Kenya\niso: KEN\n"
        f"framework: {{id: mini, version: '1.0', path: {MINI_FRAMEWORK}}}\n"
        "created: 2020-01-01T00:00:00Z\n",
        encoding="utf-8",
    )
    loaded = read_assessment(path)
    assert loaded.assessment.country == "Kenya"
    assert loaded.assessment.format_version == 2
    assert loaded.upgraded_from == 1
    assert [(w.line, w.message) for w in loaded.warnings] == [
        (1, "written in format_version 1; it will be saved in format_version 2")
    ]


def test_a_missing_migration_step_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(migrate, "CURRENT_VERSION", 3)
    monkeypatch.setattr(migrate, "MIGRATIONS", {1: lambda data: data})
    path = tmp_path / "old.yaml"
    path.write_text("format_version: 1\ncountry: Kenya\n", encoding="utf-8")
    with pytest.raises(SourceError, match="format_version 2 cannot be upgraded"):
        load_assessment(path)


def test_outside_edit_is_not_overwritten_by_a_save(tmp_path: Path, mini: Framework) -> None:
    path = tmp_path / "kenya.yaml"
    save_assessment(new_assessment(mini, country="Kenya", iso="KEN", path=path), path)
    with open_assessment(path) as opened:
        outside = path.read_text(encoding="utf-8").replace("country: Kenya", "country: Kenia")
        path.write_text(outside, encoding="utf-8")
        opened.assessment.country = "Republic of Kenya"
        with pytest.raises(ChangedOnDiskError, match="changed by another program"):
            opened.save()
        assert path.read_text(encoding="utf-8") == outside
        opened.save(overwrite_outside_changes=True)
        opened.assessment.country = "Kenya"
        opened.save()  # its own saves do not count as outside changes
    assert load_assessment(path).country == "Kenya"
