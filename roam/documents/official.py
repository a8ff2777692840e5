"""UNESCO's reference and wording from the team's overlay, beside roam's own text.

Where an overlay (:mod:`roam.framework.overlay`) gives an item's official text, the
draft quotes it under the item, labelled as UNESCO's with its reference and the
overlay file it came from, followed by roam's own wording labelled as roam's, so a
reader never takes one for the other.  An example overlay's texts are made up: the
label says so every time one is shown.
"""

from __future__ import annotations

from roam.documents.context import DraftContext
from roam.documents.outline import Block, Span, para
from roam.framework.overlay import Official


def official_texts(ctx: DraftContext, code: str, roam_text: str) -> list[Block]:
    """The labelled official reference and text of ``code``, then roam's; none without overlay."""
    official = ctx.overlay.get(code)
    if official is None:
        return []
    label = ctx.word("official.example" if official.example else "official.unesco")
    wording = ctx.text(official.text) if official.text else ""
    blocks: list[Block] = [
        para(
            Span(ctx.word("label", name=f"{label} ({_reference(ctx, official)})"), bold=True),
            wording or ctx.word("official.no_text"),
            style="note",
        )
    ]
    if wording:
        blocks.append(
            para(
                Span(ctx.word("label", name=ctx.word("official.roam")), bold=True),
                roam_text,
                style="note",
            )
        )
    return blocks


def _reference(ctx: DraftContext, official: Official) -> str:
    parts = [ctx.word("official.ref", ref=official.unesco_ref)] if official.unesco_ref else []
    if official.page is not None:
        parts.append(ctx.word("official.page", page=official.page))
    parts.append(official.path.name)
    return ", ".join(parts)


def overlay_statement(ctx: DraftContext) -> list[Block]:
    """The title page's word on official texts, when an overlay gives any."""
    if not ctx.overlay:
        return []
    lines = [ctx.word("official.note")]
    if any(official.example for official in ctx.overlay.items.values()):
        lines.append(ctx.word("official.example_note"))
    return [para(" ".join(lines), style="note")]
