"""score() and readiness() find the edition an assessment names when none is given."""

from __future__ import annotations

import pytest

from roam.assessment.model import FrameworkRef
from roam.errors import RoamError
from roam.framework import load_framework
from roam.scoring.engine import score
from roam.scoring.readiness import readiness
from tests.helpers.scoring_builders import MINI, make_assessment


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


def test_an_edition_path_is_read_relative_to_the_assessment_file() -> None:
    assessment = make_assessment()
    assessment.framework = FrameworkRef(id="mini", version="1.0", path=MINI.name)
    report = score(assessment, assessment_path=MINI.parent / "assessment.yaml")
    assert [c.code for c in report.categories] == ["C", "R", "O"]


@pytest.mark.parametrize(
    ("ref", "message"),
    [
        (FrameworkRef(id="no-such", version="1"), "'no-such' is not a built-in framework"),
        (FrameworkRef(id="other", version="1.0", path=str(MINI)), "against framework 'other'"),
    ],
)
def test_a_missing_or_different_edition_is_refused(ref: FrameworkRef, message: str) -> None:
    assessment = make_assessment()
    assessment.framework = ref
    with pytest.raises(RoamError, match=message):
        score(assessment)
