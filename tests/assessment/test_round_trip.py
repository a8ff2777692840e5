"""Saving and loading gives back exactly what was saved, in a file that diffs well."""

from __future__ import annotations

import datetime as dt
import string
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from roam.assessment.loader import load_assessment, read_assessment
from roam.assessment.model import (
    EVIDENCE_KINDS,
    STATUSES,
    Answer,
    Assessment,
    Change,
    Comment,
    Evidence,
    Review,
)
from roam.assessment.people_table import without_people_table
from roam.assessment.storage import assessment_yaml, save_assessment
from roam.demo import make_demo
from roam.framework.model import Framework
from roam.marked_yaml import read_marked_yaml
from tests.helpers.assessment_builders import CREATED, mini_ref, small_assessment


def test_small_assessment_round_trips(tmp_path: Path, mini: Framework) -> None:
    original = small_assessment(mini, justification="First line.\nSecond line.\n")
    path = tmp_path / "kenya.yaml"
    save_assessment(original, path, mini)
    assert load_assessment(path) == original


def test_demo_round_trips_on_the_mini_edition(tmp_path: Path, mini: Framework) -> None:
    for cycle in (1, 2):
        original = make_demo(mini, cycle=cycle, path=tmp_path / "demo.yaml")
        path = tmp_path / f"demo{cycle}.yaml"
        save_assessment(original, path, mini)
        assert load_assessment(path, mini) == original


def test_demo_round_trips_on_the_built_in_edition(tmp_path: Path, built_in: Framework) -> None:
    original = make_demo(built_in)
    path = tmp_path / "examplia.yaml"
    save_assessment(original, path, built_in)
    loaded = read_assessment(path)
    assert loaded.assessment == original
    assert loaded.warnings == []


def test_saving_again_gives_identical_bytes(tmp_path: Path, mini: Framework) -> None:
    path = tmp_path / "kenya.yaml"
    save_assessment(small_assessment(mini), path, mini)
    first = path.read_bytes()
    save_assessment(load_assessment(path), path, mini)
    assert path.read_bytes() == first


def test_multi_line_text_is_a_block_and_single_line_text_is_not(mini: Framework) -> None:
    text = assessment_yaml(small_assessment(mini, justification="One.\nTwo.\n"), mini)
    assert "    justification: |\n      One.\n      Two.\n" in text
    assert "justification: Not published.\n" in text


def test_defaults_are_left_out_but_status_and_format_version_stay(mini: Framework) -> None:
    text = assessment_yaml(small_assessment(mini), mini)
    # Keys, not substrings: the framework's path (the checkout's) may hold any word.
    answers = yaml.safe_load(text)["answers"]
    assert answers
    for answer in answers.values():
        assert "review" not in answer  # the default draft review with no thread
        assert "conflicts" not in answer
        for item in answer.get("evidence", []):
            assert "confidential" not in item  # False by default
    assert text.count("status: ") == 3
    assert "format_version: 1\n" in text


def test_dates_are_iso_and_keys_follow_the_model(mini: Framework) -> None:
    text = assessment_yaml(small_assessment(mini), mini)
    assert "created: 2024-05-01T10:00:00+03:00\n" in text
    assert "published: 2020-03-01\n" in text
    top_keys = [line.split(":")[0] for line in text.splitlines() if line[:1].isalpha()]
    assert top_keys == [
        "format_version",
        "country",
        "iso",
        "framework",
        "scope",
        "created",
        "answers",
    ]


def test_answers_are_written_in_framework_order(mini: Framework) -> None:
    assessment = small_assessment(mini)
    assessment.answers = dict(reversed(list(assessment.answers.items())))
    assessment.answers["Z.UNKNOWN"] = Answer()
    data = yaml.safe_load(assessment_yaml(assessment, mini))
    # mini's order is C, R (R.A.1.a, R.A.1.b, R.A.2.a, R.B.1.a), O; unknown codes last.
    assert list(data["answers"]) == ["R.A.1.a", "R.A.2.a", "O.A.1.a", "Z.UNKNOWN"]


