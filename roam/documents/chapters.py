"""One chapter per scored category: theme by theme, question by question, in framework order.

Each question's subsection assembles what the team recorded for its in-scope
indicators: the level or value, the justification (once, under its question),
the confidence, and the numbered references of the evidence.  Indicators with
no usable answer are listed with their status, never left out.
"""

from __future__ import annotations

from roam.documents.context import DraftContext
from roam.documents.official import official_texts
from roam.documents.outline import Block, BulletList, Heading, Paragraph, Span, para
from roam.documents.provenance import with_unesco_reference
from roam.framework.model import Category, IndicatorPlace


def category_chapter(ctx: DraftContext, category: Category) -> list[Block]:
    places = ctx.places_in_scope(category)
    name = ctx.text(category.name)
    blocks: list[Block] = [Heading(1, f"{category.code} {name}")]
    blocks += official_texts(ctx, category.code, name)
    if category.description:
        blocks.append(para(ctx.text(category.description), style="note"))
    codes = [p.indicator.code for p in places]
    blocks.append(para(ctx.word("fact.category", name=name, score=_phrase(ctx, category.code))))
    themes = _theme_extremes(ctx, category)
    if themes:
        blocks.append(BulletList(tuple(para(line) for line in themes)))
    blocks += ctx.gap_sentences(codes)
    if not any(ctx.answer(c).status == "answered" for c in codes):
        blocks.append(ctx.missing("missing.answers"))
    blocks.append(para(ctx.word("team.chapter", name=name), style="placeholder"))
    for theme in category.themes:
        in_theme = [p for p in places if p.theme.code == theme.code]
        if not in_theme:
            continue
        blocks.append(Heading(2, f"{theme.code} {ctx.text(theme.name)}"))
        blocks += official_texts(ctx, theme.code, ctx.text(theme.name))
        blocks.append(para(ctx.word("fact.theme", score=_phrase(ctx, theme.code))))
        for question in theme.questions:
            in_question = [p for p in in_theme if p.question.code == question.code]
            if in_question:
                title = f"{question.code} {ctx.text(question.text)}"
                blocks.append(Heading(3, with_unesco_reference(title, question)))
                blocks += official_texts(ctx, question.code, ctx.text(question.text))
                for place in in_question:
                    blocks += indicator_finding(ctx, place)
    return blocks


def _phrase(ctx: DraftContext, code: str) -> str:
    return ctx.score_phrase(ctx.nodes.get(code))


def _theme_extremes(ctx: DraftContext, category: Category) -> list[str]:
    scored = []
    for theme in category.themes:
        node = ctx.nodes.get(theme.code)
        if node is not None and node.score is not None:
            scored.append((f"{theme.code} {ctx.text(theme.name)}", node))
    if len(scored) < 2:
        return []
    ranked = sorted(scored, key=lambda item: (-(item[1].score or 0), item[0]))
    best, worst = ranked[0], ranked[-1]
    return [
        ctx.word("fact.strongest", theme=best[0], score=ctx.score_phrase(best[1])),
        ctx.word("fact.weakest", theme=worst[0], score=ctx.score_phrase(worst[1])),
    ]


def indicator_finding(ctx: DraftContext, place: IndicatorPlace) -> list[Block]:
    """The indicator's line (code, text, answer), then the team's justification with sources."""
    code = place.indicator.code
    answer = ctx.answer(code)
    head: list[Span] = [
        Span(f"{code} ", bold=True),
        Span(ctx.text(place.indicator.text), italic=True),
    ]
    if answer.status == "answered":
        value = ctx.answer_value(place)
        details = [value] if value else []
        if answer.confidence:
            details.append(
                ctx.word("answer.confidence", confidence=ctx.named("confidence", answer.confidence))
            )
        if details:
            head.append(Span(_after(head[-1].text) + "; ".join(details) + "."))
    else:
        head.append(Span(_after(head[-1].text) + ctx.named("status", answer.status) + "."))
    blocks: list[Block] = [Paragraph(tuple(head))]
    blocks += official_texts(ctx, code, ctx.text(place.indicator.text))
    cited = ctx.citations(code)
    if answer.justification.strip():
        spans = [Span(answer.justification)]
        for span in cited:
            spans += [Span(" "), span]
        blocks.append(Paragraph(tuple(spans)))
    else:
        if answer.status == "answered":
            blocks.append(para(ctx.word("answer.no_justification"), style="placeholder"))
        if cited:
            spans = [Span(ctx.word("answer.sources"))]
            for span in cited:
                spans += [Span(" "), span]
            blocks.append(Paragraph(tuple(spans)))
    return blocks


def _after(text: str) -> str:
    """What separates an indicator's text from its answer: no second full stop."""
    return " " if text.rstrip().endswith((".", "?", "!", ":")) else ". "
