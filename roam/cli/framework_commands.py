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

    Prints a summary on success; on errors, one `file:line:col: message` line each, exit 2.
    """
    from roam.framework import load_framework
    from roam.framework.summary import summarize

    framework = load_framework(path)
    summary = summarize(framework)
    if as_json:
        echo_json(summary)
        return
    echo(f"{framework.id} {framework.version}: valid")
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


@click.command()
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the schema to this file instead of printing it.",
)
def schema(output: Path | None) -> None:
    """Print the JSON Schema of the framework YAML format, for editors that check YAML."""
    from roam.framework.schema import framework_json_schema

    text = json.dumps(framework_json_schema(), indent=2, ensure_ascii=False) + "\n"
    if output is None:
        echo(text, nl=False)
    else:
        from roam.assessment.atomic_file import write_output

        write_output(output, text)
        echo(f"wrote {output}")


COMMANDS = [validate, schema]
