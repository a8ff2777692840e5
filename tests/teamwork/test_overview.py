"""`roam overview`: a liaison's portfolio of every UN member state's assessment."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from click.testing import CliRunner

from roam.assessment.loader import load_assessment
from roam.assessment.model import Comment
from roam.assessment.storage import save_assessment
from roam.cli.main import main
from roam.demo import make_demo
from roam.framework.loader import load_framework
from roam.scoring.engine import score
from roam.teamwork import framework_cache
from roam.teamwork.overview import Portfolio, build_portfolio, country_sort_key
from roam.workbooks.overview_workbook import write_overview_workbook
from tests.helpers.files import MINI_FRAMEWORK

MEMBER_STATES = 193
TODAY = dt.date(2025, 6, 1)
# A few names whose order depends on ignoring accents and case.
NAMED = {0: "Cuba", 1: "Côte d'Ivoire", 2: "Chad", 3: "czechia", 4: "Zimbabwe"}
LATE_COMMENT = dt.datetime(2025, 5, 30, 16, 45, tzinfo=dt.UTC)


def iso_for(index: int) -> str:
    return "Q" + chr(65 + index // 26) + chr(65 + index % 26)


def country_for(index: int) -> str:
    return NAMED.get(index, f"Member State {MEMBER_STATES - index:03d}")


@pytest.fixture(scope="module")
def portfolio_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """193 demo assessments of the mini edition, one seed and country each, plus bad files."""
    root = tmp_path_factory.mktemp("portfolio")
    (root / "editions").mkdir()
    shutil.copy(MINI_FRAMEWORK, root / "editions" / "mini.yaml")
    folder = root / "assessments"
    folder.mkdir()
    framework = load_framework(root / "editions" / "mini.yaml")
    for index in range(MEMBER_STATES):
        path = folder / f"{iso_for(index).lower()}.yaml"
        demo = make_demo(framework, seed=index, path=str(path))
        assessment = demo.model_copy(update={"country": country_for(index), "iso": iso_for(index)})
        if index == 7:
            answer = next(iter(assessment.answers.values()))
            answer.review.thread.append(Comment(author="Liaison", time=LATE_COMMENT, text="OK?"))
        save_assessment(assessment, path, framework)
    (folder / "broken.yaml").write_text("country: [unclosed\n", encoding="utf-8")
    (folder / "unknown-edition.yaml").write_text(
        "country: Nowhere\niso: NOW\nframework: {id: no-such-edition, version: '1'}\n"
        "created: 2024-01-01T00:00:00\n",
        encoding="utf-8",
    )
    (folder / "notes.txt").write_text("not an assessment", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def portfolio(portfolio_folder: Path) -> Iterator[Portfolio]:
    yield build_portfolio(sorted(portfolio_folder.glob("*.yaml")), today=TODAY, jobs=1)


def read_back(path: Path) -> list[dict[str, Any]]:
    sheet = openpyxl.load_workbook(path)["Portfolio"]
    rows = list(sheet.iter_rows(min_row=5, values_only=True))
    headers = [str(h) for h in rows[0]]
    return [dict(zip(headers, row, strict=True)) for row in rows[1:]]


def test_every_readable_file_has_one_row_sorted_by_country_name(portfolio: Portfolio) -> None:
    assert len(portfolio.rows) == MEMBER_STATES
    names = [row.country for row in portfolio.rows]
    assert names[:4] == ["Chad", "Côte d'Ivoire", "Cuba", "czechia"]
    assert names == sorted(names, key=country_sort_key)
    assert names[-1] == "Zimbabwe"


def test_bad_files_are_listed_as_skipped_with_their_error(portfolio: Portfolio) -> None:
    skipped = {Path(item.file).name: item.error for item in portfolio.skipped}
    assert sorted(skipped) == ["broken.yaml", "unknown-edition.yaml"]
    assert "broken.yaml:2:1: YAML syntax error" in skipped["broken.yaml"]
    assert "no-such-edition" in skipped["unknown-edition.yaml"]


def test_the_framework_is_parsed_once_for_all_files(
    portfolio_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    loaded: list[Path] = []
    real = framework_cache.load_framework

    def counting(path: Any = None) -> Any:
        loaded.append(Path(path))
        return real(path)

    monkeypatch.setattr(framework_cache, "load_framework", counting)
    result = build_portfolio(sorted(portfolio_folder.glob("*.yaml")), today=TODAY, jobs=1)
    assert len(result.rows) == MEMBER_STATES
    assert [path.name for path in loaded] == ["mini.yaml"]


def test_worker_processes_give_the_same_portfolio(
    portfolio: Portfolio, portfolio_folder: Path
) -> None:
    parallel = build_portfolio(sorted(portfolio_folder.glob("*.yaml")), today=TODAY, jobs=2)
    assert parallel.rows == portfolio.rows
    assert parallel.skipped == portfolio.skipped
    assert parallel.editions_loaded == portfolio.editions_loaded


def test_a_row_shows_what_the_liaison_needs(portfolio: Portfolio, portfolio_folder: Path) -> None:
    row = next(r for r in portfolio.rows if r.iso == iso_for(7))
    assessment = load_assessment(portfolio_folder / "qah.yaml")
    answers = list(assessment.answers.values())
    assert (row.country, row.edition, row.scope, row.in_scope) == (
        country_for(7),
        "mini 1.0",
        "full",
        6,
    )
    decided = sum(1 for a in answers if a.status != "not_assessed")
    assert row.coverage == pytest.approx(100 * decided / 6)
    assert row.data_gaps == sum(1 for a in answers if a.status == "no_data")
    assert row.open_queries == sum(1 for a in answers if a.review.state == "queried")
    assert sum(row.review_states.values()) == 6
    assert row.review_states["accepted"] == sum(1 for a in answers if a.review.state == "accepted")
    assert row.last_change == LATE_COMMENT
    framework = load_framework(MINI_FRAMEWORK)
    expected = score(assessment, framework)
    assert row.category_scores == {
        "R": expected.category("R").score,
        "O": expected.category("O").score,
    }


def test_the_workbook_lists_every_row_never_ranked(portfolio: Portfolio, tmp_path: Path) -> None:
    path = write_overview_workbook(portfolio, tmp_path / "portfolio.xlsx")
    rows = read_back(path)

    assert len(rows) == MEMBER_STATES
    assert not any("rank" in header.casefold() for header in rows[0])
    assert [r["Country"] for r in rows] == [row.country for row in portfolio.rows]
    scores = [r["R score"] for r in rows if r["R score"] is not None]
    # the seeds give different scores, so a sort by score would show here
    assert scores != sorted(scores) and scores != sorted(scores, reverse=True)
    late = next(r for r in rows if r["ISO"] == iso_for(7))
    assert late["Last change (UTC)"] == LATE_COMMENT.replace(tzinfo=None)
    skipped = openpyxl.load_workbook(path)["Skipped files"]
    files = [row[0] for row in skipped.iter_rows(min_row=5, values_only=True)]
    assert sorted(Path(f).name for f in files) == ["broken.yaml", "unknown-edition.yaml"]


def test_roam_overview_writes_the_workbook_and_reports_skipped_files(
    portfolio_folder: Path, tmp_path: Path
) -> None:
    out = tmp_path / "overview.xlsx"
    result = CliRunner().invoke(main, ["overview", str(portfolio_folder), "-o", str(out)])

    assert result.exit_code == 0, result.output
    assert f"{MEMBER_STATES} assessments" in result.output
    assert "broken.yaml" in result.output
    assert len(read_back(out)) == MEMBER_STATES


def test_roam_overview_without_any_assessment_file_exits_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["overview", str(tmp_path), "-o", str(tmp_path / "o.xlsx")])
    assert result.exit_code == 2
    assert "no assessment files" in result.stderr
