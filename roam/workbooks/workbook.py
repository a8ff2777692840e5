"""``export_report``: the diagnostic workbook a national team sends to its UNESCO liaison.

The scores are the scoring engine's, written as values (no formulas), so the
workbook says exactly what `roam` says and opens the same in any spreadsheet.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import Workbook

from roam.assessment.model import Assessment, unstorable_text
from roam.errors import RoamError
from roam.exchange.provenance import make_stamp
from roam.exchange.workbook_labels import LANGUAGES, label
from roam.framework.model import Framework
from roam.framework.overlay import Overlay
from roam.scoring.edition import edition_and_overlay
from roam.scoring.engine import DEFAULT_RULES, score
from roam.scoring.result import ScoringRules
from roam.workbooks.context import ReportContext
from roam.workbooks.inert_cells import clean_text
from roam.workbooks.saving import save_workbook
from roam.workbooks.sheet_names import safe_sheet_title
from roam.workbooks.sheets.category import build_category
from roam.workbooks.sheets.cover import build_cover
from roam.workbooks.sheets.dashboard import build_dashboard
from roam.workbooks.sheets.evidence import build_evidence
from roam.workbooks.sheets.gaps import build_gaps
from roam.workbooks.sheets.method import build_method
from roam.workbooks.sheets.official import build_official
from roam.workbooks.sheets.recommendations import build_recommendations
from roam.workbooks.sheets.review_log import build_review_log
from roam.workbooks.sheets.robustness import build_robustness
from roam.workbooks.sheets.stamp import STAMP_SHEET, build_stamp_sheet
from roam.workbooks.styles import install_styles


def export_report(
    assessment: Assessment,
    path: str | Path,
    *,
    framework: Framework | None = None,
    lang: str = "en",
    redact_confidential: bool = False,
    rules: ScoringRules | None = None,
    assessment_path: str | Path | None = None,
    generated: dt.datetime | None = None,
    overlay: Overlay | None = None,
    follow_symlink: bool = True,
) -> Path:
    """Write the report workbook to ``path`` (atomically) and return the path.

    ``framework`` defaults to the edition the assessment names (a built-in one,
    or its ``framework.path`` relative to ``assessment_path``).  ``lang`` is ``en`` or ``fr``.  With
    ``redact_confidential``, confidential evidence shows as "[confidential source]".
    ``follow_symlink=False`` when roam chose the name (see :func:`save_workbook`).
    """
    if lang not in LANGUAGES:
        raise RoamError(f"unknown report language '{lang}': choose one of {', '.join(LANGUAGES)}")
    unstorable = unstorable_text(assessment)
    if unstorable:
        raise RoamError(f"cannot export the assessment: {unstorable}")
    framework, overlay = edition_and_overlay(assessment, assessment_path, framework, overlay)
    workbook = build_workbook(
        assessment,
        framework,
        lang=lang,
        redact_confidential=redact_confidential,
        rules=rules,
        generated=generated,
        overlay=overlay,
    )
    return save_workbook(workbook, path, follow_symlink=follow_symlink)


def build_workbook(
    assessment: Assessment,
    framework: Framework,
    *,
    lang: str = "en",
    redact_confidential: bool = False,
    rules: ScoringRules | None = None,
    generated: dt.datetime | None = None,
    overlay: Overlay | None = None,
) -> Workbook:
    """The report as an in-memory openpyxl workbook (what ``export_report`` saves)."""
    report = score(assessment, framework, rules or DEFAULT_RULES)
    moment = generated or dt.datetime.now(dt.UTC)
    workbook = Workbook()
    ctx = ReportContext(
        workbook=workbook,
        cells=install_styles(workbook),
        assessment=assessment,
        framework=framework,
        report=report,
        stamp=make_stamp(assessment, framework, moment, lang, redact_confidential),
        lang=lang,
        redact_confidential=redact_confidential,
    )
    _fill(ctx)
    if overlay:
        sheet = workbook.create_sheet(
            ctx.label("sheet.official"), workbook.sheetnames.index(ctx.label("sheet.method"))
        )
        build_official(ctx, sheet, overlay)
    _document_properties(ctx, moment)
    return workbook


def _fill(ctx: ReportContext) -> None:
    workbook = ctx.workbook
    cover = workbook.active
    cover.title = ctx.label("sheet.cover")
    dashboard = workbook.create_sheet(ctx.label("sheet.dashboard"))
    taken = [cover.title, dashboard.title, STAMP_SHEET, *_fixed_titles(ctx.lang)]
    category_sheets = []
    for category in ctx.framework.categories:
        title = safe_sheet_title(f"{category.code} {ctx.text(category.name)}", taken)
        taken.append(title)
        ctx.category_sheets[category.code] = title
        category_sheets.append((category, workbook.create_sheet(title)))
    theme_rows: dict[str, tuple[str, int]] = {}
    for category, sheet in category_sheets:
        theme_rows.update(build_category(ctx, sheet, category))
    build_cover(ctx, cover)
    build_dashboard(ctx, dashboard, theme_rows)
    for key, builder in (
        ("sheet.evidence", build_evidence),
        ("sheet.gaps", build_gaps),
        ("sheet.recommendations", build_recommendations),
        ("sheet.review_log", build_review_log),
        ("sheet.method", build_method),
        ("sheet.robustness", build_robustness),
    ):
        builder(ctx, workbook.create_sheet(ctx.label(key)))
    build_stamp_sheet(workbook, workbook.create_sheet(STAMP_SHEET), ctx.stamp)
    workbook.active = 0


def _fixed_titles(lang: str) -> list[str]:
    keys = ("evidence", "gaps", "recommendations", "review_log", "method", "robustness")
    return [label(f"sheet.{key}", lang) for key in keys]


def _document_properties(ctx: ReportContext, moment: dt.datetime) -> None:
    from roam import __version__

    a = ctx.assessment
    properties = ctx.workbook.properties
    properties.title = clean_text(f"{ctx.label('title.report')}: {a.country}")
    properties.subject = clean_text(
        f"{ctx.text(ctx.framework.title)} ({ctx.framework.id} {ctx.framework.version}), "
        f"{ctx.label('scope.' + a.scope)}"
    )
    properties.creator = clean_text(", ".join(p.name for p in a.team) or f"{a.country} team")
    properties.lastModifiedBy = f"roam {__version__}"
    properties.keywords = clean_text(
        f"Internet Universality Indicators; ROAM-X; UNESCO; {a.country}; {a.iso}"
    )
    properties.description = ctx.label("disclaimer")
    properties.language = ctx.lang
    naive_utc = moment.astimezone(dt.UTC).replace(tzinfo=None)
    properties.created = naive_utc
    properties.modified = naive_utc
