"""The same observations fetched from the World Bank's API, for `roam prefill --online`.

Optional: it needs ``wbgapi`` (``pip install roam-iui[online]``), imported only
here and only when asked.  The fetch function is a parameter, so the tests
feed recorded API rows and nothing in the test suite touches the network.
"""

from __future__ import annotations

import datetime as dt
import math
import socket
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

from roam.errors import RoamError
from roam.opendata.reading import SERIES_PAGE, WDI_PUBLISHER, Observation, Reading

API_NAME = "World Bank API"
DEFAULT_TIMEOUT = 30.0
# (series, iso, first year, last year) -> API rows: {"series", "economy", "time", "value"}
Fetch = Callable[[str, str, int, int], Iterable[Mapping[str, Any]]]


def wbgapi_fetch() -> Fetch:
    """Rows from the API through ``wbgapi``; a clear message when it is not installed."""
    try:
        import wbgapi  # type: ignore[import-not-found, import-untyped, unused-ignore]
    except ImportError:
        raise RoamError(
            "--online needs the optional wbgapi package: pip install 'roam-iui[online]' "
            "(or download the CSV files and give them with --from)"
        ) from None

    def fetch(series: str, iso: str, first: int, last: int) -> Iterable[Mapping[str, Any]]:
        rows: Iterable[Mapping[str, Any]] = wbgapi.data.fetch(
            series, economy=iso, time=range(first, last + 1), skipBlanks=True
        )
        return rows

    return fetch


def fetch_open_data(
    iso: str,
    series: Iterable[str],
    *,
    max_age: int,
    fetch: Fetch,
    timeout: float = DEFAULT_TIMEOUT,
    today: dt.date | None = None,
    progress: Callable[[str], None] | None = None,
) -> Reading:
    """Observations of each series for ``iso`` over the last ``max_age`` years.

    Raises :class:`RoamError` without network, on a timeout or an API error,
    before anything changes.
    """
    last = (today or dt.date.today()).year
    first = last - max_age
    reading = Reading()
    previous = socket.getdefaulttimeout()
    # The HTTP client under wbgapi waits for ever unless sockets have a default timeout.
    socket.setdefaulttimeout(timeout)
    try:
        for code in sorted(series):
            if progress is not None:
                progress(code)
            for row in _rows(fetch, code, iso, first, last):
                observation = _observation(row, code, iso)
                if observation is not None:
                    reading.add(observation)
    finally:
        socket.setdefaulttimeout(previous)
    return reading


def _rows(fetch: Fetch, code: str, iso: str, first: int, last: int) -> Iterator[Mapping[str, Any]]:
    try:
        yield from fetch(code, iso, first, last)
    except RoamError:
        raise
    except TimeoutError:
        raise RoamError(f"{API_NAME}: no answer for {code} in time; try again later") from None
    except OSError as error:
        raise RoamError(
            f"{API_NAME}: cannot connect ({error.strerror or error}); check the network, or "
            f"download the CSV files and give them with --from"
        ) from None
    except Exception as error:  # wbgapi and requests raise their own errors; none may escape
        raise RoamError(f"{API_NAME}: {code}: {type(error).__name__}: {error}") from None


def _observation(row: Mapping[str, Any], code: str, iso: str) -> Observation | None:
    """One API row as an observation; rows of another series or country, or blank, are left."""
    if str(row.get("series", code)) != code or str(row.get("economy", iso)).upper() != iso:
        return None
    value = row.get("value")
    if not isinstance(value, int | float) or isinstance(value, bool) or not math.isfinite(value):
        return None
    time = str(row.get("time", "")).upper().removeprefix("YR")
    if not (time.isdigit() and len(time) == 4):
        return None
    url = SERIES_PAGE.format(series=code)
    return Observation(code, int(time), float(value), API_NAME, 0, WDI_PUBLISHER, url)
