"""The numbered references of the draft, built from the evidence items as they are cited.

The same source cited by several answers gets one number (matched as the
workbook's evidence register matches them, by kind, citation and location).
Numbers follow the order of first citation, so the bibliography reads in the
order of the report.  Under redaction, a confidential source keeps its number
and is listed as withheld, so a reader sees that something was left out.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from roam.assessment.model import Evidence
from roam.documents.outline import Span, safe_link
from roam.documents.words import named, word


@dataclass(slots=True)
class References:
    lang: str = "en"
    redact_confidential: bool = False
    numbers: dict[tuple[str, str, str], int] = field(default_factory=dict)
    items: list[Evidence] = field(default_factory=list)
    cited: dict[int, list[str]] = field(default_factory=dict)  # number -> where cited

    def cite(self, item: Evidence, where: str) -> int:
        """The number of ``item``, given on first citation; ``where`` is the citing code."""
        key = item.identity()
        number = self.numbers.get(key)
        if number is None:
            self.items.append(item)
            number = len(self.items)
            self.numbers[key] = number
        places = self.cited.setdefault(number, [])
        if where not in places:
            places.append(where)
        return number

    def withheld(self, item: Evidence) -> bool:
        return item.confidential and self.redact_confidential

    def entry(self, number: int) -> tuple[Span, ...]:
        """The bibliography entry of reference ``number``, as spans."""
        item = self.items[number - 1]
        lead = Span(f"[{number}] ", bold=True)
        if self.withheld(item):
            return (lead, Span(word("withheld", self.lang), italic=True))
        parts = [item.citation]
        if item.publisher:
            parts.append(item.publisher)
        if item.published:
            parts.append(item.published.isoformat())
        kind = named("evidence", item.kind, self.lang)
        parts.append(kind[:1].upper() + kind[1:])
        spans = [lead, Span(". ".join(parts) + ".")]
        link = safe_link(item.location)
        if link:
            spans += [Span(" "), Span(link, link=link)]
        elif item.location:
            spans.append(Span(f" {item.location}"))
        if item.accessed:
            spans.append(Span(f" ({word('accessed', self.lang, date=item.accessed.isoformat())})"))
        return tuple(spans)

    def kinds(self) -> dict[str, int]:
        """How many distinct sources of each evidence kind are cited."""
        counts: dict[str, int] = {}
        for item in self.items:
            counts[item.kind] = counts.get(item.kind, 0) + 1
        return counts
