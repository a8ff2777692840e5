"""Draft the demo's national report (Word), against a bare python-docx script and the export.

The baseline writes the very paragraphs and table cells of roam's draft, in the
same order, with no styles, fields, links, header rows or properties; the ratio
is what roam's outline, formatting and Word features cost on top of writing the
text.  The second figure compares the draft with `roam export` of the same demo,
which the draft should take well under.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from benchmarks.demo_files import demo_assessment, scratch
from benchmarks.harness import Budget, Measurement, NotAvailable, Spec, compare

SPECS = [
    Spec(
        key="draft_docx",
        label="draft the demo's national report (.docx)",
        baseline_label="bare python-docx: same paragraphs and table cells, no styles or fields",
        target=2.0,
    ),
    Spec(
        key="draft_vs_export",
        label="draft the demo's report, against its export",
        baseline_label="roam export of the same demo (Excel report)",
        target=1.0,
    ),
]

Blocks = list[tuple[str, object]]


def operations() -> tuple[Callable[[], Path], Callable[[], Path]]:
    try:
        from roam.documents.draft import write_draft
    except ImportError as exc:
        raise NotAvailable(f"report draft: {exc}") from None
    from roam.assessment.loader import load_assessment
    from roam.framework.loader import load_framework
    from roam.workbooks.workbook import export_report

    framework = load_framework()
    assessment = load_assessment(demo_assessment(), framework)
    draft_target = scratch() / "examplia-draft.docx"
    report_target = scratch() / "examplia-report.xlsx"
    return (
        lambda: write_draft(assessment, draft_target, framework=framework),
        lambda: export_report(assessment, report_target, framework=framework),
    )


def blocks_of(path: Path) -> Blocks:
    """The paragraphs' texts and the tables' cell texts, in document order."""
    from docx import Document
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    found: Blocks = []
    for block in Document(str(path)).iter_inner_content():
        if isinstance(block, Paragraph):
            found.append(("p", block.text))
        elif isinstance(block, Table):
            found.append(("t", [[cell.text for cell in row.cells] for row in block.rows]))
    return found


def bare_writer(blocks: Blocks, target: Path) -> Callable[[], None]:
    from docx import Document

    def write() -> None:
        document = Document()
        for kind, content in blocks:
            if kind == "p":
                document.add_paragraph(content)
            else:
                rows = content
                assert isinstance(rows, list)
                table = document.add_table(rows=0, cols=len(rows[0]))
                for values in rows:
                    for cell, text in zip(table.add_row().cells, values, strict=True):
                        cell.text = text
        document.save(str(target))

    return write


def measure(budget: Budget) -> dict[str, Measurement]:
    draft, export = operations()
    blocks = blocks_of(draft())
    bare = bare_writer(blocks, scratch() / "bare.docx")
    measured = compare(draft, bare, budget.repeats(7), warmup=1)
    paragraphs = sum(kind == "p" for kind, _ in blocks)
    measured.note = f"{paragraphs:,} paragraphs, {len(blocks) - paragraphs} tables"
    against_export = compare(draft, export, budget.repeats(5), warmup=1)
    against_export.note = "both in process, demo already loaded"
    return {"draft_docx": measured, "draft_vs_export": against_export}


def profile_target(key: str) -> Callable[[], object]:
    return operations()[0]
