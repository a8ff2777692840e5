"""`roam upgrade`: move an assessment to a newer edition or version through crosswalks."""

from __future__ import annotations

from pathlib import Path

import click

from roam.cli.textout import echo
from roam.errors import RoamError

_FILE = click.Path(dir_okay=False, path_type=Path)


@click.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "-o",
    "--output",
    type=_FILE,
    help="Write the upgraded assessment here; by default FILE itself (kept as FILE.bak).",
)
@click.option(
    "--to",
    "target",
    type=click.Path(exists=True, path_type=Path),
    help="The newer edition's folder or file; the newest built-in version by default.",
)
def upgrade(file: Path, output: Path | None, target: Path | None) -> None:
    """Move FILE to the newest version of its edition, keeping every answer that can move.

    Answers whose indicator was merged, split or reworded are marked for review
    ('queried', with a comment from roam upgrade) and listed here.
    """
    from roam.assessment.loader import read_assessment
    from roam.assessment.lock import AssessmentLock
    from roam.assessment.storage import save_assessment
    from roam.assessment.upgrade import edition_name, upgrade_assessment
    from roam.framework import load_framework

    loaded = read_assessment(file)
    out = output or file
    if out.is_dir():
        raise RoamError(f"{out}: is a folder; give the name of the file to write")
    newer = load_framework(target) if target is not None else None
    result = upgrade_assessment(loaded.assessment, loaded.framework, target=newer, path=out)
    if result.source == result.target:
        echo(f"{file}: already made with {edition_name(loaded.framework)}; nothing to do")
        return
    with AssessmentLock(out):
        save_assessment(result.assessment, out, result.framework)
    echo(f"{file}: upgraded from {result.source} to {result.target}, written to {out}")
    echo(f"answers with content kept: {result.kept}")
    review = result.to_review
    echo(f"answers that need a look (marked 'queried'): {len(review)}")
    for move in review:
        echo(f"  {move.describe()}")
    others = [move for move in result.moves if not move.review]
    if others:
        echo("moved without a change of meaning:")
        for move in others:
            echo(f"  {move.describe()}")


COMMANDS = [upgrade]
