"""Every case of the bad framework corpus gets its one specific, positioned message."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from roam.cli import main
from roam.errors import SourceError
from roam.framework.loader import load_framework
from tests.hardening.corpus import assert_matches, cases, read_expected
from tests.helpers.files import DATA

CORPUS = DATA / "bad" / "framework"
CASES = cases(CORPUS)


def test_the_corpus_covers_many_kinds_of_mistake() -> None:
    assert len(CASES) >= 40


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_loader_reports_exactly_the_expected_problem(case: Path) -> None:
    expected = read_expected(case)
    with pytest.raises(SourceError) as caught:
        load_framework(case)
    (problem,) = caught.value.problems
    assert_matches(problem, expected, case)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_validate_prints_one_line_and_exits_2(case: Path) -> None:
    expected = read_expected(case)
    result = CliRunner().invoke(main, ["validate", str(case)])
    assert result.exit_code == 2, result.output
    (line,) = result.stderr.strip().splitlines()
    assert expected.fragment in line
    assert "Traceback" not in result.output
