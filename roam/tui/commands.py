"""Command palette providers: jump to an indicator by code, search the framework's words.

The general palette (ctrl+k) lists its commands when empty; ctrl+g lists the
indicators, and says where to go when words, not a code, are typed into it.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from roam.tui.plain import shown

if TYPE_CHECKING:
    from roam.tui.app import RoamApp
    from roam.tui.session import Session

_MAX_HITS = 40


def _roam_app(provider: Provider) -> RoamApp:
    from roam.tui.app import RoamApp

    app = provider.app
    assert isinstance(app, RoamApp)
    return app


def _short(text: str, width: int = 70) -> str:
    text = shown(text)
    return text if len(text) <= width else text[: width - 1] + "…"


def code_score(query: str, code: str) -> float:
    """How well ``query`` names ``code``: exact beats prefix beats containment (0: no match)."""
    wanted = query.strip().casefold()
    candidate = code.casefold()
    if not wanted:
        return 0.0
    if candidate == wanted:
        return 1.0
    if candidate.startswith(wanted):
        return 0.9 - 0.001 * (len(candidate) - len(wanted))
    if wanted in candidate:
        return 0.5
    return 0.0


class JumpCommands(Provider):
    """``R.B.1.a`` → the indicator with that code (prefixes and parts match too)."""

    def _session(self) -> Session | None:
        return _roam_app(self).session

    def _hits(self, query: str) -> Iterator[Hit]:
        session = self._session()
        if session is None:
            return
        app = _roam_app(self)
        scored = [(code_score(query, code), code) for code in session.codes]
        scored = sorted((s for s in scored if s[0] > 0), key=lambda s: -s[0])[:_MAX_HITS]
        for value, code in scored:
            text = session.text(session.indicator(code).text)
            yield Hit(
                value,
                Content(f"{code}  {_short(text)}"),
                partial(app.go_to_indicator, code),
                text=f"{code} {text}",
            )

    async def search(self, query: str) -> Hits:
        for hit in self._hits(query):
            yield hit


class CodeJumpCommands(JumpCommands):
    """ctrl+g: the indicators when nothing is typed; words that name no code lead to search."""

    async def search(self, query: str) -> Hits:
        hits = list(self._hits(query))
        for hit in hits:
            yield hit
        if not hits and query.strip():
            app = _roam_app(self)
            yield Hit(
                0.01,
                Content(f"No code matches '{_short(query.strip(), 40)}': search the texts for it"),
                partial(app.search_texts, query.strip()),
                text=query,
                help="ctrl+f searches theme, question and indicator texts",
            )

    async def discover(self) -> Hits:
        session = self._session()
        if session is None:
            return
        app = _roam_app(self)
        for code in session.codes[:_MAX_HITS]:
            text = session.text(session.indicator(code).text)
            yield DiscoveryHit(
                Content(f"{code}  {_short(text)}"), partial(app.go_to_indicator, code), text=code
            )


class SearchCommands(Provider):
    """Themes, questions and in-scope indicators whose words hold all the words typed.

    Scored below any code the jump finds (0.5 and up), theme names first.
    """

    async def search(self, query: str) -> Hits:
        from roam.tui.search import search

        app = _roam_app(self)
        session = app.session
        if session is None or len(query.strip()) < 2:
            return
        for count, found in enumerate(search(session, query)[:_MAX_HITS]):
            yield Hit(
                0.45 - found.rank * 0.1 - count * 0.0001,
                Content(_short(found.label, 80)),
                partial(app.go_to_indicator, found.code),
                text=found.label,
                help=found.matched,
            )
