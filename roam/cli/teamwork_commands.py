"""`roam merge`, `roam agreement`, `roam compare` and `roam overview`: work across files."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click

from roam.cli.textout import echo, echo_json, format_table

if TYPE_CHECKING:  # the models pull in Pydantic: imported where a command runs
    from roam.assessment.loader import LoadedAssessment
    from roam.assessment.model import FrameworkRef
    from roam.framework.model import Framework
    from roam.teamwork.agreement import AgreementReport
    from roam.teamwork.compare import Comparison, Side
    from roam.teamwork.overview import Portfolio
    from roam.teamwork.subject import Labelled

MARKDOWN_SUFFIXES = (".md", ".markdown")


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where to write the merged assessment.",
)
@click.option(
    "--report",
    "report_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write the conflict report to this file (Markdown if it ends in .md).",
)
def merge(files: tuple[Path, ...], output: Path, report_path: Path | None) -> None:
    """Combine assessment files of one country and edition made by different researchers.

    Answers that agree are merged; evidence, histories and review threads are
    united without duplicates.  Where status, level or value differ, the merged
    answer keeps the first file's version and lists every file's version as a
    conflict for the team to decide in `roam`.  Files of different countries
    or editions are refused (exit 2).
    """
    from roam.assessment.atomic_file import write_output
    from roam.assessment.storage import save_assessment
    from roam.errors import RoamError
    from roam.teamwork.conflict_report import conflict_report_markdown, conflict_report_text
    from roam.teamwork.merge import merge_assessments

    if len(files) < 2:
        raise RoamError("merge needs at least two assessment files")
    _refuse_overwriting_inputs(output, report_path, files)
    loaded = _read_all(files)
    result = merge_assessments(_labelled(loaded))
    framework = loaded[0].framework
    merged = result.assessment
    merged.framework = _reference_from(merged.framework, framework, output)
    save_assessment(merged, output, framework)
    text = conflict_report_text(result)
    echo(text, nl=False)
    if report_path is not None:
        markdown = report_path.suffix.lower() in MARKDOWN_SUFFIXES
        report = conflict_report_markdown(result) if markdown else text
        write_output(report_path, report, inputs=(*files, output))
        echo(f"wrote the conflict report to {report_path}")
    echo(f"wrote {output}")


def _refuse_overwriting_inputs(
    output: Path, report_path: Path | None, files: Sequence[Path]
) -> None:
    """Check the names before anything is written: a merge must not replace what it reads."""
    from roam.assessment.atomic_file import SaveError, same_file

    for name, role in ((output, "the merged assessment"), (report_path, "the conflict report")):
        if name is not None and any(same_file(name, given) for given in files):
            raise SaveError(
                f"{name}: that is an input of this merge; choose another name for {role}"
            )
    if report_path is not None and same_file(report_path, output):
        raise SaveError(f"{report_path}: that is the merged assessment; choose another name")


@click.command()
@click.argument("first", type=click.Path(path_type=Path))
@click.argument("second", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of tables.")
def agreement(first: Path, second: Path, as_json: bool) -> None:
    """How far two researchers' independent answers agree, per category.

    Percent agreement on the indicators both answered, weighted Cohen's kappa
    (linear and quadratic weights) on those both rated with a level, and the
    indicators rated two or more levels apart.
    """
    from roam.teamwork.agreement import agreement as compute_agreement

    loaded = _read_all((first, second))
    a, b = _labelled(loaded)
    report = compute_agreement(a, b, loaded[0].framework)
    if as_json:
        echo_json(report.to_json())
        return
    echo(_agreement_text(report))


@click.command()
@click.argument("baseline", type=click.Path(path_type=Path))
@click.argument("followup", type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write the comparison workbook (.xlsx) here.",
)
def compare(baseline: Path, followup: Path, output: Path | None) -> None:
    """Compare two cycles of one country's assessment (baseline, then follow-up).

    Score and coverage changes per category and theme; indicators that changed
    level or value, gained or lost data, or changed status; changes made
    without a new justification.  If the editions differ, codes present in
    both are compared and the rest listed.
    """
    from roam.teamwork.compare import Cycle, compare_cycles

    cycles = [
        Cycle(label, item.assessment, item.framework)
        for label, item in zip(
            (_shown(baseline), _shown(followup)), _read_all((baseline, followup)), strict=True
        )
    ]
    comparison = compare_cycles(*cycles)
    echo(_comparison_text(comparison))
    if output is not None:
        from roam.workbooks.compare_workbook import write_compare_workbook

        write_compare_workbook(comparison, output)
        echo(f"wrote {output}")


@click.command()
@click.argument("targets", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where to write the portfolio workbook (.xlsx).",
)
@click.option(
    "--jobs",
    type=click.IntRange(min=1),
    help="Worker processes reading the files [default: one per processor, up to 8].",
)
def overview(targets: tuple[Path, ...], output: Path, jobs: int | None) -> None:
    """A portfolio workbook of many assessments (folders and/or files), one row each.

    Rows are sorted by country name; category scores are shown but never
    ranked.  Files that cannot be read are listed as skipped with their error.
    """
    from roam.errors import RoamError
    from roam.teamwork.overview import assessment_files, build_portfolio
    from roam.workbooks.overview_workbook import write_overview_workbook

    paths = assessment_files(targets)
    if not paths:
        shown = ", ".join(_shown(target) for target in targets)
        raise RoamError(f"no assessment files (.yaml, .yml) in {shown}")
    portfolio = build_portfolio(paths, jobs=jobs)
    write_overview_workbook(portfolio, output)
    echo(_portfolio_text(portfolio))
    echo(f"wrote {output}")


COMMANDS = [merge, agreement, compare, overview]


# --- reading ------------------------------------------------------------------------------


def _read_all(paths: Sequence[Path]) -> list[LoadedAssessment]:
    """Every file read and checked; the problems of all bad files reported together."""
    from roam.assessment.loader import read_assessment
    from roam.errors import Problem, SourceError

    loaded = []
    problems: list[Problem] = []
    for path in paths:
        try:
            loaded.append(read_assessment(path))
        except SourceError as exc:
            problems += exc.problems
    if problems:
        raise SourceError(problems)
    return loaded


def _labelled(loaded: Sequence[LoadedAssessment]) -> list[Labelled]:
    from roam.teamwork.subject import Labelled

    return [Labelled(_shown(item.path), item.assessment) for item in loaded]


def _shown(path: Path) -> str:
    from roam.framework.loader import display_path

    return display_path(path)


def _reference_from(ref: FrameworkRef, framework: Framework, output: Path) -> FrameworkRef:
    """The merged file's framework reference, its relative path re-based on ``output``."""
    from roam.assessment.create import framework_ref

    if ref.path is None:
        return ref
    return ref.model_copy(update={"path": framework_ref(framework, output).path})


