"""Values that recur in a file (dates, numbers, YAML 1.1 words) are read alike at every place."""

from __future__ import annotations

import datetime as dt

from roam.marked_yaml import parse_marked_yaml


def test_a_repeated_date_reads_as_the_same_date_everywhere() -> None:
    text = "a: 2024-03-01\nb: [2024-03-01, 2024-03-01T10:00:00Z]\nc: {d: 2024-03-01}\n"
    data = parse_marked_yaml(text, "f.yaml").data
    day = dt.date(2024, 3, 1)
    assert data == {
        "a": day,
        "b": [day, dt.datetime(2024, 3, 1, 10, 0, tzinfo=dt.UTC)],
        "c": {"d": day},
    }


def test_a_repeated_unreadable_value_is_reported_at_each_place() -> None:
    document = parse_marked_yaml("a: 2024-13-45\nb:\n  c: 2024-13-45\n", "f.yaml")
    assert [(p.line, p.column) for p in document.problems] == [(1, 4), (3, 6)]
    assert all("cannot read '2024-13-45' as timestamp" in p.message for p in document.problems)
    assert document.data == {"a": "2024-13-45", "b": {"c": "2024-13-45"}}


def test_a_repeated_yaml_1_1_word_is_flagged_at_each_place() -> None:
    document = parse_marked_yaml("a: no\nb: [no, 'no']\n", "f.yaml")
    assert document.data == {"a": False, "b": [False, "no"]}
    assert sorted(document.surprises) == [("a",), ("b", 0)]
