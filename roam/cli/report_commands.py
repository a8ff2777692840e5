"""`roam export`: the Excel diagnostic report a national team sends to its UNESCO liaison."""

from __future__ import annotations

from pathlib import Path

import click

from roam.cli.options import language_option, output_file_option, overlay_option, redact_option
from roam.cli.textout import echo
from roam.workbooks.report_name import REPORTS_FOLDER, default_report_path

__all__ = ["COMMANDS", "REPORTS_FOLDER", "default_report_path"]


def _xlsx_path(ctx: click.Context, param: click.Parameter, value: Path | None) -> Path | None:
    if value is not None and value.suffix.lower() != ".xlsx":
        raise click.BadParameter(
            f"'{value}': the report is an Excel workbook, so its name must end in .xlsx"
        )
    return value


@click.command()
@click.argument("file", type=click.Path(path_type=Path))
@output_file_option(
    _xlsx_path,
    "Where to write the workbook [default: reports/<ISO>-<date>.xlsx].",
)
@language_option("Language of the sheet labels and of the framework texts.")
@redact_option('Show confidential evidence as "[confidential source]".')
@overlay_option
def export(
    file: Path,
    output: Path | None,
    lang: str,
    redact_confidential: bool,
    overlays: tuple[Path, ...] = (),
) -> None:
    """Write the diagnostic report workbook of an assessment (Excel, .xlsx).

    Sheets: cover, dashboard, one per category, evidence register, data gaps,
    recommendations, review log, method and robustness.  The scores are a
    diagnostic aid for the team, not a ranking.
    """
    from roam.cli.reading import read_for_command
    from roam.framework.overlay import load_overlay
    from roam.workbooks.workbook import export_report

    assessment, framework = read_for_command(file)
    overlay = load_overlay(framework, beside=file, folders=overlays)
    target = output or default_report_path(assessment.iso)
    export_report(
        assessment,
        target,
        framework=framework,
        lang=lang,
        redact_confidential=redact_confidential,
        overlay=overlay,
        # A default name never writes through a symbolic link someone planted in reports/.
        follow_symlink=output is not None,
    )
    echo(f"wrote {target}")


COMMANDS = [export]
