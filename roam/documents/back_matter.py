"""The end of the draft: recommendations by stakeholder group, then the annexes."""

from __future__ import annotations

from roam.assessment.model import STAKEHOLDER_GROUPS
from roam.documents.context import DraftContext
from roam.documents.outline import Block, BulletList, Heading, Paragraph, Span, Table, para


def recommendations(ctx: DraftContext) -> list[Block]:
    blocks: list[Block] = [Heading(1, ctx.word("h.recommendations"))]
    recs = ctx.assessment.recommendations
    if not recs:
        return [*blocks, ctx.missing("missing.recommendations")]
    blocks.append(para(ctx.word("fact.recommendations")))
    for group in STAKEHOLDER_GROUPS:
        addressed = [r for r in recs if group in r.groups]
        if not addressed:
            continue
        blocks.append(Heading(2, ctx.named("group", group)))
        items = []
        for rec in addressed:
            meta = ctx.word(
                "recommendation.meta",
                priority=ctx.named("priority", rec.priority),
                timeframe=ctx.named("timeframe", rec.timeframe),
                codes=", ".join(rec.indicators) or ctx.word("none"),
            )
            items.append(
                para(Span(f"{rec.id}: ", bold=True), rec.text, Span(f" ({meta})", italic=True))
            )
        blocks.append(BulletList(tuple(items)))
    return blocks


def annexes(ctx: DraftContext) -> list[Block]:
    blocks: list[Block] = [Heading(1, ctx.word("h.annexes"))]
    blocks += _indicator_table(ctx)
    blocks += _gaps(ctx)
    blocks += _bibliography(ctx)
    blocks += [Heading(2, ctx.word("h.score_method")), para(ctx.word("fact.method"))]
    return blocks


def _indicator_table(ctx: DraftContext) -> list[Block]:
    header = tuple(
        ctx.word(f"col.{key}") for key in ("code", "indicator", "status", "answer", "confidence")
    )
    rows = []
    for place in ctx.places_in_scope():
        answer = ctx.answer(place.indicator.code)
        rows.append(
            (
                place.indicator.code,
                ctx.text(place.indicator.text),
                ctx.named("status", answer.status),
                ctx.answer_value(place) if answer.status == "answered" else "",
                ctx.named("confidence", answer.confidence),
            )
        )
    return [
        Heading(2, ctx.word("h.indicator_table")),
        Table(header, tuple(rows), (1.5, 4.5, 1.3, 1.7, 1.2)),
    ]


def _gaps(ctx: DraftContext) -> list[Block]:
    blocks: list[Block] = [Heading(2, ctx.word("h.gaps"))]
    rows = []
    for place in ctx.places_in_scope():
        answer = ctx.answer(place.indicator.code)
        if answer.status == "answered":
            continue
        rows.append(
            (
                place.indicator.code,
                ctx.text(place.indicator.text),
                ctx.named("status", answer.status),
                answer.justification,
            )
        )
    if not rows:
        return [*blocks, para(ctx.word("missing.gaps"))]
    header = tuple(ctx.word(f"col.{key}") for key in ("code", "indicator", "status", "reason"))
    return [*blocks, para(ctx.word("fact.gaps")), Table(header, tuple(rows), (1.5, 4, 1.3, 3.5))]


def _bibliography(ctx: DraftContext) -> list[Block]:
    blocks: list[Block] = [Heading(2, ctx.word("h.bibliography"))]
    refs = ctx.references
    if not refs.items:
        return [*blocks, ctx.missing("missing.sources")]
    blocks += [Paragraph(refs.entry(n), style="reference") for n in range(1, len(refs.items) + 1)]
    return blocks
