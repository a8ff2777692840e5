"""`roam draft`: the national report draft, as Word or Markdown, from the team's own work."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from roam.cli.options import language_option, output_file_option, overlay_option, redact_option
from roam.cli.report_commands import REPORTS_FOLDER

DRAFT_SUFFIXES = (".docx", ".md")


def default_draft_path(iso: str, today: dt.date | None = None) -> Path:
    """``reports/<ISO>-<date>-draft.docx``, beside the workbooks `roam export` writes."""
    day = today or dt.date.today()
    return Path(REPORTS_FOLDER) / f"{iso}-{day.isoformat()}-draft.docx"


def _draft_path(ctx: click.Context, param: click.Parameter, value: Path | None) -> Path | None:
    if value is not None and value.suffix.lower() not in DRAFT_SUFFIXES:
        raise click.BadParameter(
            f"'{value}': the draft is a Word (.docx) or Markdown (.md) file; "
            "its name must end in one of them"
        )
    return value


def _template_path(ctx: click.Context, param: click.Parameter, value: Path | None) -> Path | None:
    if value is not None and value.suffix.lower() != ".docx":
        raise click.BadParameter(f"'{value}': a template is a Word document ending in .docx")
    return value


@click.command()
@click.argument("file", type=click.Path(path_type=Path))
@output_file_option(
    _draft_path,
    "Where to write the draft, .docx or .md [default: reports/<ISO>-<date>-draft.docx].",
)
@language_option("Language of the headings, the generated sentences and the framework texts.")
@redact_option("Leave confidential evidence out; the bibliography marks it as withheld.")
@click.option(
    "--template",
    type=click.Path(dir_okay=False, path_type=Path),
    callback=_template_path,
    help="A Word document whose styles, page set-up and footer the draft uses.",
)
@overlay_option
def draft(
    file: Path,
    output: Path | None,
    lang: str,
    redact_confidential: bool,
    template: Path | None,
    *,
    overlays: tuple[Path, ...] = (),
) -> None:
    """Draft the national assessment report (Word .docx or Markdown .md).

    Title page, contents, executive summary, method, national context, one
    chapter per category, recommendations by stakeholder group and annexes, all
    from the team's answers, evidence and recommendations.  Markers that start
    with "[Team:" show where the team's own analysis belongs.  Official texts
    from overlays beside FILE or in --overlay folders are quoted beside roam's.
    """
    from roam.cli.reading import read_for_command
    from roam.documents.draft import write_draft
    from roam.framework.overlay import load_overlay

    assessment, framework = read_for_command(file)
    overlay = load_overlay(framework, beside=file, folders=overlays)
    target = output or default_draft_path(assessment.iso)
    write_draft(
        assessment,
        target,
        framework=framework,
        lang=lang,
        redact_confidential=redact_confidential,
        template=template,
        assessment_path=file,
        overlay=overlay,
        # A default name never writes through a symbolic link someone planted in reports/.
        follow_symlink=output is not None,
    )
    click.echo(f"wrote {target}")


COMMANDS = [draft]
