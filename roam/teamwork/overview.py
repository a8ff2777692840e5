"""A portfolio of assessments for a liaison who follows several countries.

One row per assessment file: who and what it covers, how far it has come
(coverage, review states, data gaps, open queries, readiness findings, the
last change) and its category scores.  Rows are sorted by country name and
never by score: the framework gives no ranking, and neither does roam.

The cost grows linearly with the number of files: each file is read, scored and
checked once, spread over worker processes when there are many (reading a full
assessment file is what takes the time), and each process loads each edition
once (:mod:`roam.teamwork.framework_cache`).  A file that cannot
be read is listed as skipped with its error; it never stops the others.
"""

from __future__ import annotations

import datetime as dt
import os
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from roam.assessment.loader import EditionLoader, read_assessment
from roam.assessment.model import REVIEW_STATES, Assessment, ReviewState
from roam.assessment.rules import in_scope_codes
from roam.errors import RoamError
from roam.framework.loader import display_path
from roam.framework.model import Framework
from roam.framework.text import localize
from roam.scoring.engine import score
from roam.scoring.readiness import readiness
from roam.teamwork.framework_cache import editions_loaded_once
from roam.teamwork.subject import describe_edition
from roam.teamwork.times import as_utc

ASSESSMENT_SUFFIXES = (".yaml", ".yml")
_ERROR_LINES = 3


@dataclass(frozen=True, slots=True)
class PortfolioRow:
    file: str
    country: str
    iso: str
    edition: str
    scope: str
    in_scope: int
    coverage: float  # percent of in-scope indicators with a decided status
    answered: int
    review_states: dict[ReviewState, int]  # in-scope answers per review state
    data_gaps: int  # in-scope indicators answered "no data"
    open_queries: int
    readiness_findings: int
    last_change: dt.datetime | None  # the latest history entry or review comment
    category_scores: dict[str, float | None]  # scored categories only


@dataclass(frozen=True, slots=True)
class SkippedFile:
    file: str
    error: str


@dataclass(frozen=True, slots=True)
class Portfolio:
    rows: tuple[PortfolioRow, ...]  # by country name, never by score
    skipped: tuple[SkippedFile, ...]
    categories: tuple[tuple[str, str], ...]  # (code, name) of every scored category seen
    editions_loaded: int = 0
    generated: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.UTC))


def assessment_files(targets: Iterable[Path]) -> list[Path]:
    """The files named, and the ``.yaml``/``.yml`` files directly inside the folders named."""
    found: dict[Path, None] = {}
    for target in targets:
        if target.is_dir():
            inside = sorted(p for p in target.iterdir() if p.suffix.lower() in ASSESSMENT_SUFFIXES)
            found.update((p, None) for p in inside if p.is_file())
        else:
            found[target] = None
    return list(found)


def build_portfolio(
    paths: Sequence[Path], *, today: dt.date | None = None, jobs: int | None = None
) -> Portfolio:
    """Read, score and check every file in ``paths``; bad files are skipped, not fatal.

    The files are read in ``jobs`` worker processes (None: one per processor, up
    to :data:`MAX_JOBS`, when there are enough files to be worth it), each of
    which loads each edition once.
    """
    tasks = list(paths)
    skipped: list[SkippedFile] = []
    rows: list[PortfolioRow] = []
    categories: dict[str, str] = {}
    editions: set[tuple[str, str, str]] = set()
    for outcome in _outcomes(tasks, today, _workers(jobs, len(tasks))):
        if isinstance(outcome, SkippedFile):
            skipped.append(outcome)
            continue
        row, names, edition = outcome
        rows.append(row)
        editions.add(edition)
        for code, name in names:
            categories.setdefault(code, name)
    rows.sort(key=_country_order)
    return Portfolio(
        rows=tuple(rows),
        skipped=tuple(sorted(skipped, key=lambda item: item.file)),
        categories=tuple(categories.items()),
        editions_loaded=len(editions),
    )


# --- reading the files, here or in worker processes ---------------------------------------

MAX_JOBS = 8
_FILES_PER_WORKER = 16  # below this, starting a process costs more than it saves
# A row, its edition's category names, and the edition (id, content hash, origin).
_Outcome = tuple[PortfolioRow, list[tuple[str, str]], tuple[str, str, str]] | SkippedFile
_editions: list[EditionLoader] = []  # this process's loader of editions, once started


def _workers(jobs: int | None, files: int) -> int:
    if jobs is None:
        jobs = min(os.cpu_count() or 1, MAX_JOBS)
    return max(1, min(jobs, files // _FILES_PER_WORKER))


def _outcomes(tasks: list[Path], today: dt.date | None, workers: int) -> Iterator[_Outcome]:
    if workers == 1:
        _start_worker()
        yield from (_outcome(path, today) for path in tasks)
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(workers, initializer=_start_worker) as pool:
        chunk = max(1, len(tasks) // (workers * 4))
        yield from pool.map(_outcome, tasks, [today] * len(tasks), chunksize=chunk)


def _start_worker() -> None:
    """A new portfolio: editions are loaded anew (they may have changed since the last)."""
    _editions[:] = [editions_loaded_once()]


def _outcome(path: Path, today: dt.date | None) -> _Outcome:
    shown = display_path(path)
    try:
        loaded = read_assessment(path, editions=_editions[0])
    except RoamError as exc:
        return SkippedFile(shown, _short_error(exc))
    framework = loaded.framework
    names = [(c.code, localize(c.name)) for c in framework.categories if not c.contextual]
    edition = (framework.id, framework.content_hash, framework.origin)
    return _row(shown, loaded.assessment, framework, today), names, edition


def country_sort_key(name: str) -> str:
    """Alphabetical order that ignores accents and case, so Côte d'Ivoire sits among the Cs."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _country_order(row: PortfolioRow) -> tuple[str, str, str]:
    return (country_sort_key(row.country), row.iso, row.file)


def _short_error(error: RoamError) -> str:
    lines = error.lines
    shown = "; ".join(lines[:_ERROR_LINES])
    extra = len(lines) - _ERROR_LINES
    return f"{shown}; and {extra} more" if extra > 0 else shown


def _row(
    file: str, assessment: Assessment, framework: Framework, today: dt.date | None
) -> PortfolioRow:
    report = score(assessment, framework)
    findings = readiness(assessment, framework, today=today)
    codes = in_scope_codes(framework, assessment)
    states = dict.fromkeys(REVIEW_STATES, 0)
    for code in codes:
        answer = assessment.answers.get(code)
        states[answer.review.state if answer else "draft"] += 1
    coverage = report.overall.coverage
    return PortfolioRow(
        file=file,
        country=assessment.country,
        iso=assessment.iso,
        edition=describe_edition(assessment),
        scope=assessment.scope,
        in_scope=len(codes),
        coverage=coverage.complete,
        answered=coverage.answered,
        review_states=states,
        data_gaps=len(report.data_gaps),
        open_queries=sum(1 for finding in findings if finding.check == "open_query"),
        readiness_findings=len(findings),
        last_change=last_change(assessment),
        category_scores={
            node.code: node.score
            for node in report.categories
            if not framework.category(node.code).contextual
        },
    )


def last_change(assessment: Assessment) -> dt.datetime | None:
    """The time of the latest history entry or review comment of any answer, in UTC."""
    times = [
        as_utc(moment)
        for answer in assessment.answers.values()
        for moment in (
            *(change.time for change in answer.history),
            *(comment.time for comment in answer.review.thread),
        )
    ]
    return max(times, default=None)