# --- agreement: text ----------------------------------------------------------------------


def _agreement_text(report: AgreementReport) -> str:
    rows = [
        [
            item.code,
            item.name,
            item.compared,
            item.agreed,
            item.percent,
            item.rated,
            _kappa(item.kappa["linear"]),
            _kappa(item.kappa["quadratic"]),
        ]
        for item in (*report.categories, report.overall)
    ]
    headers = ["category", "name", "compared", "agreed", "agree %", "rated"]
    lines = [
        f"Agreement between {report.first} and {report.second}",
        "",
        format_table([*headers, "kappa linear", "kappa quadratic"], rows),
        "",
        "compared: indicators both files answered (any status but not assessed); agreed: same "
        "status, level and value.",
        "kappa: weighted Cohen's kappa on the indicators both rated with a level (rated); "
        "linear weights 1-|i-j|/(k-1), quadratic weights 1-(i-j)²/(k-1)², where i, j are level "
        "positions on the indicator's scale of k levels; '-' when undefined.",
    ]
    gaps = report.overall.wide_gaps
    lines.append("")
    if not gaps:
        lines.append("No indicator is rated two or more levels apart.")
        return "\n".join(lines)
    lines.append(f"Rated two or more levels apart ({len(gaps)}), by category:")
    width = max(len(gap.code) for gap in gaps)
    for category in report.categories:
        if category.wide_gaps:
            lines.append(f"  {category.code} {category.name} ({len(category.wide_gaps)})")
            lines += [
                f"    {gap.code.ljust(width)}  {gap.level_a} / {gap.level_b}  ({gap.steps} levels)"
                for gap in category.wide_gaps
            ]
    return "\n".join(lines)


