"""The opening of the draft: title page, contents, summary, method, national context."""

from __future__ import annotations

from roam.assessment.model import STAKEHOLDER_GROUPS
from roam.documents.context import DraftContext
from roam.documents.official import overlay_statement
from roam.documents.outline import (
    Block,
    BulletList,
    Heading,
    PageBreak,
    Span,
    Table,
    TableOfContents,
    para,
)
from roam.documents.provenance import framework_texts_statement
from roam.scoring.result import NodeScore


def title_page(ctx: DraftContext) -> list[Block]:
    a = ctx.assessment
    facts = [
        (ctx.word("title.edition"), ctx.edition),
        (ctx.word("title.cycle"), ctx.word("title.cycle_value", date=a.created.date().isoformat())),
        (ctx.word("title.scope"), ctx.word(f"fact.scope.{a.scope}")),
        (ctx.word("title.drafted"), ctx.generated.date().isoformat()),
    ]
    blocks: list[Block] = [
        para(ctx.word("title", country=a.country), style="title"),
        para(ctx.word("subtitle"), style="subtitle"),
        BulletList(
            tuple(
                para(Span(ctx.word("label", name=name), bold=True), value) for name, value in facts
            )
        ),
    ]
    blocks += [
        para(line, style="note") for line in framework_texts_statement(ctx.framework, ctx.lang)
    ]
    blocks += overlay_statement(ctx)
    blocks.append(para(ctx.word("title.how"), style="note"))
    if ctx.redact_confidential:
        blocks.append(para(Span(ctx.word("title.redacted"), bold=True), style="note"))
    blocks += [PageBreak(), TableOfContents(ctx.word("contents")), PageBreak()]
    return blocks


def _themes(ctx: DraftContext) -> list[tuple[str, NodeScore]]:
    found = []
    for category in ctx.scored_categories():
        for theme in category.themes:
            node = ctx.nodes.get(theme.code)
            if node is not None and node.score is not None:
                found.append((f"{theme.code} {ctx.text(theme.name)}", node))
    return found


def executive_summary(ctx: DraftContext) -> list[Block]:
    counts = ctx.status_counts(ctx.scope)
    blocks: list[Block] = [
        Heading(1, ctx.word("h.summary")),
        para(
            ctx.word(
                "fact.coverage",
                total=len(ctx.scope),
                scope=ctx.word(f"fact.scope.{ctx.assessment.scope}"),
                **counts,
            )
        ),
    ]
    if counts["answered"] == 0:
        blocks.append(para(ctx.word("fact.empty")))
    scored = _themes(ctx)
    if scored:
        blocks.append(para(ctx.word("fact.scores_note"), style="note"))
        ranked = sorted(scored, key=lambda item: (-(item[1].score or 0), item[0]))
        strongest, weakest = ranked[0], ranked[-1]
        lines = [
            ctx.word("fact.strongest", theme=strongest[0], score=ctx.score_phrase(strongest[1]))
        ]
        if weakest is not strongest:
            lines.append(
                ctx.word("fact.weakest", theme=weakest[0], score=ctx.score_phrase(weakest[1]))
            )
        blocks.append(BulletList(tuple(para(line) for line in lines)))
    blocks += ctx.gap_sentences(ctx.scope)
    blocks.append(para(ctx.word("team.summary"), style="placeholder"))
    return blocks


