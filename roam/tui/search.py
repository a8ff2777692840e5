"""Search the framework's words: theme and question names before the indicators' texts.

A word like "privacy" should bring up the theme "Right to privacy" and its
questions before the many indicators that mention privacy somewhere; each
result says what matched, so a user sees why it is there.  Codes are the jump's
work (roam.tui.commands.JumpCommands), which ranks them above all of these.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from roam.tui.session import Session

# What matched, best first, as the palette says it.  A theme's questions come
# right after it, with the theme's rank.
THEME = "The theme's name matches"
IN_THEME = "A question of the matching theme"
QUESTION = "The question matches"
TEXT = "The indicator's text matches"
GUIDANCE = "The indicator's guidance matches"
RANK = {THEME: 0, IN_THEME: 0, QUESTION: 1, TEXT: 2, GUIDANCE: 3}


@dataclass(frozen=True)
class Found:
    """One result: what to show, the indicator to go to, and what matched."""

    code: str  # the indicator shown when chosen (a theme's or question's first one)
    label: str  # "R.B Right to privacy", "R.B.1 Is the right…", "R.B.1.a Does the law…"
    matched: str  # THEME, IN_THEME, QUESTION, TEXT or GUIDANCE
    rank: int  # RANK[matched]: lower is better


def _all_languages(text: dict[str, str] | None) -> str:
    return " ".join((text or {}).values()).casefold()


def _holds(haystack: str, words: list[str]) -> bool:
    return all(word in haystack for word in words)


def search(session: Session, query: str) -> list[Found]:
    """Every theme, question and in-scope indicator holding all the words of ``query``.

    Themes and questions are offered once each, at their first in-scope indicator;
    an indicator is offered for its best match only.  Order: what matched, then
    framework order.
    """
    words = query.casefold().split()
    if not words:
        return []
    found: list[Found] = []
    seen: set[str] = set()  # theme and question codes offered already
    themes: set[str] = set()  # the themes whose name matches

    def add(code: str, label: str, matched: str, rank: int | None = None) -> None:
        found.append(Found(code, label, matched, RANK[matched] if rank is None else rank))

    for code in session.codes:
        place = session.place(code)
        theme, question, indicator = place.theme, place.question, place.indicator
        if theme.code not in seen:
            seen.add(theme.code)
            if _holds(_all_languages(theme.name), words):
                themes.add(theme.code)
                add(code, f"{theme.code} {session.text(theme.name)}", THEME)
        if question.code not in seen:
            seen.add(question.code)
            label = f"{question.code} {session.text(question.text)}"
            if _holds(_all_languages(question.text), words):
                add(code, label, QUESTION, 0 if theme.code in themes else None)
            elif theme.code in themes:
                add(code, label, IN_THEME)
        label = f"{code}  {session.text(indicator.text)}"
        if _holds(_all_languages(indicator.text), words):
            add(code, label, TEXT)
        elif _holds(_all_languages(indicator.guidance), words):
            add(code, label, GUIDANCE)
    return sorted(found, key=lambda hit: hit.rank)
