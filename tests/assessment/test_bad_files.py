"""Each bad assessment file gets the one readable message, at the line, that it deserves."""

from __future__ import annotations

from pathlib import Path

import pytest

from roam.assessment.loader import load_assessment, read_assessment
from roam.assessment.storage import save_assessment
from roam.errors import SourceError
from roam.framework.model import Framework
from roam.marked_yaml import MAX_FILE_BYTES
from tests.helpers.files import DATA

BAD = DATA / "bad" / "assessment"

# file -> (line, words the message must contain); line None: the problem has no position.
EXPECTED: dict[str, tuple[int | None, str]] = {
    "syntax_error.yaml": (14, "YAML syntax error"),
    "duplicate_key.yaml": (14, "duplicate key 'level'"),
    "wrong_type.yaml": (14, "year: Input should be a valid integer"),
    "unknown_field.yaml": (15, "unknown field 'colour'"),
    "bad_iso.yaml": (3, "'Kenya' is not an ISO 3166-1 alpha-3 country code"),
    "level_not_on_scale.yaml": (13, "'excellent' is not a level of its scale (low, mid, high)"),
    "level_for_value_indicator.yaml": (13, "R.A.2.a is answered with a value in %, not a level"),
    "value_for_scaled_indicator.yaml": (13, "O.A.1.a is answered with a level of the scale"),
    "level_and_value.yaml": (12, "either a level or a value, not both"),
    "newer_format_version.yaml": (1, "newer roam (format_version 7)"),
    "not_a_mapping.yaml": (1, "an assessment is a mapping"),
    "empty.yaml": (None, "the file is empty"),
    "yaml11_surprise.yaml": (14, "reads unquoted 'no' as False; put it in quotes"),
    "unknown_framework.yaml": (5, "'no-such-edition' is not a built-in framework"),
    "missing_framework_path.yaml": (7, "'../../frameworks/gone.yaml' not found"),
    "missing_country.yaml": (1, "missing required field 'country'"),
    "bad_status.yaml": (12, "Input should be 'answered', 'not_applicable'"),
    "not_utf8.yaml": (None, "not UTF-8 text"),
    "impossible_date.yaml": (18, "cannot read '2024-13-45' as timestamp"),
}


def test_every_bad_file_has_an_expectation() -> None:
    corpus = {path.name for path in BAD.glob("*.yaml")}
    assert corpus - {"unknown_code.yaml", "several_errors.yaml"} == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_file_gets_its_one_message(name: str) -> None:
    line, words = EXPECTED[name]
    with pytest.raises(SourceError) as caught:
        load_assessment(BAD / name)
    problems = caught.value.problems
    assert len(problems) == 1, caught.value.lines
    problem = problems[0]
    assert problem.path.endswith(name)
    assert problem.line == line
    assert words in problem.message
    rendered = caught.value.lines[0]
    assert rendered.startswith(problem.path) and "Traceback" not in rendered


def test_all_errors_of_a_file_are_reported_at_once() -> None:
    with pytest.raises(SourceError) as caught:
        load_assessment(BAD / "several_errors.yaml")
    found = [(p.line, p.message.split(":")[0]) for p in caught.value.problems]
    # iso on line 3, the level off the scale on line 12, the year before 1900 on line 16
    assert found == [(3, "iso"), (12, "R.A.1.a"), (16, "year")]


def test_unknown_code_is_a_warning_and_the_answer_is_kept(tmp_path: Path, mini: Framework) -> None:
    loaded = read_assessment(BAD / "unknown_code.yaml")
    assert [(w.line, "R.Z.9.z" in w.message) for w in loaded.warnings] == [(15, True)]
    assert loaded.warnings[0].path.endswith("unknown_code.yaml")
    kept = loaded.assessment.answers["R.Z.9.z"]
    assert kept.level == "high"
    copy = tmp_path / "copy.yaml"
    save_assessment(loaded.assessment, copy, mini)
    assert load_assessment(copy, mini).answers["R.Z.9.z"] == kept


def test_huge_file_is_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    with path.open("w", encoding="utf-8") as stream:
        stream.write("country: Kenya\nnotes: |\n")
        line = "  " + "x" * 98 + "\n"
        for _ in range(MAX_FILE_BYTES // len(line) + 1):
            stream.write(line)
    with pytest.raises(SourceError) as caught:
        load_assessment(path)
    assert len(caught.value.problems) == 1
    assert "the limit is" in caught.value.problems[0].message


def test_missing_file_is_one_message(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="file not found"):
        load_assessment(tmp_path / "nowhere.yaml")
