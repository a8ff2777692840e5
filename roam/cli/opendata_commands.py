"""`roam prefill`: numeric indicators filled from downloaded open data, as drafts."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from roam.cli.textout import echo, format_table

if TYPE_CHECKING:
    from roam.opendata.prefill import PrefillResult
    from roam.opendata.reading import Reading

_FILE = click.Path(dir_okay=False, path_type=Path)


@click.command("prefill")
@click.argument("file", type=_FILE)
@click.option(
    "--from",
    "sources",
    multiple=True,
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    metavar="PATH",
    help="A World Bank CSV download (API_<series>_....csv or WDICSV.csv), its ZIP, or a tidy "
    "CSV with columns iso3,series,year,value[,source,url]. Give it several times.",
)
@click.option(
    "--max-age",
    type=click.IntRange(min=0, max=100),
    default=5,
    show_default=True,
    help="Take no figure older than this many years.",
)
@click.option(
    "--keep",
    type=click.Choice(["mine", "theirs"]),
    help="Where the team's answer differs: keep it (mine) or take the open data (theirs). "
    "Without it both are kept, for the team to decide in the TUI.",
)
@click.option(
    "--online",
    is_flag=True,
    help="Fetch the WDI series from the World Bank's API instead (needs roam-iui[online]).",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=1, max=600),
    default=30,
    show_default=True,
    help="With --online: seconds to wait for each answer of the API.",
)
@click.option("--dry-run", is_flag=True, help="Show the table of what would change; save nothing.")
@click.option(
    "--break-lock", is_flag=True, help="Take over a lock left by a session no longer running."
)
def prefill(
    *,
    file: Path,
    sources: tuple[Path, ...],
    max_age: int,
    keep: str | None,
    online: bool,
    timeout: float,
    dry_run: bool,
    break_lock: bool,
) -> None:
    """Fill numeric indicators from open data files, as drafts citing the series and year.

    Only indicators whose framework entry names an open_data series are filled; the team's
    answers are never overwritten. A bad file is refused (exit 2) and nothing is saved.
    """
    from roam.assessment.editing_session import open_assessment
    from roam.opendata.prefill import mapped_series
    from roam.opendata.prefill import prefill as apply
    from roam.opendata.reading import read_open_data

    if bool(sources) == online:
        raise click.UsageError("give the files with --from, or --online (not both)")
    with open_assessment(file, read_only=dry_run, break_lock=break_lock) as opened:
        assessment = opened.assessment.model_copy(deep=True) if dry_run else opened.assessment
        wanted = mapped_series(opened.framework, assessment)
        if online:
            reading = _fetch_online(assessment.iso, wanted, max_age, timeout)
        else:
            reading = read_open_data(sources, assessment.iso, wanted)
        result = apply(
            opened.framework,
            assessment,
            reading,
            source=", ".join(str(path) for path in sources) or "World Bank API",
            max_age=max_age,
            keep="mine" if keep == "mine" else "theirs" if keep == "theirs" else None,
            dry_run=dry_run,
        )
        saved = not dry_run and result.summary.changes_assessment
        if saved:
            opened.save()
    for line in result_lines(result):
        echo(line)
    if dry_run:
        echo("dry run: nothing was saved")
    elif saved:
        echo(f"saved {file}; the pre-filled answers are drafts: `roam check` lists them")
    else:
        echo(f"nothing to change in {file}")


def _fetch_online(iso: str, series: set[str], max_age: int, timeout: float) -> Reading:
    """The series from the World Bank's API, with a progress bar on stderr."""
    import sys

    from roam.opendata.online import fetch_open_data, wbgapi_fetch

    fetch = wbgapi_fetch()
    with click.progressbar(length=len(series), label="World Bank API", file=sys.stderr) as bar:
        return fetch_open_data(
            iso,
            series,
            max_age=max_age,
            fetch=fetch,
            timeout=timeout,
            progress=lambda _code: bar.update(1),
        )


def result_lines(result: PrefillResult) -> list[str]:
    """The table of proposals, then the import summary and the indicators left out."""
    from roam.exchange.import_summary import summary_lines

    lines = []
    if result.proposals:
        rows = [
            [
                p.code,
                p.observation.series,
                p.observation.year,
                f"{p.value:g}",
                result.action_of(p.code).replace("_", " "),
            ]
            for p in result.proposals
        ]
        lines.append(format_table(["indicator", "series", "year", "value", "action"], rows))
    lines += summary_lines(result.summary)
    if result.skipped:
        lines.append(f"no figure ({len(result.skipped)}):")
        lines += [f"  {reason}" for reason in result.skipped]
    return lines


COMMANDS = [prefill]
