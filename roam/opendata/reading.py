"""The statistics files people download, read offline into observations for one country.

Three layouts are read, alone or inside a ZIP archive:

- the World Bank's per-indicator download ``API_<series>_DS2_....csv``: a few
  preamble lines (data source, "Last Updated Date"), then the header
  ``Country Name,Country Code,Indicator Name,Indicator Code,1960,...``;
- the bulk ``WDICSV.csv`` (``WDIData.csv`` in older archives): the same
  columns without the preamble;
- a tidy CSV ``iso3,series,year,value[,source,url]`` for ITU figures,
  national statistics and anything else.

Only the rows of the assessment's country and of the series the framework maps
are kept, so a bulk file of every country is read in one pass with little
memory.  Those rows are checked cell by cell; every problem is collected with
its file and line and reported together, and nothing is taken from a file that
has one.  A file larger than the limit is refused before it is read.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import re
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Protocol

from roam.errors import Problem, SourceError

MAX_FILE_BYTES = 1 << 30  # the bulk WDICSV.csv is a few hundred megabytes
MAX_COLUMNS = 400
PREAMBLE_LINES = 8
WDI_COLUMNS = ("Country Name", "Country Code", "Indicator Name", "Indicator Code")
TIDY_COLUMNS = ("iso3", "series", "year", "value")
TIDY_OPTIONAL = ("source", "url")
WDI_PUBLISHER = "World Bank, World Development Indicators"
SERIES_PAGE = "https://data.worldbank.org/indicator/{series}"
_YEAR = re.compile(r"^\d{4}$")
_DATA_MEMBER = re.compile(r"^(API_.+|WDICSV|WDIData)\.csv$", re.IGNORECASE)
_MAX_NAMED_COUNTRIES = 8


class _Rows(Protocol):
    """A ``csv.reader``: rows, and the line the last one ended on."""

    line_num: int

    def __iter__(self) -> Iterator[list[str]]: ...

    def __next__(self) -> list[str]: ...


@dataclass(frozen=True, slots=True)
class Observation:
    """One figure of one series for one year, and where it was read."""

    series: str
    year: int
    value: float
    where: str  # file (and ZIP member) as the user named it
    line: int
    publisher: str
    url: str
    updated: dt.date | None = None  # the download's "Last Updated Date"


@dataclass(slots=True)
class Reading:
    """Everything read from the given files for one country."""

    observations: dict[str, list[Observation]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def add(self, observation: Observation) -> None:
        self.observations.setdefault(observation.series, []).append(observation)


def read_open_data(
    paths: Iterable[Path], iso: str, series: set[str], *, max_bytes: int = MAX_FILE_BYTES
) -> Reading:
    """Observations of ``series`` for the country ``iso`` from every file in ``paths``.

    Raises :class:`SourceError` listing every problem found in any file.
    """
    reading = Reading()
    problems: list[Problem] = []
    for path in paths:
        for name, stream in _csv_streams(path, max_bytes, problems):
            with stream:
                problems += _read_csv(name, stream, iso, series, reading)
    if problems:
        raise SourceError(problems)
    return reading


def _csv_streams(
    path: Path, max_bytes: int, problems: list[Problem]
) -> Iterator[tuple[str, IO[bytes]]]:
    """The CSV files at ``path``: the file itself, or the data files inside a ZIP."""
    shown = str(path)
    try:
        size = path.stat().st_size
        is_zip = zipfile.is_zipfile(path)
    except OSError as error:
        problems.append(Problem(shown, f"cannot read: {error.strerror or error}"))
        return
    if not is_zip:
        if size > max_bytes:
            problems.append(Problem(shown, _too_big(size, max_bytes)))
            return
        try:
            stream = path.open("rb")
        except OSError as error:
            problems.append(Problem(shown, f"cannot read: {error.strerror or error}"))
            return
        yield shown, stream
        return
    try:
        with zipfile.ZipFile(path) as archive:
            members = [
                info
                for info in archive.infolist()
                if not info.is_dir() and _DATA_MEMBER.match(info.filename.rsplit("/", 1)[-1])
            ]
            if not members:
                problems.append(
                    Problem(
                        shown,
                        "no data file inside the ZIP (expected API_<series>_....csv or "
                        "WDICSV.csv; the Metadata_ files are not data)",
                    )
                )
            for info in members:
                name = f"{shown}:{info.filename}"
                if info.file_size > max_bytes:
                    problems.append(Problem(name, _too_big(info.file_size, max_bytes)))
                    continue
                yield name, archive.open(info)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, OSError) as error:
        problems.append(Problem(shown, f"damaged or unsupported ZIP archive: {error}"))


def _too_big(size: int, limit: int) -> str:
    return f"{size / 1e6:.0f} MB is more than the {limit / 1e6:.0f} MB roam reads; split the file"


def _read_csv(
    name: str, raw: IO[bytes], iso: str, series: set[str], reading: Reading
) -> list[Problem]:
    text = io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")
    rows: _Rows = csv.reader(text)
    problems: list[Problem] = []
    try:
        preamble: dict[str, str] = {}
        for _ in range(PREAMBLE_LINES):
            row = next(rows, None)
            if row is None:
                break
            cells = [cell.strip() for cell in row]
            if tuple(cells[:4]) == WDI_COLUMNS:
                return _WideReader(name, iso, series, reading, preamble).read(
                    cells, rows, rows.line_num
                )
            if tuple(c.lower() for c in cells[:4]) == TIDY_COLUMNS:
                return _read_tidy(name, cells, rows, iso, series, reading)
            if missing := _missing_columns(cells):
                return [Problem(name, f"missing columns: {', '.join(missing)}", rows.line_num)]
            if len(cells) >= 2 and cells[0]:
                preamble[cells[0]] = cells[1]
        return [
            Problem(
                name,
                "not a World Bank download (header 'Country Name,Country Code,Indicator Name,"
                "Indicator Code,1960,...') nor a tidy CSV (header 'iso3,series,year,value')",
                1,
            )
        ]
    except UnicodeDecodeError:
        return [Problem(name, "not UTF-8 text: is this really a CSV file?")]
    except (csv.Error, zipfile.BadZipFile, OSError) as error:
        return [*problems, Problem(name, f"unreadable CSV: {error}", rows.line_num)]


def _missing_columns(cells: list[str]) -> list[str]:
    """The expected columns this header lacks, if it looks like one of the two headers."""
    lowered = {cell.lower() for cell in cells}
    for columns in (WDI_COLUMNS, TIDY_COLUMNS):
        wanted = [c.lower() for c in columns]
        present = [c for c in wanted if c in lowered]
        if len(present) >= 2:
            return [c for c, w in zip(columns, wanted, strict=True) if w not in lowered]
    return []


def _number(cell: str) -> float | None:
    try:
        value = float(cell)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def _bad_value(cell: str) -> str:
    if cell == "..":
        return "'..' (a DataBank mark for no data): leave the cell empty instead"
    return f"{cell[:40]!r} is not a number"


def _date(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text.strip()) if text else None
    except ValueError:
        return None


class _WideReader:
    """The World Bank's layout: one row per country and series, one column per year."""

    def __init__(
        self, name: str, iso: str, series: set[str], reading: Reading, preamble: dict[str, str]
    ) -> None:
        self.name, self.iso, self.series, self.reading = name, iso, series, reading
        self.updated = _date(preamble.get("Last Updated Date"))
        source = preamble.get("Data Source", "")
        self.publisher = f"World Bank, {source}" if source else WDI_PUBLISHER

    def read(self, header: list[str], rows: _Rows, header_line: int) -> list[Problem]:
        problems: list[Problem] = []
        years: list[tuple[int, int]] = []  # (column, year)
        for column, cell in enumerate(header[4:], start=4):
            if _YEAR.match(cell):
                years.append((column, int(cell)))
            elif cell or column != len(header) - 1:  # the download ends with an empty column
                problems.append(
                    Problem(
                        self.name,
                        f"column {column + 1} of the header is {cell[:30]!r}, not a year",
                        header_line,
                    )
                )
        if len(header) > MAX_COLUMNS:
            problems.append(Problem(self.name, f"more than {MAX_COLUMNS} columns", header_line))
        if problems:
            return problems
        seen: dict[str, int] = {}
        countries: set[str] = set()
        for row in rows:
            line = rows.line_num
            if len(row) < 4:
                continue
            country, code = row[1].strip().upper(), row[3].strip()
            if len(countries) <= _MAX_NAMED_COUNTRIES:
                countries.add(country)
            if country != self.iso:
                continue
            countries.add(country)
            if code not in self.series:
                continue
            if code in seen:
                problems.append(
                    Problem(self.name, f"{code} again (first on line {seen[code]})", line)
                )
                continue
            seen[code] = line
            problems += self._values(row, years, code, line)
        problems += _country_problems(self.name, self.iso, countries, bool(seen), self.reading)
        return problems

    def _values(
        self, row: list[str], years: list[tuple[int, int]], code: str, line: int
    ) -> list[Problem]:
        problems = []
        for column, year in years:
            cell = row[column].strip() if column < len(row) else ""
            if not cell:
                continue
            value = _number(cell)
            if value is None:
                problems.append(Problem(self.name, f"{code}, {year}: {_bad_value(cell)}", line))
                continue
            url = SERIES_PAGE.format(series=code)
            self.reading.add(
                Observation(code, year, value, self.name, line, self.publisher, url, self.updated)
            )
        return problems


