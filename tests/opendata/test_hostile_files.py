"""Wrong or damaged statistics files: one message per problem, exit 2, assessment unchanged."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from roam.errors import SourceError
from roam.opendata.reading import read_open_data
from tests.helpers.open_data import (
    LATEST,
    WDI_HEADER,
    YEARS,
    run,
    wdi_rows,
    write_api_csv,
    write_zip,
)


def _renamed_workbook(folder: Path) -> Path:
    return write_zip(folder / "API_SP.POP.TOTL.csv", {"xl/workbook.xml": b"<workbook/>"})


def _renamed_text(folder: Path) -> Path:
    path = folder / "API_SP.POP.TOTL.csv"
    path.write_bytes(b"Dear team,\nplease find the figures attached.\n")
    return path


def _missing_columns(folder: Path) -> Path:
    header = ["Country Name", "Country Code", *map(str, YEARS)]
    return write_api_csv(folder / "API_x.csv", [], header)


def _with_cell(text: str) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        rows = wdi_rows(["SP.POP.TOTL"])
        rows[0][4 + YEARS.index(LATEST - 1)] = text
        return write_api_csv(folder / "API_SP.POP.TOTL.csv", rows)

    return make


def _duplicated(folder: Path) -> Path:
    rows = wdi_rows(["SP.POP.TOTL"], ["XEX"])
    return write_api_csv(folder / "API_SP.POP.TOTL.csv", rows + rows)


def _other_country(folder: Path) -> Path:
    return write_api_csv(folder / "API_SP.POP.TOTL.csv", wdi_rows(["SP.POP.TOTL"], ["KEN"]))


def _years_as_text(folder: Path) -> Path:
    header = [*WDI_HEADER, *(f"YR{year}" for year in YEARS)]
    return write_api_csv(folder / "API_SP.POP.TOTL.csv", wdi_rows(["SP.POP.TOTL"]), header)


def _tidy_year_as_text(folder: Path) -> Path:
    path = folder / "tidy.csv"
    path.write_bytes(b"iso3,series,year,value\nXEX,SP.POP.TOTL,last year,5\n")
    return path


def _not_utf8(folder: Path) -> Path:
    path = folder / "API_SP.POP.TOTL.csv"
    path.write_bytes(b"\xff\xfe\x00\x01binary\x00" * 50)
    return path


def _zip_without_data(folder: Path) -> Path:
    return write_zip(folder / "API.zip", {"Metadata_Country_API_x.csv": b"a,b\n"})


CASES: dict[str, tuple[Callable[[Path], Path], str]] = {
    "another file renamed (a workbook)": (_renamed_workbook, "no data file inside the ZIP"),
    "another file renamed (a letter)": (_renamed_text, ":1: not a World Bank download"),
    "missing columns": (_missing_columns, ":5: missing columns: Indicator Name, Indicator Code"),
    "non-numeric value": (_with_cell("about 5"), f":6: SP.POP.TOTL, {LATEST - 1}: 'about 5'"),
    "'..' placeholder": (_with_cell(".."), "'..' (a DataBank mark for no data)"),
    "duplicated rows": (_duplicated, ":7: SP.POP.TOTL again (first on line 6)"),
    "another country only": (_other_country, "no row for XEX, the assessment's country"),
    "years as text": (_years_as_text, ":5: column 5 of the header is 'YR1960', not a year"),
    "tidy year as text": (_tidy_year_as_text, ":2: year 'last year' is not a year"),
    "not text": (_not_utf8, "not UTF-8 text"),
    "ZIP without data": (_zip_without_data, "the Metadata_ files are not data"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_hostile_file_is_refused_and_nothing_changes(case: str, examplia: Path) -> None:
    make, message = CASES[case]
    bad = make(examplia.parent)
    before = examplia.read_bytes()
    result = run("prefill", examplia, "--from", bad)
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert str(bad) in result.output
    assert "Traceback" not in result.output
    assert examplia.read_bytes() == before


def test_every_problem_is_listed_once_across_files(examplia: Path) -> None:
    first = _with_cell("n/a")(examplia.parent)
    second = _tidy_year_as_text(examplia.parent)
    result = run("prefill", examplia, "--from", first, "--from", second)
    assert result.exit_code == 2
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 2, result.output


def test_a_file_over_the_size_limit_is_not_read(tmp_path: Path) -> None:
    path = write_api_csv(tmp_path / "API_SP.POP.TOTL.csv", wdi_rows(["SP.POP.TOTL"]))
    with pytest.raises(SourceError, match="MB roam reads"):
        read_open_data([path], "XEX", {"SP.POP.TOTL"}, max_bytes=100)
    zipped = write_zip(tmp_path / "big.zip", {"WDICSV.csv": path.read_bytes()})
    with pytest.raises(SourceError, match=r"big\.zip:WDICSV\.csv: .*MB roam reads"):
        read_open_data([zipped], "XEX", {"SP.POP.TOTL"}, max_bytes=100)
