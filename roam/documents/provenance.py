"""Who wrote the framework texts a document quotes: the statement on the title page.

The edition's own statement (``provenance.statement``, through
:func:`roam.framework.provenance.provenance_statement`) is what every surface
of roam shows; an edition that states none is said to state none, followed by
its source's note when it has one.
"""

from __future__ import annotations

from roam.framework.model import Framework
from roam.framework.provenance import provenance_statement, unesco_reference
from roam.framework.text import localize


def framework_texts_statement(framework: Framework, lang: str = "en") -> list[str]:
    """The paragraphs that tell a reader who wrote the framework texts quoted."""
    statement = [provenance_statement(framework, lang)]
    note = localize(framework.source.note, lang) if framework.source.note else ""
    if framework.provenance is None and note:
        statement.append(note)
    return statement


def with_unesco_reference(title: str, item: object) -> str:
    """``title`` followed by UNESCO's own number for the item, only when the edition records it."""
    from roam.framework.model import Sourced

    reference = unesco_reference(item) if isinstance(item, Sourced) else None
    return f"{title} ({reference})" if reference else title
