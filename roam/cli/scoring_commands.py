"""`roam score` and `roam check`: the scoring engine and the readiness checks on a file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from roam.cli.reading import read_for_command
from roam.cli.textout import echo, echo_json, format_table
from roam.scoring.display_rules import BAND_MIN_COMPLETE
from roam.scoring.readiness_check_names import CHECKS, DEFAULT_MAX_AGE_YEARS

if TYPE_CHECKING:  # the models pull in Pydantic: imported where a command runs
    from roam.assessment.model import Assessment
    from roam.framework.model import Framework
    from roam.scoring.result import Coverage, Finding, NodeScore, ScoreReport

DIAGNOSTIC_NOTE = (
    "Scores are a diagnostic aid for the assessment team, not a ranking; "
    "the method is in the manual, docs/scoring.md."
)

OVERALL_NOTE = (
    "A diagnostic summary of the category scores, for checking the method: "
    "not a headline figure and not comparable between countries."
)


@click.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of tables.")
@click.option(
    "--no-data-as-zero",
    is_flag=True,
    help="Count indicators answered 'no data' as 0 instead of leaving them out.",
)
def score(file: Path, as_json: bool, no_data_as_zero: bool) -> None:
    """Score an assessment: category and theme scores with coverage and band, and overall.

    Scores are a diagnostic aid for the team, never a ranking of countries.
    """
    from roam.scoring.engine import score as score_assessment
    from roam.scoring.result import ScoringRules

    assessment, framework = read_for_command(file)
    report = score_assessment(assessment, framework, ScoringRules(no_data_as_zero=no_data_as_zero))
    if as_json:
        echo_json(report_json(report, assessment, framework))
        return
    echo(_title(assessment, framework))
    echo(DIAGNOSTIC_NOTE)
    echo()
    echo(_score_table(report, assessment, framework))
    echo()
    echo("Robustness: category scores under alternative rules")
    echo(_robustness_table(report))
    if report.data_gaps:
        echo()
        echo(f"Data gaps ({len(report.data_gaps)}): {', '.join(report.data_gaps)}")


@click.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option(
    "--max-age",
    type=click.IntRange(min=0),
    default=DEFAULT_MAX_AGE_YEARS,
    show_default=True,
    help="Evidence older than this many years is reported.",
)
@click.pass_context
def check(ctx: click.Context, file: Path, max_age: int) -> None:
    """List what still stands between an assessment and its validation.

    Exit status: 0 when ready, 1 when there are findings, 2 when the file cannot be read.
    """
    from roam.scoring.readiness import readiness

    assessment, framework = read_for_command(file)
    findings = readiness(assessment, framework, max_age_years=max_age)
    echo(_title(assessment, framework))
    if not findings:
        echo("ready: no findings")
        return
    codes = len({finding.code for finding in findings})
    echo(f"{len(findings)} findings on {codes} indicators")
    for heading, group in _grouped(findings):
        echo()
        echo(f"{heading} ({len(group)})")
        width = max(len(finding.code) for finding in group)
        for finding in group:
            echo(f"  {finding.code.ljust(width)}  {finding.message}")
    ctx.exit(1)


COMMANDS = [score, check]


# --- reading the file ---------------------------------------------------------------------


def _title(assessment: Assessment, framework: Framework) -> str:
    return (
        f"{assessment.country} ({assessment.iso}), {framework.id} {framework.version}, "
        f"scope {assessment.scope}"
    )


# --- score: JSON --------------------------------------------------------------------------


def report_json(
    report: ScoreReport, assessment: Assessment, framework: Framework
) -> dict[str, Any]:
    """The report as plain JSON data: what `roam score --json` prints."""
    language = assessment.languages[0]
    names = _names(framework, language)
    return {
        "country": assessment.country,
        "iso": assessment.iso,
        "framework": {"id": framework.id, "version": framework.version},
        "scope": assessment.scope,
        "note": DIAGNOSTIC_NOTE,
        "rules": {
            "no_data_as_zero": report.rules.no_data_as_zero,
            "equal_indicator_weights": report.rules.equal_indicator_weights,
            "mean": report.rules.mean,
        },
        # Kept for programs that recompute or audit; never a headline (docs/scoring.md).
        "overall": {**_node_json(report.overall, None), "note": OVERALL_NOTE},
        "band_min_complete": BAND_MIN_COMPLETE,
        "categories": {
            category.code: {
                **_node_json(category, names),
                "contextual": framework.category(category.code).contextual,
                "themes": {theme.code: _node_json(theme, names) for theme in category.children},
            }
            for category in report.categories
        },
        "robustness": report.robustness,
        "data_gaps": list(report.data_gaps),
    }


def _node_json(node: NodeScore, names: dict[str, str] | None) -> dict[str, Any]:
    named = {"name": names[node.code]} if names else {}
    return {
        **named,
        "score": node.score,
        "band": node.band,
        "incomplete": node.incomplete,
        "weight": node.weight,
        "coverage": _coverage_json(node.coverage),
        "evidence_count": node.evidence_count,
        "confidence": {
            "low": node.confidence.low,
            "medium": node.confidence.medium,
            "high": node.confidence.high,
            "unstated": node.confidence.unstated,
        },
    }


def _coverage_json(coverage: Coverage) -> dict[str, Any]:
    statuses = ("answered", "not_applicable", "no_data", "not_assessed")
    return {
        **{status: getattr(coverage, status) for status in statuses},
        "total": coverage.total,
        "percent": {
            **{status: coverage.percent(status) for status in statuses},
            "complete": coverage.complete,
        },
    }


def _names(framework: Framework, language: str) -> dict[str, str]:
    from roam.framework.text import localize

    names: dict[str, str] = {}
    for category in framework.categories:
        names[category.code] = localize(category.name, language)
        for theme in category.themes:
            names[theme.code] = localize(theme.name, language)
    return names


# --- score: tables ------------------------------------------------------------------------


def _score_table(report: ScoreReport, assessment: Assessment, framework: Framework) -> str:
    names = _names(framework, assessment.languages[0])
    rows = []
    for category in report.categories:
        rows.append(_score_row(category, category.code, names[category.code]))
        rows += [
            _score_row(theme, f"  {theme.code}", names[theme.code]) for theme in category.children
        ]
    rows.append(_score_row(report.overall, "overall", "diagnostic summary"))
    headers = ["code", "name", "score", "band", "answered", "N/A", "no data", "not assessed"]
    return format_table([*headers, "complete %"], rows)


def _score_row(node: NodeScore, code: str, name: str) -> list[object]:
    coverage = node.coverage
    return [
        code,
        _shorten(name),
        node.score,
        node.band,
        coverage.answered,
        coverage.not_applicable,
        coverage.no_data,
        coverage.not_assessed,
        round(coverage.complete),
    ]


def _shorten(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _robustness_table(report: ScoreReport) -> str:
    codes = list(next(iter(report.robustness.values()), {}))
    rows = [[rule, *(scores[code] for code in codes)] for rule, scores in report.robustness.items()]
    return format_table(["rule", *codes], rows)


# --- check --------------------------------------------------------------------------------


def _grouped(findings: list[Finding]) -> Iterator[tuple[str, list[Finding]]]:
    """Findings by check, in the order of CHECKS; framework order inside each group."""
    for check_name, heading in CHECKS.items():
        group = [finding for finding in findings if finding.check == check_name]
        if group:
            yield heading, group