def _country_problems(
    name: str, iso: str, countries: set[str], found: bool, reading: Reading
) -> list[Problem]:
    if iso in countries:
        if not found:
            reading.warnings.append(f"{name}: no series for {iso} that the framework maps")
        return []
    if not countries:
        return [Problem(name, "no data rows after the header")]
    shown = ", ".join(sorted(countries)[:_MAX_NAMED_COUNTRIES])
    more = ", ..." if len(countries) > _MAX_NAMED_COUNTRIES else ""
    message = f"no row for {iso}, the assessment's country (the file has {shown}{more})"
    return [Problem(name, message)]


def _read_tidy(  # noqa: PLR0917
    name: str,
    header: list[str],
    rows: _Rows,
    iso: str,
    series: set[str],
    reading: Reading,
) -> list[Problem]:
    lowered = [cell.lower() for cell in header]
    column = {key: lowered.index(key) for key in (*TIDY_COLUMNS, *TIDY_OPTIONAL) if key in lowered}
    problems: list[Problem] = []
    seen: dict[tuple[str, int], int] = {}
    countries: set[str] = set()
    found = False
    for row in rows:
        line = rows.line_num
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > MAX_COLUMNS:
            problems.append(Problem(name, f"more than {MAX_COLUMNS} columns", line))
            continue

        def cell(key: str, row: list[str] = row) -> str:
            index = column.get(key)
            return row[index].strip() if index is not None and index < len(row) else ""

        country = cell("iso3").upper()
        if len(countries) <= _MAX_NAMED_COUNTRIES:
            countries.add(country)
        if country != iso:
            continue
        countries.add(country)
        code, year_text, value_text = cell("series"), cell("year"), cell("value")
        if code not in series:
            continue
        found = True
        if not _YEAR.match(year_text):
            problems.append(Problem(name, f"year {year_text[:30]!r} is not a year like 2023", line))
            continue
        year = int(year_text)
        if (code, year) in seen:
            problems.append(
                Problem(name, f"{code}, {year} again (first on line {seen[code, year]})", line)
            )
            continue
        seen[code, year] = line
        if not value_text:
            continue
        value = _number(value_text)
        if value is None:
            problems.append(Problem(name, f"{code}, {year}: {_bad_value(value_text)}", line))
            continue
        publisher = cell("source") or Path(name).name
        url = cell("url") or (SERIES_PAGE.format(series=code) if "." in code else "")
        reading.add(Observation(code, year, value, name, line, publisher, url))
    return problems + _country_problems(name, iso, countries, found, reading)
