"""`roam template`, `roam import-answers` and `roam import-review`: the Excel round trips.

The workbook is read and checked before the assessment is opened, so a hostile
or foreign file is refused while the assessment file is untouched.  An import
opens the assessment under its lock and saves it atomically once, at the end;
``--dry-run`` opens it read-only and saves nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import click

from roam.cli.textout import echo
from roam.errors import RoamError

if TYPE_CHECKING:
    from roam.assessment.lock import LockedError
    from roam.assessment.model import Assessment
    from roam.exchange.answer_import import Keep
    from roam.exchange.import_summary import ImportSummary
    from roam.framework.model import Framework

_FILE = click.Path(dir_okay=False, path_type=Path)
_DRY_RUN_HELP = "Show what would change; save nothing."
_BREAK_LOCK_HELP = "Take over a lock left by a session that is no longer running."


def _person_name(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """A name given for the history, bounded by the size policy (each change repeats it)."""
    from roam.assessment.size_policy import given_name

    return given_name(value, f"--{param.name}") or None


@click.command("template")
@click.argument("file", type=_FILE)
@click.option("-o", "--output", required=True, type=_FILE, help="The .xlsx file to write.")
@click.option(
    "--codes",
    multiple=True,
    metavar="CODES",
    help="Indicators to ask about: codes of indicators, questions, themes or categories, "
    "separated by commas or given several times. Default: the whole scope.",
)
@click.option("--category", metavar="R", help="Only the indicators of this category.")
@click.option("--unanswered", is_flag=True, help="Only indicators the team has not answered.")
@click.option(
    "--lang",
    default="en",
    show_default=True,
    help="Language of the indicator texts (the framework's languages, English as fallback).",
)
def template(
    *,
    file: Path,
    output: Path,
    codes: tuple[str, ...],
    category: str | None,
    unanswered: bool,
    lang: str,
) -> None:
    """Write a data-collection workbook for stakeholders to fill in (one row per indicator)."""
    from roam.assessment.loader import read_assessment
    from roam.exchange.selection import select_codes, split_codes
    from roam.workbooks.template_writer import write_template

    if output.suffix.lower() != ".xlsx":
        raise RoamError(f"{output}: give the output a .xlsx name (Excel decides by it)")
    if output.resolve() == file.resolve():
        raise RoamError(f"{output}: that is the assessment file; choose another output name")
    loaded = read_assessment(file)
    chosen = select_codes(
        loaded.framework,
        loaded.assessment,
        split_codes(codes),
        category,
        unanswered=unanswered,
    )
    write_template(loaded.assessment, loaded.framework, chosen, output, lang=lang)
    echo(f"wrote {output}: {len(chosen)} indicators to fill in")
    echo(f"import the filled workbook with: roam import-answers {file} {output}")


@click.command("import-answers")
@click.argument("file", type=_FILE)
@click.argument("workbook", type=_FILE)
@click.option(
    "--contributor",
    metavar="NAME",
    callback=_person_name,
    help="Who filled the workbook, for the history. Default: the name on its Instructions "
    "sheet, else the person who saved it last.",
)
@click.option(
    "--keep",
    type=click.Choice(["mine", "theirs"]),
    help="For answers that differ: keep the assessment's (mine) or take the workbook's "
    "(theirs). Without it both are kept, for the team to decide in the TUI.",
)
@click.option("--dry-run", is_flag=True, help=_DRY_RUN_HELP)
@click.option("--break-lock", is_flag=True, help=_BREAK_LOCK_HELP)
def import_answers(
    *,
    file: Path,
    workbook: Path,
    contributor: str | None,
    keep: str | None,
    dry_run: bool,
    break_lock: bool,
) -> None:
    """Import a filled data-collection template: new answers arrive as 'submitted'."""
    from roam.exchange.answer_import import import_answers as apply
    from roam.workbooks.filled_template_reader import read_filled_template

    filled = read_filled_template(workbook)
    choices: dict[str | None, Keep] = {"mine": "mine", "theirs": "theirs"}
    keep_choice = choices.get(keep)

    def run(assessment: Assessment, framework: Framework) -> ImportSummary:
        return apply(
            assessment,
            framework,
            filled,
            contributor=contributor,
            keep=keep_choice,
            dry_run=dry_run,
        )

    _import(file, run, dry_run=dry_run, break_lock=break_lock)


@click.command("import-review")
@click.argument("file", type=_FILE)
@click.argument("workbook", type=_FILE)
@click.option(
    "--reviewer",
    metavar="NAME",
    callback=_person_name,
    help="Author of the imported comments. Default: the person who saved the workbook last, "
    "else 'UNESCO liaison'.",
)
@click.option("--dry-run", is_flag=True, help=_DRY_RUN_HELP)
@click.option("--break-lock", is_flag=True, help=_BREAK_LOCK_HELP)
def import_review(
    *, file: Path, workbook: Path, reviewer: str | None, dry_run: bool, break_lock: bool
) -> None:
    """Import a liaison's decisions and comments from a report made by `roam export`.

    accept -> accepted, query -> queried, reject -> queried with a comment starting
    "Rejected". Answers are never changed; importing the same workbook twice adds nothing.
    """
    from roam.exchange.review import import_review as apply
    from roam.workbooks.liaison_review import read_reviewed_workbook

    reviewed = read_reviewed_workbook(workbook)

    def run(assessment: Assessment, framework: Framework) -> ImportSummary:
        return apply(assessment, framework, reviewed, reviewer=reviewer, dry_run=dry_run)

    _import(file, run, dry_run=dry_run, break_lock=break_lock)


def _import(
    file: Path,
    run: Callable[[Assessment, Framework], ImportSummary],
    *,
    dry_run: bool,
    break_lock: bool,
) -> None:
    """Open ``file`` (locked unless a dry run), apply ``run``, save once, print the summary."""
    from roam.assessment.editing_session import open_assessment
    from roam.assessment.lock import LockedError
    from roam.exchange.import_summary import summary_lines

    try:
        opened = open_assessment(file, read_only=dry_run, break_lock=break_lock)
    except LockedError as exc:
        raise RoamError(_locked_for_import(exc)) from None
    with opened:
        target = opened.assessment.model_copy(deep=True) if dry_run else opened.assessment
        summary = run(target, opened.framework)
        saved = not dry_run and summary.changes_assessment
        if saved:
            opened.save()
    for line in summary_lines(summary):
        echo(line)
    if not summary.changes_assessment:
        echo(f"nothing to change in {file}: {summary.unchanged_reason()}")
    if dry_run:
        echo("dry run: nothing was saved")
    elif saved:
        echo(f"saved {file}")


def _locked_for_import(exc: LockedError) -> str:
    """What to do when the assessment is open elsewhere: an import cannot be read-only."""
    holder = exc.holder.describe() if exc.holder is not None else "another session"
    dry_run = "; --dry-run shows what the import would change meanwhile"
    if not exc.breakable:
        return (
            f"{exc.path}: open for editing by {holder}; close it there (in the TUI: ctrl+q) "
            f"or wait until that session ends, then import again{dry_run}"
        )
    return (
        f"{exc.path}: locked by {holder}, which seems to have ended; if nobody is editing "
        f"it, import again with --break-lock{dry_run}"
    )


COMMANDS = [template, import_answers, import_review]
