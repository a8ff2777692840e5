"""A template whose hidden stamp was edited is imported or refused with a message, never a crash.

The stamp (sheet ``_roam``) says where the answers are: sheet, header row,
columns, the cells holding the contributor's name.  A person who unhides the
sheet, or a program that rewrites it, may put anything there.  Found by
tests/fuzz/test_workbook_importers.py (a header row of ``False``).
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from roam.cli import main
from tests.helpers.files import DATA

ASSESSMENT = DATA / "bad" / "workbook" / "examplia.yaml"

TAMPERINGS = [
    ("roam.template.header_row", "-5"),
    ("roam.template.header_row", "1048576"),
    ("roam.template.columns", "garbage"),
    ("roam.template.columns", "status=-3,level=x"),
    ("roam.template.columns", ""),
    ("roam.template.sheet", ""),
    ("roam.template.format", "1.5"),
    ("roam.generated", "yesterday"),
    ("roam.template.contributor_cell", "garbage"),
    ("roam.template.contributor_cell", "Nope!B2"),
    ("roam.template.header_row", "abc"),
    ("roam.template.header_row", False),
    ("roam.template.contributor_cell", "Instructions!B0"),
    ("roam.template.contributor_cell", "Instructions!"),
    ("roam.template.organisation_cell", "Answers!A1:B2"),
]


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("stamp") / "template.xlsx"
    result = CliRunner().invoke(main, ["template", str(ASSESSMENT), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


def _tampered(template: Path, key: str, value: object, target: Path) -> Path:
    workbook = openpyxl.load_workbook(template)
    rows = [row for row in workbook["_roam"].iter_rows() if row[0].value == key]
    assert rows, f"the stamp has no {key}"
    rows[0][1].value = value
    workbook.save(target)
    return target


@pytest.mark.parametrize(("key", "value"), TAMPERINGS)
def test_tampered_stamp_is_imported_or_refused_clearly(
    template: Path, tmp_path: Path, key: str, value: object
) -> None:
    workbook = _tampered(template, key, value, tmp_path / "tampered.xlsx")
    result = CliRunner().invoke(
        main, ["import-answers", str(ASSESSMENT), str(workbook), "--dry-run"]
    )
    assert result.exit_code in (0, 2), result.output
    assert "internal error" not in result.output
    if result.exit_code == 2:
        (line,) = result.stderr.strip().splitlines()
        assert line.startswith(f"{workbook}: ")
