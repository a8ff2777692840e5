"""The built-in ROAM-X 2018 catalogue: UNESCO's totals and a usable instrument."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from roam.cli import main
from roam.framework import (
    ContextualIndicator,
    Framework,
    QuantitativeIndicator,
    ScaledIndicator,
    load_framework,
    localize,
)
from roam.framework.loader import default_edition_path


@pytest.fixture(scope="module")
def catalogue() -> Framework:
    return load_framework()


def test_validate_json_prints_unescos_totals() -> None:
    result = CliRunner().invoke(main, ["validate", "--json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output)
    assert summary["edition"] == "roam-x-2018"
    assert summary["indicators"] == 303
    assert summary["core"] == 109
    assert summary["themes"] == 25
    assert summary["questions"] == 124
    assert summary["contextual"] == 21
    assert summary["categories"]["X"]["indicators"] == 79
    themes = {code: c["themes"] for code, c in summary["categories"].items()}
    assert themes == {"C": 6, "R": 6, "O": 5, "A": 6, "M": 3, "X": 5}
    roam = sum(summary["categories"][c]["indicators"] for c in "ROAM")
    assert roam == 203


def test_categories_in_national_report_order(catalogue: Framework) -> None:
    assert [c.code for c in catalogue.categories] == ["C", "R", "O", "A", "M", "X"]
    assert [c.contextual for c in catalogue.categories] == [True] + [False] * 5


def test_quantitative_indicators_have_unit_goalposts_and_rationale(catalogue: Framework) -> None:
    quantitative = [
        p.indicator
        for p in catalogue.iter_places()
        if isinstance(p.indicator, QuantitativeIndicator)
    ]
    assert quantitative
    for indicator in quantitative:
        assert indicator.unit.strip(), indicator.code
        assert indicator.goalposts.lower < indicator.goalposts.upper, indicator.code
        assert localize(indicator.goalposts.rationale).strip(), f"{indicator.code}: no rationale"


def test_every_non_contextual_indicator_resolves_to_a_scale_or_goalposts(
    catalogue: Framework,
) -> None:
    for place in catalogue.iter_places():
        indicator = place.indicator
        if isinstance(indicator, ScaledIndicator):
            assert len(catalogue.scale_for(indicator).levels) >= 2
        elif isinstance(indicator, ContextualIndicator):
            assert place.category.contextual and not indicator.core
        else:
            assert isinstance(indicator, QuantitativeIndicator)


def test_every_indicator_suggests_one_to_four_sources(catalogue: Framework) -> None:
    for place in catalogue.iter_places():
        assert 1 <= len(place.indicator.sources) <= 4, place.indicator.code


def _normalised(text: str) -> str:
    """Lowercase, hyphens and punctuation read as spaces, whitespace collapsed."""
    return " ".join(re.sub(r"[^\w%]+", " ", text.casefold()).split())


def test_no_two_indicators_share_the_same_text(catalogue: Framework) -> None:
    # Cross-cutting indicators may revisit a ROAM topic, but each must measure its own thing:
    # "Fixed broadband" and "Fixed-broadband ..." count as the same text.
    seen: dict[str, str] = {}
    duplicates = []
    for place in catalogue.iter_places():
        code = place.indicator.code
        text = _normalised(localize(place.indicator.text, "en"))
        if text in seen:
            duplicates.append(f"{seen[text]} and {code}: {text}")
        seen.setdefault(text, code)
    assert not duplicates, duplicates


def test_every_theme_has_guidance_and_a_core_indicator(catalogue: Framework) -> None:
    for category in catalogue.categories:
        for theme in category.themes:
            assert localize(theme.guidance).strip(), theme.code
            if not category.contextual:
                assert any(i.core for q in theme.questions for i in q.indicators), theme.code


def test_french_texts_for_categories_themes_and_questions(catalogue: Framework) -> None:
    for category in catalogue.categories:
        assert "fr" in category.name, category.code
        for theme in category.themes:
            assert "fr" in theme.name, theme.code
            for question in theme.questions:
                assert "fr" in question.text, question.code
                assert question.text["fr"] != question.text["en"], question.code


def test_codes_follow_the_documented_scheme(catalogue: Framework) -> None:
    for place in catalogue.iter_places():
        if place.category.contextual:
            assert re.fullmatch(r"C\.[1-6]\.1\.[a-z]", place.indicator.code)
        else:
            assert re.fullmatch(r"[ROAMX]\.[A-F]\.\d+\.[a-z]", place.indicator.code)


def test_each_file_says_in_its_header_that_the_texts_are_roams() -> None:
    for path in sorted(default_edition_path().glob("*.yaml")):
        head = " ".join(path.read_text(encoding="utf-8")[:2500].replace("#", " ").split())
        assert "978-92-3-100314-1" in head, path.name
        assert "roam's own wording" in head, path.name


def test_disaggregations_are_named_where_breakdowns_matter(catalogue: Framework) -> None:
    children = next(t for t in catalogue.category("X").themes if t.code == "X.B")
    assert any("sex" in i.disaggregation for q in children.questions for i in q.indicators)
    equitable = next(t for t in catalogue.category("A").themes if t.code == "A.D")
    assert any(i.disaggregation for q in equitable.questions for i in q.indicators)


def test_edition_loads_from_its_folder_and_from_its_file() -> None:
    folder = load_framework(default_edition_path())
    file = load_framework(Path(default_edition_path()) / "edition.yaml")
    assert folder.content_hash == file.content_hash != ""
