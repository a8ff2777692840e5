"""A liaison's rejection, recorded as the decision of its comment, and when it stops standing."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from roam.assessment.answer_edits import set_answer_field
from roam.assessment.loader import load_assessment
from roam.assessment.model import Answer, Comment, LiaisonDecision
from roam.assessment.rejection import is_rejected, standing_rejection
from roam.assessment.storage import save_assessment
from roam.framework.model import Framework
from tests.helpers.assessment_builders import CREATED, small_assessment

LIAISON = "Marie Dupont"


def liaison_says(answer: Answer, decision: LiaisonDecision, minutes: int) -> Comment:
    """What the review import does: the comment with its decision, and the state it sets."""
    moment = CREATED + dt.timedelta(minutes=minutes)
    word = {"accept": "Accepted", "query": "Queried", "reject": "Rejected"}[decision]
    comment = Comment(
        author=LIAISON, role="liaison", time=moment, text=f"{word}.", decision=decision
    )
    answer.review.thread.append(comment)
    state = "accepted" if decision == "accept" else "queried"
    set_answer_field(answer, "review.state", state, LIAISON, moment)
    return comment


def test_a_rejection_stands_until_a_later_decision_of_the_liaison() -> None:
    answer = Answer(status="answered", level="mid")
    rejection = liaison_says(answer, "reject", 1)
    assert standing_rejection(answer) == rejection
    liaison_says(answer, "query", 2)
    assert not is_rejected(answer)  # still queried, but no longer rejected
    liaison_says(answer, "reject", 3)
    assert is_rejected(answer)
    liaison_says(answer, "accept", 4)
    assert not is_rejected(answer)


def test_the_teams_reply_leaves_it_and_their_rework_ends_it() -> None:
    answer = Answer(status="answered", level="mid")
    liaison_says(answer, "reject", 1)
    answer.review.thread.append(
        Comment(author="Wanjiru", time=CREATED + dt.timedelta(minutes=2), text="On it.")
    )
    assert is_rejected(answer)
    set_answer_field(answer, "level", "low", "Wanjiru", CREATED + dt.timedelta(minutes=3))
    assert not is_rejected(answer)


def test_a_changed_review_state_ends_it_even_when_it_comes_back_to_queried() -> None:
    answer = Answer(status="answered", level="mid")
    liaison_says(answer, "reject", 1)
    set_answer_field(answer, "review.state", "submitted", "Wanjiru", CREATED + dt.timedelta(2))
    assert not is_rejected(answer)
    set_answer_field(answer, "review.state", "queried", "Wanjiru", CREATED + dt.timedelta(3))
    assert not is_rejected(answer)


def test_the_words_of_a_comment_are_not_a_decision() -> None:
    """A comment that says "Rejected" but carries no decision (a hand-written one, or one
    imported before roam recorded decisions) leaves the answer queried, not rejected."""
    answer = Answer(status="answered", level="mid")
    answer.review.state = "queried"
    answer.review.thread.append(
        Comment(author=LIAISON, role="liaison", time=CREATED, text="Rejected: no source.")
    )
    assert not is_rejected(answer)


def test_times_without_a_zone_compare_as_utc() -> None:
    answer = Answer(status="answered", level="mid")
    liaison_says(answer, "reject", 1)
    answer.history.append(answer.history[-1].model_copy(update={"time": dt.datetime(2030, 1, 1)}))
    assert not is_rejected(answer)  # a hand-edited later entry, without a zone


def test_the_decision_is_written_only_where_there_is_one_and_old_files_load(
    tmp_path: Path, mini: Framework
) -> None:
    assessment = small_assessment(mini)
    answer = assessment.answers["R.A.1.a"]
    liaison_says(answer, "reject", 1)
    answer.review.thread.append(Comment(author="Wanjiru", time=CREATED, text="On it."))
    path = tmp_path / "kenya.yaml"
    save_assessment(assessment, path, mini)

    text = path.read_text(encoding="utf-8")
    assert text.count("decision:") == 1 and "decision: reject" in text
    loaded = load_assessment(path, mini)
    assert loaded == assessment and is_rejected(loaded.answers["R.A.1.a"])

    # A file written before decisions were recorded: the same, without the line.
    old_text = re.sub(r"\n *decision: reject\n", "\n", text)
    assert "decision" not in old_text
    path.write_bytes(old_text.encode("utf-8"))
    old = load_assessment(path, mini).answers["R.A.1.a"]
    assert [c.decision for c in old.review.thread] == [None, None]
    assert old.review.state == "queried" and not is_rejected(old)
