"""The open-data tests' material: Examplia (the demo country) with its mapped indicators
emptied, and WDI-shaped files.

Every file is written here, in the layouts the World Bank publishes; nothing is downloaded.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from collections.abc import Iterable
from pathlib import Path

from click.testing import CliRunner, Result

from roam.assessment.loader import load_assessment
from roam.assessment.model import Answer, Assessment
from roam.assessment.storage import save_assessment
from roam.cli.main import main
from roam.framework import Framework
from roam.framework.model import ContextualIndicator, QuantitativeIndicator

THIS_YEAR = dt.date.today().year
LATEST = THIS_YEAR - 2  # the most recent year with figures in the files below
UPDATED = "2025-12-16"
TEAM_CODE = "A.B.1.a"  # the one mapped indicator the team has answered itself
TEAM_VALUE = 67.6
WDI_HEADER = ["Country Name", "Country Code", "Indicator Name", "Indicator Code"]
YEARS = list(range(1960, THIS_YEAR))


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(main, [str(arg) for arg in args])


def mapped(framework: Framework) -> dict[str, str]:
    """Indicator code -> its first open-data series, for the whole built-in edition."""
    found = {}
    for place in framework.iter_places():
        indicator = place.indicator
        numeric = isinstance(indicator, QuantitativeIndicator | ContextualIndicator)
        if numeric and indicator.open_data:
            found[indicator.code] = indicator.open_data[0].series
    return found


def value_for(series: str) -> float:
    """A distinct, plausible figure per series (every mapped unit allows 0..100)."""
    return round(10 + sum(map(ord, series)) % 80 + 0.25, 2)


def make_examplia(tmp_path: Path, framework: Framework) -> Path:
    """The demo assessment, its mapped indicators empty except the team's TEAM_CODE."""
    path = tmp_path / "examplia.yaml"
    assert run("demo", path).exit_code == 0
    assessment = load_assessment(path)
    for code in mapped(framework):
        assessment.answers[code] = Answer()
    team = assessment.answers[TEAM_CODE]
    team.status, team.value, team.year = "answered", TEAM_VALUE, LATEST - 1
    save_assessment(assessment, path, framework, backup=False)
    return path


def load(path: Path) -> Assessment:
    return load_assessment(path)


def wdi_rows(series: Iterable[str], countries: Iterable[str] = ("XEX", "AAA")) -> list[list[str]]:
    rows = []
    for iso in countries:
        for code in series:
            cells = [""] * len(YEARS)
            cells[YEARS.index(LATEST - 3)] = "1.5"
            cells[YEARS.index(LATEST)] = str(value_for(code))
            rows.append([f"Country {iso}", iso, f"Indicator {code}", code, *cells])
    return rows


def write_api_csv(path: Path, rows: list[list[str]], header: list[str] | None = None) -> Path:
    """The per-indicator download: preamble, header, rows ending in an empty column."""
    out = io.StringIO()
    out.write('"Data Source","World Development Indicators",\n\n')
    out.write(f'"Last Updated Date","{UPDATED}",\n\n')
    writer = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator=",\n")
    writer.writerow(header or [*WDI_HEADER, *map(str, YEARS)])
    writer.writerows(rows)
    path.write_bytes(b"\xef\xbb\xbf" + out.getvalue().encode("utf-8"))
    return path


def write_bulk_csv(path: Path, rows: list[list[str]]) -> Path:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([*WDI_HEADER, *map(str, YEARS)])
    writer.writerows(rows)
    path.write_bytes(out.getvalue().encode("utf-8"))
    return path


def write_zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path
