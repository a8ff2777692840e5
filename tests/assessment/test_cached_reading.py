"""A file opened before comes from the cache only while it and its edition are unchanged."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
import yaml

from roam.assessment import migrate
from roam.assessment.editing_session import open_assessment
from roam.assessment.loader import read_assessment
from roam.assessment.model import Answer, FrameworkRef
from roam.assessment.storage import save_assessment
from roam.errors import SourceError
from roam.framework import load_framework
from roam.framework.model import Framework
from roam.marked_yaml import read_marked_yaml
from tests.helpers.assessment_builders import small_assessment
from tests.helpers.files import MINI_FRAMEWORK

pytestmark = pytest.mark.usefixtures("cache_dir")  # a cache folder of each test's own


@pytest.fixture
def kenya(tmp_path: Path, mini: Framework) -> Path:
    """A file with two warnings: an answer to an unknown code, and a unit of its own."""
    assessment = small_assessment(mini)
    assessment.answers["R.A.2.a"].unit = "people"
    assessment.answers["Z.9.9.z"] = Answer(status="answered", value=1.0)
    path = tmp_path / "kenya.yaml"
    save_assessment(assessment, path, mini)
    return path


def _line_of(path: Path, text: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if text in line)


def test_a_reopened_file_is_not_parsed_again(
    kenya: Path, tmp_path: Path, parses: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    first = read_assessment(kenya, cache=True)
    assert parses == ["kenya.yaml"]
    assert {w.path for w in first.warnings} == {"kenya.yaml"}
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    parses.clear()
    again = read_assessment(kenya)
    assert parses == []
    assert again.assessment == first.assessment
    assert again.framework.id == "mini"
    assert again.sha256 == hashlib.sha256(kenya.read_bytes()).hexdigest()
    assert [(w.path, w.line, w.message) for w in again.warnings] == [
        (
            str(kenya),  # named as seen from the folder of this reading, not the first
            _line_of(kenya, "unit: people"),
            "R.A.2.a: unit 'people' differs from the indicator's unit '%'",
        ),
        (
            str(kenya),
            _line_of(kenya, "Z.9.9.z:"),
            "no indicator 'Z.9.9.z' in framework 'mini'; the answer is kept as it is",
        ),
    ]
    assert [(w.line, w.column) for w in again.warnings] == [
        (w.line, w.column) for w in first.warnings
    ]


def test_each_reading_gives_its_own_objects(kenya: Path) -> None:
    first = read_assessment(kenya, cache=True)
    first.assessment.country = "changed in memory"
    first.assessment.answers["R.A.1.a"].evidence.clear()
    again = read_assessment(kenya)
    assert again.assessment.country == "Kenya"
    assert len(again.assessment.answers["R.A.1.a"].evidence) == 1


def test_only_a_reading_asked_to_fills_the_cache(kenya: Path, parses: list[str]) -> None:
    read_assessment(kenya)
    read_assessment(kenya)
    assert parses == ["kenya.yaml", "kenya.yaml"]


def test_an_edited_file_is_parsed_again(kenya: Path, parses: list[str]) -> None:
    read_assessment(kenya, cache=True)
    kenya.write_text(kenya.read_text(encoding="utf-8").replace("Kenya", "Kenia"), encoding="utf-8")
    parses.clear()
    assert read_assessment(kenya).assessment.country == "Kenia"
    assert parses == ["kenya.yaml"]


def test_a_file_whose_edition_changed_is_checked_again(tmp_path: Path, mini: Framework) -> None:
    edition = Path(shutil.copy(MINI_FRAMEWORK, tmp_path / "mini.yaml"))
    own = load_framework(edition)
    assessment = small_assessment(mini)
    assessment.framework = FrameworkRef(id="mini", version="1.0", path="mini.yaml")
    path = tmp_path / "kenya.yaml"
    save_assessment(assessment, path, own)
    read_assessment(path, cache=True)
    data = read_marked_yaml(edition).data
    data["scales"]["three"]["levels"][1]["id"] = "middle"
    edition.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    with pytest.raises(
        SourceError, match=r"'mid' is not a level of its scale \(low, middle, high\)"
    ):
        read_assessment(path)


def test_a_framework_of_another_id_is_refused_after_caching(kenya: Path, mini: Framework) -> None:
    read_assessment(kenya, cache=True)
    other = mini.model_copy(update={"id": "other"})
    with pytest.raises(SourceError, match="made against framework 'mini', not 'other'"):
        read_assessment(kenya, other)


def test_a_session_that_saved_leaves_its_file_cached(kenya: Path, parses: list[str]) -> None:
    with open_assessment(kenya) as opened:
        opened.assessment.country = "Republic of Kenya"
        opened.save()
    parses.clear()
    again = read_assessment(kenya)
    assert parses == []
    assert again.assessment.country == "Republic of Kenya"
    assert again.sha256 == hashlib.sha256(kenya.read_bytes()).hexdigest()


def test_a_file_with_errors_is_never_cached(
    kenya: Path, cache_dir: Path, parses: list[str]
) -> None:
    kenya.write_text(
        kenya.read_text(encoding="utf-8").replace("iso: KEN", "iso: Kenya"), encoding="utf-8"
    )
    for _ in range(2):
        with pytest.raises(SourceError, match="iso: 'Kenya' is not an ISO 3166-1 alpha-3"):
            read_assessment(kenya, cache=True)
    assert parses == ["kenya.yaml", "kenya.yaml"]
    assert not list(cache_dir.glob("assessment-*"))


def test_a_newer_format_of_roam_reads_a_cached_file_again(
    kenya: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    read_assessment(kenya, cache=True)
    monkeypatch.setattr(migrate, "CURRENT_VERSION", 2)
    monkeypatch.setattr(migrate, "MIGRATIONS", {1: lambda data: data})
    upgraded = read_assessment(kenya, cache=True)
    assert upgraded.upgraded_from == 1
    assert upgraded.warnings[0].message == (
        "written in format_version 1; it will be saved in format_version 2"
    )
    assert read_assessment(kenya).upgraded_from == 1  # an upgraded reading is not cached
