"""The `roam` command group and the error handling every command shares.

Command modules import their heavy dependencies (Textual, openpyxl) inside the
command functions, so `roam --help` and `roam validate` stay fast.
"""

from __future__ import annotations

import io
import os
import sys
import traceback
from datetime import datetime
from pathlib import Path
from typing import Any

import click

from roam import __version__
from roam.cli.textout import echo
from roam.errors import RoamError


class RoamGroup(click.Group):
    """Turns every error a user can cause into readable lines and exit code 2."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except RoamError as exc:
            for line in exc.lines:
                echo(line, err=True)
            ctx.exit(exc.exit_code)
        except click.ClickException as exc:
            # Click quotes what the user typed ("Path '...' does not exist"): shown, not obeyed.
            message = io.StringIO()
            exc.show(file=message)
            echo(message.getvalue(), err=True, nl=False)
            ctx.exit(exc.exit_code)
        except (click.exceptions.Exit, click.Abort):
            raise
        except BrokenPipeError:
            # The reader (`roam check FILE | head`) has gone; stop quietly like other tools.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            ctx.exit(0)
        except OSError as exc:
            # A folder that is missing or read-only, a full disk: the user's to fix.
            where = f"{exc.filename}: " if exc.filename else ""
            echo(f"{where}{exc.strerror or exc}", err=True)
            ctx.exit(2)
        except KeyboardInterrupt:
            echo("interrupted", err=True)
            ctx.exit(130)
        except Exception as exc:
            log = _write_crash_log()
            echo(f"roam: internal error: {type(exc).__name__}: {exc}", err=True)
            echo(f"The details are in {log}; please report them.", err=True)
            ctx.exit(1)


def _write_crash_log(details: str | None = None) -> Path:
    """Write ``details`` (by default the exception being handled) where users find logs."""
    from platformdirs import user_log_path

    folder = user_log_path("roam", ensure_exists=True)
    log = folder / f"crash-{datetime.now():%Y%m%d-%H%M%S}.log"
    text = traceback.format_exc() if details is None else details
    log.write_text(text, encoding="utf-8", newline="\n")
    return log


@click.group(
    cls=RoamGroup,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.version_option(__version__, prog_name="roam")
@click.pass_context
def main(ctx: click.Context) -> None:
    """roam: national self-assessments against UNESCO's Internet Universality Indicators.

    Run `roam` alone to open the terminal UI.
    """
    if ctx.invoked_subcommand is None:
        assess = main.get_command(ctx, "assess")
        if assess is None:
            echo(ctx.get_help())
            return
        ctx.invoke(assess)


def _register() -> None:
    from roam.cli import (
        assessment_commands,
        draft_commands,
        exchange_commands,
        framework_commands,
        report_commands,
        scoring_commands,
        teamwork_commands,
        tui_commands,
        upgrade_commands,
    )

    for module in (
        assessment_commands,
        draft_commands,
        exchange_commands,
        framework_commands,
        report_commands,
        scoring_commands,
        teamwork_commands,
        tui_commands,
        upgrade_commands,
    ):
        for command in module.COMMANDS:
            main.add_command(command)


_register()

if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
