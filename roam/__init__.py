"""roam: national self-assessments against UNESCO's Internet Universality Indicators.

The public API for scripts.  Names are imported on first use so that importing
`roam` stays cheap and never pulls in Textual or openpyxl.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.2.0"

_API = {
    "load_framework": "roam.framework.loader",
    "load_assessment": "roam.assessment.loader",
    "save_assessment": "roam.assessment.storage",
    "open_assessment": "roam.assessment.editing_session",
    "score": "roam.scoring.engine",
    "readiness": "roam.scoring.readiness",
    "export_report": "roam.workbooks.workbook",
    "merge_assessments": "roam.teamwork.merge",
    "resolve_conflict": "roam.teamwork.consensus",
    "compare_cycles": "roam.teamwork.compare",
    "build_portfolio": "roam.teamwork.overview",
    "import_review": "roam.exchange.review",
    "import_answers": "roam.exchange.answer_import",
    "read_reviewed_workbook": "roam.workbooks.liaison_review",
    "read_filled_template": "roam.workbooks.filled_template_reader",
    "write_template": "roam.workbooks.template_writer",
    "write_draft": "roam.documents.draft",
}

__all__ = [
    "__version__",
    "build_portfolio",
    "compare_cycles",
    "export_report",
    "import_answers",
    "import_review",
    "load_assessment",
    "load_framework",
    "merge_assessments",
    "open_assessment",
    "read_filled_template",
    "read_reviewed_workbook",
    "readiness",
    "resolve_conflict",
    "save_assessment",
    "score",
    "write_draft",
    "write_template",
]

if TYPE_CHECKING:
    from roam.assessment.editing_session import open_assessment
    from roam.assessment.loader import load_assessment
    from roam.assessment.storage import save_assessment
    from roam.documents.draft import write_draft
    from roam.exchange.answer_import import import_answers
    from roam.exchange.review import import_review
    from roam.framework.loader import load_framework
    from roam.scoring.engine import score
    from roam.scoring.readiness import readiness
    from roam.teamwork.compare import compare_cycles
    from roam.teamwork.consensus import resolve_conflict
    from roam.teamwork.merge import merge_assessments
    from roam.teamwork.overview import build_portfolio
    from roam.workbooks.filled_template_reader import read_filled_template
    from roam.workbooks.liaison_review import read_reviewed_workbook
    from roam.workbooks.template_writer import write_template
    from roam.workbooks.workbook import export_report


def __getattr__(name: str) -> Any:
    module_name = _API.get(name)
    if module_name is None:
        raise AttributeError(f"module 'roam' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module_name), name)
