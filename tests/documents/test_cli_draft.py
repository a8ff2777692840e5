"""`roam draft` as a user runs it: default path, options, readable errors."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from docx import Document

from tests.helpers.documents import run
from tests.helpers.report_assessment import CONFIDENTIAL_CITATION


def test_default_path_is_beside_the_exported_workbooks(
    assessment_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    result = run("draft", str(assessment_file))
    assert result.exit_code == 0, result.output
    expected = Path("reports") / f"XEA-{dt.date.today().isoformat()}-draft.docx"
    assert result.output.strip() == f"wrote {expected}"
    assert Document(str(work / expected)).paragraphs[0].style.name == "Title"


def test_markdown_french_and_redacted(assessment_file: Path, tmp_path: Path):
    target = tmp_path / "out" / "rapport.md"
    result = run(
        "draft", str(assessment_file), "-o", str(target), "--lang", "fr", "--redact-confidential"
    )
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    assert "## Résumé analytique" in text
    assert CONFIDENTIAL_CITATION not in text
    assert "\\[source confidentielle retirée\\]" in text  # escaped: it is text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-o", "draft.pdf"], "must end in one of them"),
        (["--template", "house.dotx"], "a template is a Word document ending in .docx"),
        (["-o", "d.md", "--template", "house.docx"], "a Word template applies only to a .docx"),
        (["--template", "missing.docx"], "missing.docx: no such template file"),
    ],
)
def test_bad_options_are_one_readable_message(
    assessment_file: Path, tmp_path: Path, args: list[str], message: str
):
    (tmp_path / "house.docx").write_bytes(b"")
    args = [
        a if not a.endswith((".docx", ".dotx", ".md", ".pdf")) else str(tmp_path / a) for a in args
    ]
    result = run("draft", str(assessment_file), *args)
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output


def test_an_unreadable_assessment_is_refused(tmp_path: Path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("country: [\n", encoding="utf-8")
    result = run("draft", str(bad), "-o", str(tmp_path / "d.docx"))
    assert result.exit_code == 2
    assert "bad.yaml" in result.output
    assert not (tmp_path / "d.docx").exists()


def test_the_draft_never_replaces_its_template_or_an_assessment(
    assessment_file: Path, tmp_path: Path
):
    from docx import Document as NewDocument

    template = tmp_path / "house.docx"
    NewDocument().save(str(template))
    before = template.read_bytes()
    result = run("draft", str(assessment_file), "-o", str(template), "--template", str(template))
    assert result.exit_code == 2
    assert "that is an input of this command" in result.output
    assert template.read_bytes() == before
    other = tmp_path / "other.yaml"
    other.write_bytes(assessment_file.read_bytes())
    renamed = tmp_path / "other.md"
    other.rename(renamed)  # an assessment file, whatever its name
    kept = renamed.read_bytes()
    result = run("draft", str(assessment_file), "-o", str(renamed))
    assert result.exit_code == 2
    assert "that is an assessment file" in result.output
    assert renamed.read_bytes() == kept
