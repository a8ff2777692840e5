"""Options that several commands share, declared once so they read and behave alike."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

Command = TypeVar("Command", bound=Callable[..., Any])

#: `--overlay DIR` (repeatable): official-text overlays besides those kept next to FILE.
overlay_option = click.option(
    "--overlay",
    "overlays",
    multiple=True,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="A folder of official-text overlays (*.overlay.yaml), besides those next to FILE.",
)


def language_option(help_text: str) -> Callable[[Command], Command]:
    """`--lang en|fr`, English by default, with what the language applies to."""
    return click.option(
        "--lang",
        type=click.Choice(["en", "fr"]),
        default="en",
        show_default=True,
        help=help_text,
    )


def output_file_option(
    check: Callable[[click.Context, click.Parameter, Path | None], Path | None], help_text: str
) -> Callable[[Command], Command]:
    """`-o/--output FILE` for a document roam writes, its name checked by ``check``."""
    return click.option(
        "-o",
        "--output",
        type=click.Path(dir_okay=False, path_type=Path),
        callback=check,
        help=help_text,
    )


def redact_option(help_text: str) -> Callable[[Command], Command]:
    """`--redact-confidential`: what the document shows of confidential evidence."""
    return click.option("--redact-confidential", is_flag=True, help=help_text)
