"""Answer hashes: they change exactly when what the team asserts changes."""

from __future__ import annotations

import datetime as dt

from roam.assessment.model import Answer, Comment, Evidence
from roam.exchange.provenance import (
    answer_hashes,
    answers_hash,
    changed_indicators,
    stamp_answer_hashes,
)
from roam.framework import Framework
from tests.helpers.report_assessment import mini_assessment


def test_the_same_content_gives_the_same_hash_whatever_the_order(framework: Framework):
    first = mini_assessment(framework)
    second = mini_assessment(framework)
    second.answers = dict(reversed(list(second.answers.items())))
    assert answers_hash(first) == answers_hash(second)
    assert len(answers_hash(first)) == 64


def test_a_changed_answer_changes_the_hash_and_is_named(framework: Framework):
    before = mini_assessment(framework)
    after = mini_assessment(framework)
    after.answers["R.A.1.b"].justification = "Applied in most courts."
    assert answers_hash(before) != answers_hash(after)
    assert changed_indicators(answer_hashes(before), answer_hashes(after)) == ["R.A.1.b"]
    after.answers["R.A.2.a"].evidence.append(Evidence(kind="survey", citation="ICT survey"))
    assert changed_indicators(answer_hashes(before), answer_hashes(after)) == [
        "R.A.1.b",
        "R.A.2.a",
    ]


def test_review_comments_do_not_change_the_hash(framework: Framework):
    before = mini_assessment(framework)
    after = mini_assessment(framework)
    answer = after.answers["R.A.1.a"]
    answer.review.state = "accepted"
    answer.review.thread.append(
        Comment(author="Liaison", time=dt.datetime(2024, 6, 1), text="Accepted.")
    )
    assert answers_hash(before) == answers_hash(after)


def test_an_empty_answer_counts_as_no_answer(framework: Framework):
    before = mini_assessment(framework)
    after = mini_assessment(framework)
    after.answers["X.1.a"] = Answer()
    assert answers_hash(before) == answers_hash(after)
    assert "X.1.a" not in answer_hashes(after)


def test_stamp_answer_hashes_are_read_back_from_key_value_pairs():
    pairs = {"roam.iso": "EXA", "answer.R.A.1.a": "abc", "answer.O.A.1.a": "def"}
    assert stamp_answer_hashes(pairs) == {"R.A.1.a": "abc", "O.A.1.a": "def"}
