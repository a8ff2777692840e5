"""Who wrote an edition's texts, in words a reader sees beside them.

An edition states its provenance in one sentence (``provenance.statement``);
each item may name its own (``provenance``) and UNESCO's number for it
(``unesco_ref``).  These helpers turn them into the short texts that the TUI,
the workbooks and the CLI print, so that every surface says the same thing.
"""

from __future__ import annotations

from roam.framework.model import Framework, Provenance, Sourced
from roam.framework.text import localize

_NO_STATEMENT = {
    "en": "This edition does not say who wrote its texts; do not cite them as UNESCO's.",
    "fr": (
        "Cette édition n'indique pas qui a rédigé ses textes ; ne les citez pas comme "
        "ceux de l'UNESCO."
    ),
}

_LABELS: dict[Provenance, dict[str, str]] = {
    "unesco": {"en": "UNESCO's published wording", "fr": "texte publié de l'UNESCO"},
    "unesco-draft": {
        "en": "after a UNESCO consultation draft, in roam's words",
        "fr": "d'après un projet de consultation de l'UNESCO, dans les mots de roam",
    },
    "roam": {"en": "written for roam", "fr": "rédigé pour roam"},
}


def provenance_statement(framework: Framework, language: str = "en") -> str:
    """The edition's one-sentence statement of who wrote its texts and from what."""
    if framework.provenance is None:
        return localize(_NO_STATEMENT, language)
    return localize(framework.provenance.statement, language)


def provenance_label(provenance: Provenance, language: str = "en") -> str:
    return localize(_LABELS[provenance], language)


def item_provenance_label(framework: Framework, item: Sourced, language: str = "en") -> str:
    """What a reader is told about one item's text."""
    return provenance_label(framework.provenance_of(item), language)


def unesco_reference(item: Sourced) -> str | None:
    """UNESCO's number for the item as shown to people, only if the edition records it."""
    return f"UNESCO {item.unesco_ref}" if item.unesco_ref else None
