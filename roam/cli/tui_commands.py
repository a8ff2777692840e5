"""`roam assess [FILE]`: the terminal UI (also what `roam` alone opens)."""

from __future__ import annotations

from pathlib import Path

import click


@click.command()
@click.argument("file", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--lang",
    default=None,
    help="Show the framework's texts in this language (e.g. fr), English where missing.",
)
@click.option("--read-only", is_flag=True, help="Open FILE without taking its lock; no edits.")
def assess(file: Path | None, lang: str | None, read_only: bool) -> None:
    """Open the terminal UI: on FILE's walkthrough, or on the home screen.

    Every change is saved at once.  F1 (or ?) lists the keys; ctrl+k opens the
    command palette; ctrl+q quits.
    """
    from roam.errors import RoamError

    if file is not None and not file.is_file():
        raise RoamError(f"{file}: no such file (create one with `roam new` or `roam demo`)")
    from roam.tui.app import RoamApp

    RoamApp(file, language=lang, read_only=read_only).run()


COMMANDS = [assess]
