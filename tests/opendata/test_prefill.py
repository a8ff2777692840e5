"""`roam prefill` fills the demo country's mapped indicators from WDI-shaped files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from roam.framework import Framework
from tests.helpers.open_data import (
    LATEST,
    TEAM_CODE,
    TEAM_VALUE,
    UPDATED,
    load,
    mapped,
    run,
    value_for,
    wdi_rows,
    write_api_csv,
    write_bulk_csv,
    write_zip,
)


def _api_files(folder: Path, series: list[str]) -> list[Path]:
    return [
        write_api_csv(folder / f"API_{code}_DS2_en_csv_v2_1.csv", wdi_rows([code]))
        for code in series
    ]


def _assert_filled(path: Path, framework: Framework, publisher_part: str = "World Bank") -> None:
    assessment = load(path)
    for code, series in mapped(framework).items():
        answer = assessment.answers[code]
        if code == TEAM_CODE:
            continue
        assert (answer.status, answer.value, answer.year) == ("answered", value_for(series), LATEST)
        assert answer.review.state == "draft"
        assert answer.unit == framework.indicator(code).unit  # type: ignore[union-attr]
        assert answer.provenance == f"open data: WDI {series}"
        evidence = answer.evidence[-1]  # after the team's own sources, if it had any
        assert evidence.kind == "dataset"
        assert series in evidence.citation and str(LATEST) in evidence.citation
        assert publisher_part in evidence.publisher
        assert evidence.location == f"https://data.worldbank.org/indicator/{series}"


def test_per_series_downloads_fill_every_mapped_indicator(
    examplia: Path, framework: Framework
) -> None:
    files = _api_files(examplia.parent, sorted(set(mapped(framework).values())))
    result = run("prefill", examplia, *[arg for f in files for arg in ("--from", f)])
    assert result.exit_code == 0, result.output
    _assert_filled(examplia, framework)
    some = load(examplia).answers["C.2.1.a"].evidence[0]
    assert some.published == dt.date.fromisoformat(UPDATED)
    assert "last updated " + UPDATED in some.citation
    # The team's own answer stands; the open-data figure waits beside it.
    team = load(examplia).answers[TEAM_CODE]
    assert (team.value, team.year, team.provenance) == (TEAM_VALUE, LATEST - 1, "")
    assert [v.value for v in team.conflicts] == [TEAM_VALUE, value_for("IT.NET.USER.ZS")]
    assert f"{len(mapped(framework)) - 1} new" in result.output
    # roam check lists the pre-filled answers until someone reviews them.
    check = run("check", examplia)
    assert "Pre-filled from open data, not yet reviewed (18)" in check.output


def test_dry_run_prints_the_table_and_writes_nothing(examplia: Path, framework: Framework) -> None:
    files = _api_files(examplia.parent, ["SP.POP.TOTL", "IT.NET.USER.ZS"])
    before = examplia.read_bytes()
    result = run("prefill", examplia, "--from", files[0], "--from", files[1], "--dry-run")
    assert result.exit_code == 0, result.output
    assert examplia.read_bytes() == before
    assert f"C.2.1.a    SP.POP.TOTL     {LATEST}" in result.output
    assert "would import 1 new" in result.output
    assert "dry run: nothing was saved" in result.output


def test_bulk_csv_and_zips(examplia: Path, framework: Framework) -> None:
    series = sorted(set(mapped(framework).values()))
    bulk = write_bulk_csv(examplia.parent / "WDICSV.csv", wdi_rows(series, ("AAA", "XEX", "ZZZ")))
    assert run("prefill", examplia, "--from", bulk).exit_code == 0
    _assert_filled(examplia, framework)

    # The same bulk file inside the World Bank's ZIP, beside its metadata files.
    zipped = write_zip(
        examplia.parent / "WDI_CSV.zip",
        {"WDICSV.csv": bulk.read_bytes(), "WDISeries.csv": b"Series Code,Topic\nX,Y\n"},
    )
    again = examplia.parent / "again.yaml"
    assert run("demo", again).exit_code == 0
    result = run("prefill", again, "--from", zipped, "--keep", "theirs")
    assert result.exit_code == 0, result.output
    _assert_filled(again, framework)


def test_per_series_zip_ignores_its_metadata(examplia: Path) -> None:
    csv_file = write_api_csv(examplia.parent / "x.csv", wdi_rows(["SP.POP.TOTL"]))
    zipped = write_zip(
        examplia.parent / "API_SP.POP.TOTL_DS2_en_csv_v2_1.zip",
        {
            "API_SP.POP.TOTL_DS2_en_csv_v2_1.csv": csv_file.read_bytes(),
            "Metadata_Country_API_SP.POP.TOTL_DS2_en_csv_v2_1.csv": b'"Country Code","Region"\n',
            "Metadata_Indicator_API_SP.POP.TOTL_DS2_en_csv_v2_1.csv": b'"INDICATOR_CODE"\n',
        },
    )
    result = run("prefill", examplia, "--from", zipped)
    assert result.exit_code == 0, result.output
    assert load(examplia).answers["C.2.1.a"].value == value_for("SP.POP.TOTL")


def test_tidy_csv_fills_an_itu_measured_indicator(examplia: Path) -> None:
    tidy = examplia.parent / "itu.csv"
    tidy.write_bytes(
        b"iso3,series,year,value,source,url\n"
        b"XEX,IT.NET.USER.ZS,2019,30.1,ITU,https://www.itu.int/itu-d/sites/statistics/\n"
        + f"XEX,IT.NET.USER.ZS,{LATEST},55.5,ITU,https://www.itu.int/itu-d/sites/statistics/\n".encode()
        + b"AAA,IT.NET.USER.ZS,2020,1,ITU,\n"
    )
    result = run("prefill", examplia, "--from", tidy, "--keep", "theirs")
    assert result.exit_code == 0, result.output
    answer = load(examplia).answers[TEAM_CODE]
    assert (answer.value, answer.year, answer.review.state) == (55.5, LATEST, "draft")
    assert answer.evidence[-1].publisher == "ITU"
    assert answer.evidence[-1].location.startswith("https://www.itu.int/")
    assert answer.conflicts == []


def test_keep_mine_leaves_the_team_answer_alone(examplia: Path) -> None:
    [csv_file] = _api_files(examplia.parent, ["IT.NET.USER.ZS"])
    before = examplia.read_bytes()
    result = run("prefill", examplia, "--from", csv_file, "--keep", "mine")
    assert result.exit_code == 0, result.output
    assert "kept mine" in result.output
    assert examplia.read_bytes() == before


def test_figures_older_than_max_age_are_not_taken(examplia: Path) -> None:
    [csv_file] = _api_files(examplia.parent, ["SP.POP.TOTL"])
    result = run("prefill", examplia, "--from", csv_file, "--max-age", "1")
    assert result.exit_code == 0, result.output
    assert f"SP.POP.TOTL: latest figure {LATEST}, older than 1 years" in result.output
    assert load(examplia).answers["C.2.1.a"].value is None
    assert run("prefill", examplia, "--from", csv_file, "--max-age", "2").exit_code == 0
    assert load(examplia).answers["C.2.1.a"].year == LATEST


def test_the_same_figure_only_gains_its_citation(examplia: Path) -> None:
    [csv_file] = _api_files(examplia.parent, ["SP.POP.TOTL"])
    assert run("prefill", examplia, "--from", csv_file).exit_code == 0
    after_first = examplia.read_bytes()
    result = run("prefill", examplia, "--from", csv_file)
    assert "nothing to change" in result.output
    assert examplia.read_bytes() == after_first


def test_a_contributors_figure_taken_over_a_prefilled_one_drops_its_provenance() -> None:
    import datetime as dt

    from roam.assessment.model import Answer
    from roam.exchange.answer_import import take_incoming
    from roam.exchange.read_cells import CellRef
    from roam.exchange.row_checks import IncomingAnswer

    answer = Answer(status="answered", value=41.0, year=2022, provenance="open data: WDI X")
    incoming = IncomingAnswer(
        code="A.B.1.a", ref=CellRef("Answers", "A5"), status="answered", value=55.0, year=2023
    )
    take_incoming(answer, incoming, "Ana", dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    assert answer.value == 55.0
    assert answer.provenance == ""  # no longer the figure roam pre-filled