def method(ctx: DraftContext) -> list[Block]:
    a = ctx.assessment
    blocks: list[Block] = [
        Heading(1, ctx.word("h.method")),
        Heading(2, ctx.word("h.assessment")),
        para(
            ctx.word("label", name=ctx.edition)
            + f"{ctx.word(f'fact.scope.{a.scope}')}, {len(ctx.scope)} "
            f"{ctx.word('col.indicators').lower()}. {ctx.word('fact.scope_note')}"
        ),
        para(ctx.word("team.method"), style="placeholder"),
        Heading(2, ctx.word("h.mab")),
    ]
    if a.mab:
        groups = [g for g in STAKEHOLDER_GROUPS if any(m.group == g for m in a.mab)]
        listed = ", ".join(
            f"{ctx.named('group', g)} {sum(m.group == g for m in a.mab)}" for g in groups
        )
        blocks.append(
            para(ctx.word("fact.mab_count", count=len(a.mab), groups=len(groups), list=listed))
        )
        header: tuple[str, ...] = (
            ctx.word("col.name"),
            ctx.word("col.organisation"),
            ctx.word("col.group"),
        )
        rows: list[tuple[str, ...]] = [
            (m.name, m.organisation, ctx.named("group", m.group)) for m in a.mab
        ]
        blocks.append(Table(header, tuple(rows), (3, 4, 2)))
    else:
        blocks.append(ctx.missing("missing.mab"))
    blocks.append(Heading(2, ctx.word("h.team")))
    if a.team:
        rows = [(p.name, p.role) for p in a.team]
        blocks.append(Table((ctx.word("col.name"), ctx.word("col.role")), tuple(rows), (1, 1)))
    else:
        blocks.append(ctx.missing("missing.team"))
    blocks.append(Heading(2, ctx.word("h.milestones")))
    if a.milestones:
        header = (
            ctx.word("col.milestone"),
            ctx.word("col.status"),
            ctx.word("col.date"),
            ctx.word("col.note"),
        )
        rows = [
            (
                ctx.named("milestone", m.kind),
                ctx.named("mstatus", m.status),
                m.date.isoformat() if m.date else "",
                m.note,
            )
            for m in a.milestones
        ]
        blocks.append(Table(header, tuple(rows), (2, 1.2, 1.2, 4)))
    else:
        blocks.append(ctx.missing("missing.milestones"))
    blocks += _consulted(ctx)
    return blocks


def _consulted(ctx: DraftContext) -> list[Block]:
    blocks: list[Block] = [Heading(2, ctx.word("h.consulted"))]
    counts = {group: 0 for group in STAKEHOLDER_GROUPS}
    for code in ctx.scope:
        for group in set(ctx.answer(code).stakeholders):
            counts[group] += 1
    rows = [(ctx.named("group", g), str(n)) for g, n in counts.items() if n]
    if rows:
        blocks.append(para(ctx.word("fact.consulted")))
        header = (ctx.word("col.group"), ctx.word("col.indicators"))
        blocks.append(Table(header, tuple(rows), (3, 1)))
    else:
        blocks.append(ctx.missing("missing.consulted"))
    return blocks


def data_sources(ctx: DraftContext) -> list[Block]:
    """Written after the chapters have cited their sources, placed at the end of the method."""
    blocks: list[Block] = [Heading(2, ctx.word("h.sources"))]
    kinds = ctx.references.kinds()
    if not kinds:
        return [*blocks, ctx.missing("missing.sources")]
    listed = ", ".join(f"{ctx.named('evidence', kind)} {n}" for kind, n in sorted(kinds.items()))
    blocks.append(para(ctx.word("fact.sources", count=len(ctx.references.items), list=listed)))
    return blocks


def national_context(ctx: DraftContext) -> list[Block]:
    blocks: list[Block] = [Heading(1, ctx.word("h.context"))]
    rows = []
    for category in ctx.framework.categories:
        if not category.contextual:
            continue
        for place in ctx.places_in_scope(category):
            code = place.indicator.code
            answer = ctx.answer(code)
            value = ""
            if answer.value is not None:
                value = ctx.number(answer.value)
            elif answer.status != "answered":
                value = ctx.named("status", answer.status)
            cited = " ".join(span.text for span in ctx.citations(code))
            unit = answer.unit or getattr(place.indicator, "unit", None) or ""
            rows.append(
                (code, ctx.text(place.indicator.text), value, unit, str(answer.year or ""), cited)
            )
    answered = [row for row in rows if ctx.answer(row[0]).status == "answered"]
    if rows:
        header = tuple(
            ctx.word(f"col.{key}")
            for key in ("code", "indicator", "value", "unit", "year", "source")
        )
        blocks.append(Table(header, tuple(rows), (1.1, 3.3, 1.1, 1.6, 0.8, 0.9)))
    if not answered:
        blocks.append(ctx.missing("missing.context"))
    blocks.append(para(ctx.word("team.context"), style="placeholder"))
    return blocks
