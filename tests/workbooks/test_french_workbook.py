"""The workbook in French carries the built-in catalogue's French indicator texts."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from openpyxl import load_workbook

from roam.cli import main
from roam.framework import load_framework
from roam.framework.model import QuantitativeIndicator


def test_export_in_french_writes_the_french_indicator_texts(tmp_path: Path) -> None:
    runner = CliRunner()
    assessment = tmp_path / "senegal.yaml"
    created = runner.invoke(
        main, ["new", str(assessment), "--country", "Sénégal", "--iso", "SEN", "--scope", "full"]
    )
    assert created.exit_code == 0, created.output
    target = tmp_path / "rapport.xlsx"
    result = runner.invoke(main, ["export", str(assessment), "-o", str(target), "--lang", "fr"])
    assert result.exit_code == 0, result.output
    workbook = load_workbook(target, read_only=True)
    cells = {
        " ".join(value.split())
        for sheet in workbook.worksheets
        for row in sheet.iter_rows(values_only=True)
        for value in row
        if isinstance(value, str)
    }
    framework = load_framework()
    for code in ("R.A.1.a", "O.B.2.a", "A.F.2.c", "M.B.1.a", "X.D.3.a", "C.5.1.a"):
        text = framework.indicator(code).text
        assert " ".join(text["fr"].split()) in cells, code
        assert " ".join(text["en"].split()) not in cells, code
    quantitative = framework.indicator("R.A.1.b")
    assert isinstance(quantitative, QuantitativeIndicator)
    assert quantitative.goalposts.rationale is not None
    assert quantitative.goalposts.rationale["fr"] in cells  # on the Method sheet
