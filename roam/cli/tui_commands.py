"""`roam assess [FILE]`: the terminal UI (also what `roam` alone opens)."""

from __future__ import annotations

from pathlib import Path

import click

from roam.cli.options import overlay_option


@click.command()
@click.argument("file", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--lang",
    default=None,
    help="Show the framework's texts in this language (e.g. fr), English where missing.",
)
@click.option("--read-only", is_flag=True, help="Open FILE without taking its lock; no edits.")
@overlay_option
def assess(
    file: Path | None, lang: str | None, read_only: bool, overlays: tuple[Path, ...] = ()
) -> None:
    """Open the terminal UI: on FILE's walkthrough, or on the home screen.

    Every change is saved at once.  F1 (or ?) lists the keys; ctrl+k opens the
    command palette; ctrl+q quits.
    """
    from roam.errors import RoamError

    if file is not None and not file.is_file():
        raise RoamError(f"{file}: no such file (create one with `roam new` or `roam demo`)")
    from rich.console import Console

    from roam.tui.app import RoamApp

    app = RoamApp(file, language=lang, read_only=read_only, overlay_folders=overlays)
    # Textual reports an error inside the app on this console once the screen is
    # restored; recording it lets the crash log hold the same traceback.
    app.error_console = Console(markup=False, highlight=False, stderr=True, record=True)
    app.run()
    code = app.return_code or 0
    if code:
        details = app.error_console.export_text()
        # An error Textual caught shows its traceback; a deliberate exit with a code
        # (a signal's stop that kept answers in a recovery file) has said why already.
        if "Traceback (most recent call last)" in details:
            _report_crash(details)
        click.get_current_context().exit(code)


def _report_crash(details: str) -> None:
    """Say that the terminal UI crashed, as the CLI does, and where the details are."""
    from roam.cli.main import _write_crash_log

    log = _write_crash_log(details)
    click.echo("roam: internal error in the terminal UI", err=True)
    click.echo(f"The details are in {log}; please report them.", err=True)


COMMANDS = [assess]
