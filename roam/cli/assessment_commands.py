"""`roam new` and `roam demo`: commands that create assessment files."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from roam.cli.textout import echo
from roam.errors import RoamError

if TYPE_CHECKING:
    from roam.assessment.model import Assessment
    from roam.framework.model import Framework

_FILE = click.Path(dir_okay=False, path_type=Path)
_FRAMEWORK_HELP = "Framework edition folder or file; the built-in ROAM-X 2018 by default."


@click.command()
@click.argument("file", type=_FILE)
@click.option("--country", required=True, help="Country name, as the report will show it.")
@click.option("--iso", required=True, help="ISO 3166-1 alpha-3 country code, such as KEN.")
@click.option(
    "--scope",
    type=click.Choice(["core", "full"]),
    default="core",
    show_default=True,
    help="core: the core indicators plus the contextual ones; full: every indicator.",
)
@click.option("--framework", type=click.Path(path_type=Path), help=_FRAMEWORK_HELP)
@click.option("--force", is_flag=True, help="Replace FILE if it exists (kept as FILE.bak).")
def new(
    *, file: Path, country: str, iso: str, scope: str, framework: Path | None, force: bool
) -> None:
    """Start a new assessment in FILE: one not-assessed answer per in-scope indicator."""
    from roam.assessment.create import new_assessment
    from roam.framework import load_framework

    edition = load_framework(framework)
    assessment = new_assessment(
        edition,
        country=country,
        iso=iso,
        scope="full" if scope == "full" else "core",
        path=file,
    )
    _write(file, assessment, edition, force)
    echo(
        f"created {file}: {assessment.country} ({assessment.iso}), {scope} scope, "
        f"{len(assessment.answers)} indicators of {edition.id} {edition.version}"
    )


@click.command()
@click.argument("file", type=_FILE)
@click.option("--framework", type=click.Path(path_type=Path), help=_FRAMEWORK_HELP)
@click.option("--seed", type=int, default=None, help="Another seed gives another Examplia.")
@click.option(
    "--cycle",
    type=click.IntRange(1, 2),
    default=1,
    show_default=True,
    help="2: the follow-up assessment two years later, for comparing cycles.",
)
@click.option("--force", is_flag=True, help="Replace FILE if it exists (kept as FILE.bak).")
def demo(file: Path, framework: Path | None, seed: int | None, cycle: int, force: bool) -> None:
    """Write a complete example assessment of the fictional Republic of Examplia to FILE."""
    from roam.demo import DEFAULT_SEED, make_demo
    from roam.framework import load_framework

    edition = load_framework(framework)
    assessment = make_demo(
        edition,
        seed=DEFAULT_SEED if seed is None else seed,
        cycle=2 if cycle == 2 else 1,
        path=file,
    )
    _write(file, assessment, edition, force)
    echo(
        f"created {file}: {assessment.country} ({assessment.iso}), demo cycle {cycle}, "
        f"{len(assessment.answers)} indicators of {edition.id} {edition.version}"
    )


def _write(file: Path, assessment: Assessment, edition: Framework, force: bool) -> None:
    """Save a new file under its lock, refusing to replace one unless forced."""
    from roam.assessment.lock import AssessmentLock
    from roam.assessment.storage import save_assessment

    if file.is_dir():
        raise RoamError(f"{file}: is a folder; give the name of the assessment file to create")
    if file.exists() and not force:
        raise RoamError(f"{file}: already exists; add --force to replace it (kept as {file}.bak)")
    if not file.parent.is_dir():
        raise RoamError(f"{file}: the folder {file.parent} does not exist")
    with AssessmentLock(file):
        save_assessment(assessment, file, edition)


COMMANDS = [new, demo]
