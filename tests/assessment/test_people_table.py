"""History entries name their author once, in the file's people table."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from roam.assessment.loader import load_assessment
from roam.assessment.model import Assessment, Change
from roam.assessment.storage import HEADER, assessment_document, save_assessment
from roam.assessment.yaml_dump import dump_yaml
from roam.errors import SourceError
from roam.framework.model import Framework
from tests.helpers.assessment_builders import CREATED, mini_ref

LONG_NAME = "Ana Silva, for the national team, via the liaison office " * 2


def _edited(mini: Framework, edits: int, name: str = LONG_NAME) -> Assessment:
    assessment = Assessment(country="Kenya", iso="KEN", framework=mini_ref(mini), created=CREATED)
    answer = assessment.answer("R.A.1.a")
    for step in range(edits):
        moment = CREATED + dt.timedelta(minutes=step)
        who = name if step % 2 else "Wanjiru"
        answer.history.append(Change(time=moment, who=who, field="justification", new=str(step)))
    return assessment


def test_each_name_is_written_once_however_many_edits(tmp_path: Path, mini: Framework) -> None:
    short, many = tmp_path / "short.yaml", tmp_path / "many.yaml"
    save_assessment(_edited(mini, 40, name="A"), short, mini)
    save_assessment(_edited(mini, 40), many, mini)

    text = many.read_text(encoding="utf-8")
    assert text.count(LONG_NAME) == 1
    assert text.count("Wanjiru") == 1
    # The long name costs its length once, not once per each of its 20 edits.
    assert len(many.read_bytes()) - len(short.read_bytes()) < 2 * len(LONG_NAME)
    history = load_assessment(many, mini).answers["R.A.1.a"].history
    assert [change.who for change in history] == [
        LONG_NAME if step % 2 else "Wanjiru" for step in range(40)
    ]


def test_a_file_with_full_names_in_its_history_loads_and_saves(
    tmp_path: Path, mini: Framework
) -> None:
    original = _edited(mini, 6)
    path = tmp_path / "old.yaml"
    # The shape written before the people table: the full name in every entry.
    old_text = HEADER + dump_yaml(assessment_document(original, mini))
    assert old_text.count(LONG_NAME) == 3 and "people:" not in old_text
    path.write_bytes(old_text.encode("utf-8"))

    loaded = load_assessment(path, mini)
    assert loaded == original
    save_assessment(loaded, path, mini)

    assert path.read_text(encoding="utf-8").count(LONG_NAME) == 1
    assert load_assessment(path, mini) == original


def test_a_key_missing_from_the_table_is_kept_as_written(tmp_path: Path, mini: Framework) -> None:
    path = tmp_path / "hand.yaml"
    save_assessment(_edited(mini, 2), path, mini)
    text = path.read_text(encoding="utf-8")
    path.write_bytes(text.replace("who: p1", "who: Otieno", 1).encode("utf-8"))

    history = load_assessment(path, mini).answers["R.A.1.a"].history

    assert [change.who for change in history] == ["Otieno", LONG_NAME]


def test_a_people_table_that_is_not_a_table_is_one_readable_error(
    tmp_path: Path, mini: Framework
) -> None:
    path = tmp_path / "bad.yaml"
    save_assessment(_edited(mini, 2), path, mini)
    text = path.read_text(encoding="utf-8")
    start = text.index("people:")
    end = text.index("answers:")
    path.write_bytes((text[:start] + "people: [p1]\n" + text[end:]).encode("utf-8"))

    with pytest.raises(SourceError) as raised:
        load_assessment(path, mini)

    message = str(raised.value)
    assert "bad.yaml" in message and "people is a table of short keys and names" in message
