"""What commands print: plain-text tables, and data shown, never obeyed, by the terminal.

Without importing Rich (start-up time matters).
"""

from __future__ import annotations

import json
from collections.abc import Sequence

import click

from roam.shown_text import COMMANDS, shown


def format_table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    cells = [[str(h) for h in headers], *[[_cell(v) for v in row] for row in rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    numeric = [all(_is_number(row[i]) for row in rows) and bool(rows) for i in range(len(headers))]

    def line(row: list[str]) -> str:
        parts = [
            value.rjust(width) if is_num else value.ljust(width)
            for value, width, is_num in zip(row, widths, numeric, strict=True)
        ]
        return "  ".join(parts).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(cells[0]), rule, *(line(row) for row in cells[1:])])


def _cell(value: object) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.1f}"
    return str(value)


def _is_number(value: object) -> bool:
    return (isinstance(value, int | float) and not isinstance(value, bool)) or value is None


def echo(message: object = "", *, err: bool = False, nl: bool = True) -> None:
    """``click.echo`` of ``message`` as :func:`shown`: every command prints through this."""
    click.echo(shown(str(message)), err=err, nl=nl)


def echo_json(data: object) -> None:
    """``data`` as one line of JSON, with the characters of :func:`shown` as ``\\uXXXX``.

    JSON escapes C0 controls itself; DEL, C1 controls, bidi overrides and surrogates
    it leaves raw, and ``\\x1b`` is no JSON escape.
    """
    text = json.dumps(data, ensure_ascii=False)
    click.echo(COMMANDS.sub(lambda match: f"\\u{ord(match.group()):04x}", text))
