"""Turning what people type into spreadsheet cells into answer fields.

Each parser takes a non-blank :class:`CellValue` and returns the field's value,
or raises :class:`CellError` with a message that quotes the cell and says
what would have been accepted.  People type labels as often as ids ("No data",
"no_data", "N/A"), so choices are matched loosely.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable, Mapping

from roam.exchange.cell_problems import CellError
from roam.exchange.read_cells import CellValue

_SEPARATORS = re.compile(r"[\s_\-/]+")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_NUMBER_SPACES = re.compile(r"[\s\u00a0\u202f']")


def choice_key(text: str) -> str:
    """``"Not applicable"``, ``"not_applicable"`` and ``"not-applicable"`` all give one key."""
    return _SEPARATORS.sub(" ", text.strip().casefold()).strip()


def parse_choice(cell: CellValue, choices: Mapping[str, str], what: str) -> str:
    """The id whose key (id, label or alias, see :func:`choice_key`) matches the cell.

    ``choices`` maps each accepted key to an id; the message lists the ids.
    """
    found = choices.get(choice_key(cell.text))
    if found is None:
        known = ", ".join(dict.fromkeys(choices.values()))
        raise CellError(f"'{cell.text}' is not {what} ({known})")
    return found


def choice_table(
    ids: Iterable[str], aliases: Mapping[str, Iterable[str]] | None = None
) -> dict[str, str]:
    """Key -> id for :func:`parse_choice`: each id, plus its aliases (labels, translations)."""
    table: dict[str, str] = {}
    for item in ids:
        table[choice_key(item)] = item
        for alias in (aliases or {}).get(item, ()):
            table.setdefault(choice_key(alias), item)
    return table


def parse_number(cell: CellValue) -> float:
    """A finite number from a numeric cell or text such as ``"12.5"``, ``"12,5"``, ``"1 234"``."""
    value = cell.value
    if isinstance(value, bool):
        raise CellError(f"'{cell.text}' is not a number")
    number = float(value) if isinstance(value, int | float) else _number_from_text(cell.text)
    if not math.isfinite(number):
        raise CellError(f"'{cell.text}' is not a finite number")
    return number


def _number_from_text(text: str) -> float:
    cleaned = _NUMBER_SPACES.sub("", text)
    if cleaned.count(",") == 1 and "." not in cleaned:
        cleaned = cleaned.replace(",", ".")  # a decimal comma, as in French or German
    try:
        return float(cleaned)
    except ValueError:
        raise CellError(f"'{text}' is not a number") from None


def parse_year(cell: CellValue, low: int = 1900, high: int | None = None) -> int:
    """A calendar year: a whole number from ``low`` to ``high`` (this year), or a date's year.

    Data describe the past: a year after this one is a slip (2199 for 2019).
    """
    last = dt.date.today().year if high is None else high
    value = cell.value
    if isinstance(value, dt.date):
        number = float(value.year)
    else:
        try:
            number = parse_number(cell)
        except CellError:
            raise CellError(f"'{cell.text}' is not a year (such as 2023)") from None
    if not number.is_integer():
        raise CellError(f"'{cell.text}' is not a year (such as 2023)")
    if number < low:
        raise CellError(f"'{int(number)}' is not a year from {low} on")
    if number > last:
        raise CellError(f"'{int(number)}' is a year in the future")
    return int(number)


def parse_date(cell: CellValue, latest: dt.date | None = None) -> dt.date:
    """A past date from a date cell or ISO text (``2023-05-01``); none after ``latest`` (today)."""
    day = _date_of(cell)
    last = latest or dt.date.today()
    if day > last:
        raise CellError(f"{day.isoformat()} is a date in the future")
    return day


def _date_of(cell: CellValue) -> dt.date:
    value = cell.value
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    match = _ISO_DATE.match(cell.text)
    if match:
        try:
            return dt.date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            pass
    raise CellError(f"'{cell.text}' is not a date (use a date cell or YYYY-MM-DD)")


def parse_text(cell: CellValue) -> str:
    """The cell as text with surrounding blanks removed and line ends made uniform."""
    if isinstance(cell.value, dt.datetime | dt.date):
        return cell.value.isoformat()
    return cell.text.replace("\r\n", "\n").replace("\r", "\n")
