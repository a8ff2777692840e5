"""Every class of framework error is reported with its file, line and a clear message."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from roam.errors import SourceError
from roam.framework import load_framework

HEADER = """\
id: t
version: "1"
title: T
languages: [en]
source: {publisher: roam, title: T, year: 2024}
scales:
  two:
    name: Two
    levels:
      - {id: low, score: 0, label: Low}
      - {id: high, score: 100, label: High}
"""

GOOD_CATEGORY = """\
  - code: R
    name: Rights
    themes:
      - code: R.A
        name: Framework
        questions:
          - code: R.A.1
            text: Is there a law?
            indicators:
              - {code: R.A.1.a, kind: institutional, scale: two, text: A law exists}
"""


def _write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "edition.yaml"
    path.write_text(body, encoding="utf-8")
    return path


def _errors(path: Path) -> list[str]:
    with pytest.raises(SourceError) as caught:
        load_framework(path)
    return caught.value.lines


def _line_of(path: Path, needle: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, start=1) if needle in line)


def test_a_valid_file_loads(tmp_path: Path) -> None:
    framework = load_framework(_write(tmp_path, HEADER + "categories:\n" + GOOD_CATEGORY))
    assert [p.indicator.code for p in framework.iter_places()] == ["R.A.1.a"]


def test_yaml_syntax_error_names_line_and_column(tmp_path: Path) -> None:
    path = _write(tmp_path, HEADER + "categories:\n  - code: [R\n")
    (error,) = _errors(path)
    assert error.startswith(f"{path}:") and "YAML syntax error" in error
    assert int(error.split(":")[1]) >= 13


def test_duplicate_keys_are_reported_not_dropped(tmp_path: Path) -> None:
    body = HEADER.replace("title: T\n", "title: T\ntitle: U\n") + "categories:\n" + GOOD_CATEGORY
    path = _write(tmp_path, body)
    (error,) = _errors(path)
    assert error == f"{path}:4:1: duplicate key 'title' (it is already set above)"


def test_unquoted_no_is_explained_as_a_yaml_surprise(tmp_path: Path) -> None:
    body = (
        HEADER.replace("languages: [en]", "languages: [en, no]") + "categories:\n" + GOOD_CATEGORY
    )
    path = _write(tmp_path, body)
    (error,) = _errors(path)
    assert error.startswith(f"{path}:4:17: languages:")
    assert "reads unquoted 'no' as False; put it in quotes" in error


def test_wrong_type_names_field_and_value(tmp_path: Path) -> None:
    body = HEADER.replace('version: "1"', "version: 1.0") + "categories:\n" + GOOD_CATEGORY
    path = _write(tmp_path, body)
    (error,) = _errors(path)
    assert error.startswith(f"{path}:2:10: version: Input should be a valid string (got 1.0)")
    assert "put it in quotes" in error


def test_unknown_field_points_at_the_key(tmp_path: Path) -> None:
    category = GOOD_CATEGORY.replace("    name: Rights\n", "    name: Rights\n    colour: red\n")
    path = _write(tmp_path, HEADER + "categories:\n" + category)
    (error,) = _errors(path)
    assert error == f"{path}:{_line_of(path, 'colour')}:5: unknown field 'colour'"


def test_missing_field_points_at_its_mapping(tmp_path: Path) -> None:
    category = GOOD_CATEGORY.replace(", text: A law exists", "")
    path = _write(tmp_path, HEADER + "categories:\n" + category)
    (error,) = _errors(path)
    assert error == f"{path}:{_line_of(path, 'R.A.1.a')}:17: missing required field 'text'"


def test_duplicate_codes_name_both_places(tmp_path: Path) -> None:
    category = (
        GOOD_CATEGORY
        + "              - {code: R.A.1.a, kind: qualitative, scale: two, text: Again}\n"
    )
    path = _write(tmp_path, HEADER + "categories:\n" + category)
    (error,) = _errors(path)
    first = _line_of(path, "A law exists")
    second = _line_of(path, "Again")
    assert error == (
        f"{path}:{second}:24: duplicate code 'R.A.1.a' (first used at {path}:{first}:24)"
    )


def test_reference_to_a_missing_scale(tmp_path: Path) -> None:
    category = GOOD_CATEGORY.replace("scale: two", "scale: three")
    path = _write(tmp_path, HEADER + "categories:\n" + category)
    (error,) = _errors(path)
    assert error.startswith(f"{path}:{_line_of(path, 'scale: three')}:")
    assert error.endswith("unknown scale 'three'; this edition defines: two")


def test_goalposts_must_be_ordered(tmp_path: Path) -> None:
    indicator = textwrap.indent(
        "- code: R.A.1.b\n  kind: quantitative\n  text: Share online\n  unit: '%'\n"
        "  goalposts: {lower: 100, upper: 0}\n",
        " " * 14,
    )
    path = _write(tmp_path, HEADER + "categories:\n" + GOOD_CATEGORY + indicator)
    (error,) = _errors(path)
    assert error == (
        f"{path}:{_line_of(path, 'goalposts')}:28: "
        "goalposts: lower (100) must be less than upper (0)"
    )


def test_empty_category_is_refused(tmp_path: Path) -> None:
    body = (
        HEADER
        + "categories:\n"
        + GOOD_CATEGORY
        + "  - code: O\n    name: Openness\n    themes: []\n"
    )
    path = _write(tmp_path, body)
    (error,) = _errors(path)
    assert error == f"{path}:{_line_of(path, 'themes: []')}:13: 'themes' must not be empty"


def test_codes_must_nest_under_their_parent(tmp_path: Path) -> None:
    category = GOOD_CATEGORY.replace("code: R.A.1.a", "code: O.A.1.a")
    path = _write(tmp_path, HEADER + "categories:\n" + category)
    (error,) = _errors(path)
    assert error.endswith("indicator code 'O.A.1.a' must start with its parent's code 'R.A.1.'")


def test_all_errors_are_collected_in_one_pass(tmp_path: Path) -> None:
    body = (
        HEADER.replace('version: "1"', "version: 1.0")
        + "categories:\n"
        + GOOD_CATEGORY.replace("scale: two", "scale: nine").replace(
            "name: Rights", "name: R\n    x: 1"
        )
    )
    path = _write(tmp_path, body)
    errors = _errors(path)
    assert len(errors) == 3
    assert "version" in errors[0] and "unknown field 'x'" in errors[1]
    assert errors[2] == (
        f"{_at(path, 'scale: nine', 'nine')}: unknown scale 'nine'; this edition defines: two"
    )


def _at(path: Path, line_needle: str, value: str) -> str:
    """``path:line:col`` of ``value`` on the line holding ``line_needle``."""
    line = _line_of(path, line_needle)
    column = path.read_text(encoding="utf-8").splitlines()[line - 1].index(value) + 1
    return f"{path}:{line}:{column}"


def _category_file(tmp_path: Path, name: str, code: str, *indicators: str) -> Path:
    """A category file ``name`` whose one question holds ``indicators`` (flow mappings)."""
    lines = [
        f"code: {code}",
        "name: A category",
        "themes:",
        f"  - code: {code}.A",
        "    name: A theme",
        "    questions:",
        f"      - code: {code}.A.1",
        "        text: A question?",
        "        indicators:",
        *(f"          - {indicator}" for indicator in indicators),
    ]
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_header_error_hides_no_problem_in_the_category_files(tmp_path: Path) -> None:
    x_file = _category_file(
        tmp_path,
        "X.yaml",
        "X",
        "{code: X.A.1.a, kind: institutional, scale: two, text: First}",
        "{code: X.A.1.a, kind: institutional, scale: two, text: Again}",
    )
    o_file = _category_file(
        tmp_path, "O.yaml", "O", "{code: O.A.1.a, kind: qualitative, scale: nine, text: Open}"
    )
    path = _write(
        tmp_path,
        HEADER.replace('version: "1"', "version: 2018.1") + "categories: [X.yaml, O.yaml]\n",
    )
    first, again = _at(x_file, "First", "X.A.1.a"), _at(x_file, "Again", "X.A.1.a")
    assert _errors(path) == [
        f"{path}:2:10: version: Input should be a valid string (got 2018.1); "
        "put it in quotes to keep it as text",
        f"{again}: duplicate code 'X.A.1.a' (first used at {first})",
        f"{_at(o_file, 'nine', 'nine')}: unknown scale 'nine'; this edition defines: two",
    ]


def test_a_type_error_hides_no_duplicate_code_in_the_same_file(tmp_path: Path) -> None:
    r_file = _category_file(
        tmp_path,
        "R.yaml",
        "R",
        "{code: R.A.1.a, kind: institutional, scale: two, text: First, core: maybe}",
        "{code: R.A.1.a, kind: institutional, scale: two, text: Again}",
    )
    path = _write(tmp_path, HEADER + "categories: [R.yaml]\n")
    first, again = _at(r_file, "First", "R.A.1.a"), _at(r_file, "Again", "R.A.1.a")
    assert _errors(path) == [
        f"{_at(r_file, 'First', 'maybe')}: core: Input should be a valid boolean, "
        "unable to interpret input (got 'maybe')",
        f"{again}: duplicate code 'R.A.1.a' (first used at {first})",
    ]


def test_a_type_error_hides_no_unknown_scale_of_the_same_indicator(tmp_path: Path) -> None:
    r_file = _category_file(
        tmp_path,
        "R.yaml",
        "R",
        "{code: R.A.1.a, kind: institutional, scale: nine, text: A law, core: maybe}",
    )
    path = _write(tmp_path, HEADER + "categories: [R.yaml]\n")
    assert _errors(path) == [
        f"{_at(r_file, 'nine', 'nine')}: unknown scale 'nine'; this edition defines: two",
        f"{_at(r_file, 'nine', 'maybe')}: core: Input should be a valid boolean, "
        "unable to interpret input (got 'maybe')",
    ]


def test_a_goalposts_error_hides_no_duplicate_code(tmp_path: Path) -> None:
    r_file = _category_file(
        tmp_path,
        "R.yaml",
        "R",
        "{code: R.A.1.a, kind: quantitative, unit: '%', text: Share,"
        " goalposts: {lower: 100, upper: 0}}",
        "{code: R.A.1.a, kind: institutional, scale: two, text: Again}",
    )
    path = _write(tmp_path, HEADER + "categories: [R.yaml]\n")
    first, again = _at(r_file, "Share", "R.A.1.a"), _at(r_file, "Again", "R.A.1.a")
    assert _errors(path) == [
        f"{_at(r_file, 'Share', '{lower')}: goalposts: lower (100) must be less than upper (0)",
        f"{again}: duplicate code 'R.A.1.a' (first used at {first})",
    ]


@pytest.mark.parametrize(
    ("change", "needle", "message"),
    [
        # The scales cannot be read, so no reference to one is called unknown.
        ((HEADER[HEADER.index("scales:") :], "scales: [two]\n"), "scales:", "valid dictionary"),
        # An unknown kind says nothing of whether it fits its category.
        (("kind: institutional", "kind: contxtual"), "contxtual", "does not match any"),
        # A malformed code is not also said to sit under the wrong parent.
        (("code: R.A.1.a", "code: r.a.1.a"), "r.a.1.a", "should match pattern"),
        # A flag that cannot be read is not taken as true or false.
        (("code: R\n", "code: R\n    contextual: maybe\n"), "maybe", "valid boolean"),
    ],
    ids=["unreadable-scales", "unknown-kind", "malformed-code", "unreadable-contextual"],
)
def test_a_wrong_value_brings_no_consequential_error(
    tmp_path: Path, change: tuple[str, str], needle: str, message: str
) -> None:
    body = (HEADER + "categories:\n" + GOOD_CATEGORY).replace(*change, 1)
    path = _write(tmp_path, body)
    errors = _errors(path)
    assert len(errors) == 1, errors
    assert errors[0].startswith(f"{path}:{_line_of(path, needle)}:")
    assert message in errors[0]


def test_category_files_are_read_relative_to_the_edition(tmp_path: Path) -> None:
    (tmp_path / "R.yaml").write_text(
        textwrap.dedent(GOOD_CATEGORY).replace("- code: R\n", "code: R\n", 1).replace("\n  ", "\n"),
        encoding="utf-8",
    )
    (tmp_path / "O.yaml").write_text("code: O\nname: Openness\nthemes: {}\n", encoding="utf-8")
    path = _write(tmp_path, HEADER + "categories: [R.yaml, O.yaml, M.yaml]\n")
    errors = _errors(path)
    assert len(errors) == 2
    assert f"{path}:12:30: category file 'M.yaml' not found" in errors
    assert f"{tmp_path / 'O.yaml'}:3:9: themes: Input should be a valid list (got {{}})" in errors


def test_category_file_outside_the_edition_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, HEADER + "categories: [../elsewhere.yaml]\n")
    (error,) = _errors(path)
    assert error.endswith("'../elsewhere.yaml' is outside the edition folder")


def test_deep_nesting_fails_fast_instead_of_crashing(tmp_path: Path) -> None:
    path = _write(tmp_path, "a: " + "[" * 100_000 + "]" * 100_000 + "\n")
    (error,) = _errors(path)
    assert "nested more than 64 levels deep" in error


def test_alias_bomb_is_refused(tmp_path: Path) -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        previous = f"*a{i - 1}"
        lines.append(f"a{i}: &a{i} [{', '.join([previous] * 10)}]")
    path = _write(tmp_path, "\n".join(lines) + "\n")
    (error,) = _errors(path)
    assert "alias expansion" in error


def test_huge_file_is_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "edition.yaml"
    with path.open("w", encoding="utf-8") as handle:
        handle.write("# " + "x" * (9 * 1024 * 1024) + "\n")
    (error,) = _errors(path)
    assert "the limit is" in error


def test_non_utf8_file(tmp_path: Path) -> None:
    path = tmp_path / "edition.yaml"
    path.write_bytes(b"id: caf\xe9\n")
    (error,) = _errors(path)
    assert error == f"{path}: not UTF-8 text (bad byte at offset 7)"


def test_folder_of_editions_asks_which_one(tmp_path: Path) -> None:
    for name in ("one", "two"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "edition.yaml").write_text(HEADER + "categories:\n" + GOOD_CATEGORY)
    with pytest.raises(SourceError) as caught:
        load_framework(tmp_path)
    assert "holds the editions one, two: choose one" in str(caught.value)
