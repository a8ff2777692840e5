"""Who wrote the framework texts a document quotes: the statement on the title page.

The one place that says it, so that when an edition records a provenance
statement of its own, only this function changes.
"""

from __future__ import annotations

from roam.documents.words import word
from roam.framework.model import Framework
from roam.framework.text import localize


def framework_texts_statement(framework: Framework, lang: str = "en") -> list[str]:
    """roam's statement that the texts are its own wording, then the edition's note if any."""
    source = framework.source
    statement = [
        word(
            "provenance.roam",
            lang,
            title=source.title,
            publisher=source.publisher,
            year=source.year,
        )
    ]
    note = localize(source.note, lang) if source.note else ""
    if note:
        statement.append(note)
    return statement
