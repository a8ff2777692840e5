"""One size policy: imports cannot write a file roam then refuses to open."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from roam.assessment.editing_session import open_assessment
from roam.assessment.loader import read_assessment
from roam.assessment.size_policy import (
    MAX_CELL_TEXT_CHARS,
    MAX_FILE_BYTES,
    MAX_NAME_CHARS,
    OversizeError,
)
from roam.assessment.storage import save_assessment
from roam.framework import Framework
from tests.helpers.exchange_workbooks import edit_workbook, fill_answers, kenya, load, run

EXCEL_CELL_LIMIT = 32_767


def test_a_cell_longer_than_roam_imports_is_a_bad_cell(
    assessment_file: Path, template: Path
) -> None:
    def edit(workbook: Any) -> None:
        fill_answers(
            workbook["Answers"],
            {"R.A.1.b": {"level": "low", "justification": "x" * EXCEL_CELL_LIMIT}},
        )

    filled = edit_workbook(template, template.with_name("filled.xlsx"), edit)

    result = run("import-answers", assessment_file, filled)

    assert result.exit_code == 0, result.output
    assert f"holds {EXCEL_CELL_LIMIT:,} characters" in result.output
    assert f"at most {MAX_CELL_TEXT_CHARS:,}" in result.output
    answer = load(assessment_file).answers["R.A.1.b"]
    assert answer.level == "low" and not answer.justification


def test_a_long_name_in_the_workbook_is_not_written_into_the_history(
    assessment_file: Path, template: Path
) -> None:
    def edit(workbook: Any) -> None:
        workbook.properties.lastModifiedBy = "N" * 5_000
        fill_answers(workbook["Answers"], {"R.A.1.b": {"level": "low"}})

    filled = edit_workbook(template, template.with_name("filled.xlsx"), edit)

    assert run("import-answers", assessment_file, filled).exit_code == 0

    history = load(assessment_file).answers["R.A.1.b"].history
    assert history and all(len(change.who) <= MAX_NAME_CHARS for change in history)


def test_a_contributor_name_too_long_is_refused(assessment_file: Path, template: Path) -> None:
    before = assessment_file.read_bytes()

    result = run("import-answers", assessment_file, template, "--contributor", "N" * 500)

    assert result.exit_code == 2
    assert f"a name has at most {MAX_NAME_CHARS}" in result.output
    assert assessment_file.read_bytes() == before


def test_a_save_roam_could_not_read_back_is_refused_before_writing(
    assessment_file: Path, framework: Framework
) -> None:
    before = assessment_file.read_bytes()
    huge = kenya(framework, assessment_file)
    huge.answers["R.A.1.a"].justification = "x" * (MAX_FILE_BYTES + 1)

    with pytest.raises(OversizeError, match=r"kenya\.yaml: not saved: it would be"):
        save_assessment(huge, assessment_file, framework)

    assert assessment_file.read_bytes() == before
    assert sorted(p.name for p in assessment_file.parent.iterdir()) == ["kenya.yaml"]


def test_an_alias_bomb_that_loads_is_refused_on_save(
    assessment_file: Path, framework: Framework
) -> None:
    """Aliases share one value when read; saving would write each copy out in full."""
    text = assessment_file.read_text(encoding="utf-8")
    citation = "c" * 200_000
    copies = "".join(
        "\n    - kind: report\n      citation: *big" for _ in range(MAX_FILE_BYTES // len(citation))
    )
    bomb = text.replace(
        "    - kind: law_or_regulation\n      citation: Access Act 2019",
        f"    - kind: law_or_regulation\n      citation: &big {citation}{copies}",
    )
    assert bomb != text and len(bomb.encode()) < MAX_FILE_BYTES
    assessment_file.write_text(bomb, encoding="utf-8", newline="\n")
    read_assessment(assessment_file, framework)  # it loads: few values, a small file

    with (
        open_assessment(assessment_file, framework) as opened,
        pytest.raises(OversizeError, match="more than the"),
    ):
        opened.save()

    assert assessment_file.read_text(encoding="utf-8") == bomb


def test_an_import_writes_the_contributor_name_once(assessment_file: Path, template: Path) -> None:
    name = "Ana Silva for the national research team, via the liaison office " * 2
    name = name[:MAX_NAME_CHARS].strip()
    cells: dict[str, dict[str, object]] = {
        code: {"level": "low", "justification": f"Why {code}"} for code in ("R.A.1.b", "O.A.1.a")
    }
    filled = edit_workbook(
        template,
        template.with_name("filled.xlsx"),
        lambda book: fill_answers(book["Answers"], cells),
    )

    result = run("import-answers", assessment_file, filled, "--contributor", name)

    assert result.exit_code == 0, result.output
    answers = load(assessment_file).answers
    changes = [change for code in cells for change in answers[code].history]
    assert len(changes) >= 2 * len(cells) and all(change.who == name for change in changes)
    assert assessment_file.read_text(encoding="utf-8").count(name) == 1
