"""`roam validate` and `roam schema`: commands about the framework files."""

from __future__ import annotations

import json
from pathlib import Path

import click

from roam.cli.textout import echo, echo_json, format_table


@click.command()
@click.argument("path", required=False, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object of the counts.")
def validate(path: Path | None, as_json: bool) -> None:
    """Check a framework edition (folder or file); the built-in ROAM-X 2018 by default.

    PATH may also be a crosswalk (indicators/crosswalks/<from>__<to>.yaml) or an
    official-text overlay (*.overlay.yaml), checked against the built-in editions they
    name. Prints a summary on success; on errors, one `file:line:col: message` line each,
    exit 2.
    """
    from roam.framework import load_framework
    from roam.framework.companions import is_crosswalk_file, is_overlay_file
    from roam.framework.edition_counts import summarize

    if path is not None and path.is_file() and is_crosswalk_file(path):
        _validate_crosswalk(path, as_json)
        return
    if path is not None and path.is_file() and is_overlay_file(path):
        _validate_overlay(path, as_json)
        return
    framework = load_framework(path)
    summary = summarize(framework)
    if as_json:
        echo_json(summary)
        return
    echo(f"{framework.id} {framework.version}: valid")
    echo(f"texts: {summary['provenance']['statement']}")
    rows = [
        [code, c["themes"], c["questions"], c["indicators"], c["core"]]
        for code, c in summary["categories"].items()
    ]
    rows.append(
        ["total*", summary["themes"], summary["questions"], summary["indicators"], summary["core"]]
    )
    echo(format_table(["category", "themes", "questions", "indicators", "core"], rows))
    echo("* themes and questions of the scored (ROAM-X) categories, as UNESCO counts them")
    kinds = ", ".join(f"{kind} {count}" for kind, count in summary["kinds"].items())
    echo(f"kinds: {kinds}")
    shares = summary["provenance"]["indicators"]
    echo(
        "indicators by provenance: "
        + ", ".join(f"{kind} {shares[kind]}" for kind in shares if kind != "unesco_ref")
        + f"; with a UNESCO reference: {shares['unesco_ref']}"
    )
    echo(f"indicators with an open-data series (roam prefill): {summary['open_data']}")


def _validate_crosswalk(path: Path, as_json: bool) -> None:
    from collections import Counter

    from roam.framework.companions import check_crosswalk_file

    crosswalk = check_crosswalk_file(path)
    kinds = Counter(change.kind for change in crosswalk.changes)
    review = sum(1 for change in crosswalk.changes if change.needs_review)
    if as_json:
        summary = {
            "crosswalk": {"from": str(crosswalk.source), "to": str(crosswalk.target)},
            "changes": dict(sorted(kinds.items())),
            "review": review,
        }
        echo_json(summary)
        return
    echo(f"crosswalk {crosswalk.source} -> {crosswalk.target}: valid")
    listed = ", ".join(f"{kind} {count}" for kind, count in sorted(kinds.items()))
    echo(f"changes: {listed}; {review} of them mark answers for review")


def _validate_overlay(path: Path, as_json: bool) -> None:
    from roam.framework.companions import check_overlay_file

    overlay, framework = check_overlay_file(path)
    if as_json:
        summary = {
            "overlay": {"edition": f"{framework.id} {framework.version}"},
            "items": len(overlay.items),
            "example": overlay.example,
        }
        echo_json(summary)
        return
    echo(f"overlay for {framework.id} {framework.version}: valid, {len(overlay.items)} items")
    if overlay.example:
        echo("this overlay is an example: its texts are made up, not UNESCO's")


@click.command()
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the schema to this file instead of printing it.",
)
@click.option(
    "--of",
    "kind",
    type=click.Choice(["framework", "crosswalk", "overlay"]),
    default="framework",
    show_default=True,
    help="Which format: framework files, crosswalks, or official-text overlays.",
)
def schema(output: Path | None, kind: str = "framework") -> None:
    """Print the JSON Schema of a roam YAML format, for editors that check YAML."""
    from roam.framework.schema import SCHEMAS

    text = json.dumps(SCHEMAS[kind](), indent=2, ensure_ascii=False) + "\n"
    if output is None:
        echo(text, nl=False)
    else:
        from roam.assessment.atomic_file import write_output

        write_output(output, text)
        echo(f"wrote {output}")


COMMANDS = [validate, schema]
