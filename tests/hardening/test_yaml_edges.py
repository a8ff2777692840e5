"""YAML features users rarely mean but sometimes write: merge keys, aliases, explicit tags."""

from __future__ import annotations

import pytest

from roam.errors import SourceError
from roam.marked_yaml import parse_marked_yaml
from roam.yaml_builder import MAX_NODES


def test_merge_key_explicit_keys_win_without_a_duplicate_report() -> None:
    text = "base: &b {x: 1, y: 2}\nd:\n  <<: *b\n  y: 3\n"
    document = parse_marked_yaml(text, "f.yaml")
    assert document.data["d"] == {"x": 1, "y": 3}
    assert document.problems == []


def test_earlier_merged_mapping_wins_over_a_later_one() -> None:
    text = "a: &a {k: first}\nb: &b {k: second, m: 2}\nc:\n  <<: [*a, *b]\n"
    assert parse_marked_yaml(text, "f.yaml").data["c"] == {"k": "first", "m": 2}


def test_alias_gives_the_anchored_value_and_points_at_the_alias() -> None:
    document = parse_marked_yaml("a: &s hello\nb: *s\n", "f.yaml")
    assert document.data == {"a": "hello", "b": "hello"}
    assert document.locate(("b",)) == (2, 4)


def test_an_alias_inside_its_own_anchor_is_refused() -> None:
    with pytest.raises(SourceError) as caught:
        parse_marked_yaml("a: &x [1, *x]\n", "f.yaml")
    assert str(caught.value) == (
        "f.yaml:1:11: alias '*x' names no anchor defined before it (or one it sits in)"
    )


def test_wide_alias_fan_out_is_counted_at_its_expanded_size() -> None:
    # 3 levels of 200 aliases: 8 million values once expanded, 600 in the text.
    lines = ["l0: &l0 [" + ", ".join(["x"] * 200) + "]"]
    for level in (1, 2):
        lines.append(f"l{level}: &l{level} [" + ", ".join([f"*l{level - 1}"] * 200) + "]")
    assert MAX_NODES < 200**3
    with pytest.raises(SourceError, match="alias expansion"):
        parse_marked_yaml("\n".join(lines) + "\n", "f.yaml")


def test_a_bad_explicit_tag_is_one_problem_and_keeps_the_text() -> None:
    document = parse_marked_yaml("year: !!int twenty\nname: !custom Ann\n", "f.yaml")
    assert document.data == {"year": "twenty", "name": "Ann"}
    assert [str(p) for p in document.problems] == [
        "f.yaml:1:7: cannot read 'twenty' as int",
        "f.yaml:2:7: unknown tag '!custom'; remove it (roam reads plain YAML only)",
    ]
    assert document.unreadable[("year",)] == document.problems[0]


def test_boolean_and_float_keys_are_reported_and_kept_as_written() -> None:
    document = parse_marked_yaml("yes: 1\n1.5: 2\n3: 3\n", "f.yaml")
    assert document.data == {"yes": 1, "1.5": 2, 3: 3}
    assert [p.line for p in document.problems] == [1, 2]


def test_text_that_only_looks_like_a_date_is_reported_with_the_fix() -> None:
    document = parse_marked_yaml("iso: 2020-13-45\n", "f.yaml")
    assert [str(p) for p in document.problems] == [
        "f.yaml:1:6: cannot read '2020-13-45' as timestamp; put it in quotes to keep it as text"
    ]