def test_same_instant_twice_is_written_out_not_as_an_alias(mini: Framework) -> None:
    assessment = small_assessment(mini)
    history = [Change(time=CREATED, who="a", field="level", new="mid")] * 2
    assessment.answers["R.A.1.a"].history = history
    text = assessment_yaml(assessment, mini)
    assert "&" not in text and "*" not in text


# --- any content at all survives the trip ----------------------------------------------------

_texts = st.text(max_size=60)
_non_empty = st.text(min_size=1, max_size=40)
_dates = st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2100, 12, 31))
_offsets = st.integers(min_value=-14 * 60, max_value=14 * 60).map(
    lambda minutes: dt.timezone(dt.timedelta(minutes=minutes))
)
_moments = st.datetimes(
    min_value=dt.datetime(1990, 1, 1), max_value=dt.datetime(2100, 1, 1), timezones=_offsets
)
_plain_values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=False, allow_infinity=False),
    _texts,
    st.lists(_texts, max_size=3),
)
_evidence = st.builds(
    Evidence,
    kind=st.sampled_from(EVIDENCE_KINDS),
    citation=_non_empty,
    location=_texts,
    publisher=_texts,
    published=st.none() | _dates,
    confidential=st.booleans(),
)
_changes = st.builds(
    Change, time=_moments, who=_texts, field=_texts, old=_plain_values, new=_plain_values
)
_comments = st.builds(Comment, author=_non_empty, time=_moments, text=_non_empty)
_answers = st.builds(
    Answer,
    status=st.sampled_from(STATUSES),
    level=st.none() | _non_empty,
    year=st.none() | st.integers(min_value=1900, max_value=2200),
    unit=st.none() | _texts,
    justification=_texts,
    evidence=st.lists(_evidence, max_size=2),
    review=st.builds(Review, thread=st.lists(_comments, max_size=2)),
    history=st.lists(_changes, max_size=2),
)
_codes = st.text(min_size=1, max_size=12)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(answers=st.dictionaries(_codes, _answers, max_size=4), country=_non_empty)
def test_any_assessment_round_trips(
    tmp_path: Path, mini: Framework, answers: dict[str, Answer], country: str
) -> None:
    original = Assessment(
        country=country,
        iso="KEN",
        framework=mini_ref(mini),
        created=CREATED,
        scope="full",
        answers=answers,
    )
    path = tmp_path / "any.yaml"
    save_assessment(original, path)
    # The framework check may refuse levels hypothesis made up, so read the file as data.
    document = read_marked_yaml(path)
    assert Assessment.model_validate(without_people_table(document.data, document)) == original


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(value=st.floats(allow_nan=False, allow_infinity=False), unit=st.sampled_from(["%", None]))
def test_any_value_round_trips_through_the_full_loader(
    tmp_path: Path, mini: Framework, value: float, unit: str | None
) -> None:
    original = small_assessment(mini)
    original.answers["R.B.1.a"] = Answer(status="answered", value=value, year=2022, unit=unit)
    path = tmp_path / "value.yaml"
    save_assessment(original, path, mini)
    assert load_assessment(path, mini) == original


def test_text_that_looks_like_other_yaml_stays_text(tmp_path: Path, mini: Framework) -> None:
    tricky = ["no", "yes", "off", "1_000", "2024-01-01", "~", "null", "- item", "a: b", "#x", "@"]
    tricky += ["trailing space \nline", "\ttab", "\u2028split", "ends with newline\n", ""]
    tricky += [string.printable]
    original = small_assessment(mini)
    original.answers["R.A.1.a"].history = [
        Change(time=CREATED, who=text, field="justification", old=text, new=text) for text in tricky
    ]
    path = tmp_path / "tricky.yaml"
    save_assessment(original, path, mini)
    assert load_assessment(path) == original
