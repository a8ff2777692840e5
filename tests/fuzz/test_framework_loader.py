"""Fuzzing the framework loader: random and mutated editions load or fail clearly."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from roam.framework.loader import default_edition_path, load_framework
from roam.framework.model import Framework
from tests.fuzz.support import (
    FUZZ,
    dump,
    holds_contract,
    mutated_data,
    mutated_text,
    write,
    yaml_noise,
)
from tests.helpers.files import MINI_FRAMEWORK

MINI_TEXT = MINI_FRAMEWORK.read_text(encoding="utf-8")
MINI_DATA = yaml.load(MINI_TEXT, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
BUILT_IN = default_edition_path()
# One built-in category with the real edition header: large, realistic text at a
# fraction of the cost of the whole edition.
CATEGORY = "M.yaml"
CATEGORY_TEXT = (BUILT_IN / CATEGORY).read_text(encoding="utf-8")
CATEGORY_DATA = yaml.load(CATEGORY_TEXT, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
HEADER_TEXT = (BUILT_IN / "edition.yaml").read_text(encoding="utf-8")


def _header_for(category_file: str) -> str:
    head, _, _ = HEADER_TEXT.partition("\ncategories:")
    return f"{head}\ncategories:\n  - {category_file}\n"


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz-framework")


def _load_edition_file(target: str, path: Path) -> None:
    result = holds_contract(target, lambda: load_framework(path), [path])
    if isinstance(result, Framework):
        _check_framework(result)


def _load_category(target: str, folder: Path, category: str | bytes) -> None:
    folder.mkdir(exist_ok=True)
    edition = write(folder / "edition.yaml", _header_for(CATEGORY))
    part = write(folder / CATEGORY, category)
    result = holds_contract(target, lambda: load_framework(folder), [edition, part])
    if isinstance(result, Framework):
        _check_framework(result)


def _check_framework(framework: Framework) -> None:
    """What every consumer of a loaded framework relies on."""
    places = list(framework.iter_places())
    assert len(framework.places) == len(places), "indicator codes must be unique"
    for place in places:
        assert place.indicator.code.startswith(place.question.code + ".")
        assert place.question.code.startswith(place.theme.code + ".")
        assert place.theme.code.startswith(place.category.code + ".")


def test_the_seeds_are_valid(folder: Path) -> None:
    """Mutations start from editions that load, so refusals come from the mutations."""
    assert isinstance(load_framework(MINI_FRAMEWORK), Framework)
    write(folder / "edition.yaml", _header_for(CATEGORY))
    write(folder / CATEGORY, CATEGORY_TEXT)
    assert isinstance(load_framework(folder), Framework)


@FUZZ
@given(text=yaml_noise())
def test_random_yaml_text(folder: Path, text: str) -> None:
    _load_edition_file("framework: random YAML text", write(folder / "noise.yaml", text))


@FUZZ
@given(raw=st.binary(max_size=400) | mutated_text(MINI_TEXT).map(lambda t: t.encode()[::-1]))
def test_random_bytes(folder: Path, raw: bytes) -> None:
    _load_edition_file("framework: random bytes", write(folder / "bytes.yaml", raw))


@FUZZ
@given(text=mutated_text(MINI_TEXT))
def test_mutated_small_edition_text(folder: Path, text: str) -> None:
    _load_edition_file("framework: mutated mini.yaml text", write(folder / "mini.yaml", text))


@FUZZ
@given(data=mutated_data(MINI_DATA))
def test_mutated_small_edition_data(folder: Path, data: object) -> None:
    path = write(folder / "mini-data.yaml", dump(data))
    _load_edition_file("framework: mutated mini.yaml values", path)


@FUZZ
@given(text=mutated_text(CATEGORY_TEXT))
def test_mutated_built_in_category_text(folder: Path, text: str) -> None:
    _load_category("framework: mutated built-in category text", folder / "text", text)


@FUZZ
@given(data=mutated_data(CATEGORY_DATA))
def test_mutated_built_in_category_data(folder: Path, data: object) -> None:
    _load_category("framework: mutated built-in category values", folder / "data", dump(data))


@FUZZ
@given(text=mutated_text(_header_for(CATEGORY)))
def test_mutated_built_in_edition_header(folder: Path, text: str) -> None:
    target = folder / "header"
    target.mkdir(exist_ok=True)
    edition = write(target / "edition.yaml", text)
    part = write(target / CATEGORY, CATEGORY_TEXT)
    result = holds_contract(
        "framework: mutated built-in edition header",
        lambda: load_framework(target),
        [edition, part],
    )
    if isinstance(result, Framework):
        _check_framework(result)
