"""The Markdown draft: the same structure as the Word one, markers searchable as typed."""

from __future__ import annotations

import re
from pathlib import Path

from roam.assessment.model import Assessment
from roam.framework import Framework
from tests.helpers.documents import CHAPTERS, draft


def test_markdown_has_the_chapters_in_order_and_findings_under_questions(
    tmp_path: Path, assessment: Assessment, framework: Framework
):
    text = draft(assessment, framework, tmp_path / "draft.md").read_text(encoding="utf-8")
    assert text.startswith("# Internet Universality Indicators: national assessment of Examplia")
    assert re.findall(r"^## (.+)$", text, flags=re.MULTILINE) == CHAPTERS
    question = text.index("#### R.A.1 Is there a law?")
    finding = text.index("The act is in force. [\\[1\\]](#ref-1)")
    next_question = text.index("#### R.A.2 ")
    assert question < finding < next_question
    assert '<a id="ref-1"></a>**\\[1\\]** Access to Information Act 2016.' in text
    assert "| Code | Indicator | Value | Unit | Year | Source |" in text


def test_markdown_markers_are_searchable_as_typed(
    tmp_path: Path, assessment: Assessment, framework: Framework
):
    text = draft(assessment, framework, tmp_path / "draft.md").read_text(encoding="utf-8")
    markers = re.findall(r"^\*\[Team: [^\n]*\]\*$", text, flags=re.MULTILINE)
    assert len(markers) >= 4  # summary, method, context and one per chapter
    assert "*[Team: your analysis of Rights.]*" in markers
