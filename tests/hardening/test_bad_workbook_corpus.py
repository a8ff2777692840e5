"""Every case of the bad workbook corpus is refused with its one specific message, exit 2.

Cases are folders under tests/data/bad/workbook/: ``workbook.xlsx`` and
``case.expected`` (see tests/data/bad/framework/README.md for the format).
``answers-*`` cases go through `roam import-answers`, ``review-*`` cases through
`roam import-review`, both as dry runs into ``examplia.yaml`` (the demo
assessment on the small test edition, which the templates were made from).
The cell-level corpus beside them (import-malformed-cells.yaml) belongs to
tests/exchange/test_malformed_cells.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from roam.cli import main
from tests.hardening.corpus import cases, read_expected
from tests.helpers.files import DATA

CORPUS = DATA / "bad" / "workbook"
ASSESSMENT = CORPUS / "examplia.yaml"
CASES = cases(CORPUS)
COMMANDS = {"answers": "import-answers", "review": "import-review"}


def test_the_corpus_covers_both_importers() -> None:
    prefixes = {case.name.split("-", 1)[0] for case in CASES}
    assert prefixes == set(COMMANDS)
    assert len(CASES) >= 10


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_import_refuses_with_the_expected_message(case: Path) -> None:
    expected = read_expected(case)
    workbook = case / expected.file
    command = COMMANDS[case.name.split("-", 1)[0]]
    before = ASSESSMENT.read_bytes()
    result = CliRunner().invoke(main, [command, str(ASSESSMENT), str(workbook), "--dry-run"])
    assert result.exit_code == 2, result.output
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith(f"{workbook}: "), line
    assert expected.fragment in line, line
    assert ASSESSMENT.read_bytes() == before
