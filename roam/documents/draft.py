"""``write_draft``: the national report draft of an assessment, as Word (.docx) or Markdown.

The order is the one national reports follow: title page, contents, executive
summary, introduction and method, national context, one chapter per category
(Rights, Openness, Accessibility, Multistakeholder participation, cross-cutting),
recommendations by stakeholder group, annexes.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from roam.assessment.atomic_file import write_output
from roam.assessment.model import Assessment
from roam.documents.back_matter import annexes, recommendations
from roam.documents.chapters import category_chapter
from roam.documents.context import DraftContext
from roam.documents.front_matter import (
    data_sources,
    executive_summary,
    method,
    national_context,
    title_page,
)
from roam.documents.outline import Block, Outline, Properties
from roam.documents.provenance import framework_texts_statement
from roam.documents.words import LANGUAGES
from roam.errors import RoamError
from roam.framework.model import Framework
from roam.framework.overlay import Overlay
from roam.scoring.edition import edition_and_overlay
from roam.scoring.engine import DEFAULT_RULES, score

SUFFIXES = (".docx", ".md")


def build_outline(
    assessment: Assessment,
    framework: Framework,
    *,
    lang: str = "en",
    redact_confidential: bool = False,
    generated: dt.datetime | None = None,
    overlay: Overlay | None = None,
) -> Outline:
    """The draft as a neutral outline, ready for either writer."""
    if lang not in LANGUAGES:
        raise RoamError(f"unknown draft language '{lang}': choose one of {', '.join(LANGUAGES)}")
    ctx = DraftContext(
        assessment=assessment,
        framework=framework,
        report=score(assessment, framework, DEFAULT_RULES),
        generated=generated or dt.datetime.now(dt.UTC),
        lang=lang,
        redact_confidential=redact_confidential,
        overlay=overlay or Overlay(),
    )
    # The context and the chapters cite sources first, so that the method's count
    # of sources and the bibliography see every reference, numbered in reading order.
    context = national_context(ctx)
    chapters: list[Block] = []
    for category in ctx.scored_categories():
        chapters += category_chapter(ctx, category)
    outline = Outline(_properties(ctx))
    outline.add(*title_page(ctx), *executive_summary(ctx), *method(ctx), *data_sources(ctx))
    outline.add(*context, *chapters, *recommendations(ctx), *annexes(ctx))
    return outline


def _properties(ctx: DraftContext) -> Properties:
    a = ctx.assessment
    return Properties(
        title=ctx.word("title", country=a.country),
        subject=ctx.edition,
        author=", ".join(p.name for p in a.team) or a.country,
        keywords=f"Internet Universality Indicators; ROAM-X; UNESCO; {a.country}; {a.iso}",
        comments=" ".join(framework_texts_statement(ctx.framework, ctx.lang)),
        language=ctx.lang,
    )


def write_draft(
    assessment: Assessment,
    path: str | Path,
    *,
    framework: Framework | None = None,
    lang: str = "en",
    redact_confidential: bool = False,
    template: str | Path | None = None,
    assessment_path: str | Path | None = None,
    generated: dt.datetime | None = None,
    overlay: Overlay | None = None,
    follow_symlink: bool = True,
) -> Path:
    """Write the draft to ``path`` (.docx or .md, atomically) and return the path.

    ``template`` is a .docx whose styles, page set-up, headers and footers the
    Word draft uses (its body text is left out).  The file goes through roam's
    one writer, which refuses to replace the template, the assessment or any
    assessment file; ``follow_symlink=False`` when roam chose the name.
    ``overlay`` gives official texts to quote beside roam's; by default, the
    overlays beside ``assessment_path`` (a broken one raises ``SourceError``).
    """
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in SUFFIXES:
        raise RoamError(f"{target}: a draft is a Word (.docx) or Markdown (.md) file")
    if template is not None and suffix != ".docx":
        raise RoamError(f"{target}: a Word template applies only to a .docx draft")
    framework, overlay = edition_and_overlay(assessment, assessment_path, framework, overlay)
    outline = build_outline(
        assessment,
        framework,
        lang=lang,
        redact_confidential=redact_confidential,
        generated=generated,
        overlay=overlay,
    )
    if suffix == ".md":
        from roam.documents.markdown_writer import markdown_bytes

        data = markdown_bytes(outline)
    else:
        from roam.documents.docx_writer import docx_bytes

        data = docx_bytes(outline, template=Path(template) if template else None)
    inputs = [given for given in (template, assessment_path) if given is not None]
    return write_output(
        target, data, inputs=inputs, follow_symlink=follow_symlink, create_folder=True
    )
