"""`roam prefill --online`: recorded API rows stand in for the World Bank; no network here."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import pytest

from roam.opendata import online
from tests.helpers.open_data import LATEST, TEAM_CODE, load, run

# What wbgapi.data.fetch yields for one series and country (skipBlanks=True).
RECORDED = {
    "SP.POP.TOTL": [
        {"value": 9264000, "series": "SP.POP.TOTL", "economy": "XEX", "time": f"YR{LATEST - 1}"},
        {"value": 9391000, "series": "SP.POP.TOTL", "economy": "XEX", "time": f"YR{LATEST}"},
    ],
    "IT.NET.USER.ZS": [
        {"value": 71.5, "series": "IT.NET.USER.ZS", "economy": "XEX", "time": f"YR{LATEST}"},
    ],
}


def recorded(series: str, iso: str, first: int, last: int) -> Iterable[Mapping[str, Any]]:
    assert iso == "XEX" and first <= LATEST <= last
    return RECORDED.get(series, [])


def test_online_fills_from_the_api_rows(examplia: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(online, "wbgapi_fetch", lambda: recorded)
    result = run("prefill", examplia, "--online", "--keep", "mine")
    assert result.exit_code == 0, result.output
    answer = load(examplia).answers["C.2.1.a"]
    assert (answer.value, answer.year, answer.review.state) == (9391000, LATEST, "draft")
    assert answer.evidence[0].location == "https://data.worldbank.org/indicator/SP.POP.TOTL"
    assert load(examplia).answers[TEAM_CODE].value == 67.6  # the team's answer kept


def test_without_network_a_clear_message_and_nothing_changes(
    examplia: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def offline(series: str, iso: str, first: int, last: int) -> Iterable[Mapping[str, Any]]:
        raise OSError(101, "Network is unreachable")

    monkeypatch.setattr(online, "wbgapi_fetch", lambda: offline)
    before = examplia.read_bytes()
    result = run("prefill", examplia, "--online")
    assert result.exit_code == 2
    assert "World Bank API: cannot connect (Network is unreachable)" in result.output
    assert "Traceback" not in result.output
    assert examplia.read_bytes() == before


def test_without_wbgapi_it_says_how_to_install_it(
    examplia: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "wbgapi", None)  # import wbgapi now raises ImportError
    result = run("prefill", examplia, "--online")
    assert result.exit_code == 2
    assert "pip install 'roam-iui[online]'" in result.output


def test_files_or_online_not_both(examplia: Path) -> None:
    assert run("prefill", examplia).exit_code == 2
    assert run("prefill", examplia, "--online", "--from", examplia).exit_code == 2


def test_a_timeout_is_reported_and_the_socket_default_restored() -> None:
    import socket

    from roam.errors import RoamError

    seen: list[float | None] = []

    def slow(series: str, iso: str, first: int, last: int) -> Iterable[Mapping[str, Any]]:
        seen.append(socket.getdefaulttimeout())
        raise TimeoutError("timed out")

    before = socket.getdefaulttimeout()
    with pytest.raises(RoamError, match=r"no answer for SP\.POP\.TOTL in time"):
        online.fetch_open_data("XEX", {"SP.POP.TOTL"}, max_age=5, fetch=slow, timeout=7)
    assert seen == [7]
    assert socket.getdefaulttimeout() == before
