"""A workbook or open-data file to import into the open assessment, and how to apply it.

The terminal UI's import screens build an :class:`ImportRequest`; the session
(:meth:`~roam.tui.session.Session.preview_import`, ``apply_import``) runs it.
Reading the file touches no session, so a worker thread may do it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from roam.errors import RoamError

if TYPE_CHECKING:
    from roam.assessment.model import Assessment
    from roam.exchange.import_summary import ImportSummary
    from roam.exchange.incoming import FilledTemplate, ReviewedWorkbook
    from roam.framework.model import Framework
    from roam.opendata.reading import Reading
    from roam.tui.session import Session

ImportKind = Literal["review", "answers", "open_data"]
Keep = Literal["mine", "theirs"]


@dataclass(frozen=True, slots=True)
class ImportRequest:
    """A workbook to import: a liaison's review, or a filled data-collection template."""

    kind: ImportKind
    path: Path
    who: str | None = None  # reviewer or contributor; None: the name the workbook gives
    keep: Keep | None = None  # answers that differ: None keeps both for the team to decide
    iso: str = ""  # open data: the assessment's country, whose rows are read
    series: frozenset[str] = frozenset()  # open data: the series the framework maps

    def read(self) -> ReviewedWorkbook | FilledTemplate | Reading:
        """Parse the workbook (slow when large; safe in a worker thread, it touches no session).

        Raises :class:`RoamError` (one readable line per problem) for a file
        that is unsafe, unreadable, or of the other kind.
        """
        if self.kind == "open_data":
            from roam.opendata.reading import read_open_data

            return read_open_data([self.path], self.iso, set(self.series))
        if self.kind == "review":
            from roam.workbooks.liaison_review import read_reviewed_workbook

            return read_reviewed_workbook(self.path)
        from roam.workbooks.filled_template_reader import read_filled_template

        return read_filled_template(self.path)

    def run(
        self,
        assessment: Assessment,
        framework: Framework,
        workbook: ReviewedWorkbook | FilledTemplate | Reading,
        *,
        dry_run: bool,
    ) -> ImportSummary:
        """Apply the workbook to ``assessment`` in place (pass a copy for a dry run)."""
        from roam.exchange.incoming import FilledTemplate, ReviewedWorkbook
        from roam.opendata.reading import Reading

        if self.kind == "open_data":
            if not isinstance(workbook, Reading):
                raise RoamError(f"{self.path}: not an open-data file")
            from roam.opendata.prefill import prefill

            return prefill(
                framework,
                assessment,
                workbook,
                source=str(self.path),
                keep=self.keep,
                dry_run=dry_run,
            ).summary

        if self.kind == "review":
            if not isinstance(workbook, ReviewedWorkbook):
                raise RoamError(f"{self.path}: not a reviewed report")
            from roam.exchange.review import import_review

            return import_review(
                assessment, framework, workbook, reviewer=self.who, dry_run=dry_run
            )
        if not isinstance(workbook, FilledTemplate):
            raise RoamError(f"{self.path}: not a filled data-collection template")
        from roam.exchange.answer_import import import_answers

        return import_answers(
            assessment,
            framework,
            workbook,
            contributor=self.who,
            keep=self.keep,
            dry_run=dry_run,
        )


def open_data_request(request: ImportRequest, session: Session) -> ImportRequest:
    """``request`` with the country and the series to read for ``session``'s assessment."""
    from dataclasses import replace

    from roam.opendata.prefill import mapped_series

    series = frozenset(mapped_series(session.framework, session.assessment))
    return replace(request, iso=session.assessment.iso, series=series)
