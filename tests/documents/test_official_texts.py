"""Official texts from the team's overlay in the draft: UNESCO's beside roam's, each labelled."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from roam.demo import make_demo
from roam.framework import load_framework
from roam.framework.loader import indicators_root
from roam.framework.overlay import load_overlay
from tests.helpers.documents import (
    OFFICIAL_INDICATOR,
    OFFICIAL_QUESTION,
    OVERLAY,
    all_text,
    body_lines,
    draft,
    run,
)

EXAMPLE = indicators_root() / "overlays" / "example.overlay.yaml"


def _overlay(folder: Path, body: str = OVERLAY, name: str = "team.overlay.yaml") -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_bytes(body.encode("utf-8"))
    return path


def _under(path: Path, subsection_start: str) -> list[str]:
    return [line.text for line in body_lines(path) if line.subsection.startswith(subsection_start)]


def test_an_overlay_beside_the_assessment_is_quoted_under_its_question(
    assessment_file: Path, tmp_path: Path
) -> None:
    _overlay(assessment_file.parent)
    target = tmp_path / "out" / "draft.docx"
    result = run("draft", str(assessment_file), "-o", str(target))
    assert result.exit_code == 0, result.output
    under = _under(target, "R.A.1 ")
    assert (
        f"UNESCO's text (UNESCO ref. R.1, p. 12, team.overlay.yaml): {OFFICIAL_QUESTION}" in under
    )
    assert "roam's text: Is there a law?" in under
    assert f"UNESCO's text (UNESCO ref. R.1.1, team.overlay.yaml): {OFFICIAL_INDICATOR}" in under
    assert "roam's text: A law exists" in under
    # Only under its own question, and the title page says what the quotes are.
    assert all_text(target).count(OFFICIAL_QUESTION) == 1
    assert not any(OFFICIAL_INDICATOR in text for text in _under(target, "R.A.2 "))
    assert "UNESCO's references and wording are quoted" in all_text(target)


def test_overlay_folder_option_in_markdown_and_french(
    assessment_file: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "official"
    _overlay(folder)
    target = tmp_path / "draft.md"
    result = run("draft", str(assessment_file), "-o", str(target), "--overlay", str(folder))
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    question = text.index("### R.A.1 ")
    quoted = text.index("**UNESCO's text (UNESCO ref. R.1, p. 12, team.overlay.yaml):** ")
    assert question < quoted < text.index("### R.A.2 ")
    assert text.count(OFFICIAL_QUESTION) == 1

    french = tmp_path / "rapport.md"
    result = run(
        "draft", str(assessment_file), "-o", str(french), "--overlay", str(folder), "--lang", "fr"
    )
    assert result.exit_code == 0, result.output
    text = french.read_text(encoding="utf-8")
    assert "**Texte de l'UNESCO (réf. UNESCO R.1, p. 12, team.overlay.yaml) :** " in text
    assert "Formulation officielle de la question." in text
    assert "**Texte de roam :** Existe-t-il une loi ?" in text


def test_the_example_overlay_is_labelled_made_up(tmp_path: Path) -> None:
    edition = load_framework()
    folder = tmp_path / "official"
    folder.mkdir()
    shutil.copy(EXAMPLE, folder / EXAMPLE.name)
    overlay = load_overlay(edition, folders=(folder,))
    target = draft(make_demo(edition), edition, tmp_path / "demo.docx", overlay=overlay)
    quoted = [t for t in _under(target, "R.B.1 ") if "Example wording standing in" in t]
    assert len(quoted) == 2  # the question's and the indicator's
    assert all(t.startswith("Example overlay, made-up text, not UNESCO's (") for t in quoted)
    assert "its texts are made up, not UNESCO's" in all_text(target)


@pytest.mark.parametrize("where", ["beside", "option"])
def test_a_broken_overlay_stops_the_draft_with_file_and_line(
    assessment_file: Path, tmp_path: Path, where: str
) -> None:
    folder = assessment_file.parent if where == "beside" else tmp_path / "official"
    _overlay(folder, OVERLAY.replace("code: R.A.1.a", "code: Q.Q.1"))
    target = tmp_path / "draft.docx"
    options = ["--overlay", str(folder)] if where == "option" else []
    result = run("draft", str(assessment_file), "-o", str(target), *options)
    assert result.exit_code == 2
    assert "team.overlay.yaml:8:" in result.output and "has no item 'Q.Q.1'" in result.output
    assert "Traceback" not in result.output
    assert not target.exists()


def test_without_an_overlay_nothing_is_labelled(drafted: Path) -> None:
    text = all_text(drafted)
    assert "UNESCO's text" not in text and "roam's text" not in text
