"""The session (the UI's one link to the domain) and the remembered settings, without a screen."""

from __future__ import annotations

from pathlib import Path

import pytest

from roam.assessment.editing_session import open_assessment
from roam.tui.session import Session
from roam.tui.settings import RECENT_LIMIT, SETTINGS_FILE, Settings
from tests.helpers.tui import answer_in_file, author_in_file


@pytest.fixture
def session(mini_file: Path) -> Session:
    opened = Session.open(mini_file, who="tester")
    yield opened
    opened.close()


def test_an_edit_is_saved_with_its_history(session: Session, mini_file: Path) -> None:
    assert session.edit_answer("R.A.1.a", {"status": "answered", "level": "high"})
    answer = answer_in_file(mini_file, "R.A.1.a")
    assert (answer["status"], answer["level"]) == ("answered", "high")
    assert {author_in_file(mini_file, change) for change in answer["history"]} == {"tester"}
    assert session.save_state == "saved"


def test_resending_the_same_value_is_not_a_change(session: Session) -> None:
    assert not session.edit_answer("R.A.1.a", {"status": "not_assessed"})
    assert not session.can_undo


def test_undo_restores_each_earlier_state_in_turn(session: Session, mini_file: Path) -> None:
    session.edit_answer("R.A.1.a", {"status": "answered", "level": "low"})
    session.edit_answer("R.A.1.a", {"justification": "Draft law only."})
    session.edit_answer("O.A.1.a", {"status": "no_data"})
    assert session.undo().code == "O.A.1.a"
    assert answer_in_file(mini_file, "O.A.1.a")["status"] == "not_assessed"
    assert session.undo().code == "R.A.1.a"
    assert "justification" not in answer_in_file(mini_file, "R.A.1.a")
    assert answer_in_file(mini_file, "R.A.1.a")["level"] == "low"
    session.undo()
    assert answer_in_file(mini_file, "R.A.1.a")["status"] == "not_assessed"
    assert session.undo() is None


def test_an_impossible_value_is_refused_and_nothing_changes(
    session: Session, mini_file: Path
) -> None:
    with pytest.raises(ValueError, match="year"):
        session.edit_answer("R.A.2.a", {"status": "answered", "year": 1200})
    assert answer_in_file(mini_file, "R.A.2.a") == {"status": "not_assessed"}
    assert not session.can_undo


def test_scores_follow_the_edits(session: Session) -> None:
    assert session.report is not None
    assert session.report.category("O").score is None
    session.edit_answer("O.A.1.a", {"status": "answered", "level": "mid"})
    # O holds one indicator on the three-level scale: "mid" is 50 of 100.
    assert session.report.category("O").score == 50


def test_a_session_opened_to_score_later_scores_when_asked(mini_file: Path) -> None:
    session = Session.open(mini_file, score_now=False)
    try:
        assert session.report is None
        assert session.scores().category("O").score is None
        assert session.report is not None
        session.edit_answer("O.A.1.a", {"status": "answered", "level": "mid"})
        assert session.scores().category("O").score == 50
    finally:
        session.close()


def test_comments_and_review_state(session: Session, mini_file: Path) -> None:
    assert session.add_comment("R.A.1.a", "  Source?  ", state="queried")
    review = answer_in_file(mini_file, "R.A.1.a")["review"]
    assert review["state"] == "queried"
    assert [(c["author"], c["text"]) for c in review["thread"]] == [("tester", "Source?")]
    assert session.matches("R.A.1.a", "queried")
    assert not session.add_comment("R.A.1.a", "   ")


def test_navigation_wraps_and_finds_the_next_open_indicator(session: Session) -> None:
    codes = session.codes
    assert session.next_code(codes[-1], 1, codes) == codes[0]
    assert session.next_code(codes[0], -1, codes) == codes[-1]
    session.edit_answer("R.A.1.a", {"status": "no_data"})
    assert session.next_unanswered("C.1.1.a") == "R.A.1.b"


def test_a_read_only_session_changes_nothing(mini_file: Path) -> None:
    before = mini_file.read_bytes()
    holder = open_assessment(mini_file)
    try:
        viewer = Session.open(mini_file, read_only=True)
        assert not viewer.edit_answer("R.A.1.a", {"status": "no_data"})
        assert viewer.save_state == "read-only"
        assert viewer.locked_by  # says who holds the file
    finally:
        holder.close()
    assert mini_file.read_bytes() == before


def test_recent_files_are_capped_newest_first(tmp_path: Path) -> None:
    settings = Settings.load(tmp_path)
    for index in range(RECENT_LIMIT + 3):
        settings.remember(tmp_path / f"file{index}.yaml")
    again = Settings.load(tmp_path)
    assert len(again.recent) == RECENT_LIMIT
    assert again.recent[0].endswith(f"file{RECENT_LIMIT + 2}.yaml")


def test_a_damaged_settings_file_means_defaults(tmp_path: Path) -> None:
    (tmp_path / SETTINGS_FILE).write_text("{not json", encoding="utf-8")
    settings = Settings.load(tmp_path)
    assert (settings.language, settings.recent) == ("en", [])
    settings.remember(tmp_path / "a.yaml")
    assert Settings.load(tmp_path).recent == [str((tmp_path / "a.yaml").resolve())]
