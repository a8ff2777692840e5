"""Fuzzing the assessment loader: random and mutated assessment files load or fail clearly.

The seed is the demo assessment (every status, evidence kind, review state,
comment, history and recommendation) made on the small test edition, which it
names by a relative framework.path, as a user's own edition would be.  Whatever
loads must also score and survive a save and reload unchanged.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from roam.assessment.loader import LoadedAssessment, read_assessment
from roam.assessment.storage import assessment_yaml, save_assessment
from roam.demo import make_demo
from roam.framework.loader import load_framework
from roam.scoring.engine import score
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


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz-assessment")


@pytest.fixture(scope="module")
def seed_text(folder: Path) -> str:
    mini = load_framework(MINI_FRAMEWORK)
    path = folder / "seed.yaml"
    save_assessment(make_demo(mini, path=path), path, mini)
    return path.read_text(encoding="utf-8")


def _load(target: str, path: Path) -> None:
    result = holds_contract(target, lambda: read_assessment(path), [path])
    if isinstance(result, LoadedAssessment):
        _check_usable(result, path)


def _check_usable(loaded: LoadedAssessment, path: Path) -> None:
    """An assessment that loads can be scored, saved and read back as it was."""
    report = score(loaded.assessment, loaded.framework)
    if report.overall.score is not None:
        assert 0 <= report.overall.score <= 100 or math.isnan(report.overall.score)
    again = path.with_name(f"again-{path.name}")
    again.write_text(assessment_yaml(loaded.assessment, loaded.framework), encoding="utf-8")
    assert read_assessment(again).assessment == loaded.assessment


@pytest.fixture(scope="module")
def seed_data(seed_text: str) -> object:
    return yaml.load(seed_text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def test_the_seed_loads(folder: Path, seed_text: str) -> None:
    """Mutations start from a file that loads, so refusals come from the mutations."""
    path = write(folder / "seed-check.yaml", seed_text)
    _check_usable(read_assessment(path), path)


@FUZZ
@given(text=yaml_noise())
def test_random_yaml_text(folder: Path, text: str) -> None:
    _load("assessment: random YAML text", write(folder / "noise.yaml", text))


@FUZZ
@given(raw=st.binary(max_size=400))
def test_random_bytes(folder: Path, raw: bytes) -> None:
    _load("assessment: random bytes", write(folder / "bytes.yaml", raw))


@FUZZ
@given(data=st.data())
def test_mutated_demo_text(folder: Path, seed_text: str, data: st.DataObject) -> None:
    text = data.draw(mutated_text(seed_text))
    _load("assessment: mutated demo text", write(folder / "text.yaml", text))


@FUZZ
@given(data=st.data())
def test_mutated_demo_values(folder: Path, seed_data: object, data: st.DataObject) -> None:
    mutated = data.draw(mutated_data(seed_data))
    _load("assessment: mutated demo values", write(folder / "values.yaml", dump(mutated)))