def _kappa(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


# --- compare: text ------------------------------------------------------------------------


def _comparison_text(comparison: Comparison) -> str:
    from roam.teamwork.compare import CHANGE_KINDS, CHANGE_LABELS

    lines = [
        f"{comparison.country} ({comparison.iso}): {comparison.baseline.label} -> "
        f"{comparison.followup.label}",
        "Scores are a diagnostic aid for the team, not a ranking.",
        *comparison.notes,
        "",
        format_table(
            [
                *("code", "name", "score before", "after", "change"),
                *("coverage before", "after", "no data before", "after"),
            ],
            [
                [
                    ("  " if node.kind == "theme" else "") + node.code,
                    _cut(node.name),
                    _score_of(node.baseline),
                    _score_of(node.followup),
                    _signed(node.score_change),
                    _complete_of(node.baseline),
                    _complete_of(node.followup),
                    None if node.baseline is None else node.baseline.no_data,
                    None if node.followup is None else node.followup.no_data,
                ]
                for node in comparison.nodes
            ],
        ),
    ]
    for kind in CHANGE_KINDS:
        changes = [c for c in comparison.changes if c.kind == kind]
        if changes:
            lines += ["", f"{CHANGE_LABELS[kind].capitalize()} ({len(changes)}):"]
            lines += [f"  {c.code}: {c.baseline} -> {c.followup}" for c in changes]
    unjustified = comparison.unjustified
    if unjustified:
        lines += ["", f"Changed without a new justification ({len(unjustified)}):"]
        lines += [f"  {c.code}" for c in unjustified]
    for heading, codes in (
        ("Only in the baseline's edition", comparison.only_in_baseline),
        ("Only in the follow-up's edition", comparison.only_in_followup),
    ):
        if codes:
            lines += ["", f"{heading} ({len(codes)}): {', '.join(codes)}"]
    return "\n".join(lines)


def _score_of(side: Side | None) -> float | None:
    return None if side is None else side.score


def _complete_of(side: Side | None) -> str:
    return "-" if side is None else f"{side.complete:.0f}%"


def _signed(value: float | None) -> str:
    return "-" if value is None else f"{value:+.1f}"


def _cut(text: str, limit: int = 36) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --- overview: text -----------------------------------------------------------------------


def _portfolio_text(portfolio: Portfolio) -> str:
    rows = [
        [
            _cut(row.country, 28),
            row.iso,
            row.scope,
            f"{row.coverage:.0f}%",
            row.data_gaps,
            row.open_queries,
            row.readiness_findings,
            "-" if row.last_change is None else f"{row.last_change:%Y-%m-%d}",
        ]
        for row in portfolio.rows
    ]
    headers = ["country", "iso", "scope", "coverage", "data gaps", "queries", "findings"]
    lines = [
        f"{len(portfolio.rows)} assessments, sorted by country name (never ranked); "
        f"{len(portfolio.skipped)} skipped",
        "",
        format_table([*headers, "last change"], rows),
    ]
    if portfolio.skipped:
        lines += ["", "Skipped:"]
        lines += [f"  {item.file}: {item.error}" for item in portfolio.skipped]
    return "\n".join(lines)
