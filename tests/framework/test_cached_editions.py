"""An edition read before comes from the cache only while every one of its files is unchanged."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from roam import cache
from roam.errors import SourceError
from roam.framework import edition_reader, loader
from roam.framework.loader import load_framework
from roam.framework.text import localize
from roam.marked_yaml import read_marked_yaml
from tests.helpers.calls import recorded_calls
from tests.helpers.files import MINI_FRAMEWORK


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files the framework loader parses (rather than taking from the cache)."""
    seen = recorded_calls(
        monkeypatch, loader, "parse_marked_bytes", lambda raw, shown, *_: Path(shown).name
    )
    return recorded_calls(
        monkeypatch, edition_reader, "read_marked_yaml", lambda path, **_: Path(path).name, seen
    )


@pytest.fixture
def edition(tmp_path: Path) -> Path:
    """The mini edition split into an edition.yaml and one file per category."""
    folder = tmp_path / "split"
    folder.mkdir()
    data = read_marked_yaml(MINI_FRAMEWORK).data
    names = []
    for category in data["categories"]:
        name = f"{category['code']}.yaml"
        (folder / name).write_text(yaml.safe_dump(category, sort_keys=False), encoding="utf-8")
        names.append(name)
    data["categories"] = names
    (folder / "edition.yaml").write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return folder


def _edit(path: Path, change: Callable[[dict[str, Any]], None]) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")


def _rename_first_theme(name: str) -> Callable[[dict[str, Any]], None]:
    def change(category: dict[str, Any]) -> None:
        category["themes"][0]["name"] = name

    return change


def test_an_unchanged_edition_is_not_parsed_again(
    edition: Path, cache_dir: Path, parses: list[str]
) -> None:
    first = load_framework(edition)
    assert sorted(parses) == ["C.yaml", "O.yaml", "R.yaml", "edition.yaml"]
    parses.clear()
    second = load_framework(edition)
    assert parses == []
    assert second == first
    assert second.content_hash == first.content_hash
    assert second.origin == str(edition / "edition.yaml")
    assert second.places.keys() == first.places.keys()


def test_each_load_gives_its_own_objects(edition: Path, cache_dir: Path) -> None:
    first = load_framework(edition)
    first.categories[1].themes[0].name["en"] = "changed in memory"
    second = load_framework(edition)
    assert localize(second.categories[1].themes[0].name) == "Framework"


def test_an_edited_category_file_is_read_again(
    edition: Path, cache_dir: Path, parses: list[str]
) -> None:
    before = load_framework(edition)
    _edit(edition / "R.yaml", _rename_first_theme("Legal framework"))
    parses.clear()
    after = load_framework(edition)
    assert "R.yaml" in parses
    assert localize(after.category("R").themes[0].name) == "Legal framework"
    assert after.content_hash != before.content_hash


def test_a_category_file_broken_since_is_reported_not_served(
    edition: Path, cache_dir: Path
) -> None:
    load_framework(edition)
    _edit(edition / "O.yaml", lambda category: category.update(code="bad code"))
    with pytest.raises(SourceError) as caught:
        load_framework(edition)
    assert any("O.yaml" in line and "'bad code'" in line for line in caught.value.lines)


def test_a_category_file_removed_since_is_reported(edition: Path, cache_dir: Path) -> None:
    load_framework(edition)
    (edition / "C.yaml").unlink()
    with pytest.raises(SourceError, match=r"category file 'C\.yaml' not found"):
        load_framework(edition)


def test_a_single_file_edition_is_cached_too(cache_dir: Path, parses: list[str]) -> None:
    first = load_framework(MINI_FRAMEWORK)
    parses.clear()
    assert load_framework(MINI_FRAMEWORK) == first
    assert parses == []


def test_damaged_entries_are_read_around_and_replaced(
    edition: Path, cache_dir: Path, parses: list[str]
) -> None:
    first = load_framework(edition)
    entries = list(cache_dir.glob("*.pickle"))
    assert len(entries) == 1
    for garbage in (b"", b"not a pickle", entries[0].read_bytes()[:100]):
        entries[0].write_bytes(garbage)
        parses.clear()
        assert load_framework(edition) == first
        assert "edition.yaml" in parses
    parses.clear()
    assert load_framework(edition) == first
    assert parses == []  # the damaged entry was replaced by a good one


def test_an_entry_stored_under_another_name_is_not_used(
    edition: Path, cache_dir: Path, parses: list[str]
) -> None:
    split = load_framework(edition)
    mini = load_framework(MINI_FRAMEWORK)
    first, second = sorted(cache_dir.glob("*.pickle"))
    first_bytes, second_bytes = first.read_bytes(), second.read_bytes()
    first.write_bytes(second_bytes)
    second.write_bytes(first_bytes)
    parses.clear()
    assert load_framework(edition) == split
    assert load_framework(MINI_FRAMEWORK) == mini
    assert sorted(parses) == ["C.yaml", "O.yaml", "R.yaml", "edition.yaml", "mini.yaml"]


def test_another_roam_does_not_use_the_entries_of_this_one(
    edition: Path, cache_dir: Path, parses: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    load_framework(edition)
    monkeypatch.setattr(cache, "code_fingerprint", lambda: "the fingerprint of another roam")
    parses.clear()
    load_framework(edition)
    assert "edition.yaml" in parses


def test_a_cache_folder_that_cannot_be_made_only_costs_speed(
    edition: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, parses: list[str]
) -> None:
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv(cache.CACHE_DIR_ENV, str(blocker / "cache"))
    first = load_framework(edition)
    assert load_framework(edition) == first
    assert parses.count("edition.yaml") == 2


def test_the_cache_can_be_turned_off(
    edition: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, parses: list[str]
) -> None:
    monkeypatch.setenv(cache.CACHE_DIR_ENV, cache.DISABLED)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    load_framework(edition)
    load_framework(edition)
    assert parses.count("edition.yaml") == 2
    assert not (tmp_path / "xdg").exists()


def test_the_least_recently_used_entries_are_dropped(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache, "MAX_ENTRIES", 3)
    keys = [cache.cache_key("test", str(n)) for n in range(3)]
    for age, key in enumerate(keys):
        cache.remember(key, age)
        os.utime(cache_dir / f"{key}.pickle", (1000 + age, 1000 + age))
    cache.recall(keys[0])  # used now: the most recently used
    cache.remember(cache.cache_key("test", "3"), 3)
    assert [cache.recall(key) for key in keys] == [0, None, 2]
    assert len(list(cache_dir.glob("*.pickle"))) == 3


def test_an_entry_copied_under_another_key_is_a_miss(cache_dir: Path) -> None:
    mine, other = cache.cache_key("test", "mine"), cache.cache_key("test", "other")
    cache.remember(mine, "my value")
    (cache_dir / f"{other}.pickle").write_bytes((cache_dir / f"{mine}.pickle").read_bytes())
    assert cache.recall(other) is None
    assert cache.recall(mine) == "my value"
