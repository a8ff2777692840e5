"""`roam validate` and `roam schema`: commands about the framework files."""

from __future__ import annotations

import json
from pathlib import Path

import click

from roam.cli.textout import format_table


@click.command()
@click.argument("path", required=False, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object of the counts.")
def validate(path: Path | None, as_json: bool) -> None:
    """Check a framework edition (folder or file); the built-in ROAM-X 2018 by default.

    Prints a summary on success; on errors, one `file:line:col: message` line each, exit 2.
    """
    from roam.framework import load_framework
    from roam.framework.summary import summarize

    framework = load_framework(path)
    summary = summarize(framework)
    if as_json:
        click.echo(json.dumps(summary))
        return
    click.echo(f"{framework.id} {framework.version}: valid")
    click.echo(f"texts: {summary['provenance']['statement']}")
    rows = [
        [code, c["themes"], c["questions"], c["indicators"], c["core"]]
        for code, c in summary["categories"].items()
    ]
    rows.append(
        ["total*", summary["themes"], summary["questions"], summary["indicators"], summary["core"]]
    )
    click.echo(format_table(["category", "themes", "questions", "indicators", "core"], rows))
    click.echo("* themes and questions of the scored (ROAM-X) categories, as UNESCO counts them")
    kinds = ", ".join(f"{kind} {count}" for kind, count in summary["kinds"].items())
    click.echo(f"kinds: {kinds}")
    shares = summary["provenance"]["indicators"]
    click.echo(
        "indicators by provenance: "
        + ", ".join(f"{kind} {shares[kind]}" for kind in shares if kind != "unesco_ref")
        + f"; with a UNESCO reference: {shares['unesco_ref']}"
    )


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
        click.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")
        click.echo(f"wrote {output}")


COMMANDS = [validate, schema]
