"""score() and readiness() find the edition an assessment names when none is given."""

from __future__ import annotations

import pytest

from roam.assessment.model import FrameworkRef
from roam.errors import RoamError
from roam.framework import load_framework
from roam.scoring.engine import score
from roam.scoring.readiness import readiness

from .builders import MINI, make_assessment


def test_the_built_in_edition_is_found_by_its_id() -> None:
    built_in = load_framework()
    assessment = make_assessment(scope="core")
    assessment.framework = FrameworkRef(id=built_in.id, version=built_in.version)
    report = score(assessment)
    assert [c.code for c in report.categories] == [c.code for c in built_in.categories]
    # nothing answered: every core and contextual indicator is not assessed, no score anywhere
    core = sum(1 for p in built_in.iter_places() if p.indicator.core or p.category.contextual)
    assert report.overall.coverage.not_assessed == core
    assert report.overall.score is None
    assert len(readiness(assessment)) == core


def test_an_edition_path_is_read_relative_to_the_given_folder() -> None:
    assessment = make_assessment()
    assessment.framework = FrameworkRef(id="mini", version="1.0", path=MINI.name)
    report = score(assessment, base_dir=MINI.parent)
    assert [c.code for c in report.categories] == ["C", "R", "O"]


@pytest.mark.parametrize(
    ("ref", "message"),
    [
        (FrameworkRef(id="no-such-edition", version="1"), "no built-in edition 'no-such-edition'"),
        (FrameworkRef(id="mini", version="9.9", path=str(MINI)), "version 9.9"),
        (FrameworkRef(id="other", version="1.0", path=str(MINI)), "holds 'mini'"),
    ],
)
def test_a_missing_or_different_edition_is_refused(ref: FrameworkRef, message: str) -> None:
    assessment = make_assessment()
    assessment.framework = ref
    with pytest.raises(RoamError, match=message):
        score(assessment)
